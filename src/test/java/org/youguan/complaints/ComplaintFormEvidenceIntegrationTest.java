package org.youguan.complaints;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.Attachment;
import org.youguan.documents.Attachments;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 9 on the complaint forms: a public complaint (or a staff entry) refused for one mistake keeps the
 * evidence it carried — listed as uploaded, removable, attached by the next submit — and an anonymous visitor's held
 * files belong to that visitor's session only, are capped in number, and go when their hold expires.
 */
@IntegrationTest
class ComplaintFormEvidenceIntegrationTest {

	static final Pattern DRAFT = Pattern.compile("name=\"draft\" value=\"([0-9a-f]{32})\"");

	static final Pattern RELEASE = Pattern.compile("(?s)%s</span>.*?name=\"release\" value=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	Attachments attachments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static String waybill() {
		return "SF" + org.youguan.RandomDigits.of(9);
	}

	static MockMultipartFile png(String name) {
		return new MockMultipartFile("files", name, "image/png", TestImages.png(40, 30));
	}

	@Test
	void aRefusedPublicComplaintKeepsItsEvidenceAndTheNextSubmitAttachesIt() throws Exception {
		MockHttpSession visitor = new MockHttpSession();
		String waybill = waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "");
		String refused = mvc.perform(multipart("/public/complaints/new").file(png("破损外箱.png")).file(png("内件.png"))
			.params(form).session(visitor).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("申诉内容不能为空")))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"held-evidence\"").contains("破损外箱.png").contains("内件.png")
			.doesNotContain("id=\"complaint-receipt\"");
		String draft = find(DRAFT, refused);

		// remove one held file: the form comes back without it, nothing filed, no error
		String afterRelease = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
			.param("release", find(Pattern.compile(String.format(RELEASE.pattern(), "内件\\.png")), refused))
			.session(visitor).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(afterRelease).contains("破损外箱.png").doesNotContain("内件.png").doesNotContain("申诉内容不能为空");

		form.set("description", "外箱破损，杯子碎了");
		String filed = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
			.session(visitor).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
			.andReturn().getResponse().getContentAsString();
		long id = complaintId(filed.replaceAll("(?s).*id=\"complaint-number\">([^<]+)<.*", "$1"));
		assertThat(queries.attachments(DataScope.region("320506"), id)).extracting(Attachment::fileName)
			.containsExactly("破损外箱.png");
	}

	@Test
	void anotherVisitorWithTheSameDraftTokenNeitherSeesNorTakesTheHeldEvidence() throws Exception {
		MockHttpSession owner = new MockHttpSession();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill(), "");
		String refused = mvc.perform(multipart("/public/complaints/new").file(png("别人的证据.png")).params(form)
			.session(owner).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		String draft = find(DRAFT, refused);
		String release = find(Pattern.compile(String.format(RELEASE.pattern(), "别人的证据\\.png")), refused);

		MockHttpSession stranger = new MockHttpSession();
		// the stranger's refused form does not list it, and the stranger's "remove" leaves it held
		mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft).param("release", release)
			.session(stranger).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("别人的证据.png"))));
		form.set("description", "冒用他人草稿");
		String filed = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
			.session(stranger).with(csrf()))
			.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
			.andReturn().getResponse().getContentAsString();
		long strangers = complaintId(filed.replaceAll("(?s).*id=\"complaint-number\">([^<]+)<.*", "$1"));
		assertThat(queries.attachments(DataScope.region("320506"), strangers)).as("the stranger took nothing").isEmpty();

		// the owner still has it and files with it (told in its own words: the stranger's account sent again is refused)
		form.set("description", "本人申诉，附外箱照片");
		String own = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft).session(owner)
			.with(csrf()))
			.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
			.andReturn().getResponse().getContentAsString();
		long owners = complaintId(own.replaceAll("(?s).*id=\"complaint-number\">([^<]+)<.*", "$1"));
		assertThat(queries.attachments(DataScope.region("320506"), owners)).extracting(Attachment::fileName)
			.containsExactly("别人的证据.png");
	}

	@Test
	void aVisitorHoldsAtMostTheAllowedNumberAndAbandonedEvidenceExpires() throws Exception {
		MockHttpSession visitor = new MockHttpSession();
		var six = multipart("/public/complaints/new");
		for (int i = 0; i < 6; i++) {
			six.file(png("第" + i + "张.png"));
		}
		String refused = mvc.perform(six.params(ComplaintPagesIntegrationTest.form(waybill(), "")).session(visitor)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("附件最多5个")))
			.andExpect(content().string(containsString("申诉内容不能为空")))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("第4张.png").doesNotContain("第5张.png");
		String draft = find(DRAFT, refused);
		long held = heldFor(draft);
		assertThat(held).isEqualTo(5);

		clock.advance(Duration.ofHours(25));
		attachments.removeExpired();
		assertThat(heldFor(draft)).as("the cleanup job's removal of abandoned evidence").isZero();
	}

	@Test
	void aRefusedStaffEntryKeepsItsEvidence() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill(), "");
		String refused = mvc.perform(multipart("/complaints/new").file(png("电话录音截图.png")).params(form)
			.param("channel", "PHONE").session(staff).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("申诉内容不能为空")))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"held-evidence\"").contains("电话录音截图.png");
		form.set("description", "来电反映外箱破损");
		String location = mvc.perform(multipart("/complaints/new").params(form).param("channel", "PHONE")
			.param("draft", find(DRAFT, refused)).session(staff).with(csrf()))
			.andExpect(redirectedUrlPattern("/complaints/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(queries.attachments(DataScope.region("320506"), id)).extracting(Attachment::fileName)
			.containsExactly("电话录音截图.png");
	}

	/**
	 * Attack round 3: the same public form sent twice (a double click, a resent request) filed two complaints. It files
	 * one, and the second answer is the first receipt, number and query code alike; the form sent again with other
	 * values is a complaint of its own.
	 */
	@Test
	void aPublicFormSentTwiceFilesOneComplaintAndAnswersTheFirstReceiptAgain() throws Exception {
		MockHttpSession visitor = new MockHttpSession();
		String waybill = waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "");
		String draft = find(DRAFT, mvc.perform(multipart("/public/complaints/new").params(form).session(visitor)
			.with(csrf())).andReturn().getResponse().getContentAsString());
		form.set("description", "快件丢失，申请赔偿");
		String[] receipts = new String[2];
		for (int i = 0; i < 2; i++) {
			receipts[i] = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
				.session(visitor).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(number(receipts[1])).isEqualTo(number(receipts[0]));
		assertThat(queryCode(receipts[1])).isNotBlank().isEqualTo(queryCode(receipts[0]));
		assertThat(filedWith(waybill)).isOne();

		form.set("description", "快件丢失，另一件");
		String other = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
			.session(visitor).with(csrf()))
			.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(number(other)).isNotEqualTo(number(receipts[0]));
		assertThat(filedWith(waybill)).isEqualTo(2);
	}

	/**
	 * A client that drops the form's hidden {@code draft} token and sends the same complaint twice at once (same name,
	 * phone, waybill and account) files one complaint: the other submit waits for it and is refused in 409 naming the
	 * account ({@code description}, rule {@code resubmitted}) — no second complaint in the bureau's queue.
	 */
	@Test
	void theSameComplaintSentTwiceAtOnceWithoutTheFormsTokenFilesOne() throws Exception {
		String waybill = waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "快件丢失，无令牌重复提交");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> sent = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				sent.add(pool.submit(() -> {
					start.await();
					return mvc.perform(multipart("/public/complaints/new").params(form).session(new MockHttpSession())
						.with(csrf())).andReturn().getResponse();
				}));
			}
			start.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			String refused = null;
			for (var f : sent) {
				var response = f.get();
				statuses.add(response.getStatus());
				if (response.getStatus() == 409) {
					refused = response.getContentAsString();
				}
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			assertThat(refused).contains("请勿重复提交");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(filedWith(waybill)).isOne();
	}

	/**
	 * Attack round 4: a first-time visitor's double click sends both submits before the first answer opens a session,
	 * so each arrives as another visitor; the form's token still files one complaint.
	 */
	@Test
	void aFirstTimeVisitorsDoubleClickFilesOneComplaint() throws Exception {
		String waybill = waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "快件丢失，首次提交");
		String draft = find(DRAFT, mvc.perform(get("/public/complaints/new")).andReturn().getResponse()
			.getContentAsString());
		String first = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
			.session(new MockHttpSession()).with(csrf()))
			.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
			.andReturn().getResponse().getContentAsString();
		String second = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
			.session(new MockHttpSession()).with(csrf()))
			.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(number(second)).isEqualTo(number(first));
		assertThat(filedWith(waybill)).isOne();
	}

	/**
	 * A form refused with evidence attached, corrected and double-clicked: the first submit takes the held files, so the
	 * second found none held and — its request hash counting the held files — filed a second complaint. It answers the
	 * first receipt; the one complaint carries the evidence once.
	 */
	@Test
	void aRefusedFormWithEvidenceCorrectedAndDoubleClickedFilesOneComplaint() throws Exception {
		MockHttpSession visitor = new MockHttpSession();
		String waybill = waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "");
		String refused = mvc.perform(multipart("/public/complaints/new").file(png("外箱.png")).params(form)
			.session(visitor).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		String draft = find(DRAFT, refused);
		form.set("description", "外箱破损，补充说明后提交");
		String[] receipts = new String[2];
		for (int i = 0; i < 2; i++) {
			receipts[i] = mvc.perform(multipart("/public/complaints/new").params(form).param("draft", draft)
				.session(visitor).with(csrf()))
				.andExpect(content().string(containsString("id=\"complaint-receipt\"")))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(number(receipts[1])).isEqualTo(number(receipts[0]));
		assertThat(filedWith(waybill)).isOne();
		assertThat(queries.attachments(DataScope.region("320506"), complaintId(number(receipts[0]))))
			.extracting(Attachment::fileName).containsExactly("外箱.png");
	}

	static String number(String receipt) {
		return find(Pattern.compile("id=\"complaint-number\">([^<]+)<"), receipt);
	}

	static String queryCode(String receipt) {
		return find(Pattern.compile("id=\"complaint-code\">([^<]+)<"), receipt);
	}

	long filedWith(String waybill) {
		return jdbc.sql("SELECT count(*) FROM complaint WHERE waybill_number = :waybill").param("waybill", waybill)
			.query(Long.class)
			.single();
	}

	long heldFor(String draft) {
		return jdbc.sql("SELECT count(*) FROM attachment WHERE draft = :draft").param("draft", draft)
			.query(Long.class)
			.single();
	}

	long complaintId(String number) {
		return queries.list(DataScope.region("320506"), ComplaintQueries.Filter.NONE, new PageQuery(number, 0, 5, null, false))
			.items()
			.get(0)
			.id();
	}

	static String find(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		assertThat(m.find()).as("%s on the page", pattern).isTrue();
		return m.group(1);
	}
}
