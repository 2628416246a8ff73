package org.youguan.rules;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A county administrator cannot save a rule value beyond its documented range (attack: ks.admin saved
 * complaint.filing-window = 99999 and the six other complaint periods likewise; a complaint about a parcel posted in 2000
 * was accepted and due in 2300): each rule family refuses a value above its ceiling with a 400 on {@code value}, a value
 * within the range is saved, the page shows the range and flags a value out of it.
 */
@IntegrationTest
class RuleRangesIntegrationTest {

	/** 昆山, a county-level bureau whose administrator is ks.admin. */
	private static final String KUNSHAN = "320583";

	@Autowired
	MockMvc mvc;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void clear() {
		jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code = :region").param("region", KUNSHAN).update();
	}

	private MockHttpSession admin() throws Exception {
		return SignIn.session(mvc, "ks.admin");
	}

	private void refusedOnThePage(MockHttpSession session, StatutoryRule rule, String value, String expectedRule,
			String... message) throws Exception {
		String page = mvc.perform(post("/admin/rules/" + rule.code()).session(session).with(csrf())
			.param("value", value).param("reason", "测试：超出上限"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"value\"")))
			.andExpect(content().string(containsString("data-rule=\"" + expectedRule + "\"")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(message);
		assertThat(rules.setting(rule, KUNSHAN).overrideRegion()).as(rule.code()).isNotEqualTo(KUNSHAN);
	}

	@Test
	void theSevenComplaintPeriodsOfTheAttackAreRefusedAboveTheirCeiling() throws Exception {
		MockHttpSession session = admin();
		refusedOnThePage(session, StatutoryRule.COMPLAINT_FILING_WINDOW, "99999", "max", "不能超过3年", "民法典(2020) 第188条");
		for (StatutoryRule r : List.of(StatutoryRule.COMPLAINT_TRANSFER, StatutoryRule.COMPLAINT_ENTERPRISE_REPLY,
				StatutoryRule.COMPLAINT_REDO, StatutoryRule.COMPLAINT_CALLBACK)) {
			refusedOnThePage(session, r, "99999", "max", r.code(), "不能超过", "邮政法(2015) 第65条");
		}
		refusedOnThePage(session, StatutoryRule.COMPLAINT_CALLBACK_RETRY, "99999", "max", "不能超过24小时");
		refusedOnThePage(session, StatutoryRule.COMPLAINT_RECORD_RETENTION, "99999", "max", "不能超过30年");
		// the enterprise's reply may be compressed or kept within 10 days, never 11
		refusedOnThePage(session, StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "11", "max", "不能超过10日");
	}

	/** One rule of each family above its ceiling, with the rule name the family's bound gives. */
	@Test
	void everyFamilyRefusesAValueAboveItsCeiling() throws Exception {
		MockHttpSession session = admin();
		refusedOnThePage(session, StatutoryRule.OUTLET_CHANGE_FILING, "11", "statutory-max", "不能高于法定的10日",
				"快递末端网点备案暂行规定(2018)");
		refusedOnThePage(session, StatutoryRule.FINE_OUTLET_UNFILED_MAX, "10001", "statutory-max", "不能高于法定的10000元");
		refusedOnThePage(session, StatutoryRule.PENALTY_HEARING_FINE, "500001", "max", "不能超过500000元");
		refusedOnThePage(session, StatutoryRule.PENALTY_CONFISCATION_HANDOVER, "31", "max", "不能超过30日");
		refusedOnThePage(session, StatutoryRule.PENALTY_DISCUSSION_MIN_PARTICIPANTS, "16", "max", "不能超过15个");
		refusedOnThePage(session, StatutoryRule.LICENCE_SITE_VERIFICATION_REPORT, "21", "max", "不能超过20个工作日",
				"邮政法(2015) 第53条");
		refusedOnThePage(session, StatutoryRule.LICENCE_VALIDITY, "6", "statutory-max", "不能高于法定的5年");
		refusedOnThePage(session, StatutoryRule.INSPECTION_RESULT_PUBLICATION, "21", "max", "不能超过20个工作日");
		refusedOnThePage(session, StatutoryRule.DISCLOSURE_PUBLICATION, "8", "max", "不能超过7个工作日");
		refusedOnThePage(session, StatutoryRule.SAFETY_INCIDENT_REPORT, "25", "max", "不能超过24小时");
		refusedOnThePage(session, StatutoryRule.SAFETY_LETTER_MAX_WEIGHT, "2001", "max", "不能超过2000克");
		refusedOnThePage(session, StatutoryRule.FINE_REAL_NAME_MAX, "10001", "statutory-max", "不能高于法定的10000元",
				"邮件快件实名收寄管理办法(2018)");
		refusedOnThePage(session, StatutoryRule.CREDIT_OBJECTION_REVIEW, "11", "statutory-max", "不能高于法定的10日");
		refusedOnThePage(session, StatutoryRule.UNIVERSAL_DELIVERY_VILLAGE, "15", "range", "1至14");
		refusedOnThePage(session, StatutoryRule.STATISTICS_REPORT_DUE_DAY, "29", "range", "1至28");
	}

	/** Below the floor: a fine maximum of 0 abolishes the fine, one person is no collective discussion. */
	@Test
	void aValueBelowItsFloorIsRefused() throws Exception {
		MockHttpSession session = admin();
		refusedOnThePage(session, StatutoryRule.FINE_DATA_NOT_REPORTED_MAX, "0", "min", "不能少于1元");
		refusedOnThePage(session, StatutoryRule.PENALTY_DISCUSSION_MIN_PARTICIPANTS, "1", "min", "不能少于2个",
				"行政处罚法(2021) 第57条");
		refusedOnThePage(session, StatutoryRule.COMPLAINT_TRANSFER, "0", "min", "不能为0");
	}

	/** Every rule a bureau may adjust, one unit above its ceiling, is refused on {@code value} (service level). */
	@Test
	void noAdjustableRuleTakesAValueAboveItsRange() {
		long kunshan = bureaus.findByRegion(KUNSHAN).orElseThrow().id();
		Set<String> ceilings = Set.of("max", "statutory-max", "range", "parent-max");
		for (StatutoryRule r : StatutoryRule.values()) {
			if (r.nationalOnly()) {
				continue;
			}
			BigDecimal above = RuleBounds.allowed(r).max().add(BigDecimal.ONE);
			assertThatThrownBy(() -> rules.override(r, kunshan, KUNSHAN, above, "测试"))
				.as(r.code())
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.anySatisfy(e -> {
						assertThat(e.field()).isEqualTo("value");
						assertThat(e.rule()).isIn(ceilings);
					}));
		}
	}

	@Test
	void aValueWithinTheRangeIsSavedAndThePageShowsTheRange() throws Exception {
		MockHttpSession session = admin();
		mvc.perform(post("/admin/rules/" + StatutoryRule.COMPLAINT_FILING_WINDOW.code()).session(session).with(csrf())
			.param("value", "2").param("reason", "本局延长申诉时效"))
			.andExpect(status().is3xxRedirection());
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_FILING_WINDOW, KUNSHAN)).isEqualTo(2);
		mvc.perform(post("/admin/rules/" + StatutoryRule.COMPLAINT_TRANSFER.code()).session(session).with(csrf())
			.param("value", "1").param("reason", "压缩转办时限"))
			.andExpect(status().is3xxRedirection());
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_TRANSFER, KUNSHAN)).isEqualTo(1);

		String page = mvc.perform(get("/admin/rules").session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Element window = Jsoup.parse(page).getElementById(StatutoryRule.COMPLAINT_FILING_WINDOW.code());
		assertThat(window.selectFirst(".rule-range").text()).contains("1–3年", "邮政业用户申诉处理办法(2014)",
				"民法典(2020) 第188条");
		assertThat(window.select(".out-of-range")).isEmpty();
		Element reply = Jsoup.parse(page).getElementById(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY.code());
		assertThat(reply.selectFirst(".rule-range").text()).contains("1–10日", "邮政法(2015) 第65条");
		Element fine = Jsoup.parse(page).getElementById(StatutoryRule.FINE_UNLICENSED_MAX.code());
		assertThat(fine.selectFirst(".rule-range").text()).contains("50000–100000元", "邮政法(2015) 第72条");
	}

	/**
	 * A value saved before its range was stated is flagged on the page, and the migration that stated the ranges
	 * removes it (the region falls back to the enclosing value or the default) while an override within its range stays.
	 */
	@Test
	void anOverrideOutOfRangeIsFlaggedAndTheMigrationRemovesIt() throws Exception {
		long kunshan = bureaus.findByRegion(KUNSHAN).orElseThrow().id();
		jdbc.sql("""
				INSERT INTO statutory_rule_override (region_code, rule_code, bureau_id, value, reason, changed_by, changed_at)
				VALUES (:region, :code, :bureau, 99999, '攻击', 'ks.admin', :at)""")
			.param("region", KUNSHAN).param("code", StatutoryRule.COMPLAINT_FILING_WINDOW.code()).param("bureau", kunshan)
			.param("at", OffsetDateTime.now(ChinaTime.ZONE))
			.update();
		rules.override(StatutoryRule.COMPLAINT_REDO, kunshan, KUNSHAN, new BigDecimal("4"), "压缩");
		String page = mvc.perform(get("/admin/rules").session(admin()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(page).getElementById(StatutoryRule.COMPLAINT_FILING_WINDOW.code()).select(".out-of-range"))
			.hasSize(1);
		assertThat(Jsoup.parse(page).getElementById(StatutoryRule.COMPLAINT_REDO.code()).select(".out-of-range")).isEmpty();

		String migration;
		try (InputStream in = getClass().getResourceAsStream("/db/migration/rules/V250__rule_overrides_outside_their_range.sql")) {
			migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		jdbc.sql(migration).update();
		assertThat(rules.setting(StatutoryRule.COMPLAINT_FILING_WINDOW, KUNSHAN).overrideRegion()).isNotEqualTo(KUNSHAN);
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_REDO, KUNSHAN)).isEqualTo(4);
	}
}
