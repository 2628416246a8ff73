package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.BranchData;
import org.youguan.registry.Branches;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The licensing findings of an attack round: an application accepted by law keeps its missing materials listed and
 * is neither reviewed nor approved until they come; a branch lies within its licence's area; a person's name holds no
 * ID or mobile number; an annual report names every broken figure at once.
 */
@IntegrationTest
class LicensingAttackRoundIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	@Autowired
	Branches branches;

	@Autowired
	Enterprises enterprises;

	/** A paper application entered by the city bureau as received {@code daysAgo} days ago, with no material. */
	long backdatedWithoutMaterials(int daysAgo) throws Exception {
		String json = LicensingIntegrationTest.application(LicensingIntegrationTest.newCreditCode(), "苏州补录无材料快递有限公司"
				+ System.nanoTime() % 100000, "省内", "600000", "").replace("\"branches\":[]",
						"\"branches\":[],\"submittedOn\":\"" + LocalDate.now(clock).minusDays(daysAgo) + "\"");
		return LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", json).andExpect(status().isCreated()));
	}

	@Test
	void anApplicationAcceptedByLawKeepsItsMissingMaterialsListedAndIsNotReviewedUntilTheyCome() throws Exception {
		long id = backdatedWithoutMaterials(30);
		// the 5 working days passed without a notice: accepted by law from the day received (行政许可法 art.32) …
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		ApplicationView accepted = applications.get(DataScope.all(), id).application();
		assertThat(accepted.acceptedByLaw()).isTrue();
		assertThat(accepted.status()).isEqualTo(ApplicationStatus.ACCEPTED);
		// … but the materials stay missing, on the API and on the page
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(jsonPath("$.missing", hasSize(6)))
			.andExpect(jsonPath("$.missing", hasItem("BUSINESS_LICENCE")));
		String page = mvc.perform(get("/licensing/applications/" + id).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"missing\"", "营业执照", "id=\"material-form\"");
		// in English the list reads in English (finding: the materials' Chinese labels in the English mode)
		String english = mvc.perform(get("/licensing/applications/" + id).param("lang", "en")
			.session(SignIn.session(mvc, "sz.admin"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher missing = java.util.regex.Pattern.compile("id=\"missing\"[^>]*>([^<]*)<").matcher(english);
		assertThat(missing.find()).isTrue();
		assertThat(missing.group(1)).startsWith("Missing: ").contains("Business licence", ", ").doesNotContain("营业执照", "、");
		// the review is refused naming the materials, and nothing moves
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"同意\"}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("materials"))
			.andExpect(jsonPath("$.errors[0].rule").value("missing-materials"))
			.andExpect(jsonPath("$.errors[0].message", containsString("营业执照")));
		assertThat(applications.get(DataScope.all(), id).application().status()).isEqualTo(ApplicationStatus.ACCEPTED);
		assertThat(applications.get(DataScope.all(), id).application().reviewedOn()).isNull();
		// a material already handed in is not replaced after acceptance; the missing ones are taken
		uploaded(id, Material.BUSINESS_LICENCE);
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/materials")
			.file(new MockMultipartFile("file", "again.pdf", "application/pdf", PDF))
			.param("kind", "BUSINESS_LICENCE").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-missing"));
		// the page offers only the missing ones, as the service takes only those
		assertThat(materialForm(id)).contains("value=\"CAPITAL\"", "value=\"PERSONNEL\"")
			.doesNotContain("value=\"BUSINESS_LICENCE\"", "value=\"BRANCH_LIST\"");
		for (Material m : new Material[] { Material.CAPITAL, Material.PREMISES, Material.SAFETY, Material.SERVICE,
				Material.PERSONNEL }) {
			uploaded(id, m);
		}
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(jsonPath("$.missing", hasSize(0)));
		// none missing: no control to add one
		assertThat(materialForm(id)).isEmpty();
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料已补齐\"}").andExpect(status().isOk());
	}

	/** The "add material" form of application {@code id}'s page as the city bureau sees it; empty when not offered. */
	String materialForm(long id) throws Exception {
		String page = mvc.perform(get("/licensing/applications/" + id).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		int start = page.indexOf("id=\"material-form\"");
		return start < 0 ? "" : page.substring(start, page.indexOf("</form>", start));
	}

	@Test
	void anApprovalIsRefusedWhileAStatutoryMaterialIsMissingAndAnApplicationWithoutThemCanBeRefused() throws Exception {
		long id = backdatedWithoutMaterials(20);
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		// an application that reached the decision without its materials (accepted by law before the review checked them)
		jdbc.sql("UPDATE licence_application SET status = 'VERIFIED', reviewed_on = accepted_on, verified_on = accepted_on,"
				+ " verification_passed = TRUE WHERE id = :id").param("id", id).update();
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("materials"))
			.andExpect(jsonPath("$.errors[0].rule").value("missing-materials"));
		ApplicationView after = applications.get(DataScope.all(), id).application();
		assertThat(after.status()).isEqualTo(ApplicationStatus.VERIFIED);
		assertThat(after.licenceNumber()).isNull();
		assertThat(after.decisionNumber()).isNull();

		// one accepted by law whose materials never come is refused by the competent level, not left open
		long other = backdatedWithoutMaterials(25);
		call(CITY, "/api/v1/licensing/applications/" + other + "/acceptance", "{}").andExpect(status().isOk());
		call(PROVINCE, "/api/v1/licensing/applications/" + other + "/refusal", "{\"reason\":\"逾期未提交法定申请材料\"}")
			.andExpect(status().isOk());
		assertThat(applications.get(DataScope.all(), other).application().status()).isEqualTo(ApplicationStatus.REFUSED);
	}

	@Test
	void theDailyJobsAcceptanceByLawKeepsTheMaterialsMissing() throws Exception {
		long id = backdatedWithoutMaterials(0);
		ApplicationView submitted = applications.get(DataScope.all(), id).application();
		clock.set(LocalDateTime.of(submitted.receiptDueOn().plusDays(1), LocalTime.of(9, 0)));
		applications.acceptOverdueByLaw();
		assertThat(applications.get(DataScope.all(), id).application().acceptedByLaw()).isTrue();
		assertThat(applications.get(DataScope.all(), id).missing()).hasSize(6);
	}

	/** A holder of a licence of {@code scope} seated in 吴中 (320506). */
	String holder(String name, LicenceScope scope) {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate today = LocalDate.now(clock);
		granted(new LicenceGranted(-7, "快递许可-32-1995-" + code.substring(13), new EnterpriseData(name, code,
				EnterpriseType.EXPRESS, null, null, "吴中区地域路1号", "320506", null, null), scope, "江苏省邮政管理局", "32",
				today.minusYears(1), today.plusYears(4), false));
		return code;
	}

	ResultActions branch(String token, String code, String name, String region, String head) throws Exception {
		String json = """
				{"parentCreditCode":%s,"name":"%s","regionCode":"%s","address":"分支路8号","headName":"%s",
				 "businessLicenceDate":"%s"}""".formatted(code == null ? "null" : "\"" + code + "\"", name, region, head,
				LocalDate.now(clock).minusDays(3));
		return mvc.perform(post("/api/v1/licensing/branch-filings").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long filings(String name) {
		return jdbc.sql("SELECT count(*) FROM branch_filing WHERE name = :n").param("n", name).query(Long.class).single();
	}

	@Test
	void aBranchOutsideItsLicencesAreaIsRefusedOnEveryPath() throws Exception {
		// the demo enterprise holds a 省内 licence of Jiangsu: not a branch in Beijing, a branch in Nanjing
		branch(ENTERPRISE, null, "北京测试越界分公司", "110105", "陈负责")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].rule").value("outside-licence-area"));
		assertThat(filings("北京测试越界分公司")).isZero();
		String nanjing = "南京测试省内分公司" + System.nanoTime() % 100000;
		branch(ENTERPRISE, null, nanjing, "320106", "陈负责").andExpect(status().isCreated());
		// a 同城 licence: within its city only, whoever enters it
		String city = holder("苏州同城地域快递有限公司" + System.nanoTime() % 100000, LicenceScope.CITY);
		branch(PROVINCE, city, "同城越界南京分公司", "320106", "陈负责")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].rule", hasItem("outside-licence-area")));
		assertThat(filings("同城越界南京分公司")).isZero();
		branch(CITY, city, "同城相城分公司" + System.nanoTime() % 100000, "320507", "陈负责").andExpect(status().isCreated());
		// a 跨省 licence: anywhere in China (Jiangsu's staff enter no branch in Beijing: the register takes it there)
		String inter = holder("苏州跨省地域快递有限公司" + System.nanoTime() % 100000, LicenceScope.INTER_PROVINCE);
		assertThat(branches.check(DataScope.all(), registered(inter, "110105", "陈负责")).regionCode()).isEqualTo("110105");
		// the registry's own branch form and import check the same
		refusedByTheRegister(registered(LicensingIntegrationTest.enterpriseCode(), "110105", "陈负责"),
				"regionCode/outside-licence-area");
	}

	/** A branch of the enterprise {@code code} as the registry's form or import gives it. */
	BranchData registered(String code, String region, String head) {
		return new BranchData(enterprises.findByCreditCode(code).orElseThrow().id(), null, "登记分公司", region, "朝阳路1号", head,
				LocalDate.now(clock).minusDays(3), LocalDate.now(clock));
	}

	/** The registry's branch check refuses {@code data} naming {@code fieldAndRule} ("field/rule"). */
	void refusedByTheRegister(BranchData data, String fieldAndRule) {
		assertThatThrownBy(() -> branches.check(DataScope.all(), data))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo(fieldAndRule)));
	}

	@Test
	void aPersonsNameHoldingAnIdOrMobileNumberIsRefused() throws Exception {
		String name = "证号负责人分公司" + System.nanoTime() % 100000;
		branch(ENTERPRISE, null, name, "320506", "张三11010519491231002X")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("headName"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		assertThat(filings(name)).isZero();
		String json = LicensingIntegrationTest.application(LicensingIntegrationTest.newCreditCode(), "苏州证号联系人快递有限公司", "省内",
				"600000", "").replace("\"王示例\"", "\"王示例110105194912310011\"").replace("\"李联系\"", "\"李联系 139 1234 5678\"");
		call(CITY, "/api/v1/licensing/applications", json)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("legalRepresentative")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("contactName")))
			.andExpect(jsonPath("$.errors[*].rule", hasItem("personal-number")));
		refusedByTheRegister(registered(LicensingIntegrationTest.enterpriseCode(), "320506", "张三13912345678"),
				"headName/personal-number");
	}

	@Test
	void anAnnualReportNamesEveryBrokenFigureAtOnce() throws Exception {
		int last = LocalDate.now(clock).getYear() - 1;
		mvc.perform(post("/api/v1/licensing/annual-reports").header("Authorization", ENTERPRISE)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\":" + last + ",\"businessVolume\":-1,\"revenue\":1e400,\"outlets\":\"1.5\",\"staff\":99999999999999999999}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("businessVolume", "revenue", "outlets", "staff")));
		assertThat(jdbc.sql("SELECT count(*) FROM annual_report WHERE credit_code = :c AND year = :y AND business_volume < 0")
			.param("c", LicensingIntegrationTest.enterpriseCode()).param("y", last).query(Long.class).single()).isZero();
	}
}
