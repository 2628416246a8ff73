package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round (H1): the enterprise read its complaint's referral to enforcement, the bureau's closing note, the
 * transfer reason and the suspected duplicate through {@code GET /api/v1/complaints/{id}}. Every route the enterprise
 * reads a complaint by — the API detail and list on its token, the pull feed, the portal page, list and export — shows
 * its one projection ({@link EnterpriseComplaintView}), which carries none of the bureau's internal handling; the
 * bureau's staff still read all of it.
 */
@IntegrationTest
class EnterpriseComplaintViewIntegrationTest {

	static final String SF_TOKEN = EnterpriseComplaintApiIntegrationTest.SF_TOKEN;

	/** The bureau-internal components no enterprise route may carry. */
	static final List<String> INTERNAL = List.of("referredOn", "referralNote", "closingNote", "transferReason",
			"transferFlagged", "duplicateOf", "validComplaint", "compensationPaid", "satisfaction", "companySatisfaction", "solved",
			"callbackAttempts", "rejectionReason", "enterpriseCreditCode");

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void noEnterpriseRouteShowsTheBureausInternalHandling() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(clock);
		String waybill = ComplaintIntegrationTest.waybill();
		// filed as 圆通 by mistake, a second time (a suspected duplicate), transferred to 顺丰 with a reason
		var form = new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", "圆通", null, waybill,
				today.minusDays(20), today.minusDays(10), "电话", null, "延误", "中转或运输延误", new BigDecimal("100"),
				"快件超过承诺时限三天未送达");
		intake.file(form, Channel.WEB, null, false);
		var filed = intake.file(ComplaintIntegrationTest.again(form), Channel.WEB, null, false);
		long id = filed.id();
		assertThat(filed.duplicateOf()).as("precondition: a suspected duplicate").isNotNull();
		procedure.acceptAndTransfer(ComplaintIntegrationTest.WUZHONG, id, ComplaintIntegrationTest.SF_WUZHONG,
				"转办理由" + tag + "：实为顺丰承运");
		procedure.reply(DataScope.enterprise(ComplaintIntegrationTest.SF_WUZHONG), id, new ComplaintReply("经查属实",
				Responsibility.RESPONSIBLE, "赔偿并致歉", new BigDecimal("20"), true, true, "客服", "13800000000"));
		procedure.callBack(ComplaintIntegrationTest.WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.close(ComplaintIntegrationTest.WUZHONG, id, true, new BigDecimal("20"), "办结说明" + tag);
		procedure.refer(ComplaintIntegrationTest.WUZHONG, id, "移送说明" + tag);
		ComplaintView staff = queries.get(DataScope.all(), id);
		assertThat(staff.referralNote()).as("precondition").contains(tag);
		assertThat(staff.transferReason()).as("precondition").contains(tag);

		// the API detail on the enterprise's token: its projection
		String detail = mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", SF_TOKEN))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertHidesInternals(detail, "$", tag);
		assertThat(JsonPath.<String>read(detail, "$.number")).isEqualTo(filed.number());
		// closed: the enterprise has called back long ago — the filer's contact masked as in lists (个人信息保护法 art.6)
		assertThat(JsonPath.<String>read(detail, "$.filerPhone")).isEqualTo("139****5678");
		assertThat(JsonPath.<String>read(detail, "$.filerName")).isEqualTo("张*");
		assertThat(JsonPath.<String>read(detail, "$.replyFindings")).isEqualTo("经查属实");

		// the API list on its token
		String list = mvc.perform(get("/api/v1/complaints").param("q", filed.number()).header("Authorization", SF_TOKEN))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<?>>read(list, "$.items")).hasSize(1);
		assertHidesInternals(list, "$.items[0]", tag);
		assertThat(JsonPath.<String>read(list, "$.items[0].filerPhone")).isEqualTo("139****5678");

		// the pull feed (a settled hand-over)
		clock.advance(Duration.ofSeconds(6));
		String feed = feedToEnd(mvc, SF_TOKEN);
		List<Map<String, Object>> mine = feedItems(feed, id);
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0)).doesNotContainKeys(INTERNAL.toArray(String[]::new));
		assertThat(feed).doesNotContain(tag);

		// the portal's page, list and export
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String page = mvc.perform(get("/enterprise/complaints/{id}", id).session(sf))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(filed.number()).doesNotContain(tag).doesNotContain(filed.duplicateOf())
			.contains("139****5678").doesNotContain("13912345678").doesNotContain("张三");
		String portalList = mvc.perform(get("/enterprise/complaints").param("q", filed.number()).param("state", "ALL").session(sf))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(portalList).contains(filed.number()).doesNotContain(tag);
		assertThat(ExportedRows.of(mvc, sf, "/enterprise/complaints/export.xlsx", "state", "ALL", "q", filed.number()).toString())
			.contains(filed.number()).doesNotContain(tag);

		// the bureau's staff still read the whole record
		String staffDetail = mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(staffDetail, "$.referralNote")).contains(tag);
		assertThat(JsonPath.<String>read(staffDetail, "$.duplicateOf")).isEqualTo(filed.duplicateOf());
	}

	/**
	 * Finding: a page's sentence with a day (答复 · 期限至{0}) read 2026-12-21 where Chinese writes 2026年12月21日. The page
	 * passes the day itself and reads it in the reader's language; an English reader keeps the ISO day.
	 */
	@Test
	void theReplyDeadlineSentenceWritesItsDayAsTheReadersLanguageDoes() throws Exception {
		long id = transferredToShunfeng("张三", "13912345678");
		LocalDate due = queries.get(DataScope.all(), id).stepDue();
		assertThat(due).as("precondition: the reply deadline").isNotNull();
		String chinese = mvc.perform(get("/enterprise/complaints/{id}", id).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(chinese).contains("答复 · 期限至" + ChineseText.day(due) + "（含当日）").doesNotContain("期限至" + due);
		String english = mvc.perform(get("/enterprise/complaints/{id}", id).param("lang", "en")
			.session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("Reply (due " + due + ", that day included)");
	}

	/**
	 * Attack: the enterprise kept reading the filer's full name and mobile on a complaint closed long ago. In full while
	 * it answers and the bureau calls back (the procedure open), masked once the complaint is closed — API and page.
	 */
	@Test
	void theEnterpriseReadsTheFilersContactInFullOnlyWhileTheComplaintIsOpen() throws Exception {
		long id = transferredToShunfeng("李四", "13912345679");
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String open = mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", SF_TOKEN))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(open, "$.filerPhone")).as("to call back").isEqualTo("13912345679");
		assertThat(JsonPath.<String>read(open, "$.filerName")).isEqualTo("李四");
		assertThat(mvc.perform(get("/enterprise/complaints/{id}", id).session(sf)).andReturn().getResponse()
			.getContentAsString()).contains("13912345679");

		procedure.reply(DataScope.enterprise(ComplaintIntegrationTest.SF_WUZHONG), id, new ComplaintReply("经查属实",
				Responsibility.RESPONSIBLE, "赔偿并致歉", new BigDecimal("20"), true, true, "客服", "13800000000"));
		procedure.callBack(ComplaintIntegrationTest.WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.close(ComplaintIntegrationTest.WUZHONG, id, true, new BigDecimal("20"), "办结");
		String closed = mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", SF_TOKEN))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(closed, "$.filerPhone")).isEqualTo("139****5679");
		assertThat(JsonPath.<String>read(closed, "$.filerName")).isEqualTo("李*");
		assertThat(mvc.perform(get("/enterprise/complaints/{id}", id).session(sf)).andReturn().getResponse()
			.getContentAsString()).contains("139****5679").doesNotContain("13912345679").doesNotContain("李四");
		// the bureau's staff still read it in full
		assertThat(queries.get(DataScope.all(), id).filerPhone()).isEqualTo("13912345679");
	}

	/** A complaint about a 延误 filed today (claim 100元) and transferred to 顺丰吴中 for its reply. */
	private long transferredToShunfeng(String filer, String phone) {
		LocalDate today = LocalDate.now(clock);
		var form = new ComplaintForm(filer, phone, FilerRole.RECIPIENT, "320506", "顺丰", null,
				ComplaintIntegrationTest.waybill(), today.minusDays(20), today.minusDays(10), "电话", null, "延误",
				"中转或运输延误", new BigDecimal("100"), "快件超过承诺时限三天未送达");
		long id = intake.file(form, Channel.WEB, null, false).id();
		procedure.acceptAndTransfer(ComplaintIntegrationTest.WUZHONG, id, ComplaintIntegrationTest.SF_WUZHONG, null);
		return id;
	}

	private static void assertHidesInternals(String json, String path, String tag) {
		Map<String, Object> item = JsonPath.read(json, path);
		assertThat(item).doesNotContainKeys(INTERNAL.toArray(String[]::new));
		assertThat(json).doesNotContain(tag);
	}

	/** Every page of the enterprise's feed from the start to its end, the bodies joined. */
	static String feedToEnd(MockMvc mvc, String token) throws Exception {
		String since = null;
		StringBuilder all = new StringBuilder();
		while (true) {
			var request = get("/api/v1/enterprise/complaints").header("Authorization", token).param("size", "100");
			if (since != null) {
				request.param("since", since);
			}
			String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			all.append(body).append('\n');
			if (JsonPath.<List<?>>read(body, "$.items").size() < 100) {
				return all.toString();
			}
			since = JsonPath.read(body, "$.next");
		}
	}

	/** The feed's item for one complaint, found in the pages {@link #feedToEnd} joined. */
	static List<Map<String, Object>> feedItems(String pages, long id) {
		return pages.lines().flatMap(body -> JsonPath.<List<Map<String, Object>>>read(body, "$.items[?(@.id == " + id + ")]")
			.stream()).toList();
	}
}
