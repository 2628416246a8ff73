package org.youguan.filing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.Attachment;
import org.youguan.documents.PdfFiles;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 9: a filing form refused for one mistake keeps the files it carried — they are listed as uploaded, can
 * be removed, and the next submit attaches them without choosing them again.
 */
@IntegrationTest
class FilingFormAttachmentsIntegrationTest {

	static final Pattern DRAFT = Pattern.compile("name=\"draft\" value=\"([0-9a-f]{32})\"");

	static final Pattern RELEASE_SHELF = Pattern.compile("货架\\.png</span>.*?name=\"release\" value=\"(\\d+)\"", Pattern.DOTALL);

	static final byte[] PDF = PdfFiles.blankPage();

	@Autowired
	MockMvc mvc;

	@Autowired
	OutletFilings filings;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedFormKeepsItsFilesAndTheNextSubmitAttachesThem() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		String name = "附件保留网点" + System.nanoTime() % 100000;
		MultiValueMap<String, String> form = outletForm(name, "2026-02-01");
		String goodId = form.getFirst("managerIdNumber");
		form.set("managerIdNumber", "123");
		String refused = mvc.perform(multipart("/enterprise/filings/new")
			.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", TestImages.jpeg(40, 30)))
			.file(new MockMultipartFile("photos", "门头.png", "image/png", TestImages.png(40, 30)))
			.file(new MockMultipartFile("photos", "货架.png", "image/png", TestImages.png(40, 30)))
			.params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"managerIdNumber\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"held-attachments\"").contains("营业执照.pdf").contains("身份证.jpg")
			.contains("门头.png").contains("货架.png");
		String draft = find(DRAFT, refused);

		// remove one held photo: the form comes back without it, nothing submitted
		String release = find(RELEASE_SHELF, refused);
		String afterRelease = mvc.perform(multipart("/enterprise/filings/new").params(form).param("draft", draft)
			.param("release", release).session(enterprise).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(afterRelease).contains("门头.png").doesNotContain("货架.png").doesNotContain("id=\"errors\"");

		form.set("managerIdNumber", goodId);
		String location = mvc.perform(multipart("/enterprise/filings/new").params(form).param("draft", draft)
			.session(enterprise).with(csrf()))
			.andExpect(redirectedUrlPattern("/enterprise/filings/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(filings.attachments(DataScope.region("320506"), id)).extracting(Attachment::fileName)
			.containsExactlyInAnyOrder("营业执照.pdf", "身份证.jpg", "门头.png");
		assertThat(filings.held(OutletFilings.draft(draft, directory.principal("sf.wz").orElseThrow()))).isEmpty();
	}

	@Test
	void aRefusedFileIsReportedWithTheFormsOtherErrorsAndTheGoodOnesAreHeld() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		MultiValueMap<String, String> form = outletForm("伪造附件网点" + System.nanoTime() % 100000,
				"2026-02-01");
		mvc.perform(multipart("/enterprise/filings/new")
			.file(new MockMultipartFile("businessLicence", "营业执照.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("managerId", "身份证.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes()))
			.params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"attachments.MANAGER_ID\"")))
			.andExpect(content().string(containsString("营业执照.pdf")))
			.andExpect(content().string(not(containsString("备案已提交"))));
	}

	@Test
	void aRefusedChangeFilingKeepsItsFilesAndTheNextSubmitAttachesThem() throws Exception {
		long outlet = jdbc.sql("""
				SELECT o.id FROM terminal_outlet o WHERE o.status = 'FILED' AND o.region_code LIKE '320506%'
				AND o.operator_credit_code = :code AND NOT EXISTS (SELECT 1 FROM outlet_filing f WHERE f.outlet_id = o.id
				AND f.status IN ('SUBMITTED', 'MISSING_ITEMS')) ORDER BY o.id LIMIT 1""")
			.param("code", directory.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.query(Long.class)
			.single();
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		// the opening day is no item of a change: the form sends the recorded one
		MultiValueMap<String, String> form = outletForm("变更附件网点" + System.nanoTime() % 100000, openedOn(outlet));
		form.add("changeDescription", "更换负责人");
		String refused = mvc.perform(multipart("/enterprise/outlets/" + outlet + "/change")
			.file(new MockMultipartFile("files", "新负责人身份证.pdf", "application/pdf", PDF))
			.params(form).param("changedOn", "").session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"changedOn\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"held-attachments\"").contains("新负责人身份证.pdf");
		String draft = find(DRAFT, refused);

		String location = mvc.perform(multipart("/enterprise/outlets/" + outlet + "/change").params(form)
			.param("changedOn", LocalDate.now(ChinaTime.ZONE).minusDays(1).toString()).param("draft", draft)
			.session(enterprise).with(csrf()))
			.andExpect(redirectedUrlPattern("/enterprise/filings/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(filings.attachments(DataScope.region("320506"), id)).extracting(Attachment::fileName, Attachment::kind)
			.containsExactly(tuple("新负责人身份证.pdf", "SUPPLEMENT"));
	}

	/**
	 * The change form shows the manager's numbers masked and says 不修改请留空: left blank, the change keeps the recorded
	 * ones (no 400); the outlet list then shows the open filing instead of offering 变更/撤销 again (which would be 409).
	 */
	@Test
	void aChangeWithTheManagersNumbersLeftBlankKeepsThemAndTheListShowsTheOpenFiling() throws Exception {
		record Filed(long id, String name, String managerPhoneMasked) {
		}
		Filed outlet = jdbc.sql("""
				SELECT o.id, o.name, o.manager_phone_masked FROM terminal_outlet o WHERE o.status = 'FILED'
				AND o.region_code LIKE '320506%' AND o.operator_credit_code = :code AND NOT EXISTS (SELECT 1 FROM
				outlet_filing f WHERE f.outlet_id = o.id AND f.status IN ('SUBMITTED', 'MISSING_ITEMS')) ORDER BY o.id LIMIT 1""")
			.param("code", directory.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.query(Filed.class)
			.single();
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		assertThat(mvc.perform(get("/enterprise/outlets/" + outlet.id() + "/change").session(enterprise))
			.andReturn().getResponse().getContentAsString()).contains("不修改请留空");
		MultiValueMap<String, String> form = outletForm(outlet.name(), openedOn(outlet.id()));
		form.set("managerIdNumber", "");
		form.set("managerPhone", "");
		form.add("changeDescription", "调整存储场地面积");
		String location = mvc.perform(multipart("/enterprise/outlets/" + outlet.id() + "/change").params(form)
			.param("changedOn", LocalDate.now(ChinaTime.ZONE).minusDays(1).toString()).session(enterprise).with(csrf()))
			.andExpect(redirectedUrlPattern("/enterprise/filings/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(filings.details(DataScope.region("320506"), id).proposed().managerPhoneMasked())
			.isEqualTo(outlet.managerPhoneMasked());

		String list = mvc.perform(get("/enterprise/outlets").param("q", outlet.name()).session(enterprise))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("变更备案办理中（" + filings.get(DataScope.region("320506"), id).number() + "）")
			.doesNotContain("/enterprise/outlets/" + outlet.id() + "/change")
			.doesNotContain("/enterprise/outlets/" + outlet.id() + "/closure");
	}

	/** The outlet's recorded opening day, as its change form shows it. */
	String openedOn(long outlet) {
		return jdbc.sql("SELECT opened_on FROM terminal_outlet WHERE id = :id").param("id", outlet).query(LocalDate.class)
			.single().toString();
	}

	static MultiValueMap<String, String> outletForm(String name, String openedOn) {
		String first17 = "32050619800101" + String.format("%03d", (int) (Math.random() * 1000));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", name);
		form.add("cooperation", "FRANCHISE");
		form.add("address", "吴中区附件路" + Math.abs(name.hashCode()) + "号");
		form.add("regionCode", "320506001");
		form.add("managerName", "王五");
		form.add("managerIdNumber", first17 + IdCardNumber.checkCharacter(first17));
		form.add("managerPhone", "13812345678");
		form.add("storageArea", "25");
		form.add("openedOn", openedOn);
		for (String f : new String[] { "hasCommunications", "hasShelving", "hasSurveillance", "hasSignage" }) {
			form.add(f, "true");
		}
		return form;
	}

	static String find(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		assertThat(m.find()).as("%s on the page", pattern).isTrue();
		return m.group(1);
	}
}
