package org.youguan.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StatutoryRulesIntegrationTest {

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void clear() {
		rules.clearOverride(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "3205");
		rules.clearOverride(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "320506");
		rules.clearOverride(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, "0");
		rules.clearOverride(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, "3205");
		rules.clearOverride(StatutoryRule.REMEDY_LITIGATION, "3205");
		rules.clearOverride(StatutoryRule.PENALTY_HEARING_LATEST, "3205");
		rules.clearOverride(StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW, "3205");
		rules.clearOverride(StatutoryRule.LICENCE_ANNUAL_REPORT_REMINDER, "3205");
		rules.clearOverride(StatutoryRule.PENALTY_PAYMENT_DEFERRAL_MAX, "32");
	}

	/**
	 * Attack 27: the API showed {@code effectiveValue} 50.0 beside {@code defaultValue} 180 and did not say why — a value
	 * a bureau set (here the province's, which a city inherits), as no migration or demo data sets one: the answer now
	 * names who set the value in force — region, level, bureau, not the caller's own —
	 * with the reason and time, writes both values plainly (50, not 50.00 as numeric(14, 2) reads back) with the unit's
	 * label, and has no {@code setBy} where the default applies.
	 */
	@Test
	void theApiSaysWhichBureauSetAValueThatDiffersFromTheDefault() throws Exception {
		long province = bureaus.findByRegion("32").orElseThrow().id();
		rules.override(StatutoryRule.PENALTY_PAYMENT_DEFERRAL_MAX, province, "32", new BigDecimal("50"), "本省延期缴纳最长50日");
		String rule = "$[?(@.code == 'penalty.payment-deferral-max')]";
		mvc.perform(get("/api/v1/rules").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath(rule + ".defaultValue").value(180))
			.andExpect(jsonPath(rule + ".effectiveValue").value(50))
			.andExpect(jsonPath(rule + ".unitLabel").value("日"))
			.andExpect(jsonPath(rule + ".overridden").value(true))
			.andExpect(jsonPath(rule + ".setBy.regionCode").value("32"))
			.andExpect(jsonPath(rule + ".setBy.level").value("省局"))
			.andExpect(jsonPath(rule + ".setBy.bureau").value(bureaus.findByRegion("32").orElseThrow().name()))
			.andExpect(jsonPath(rule + ".setBy.own").value(false))
			.andExpect(jsonPath(rule + ".setBy.reason").value("本省延期缴纳最长50日"))
			.andExpect(jsonPath("$[?(@.code == 'inspection.rectification-max')].setBy").value(org.hamcrest.Matchers.contains(
					org.hamcrest.Matchers.nullValue())));
	}

	/**
	 * The remedies every adverse decision states come from the catalogue (行政复议法(2023) art.20, 行政诉讼法(2017)
	 * art.46), in Chinese numerals: a changed period changes every decision's sentence. They are national law: only the
	 * national bureau (region 0) sets them.
	 */
	@Test
	void theRemediesAnAdverseDecisionStatesComeFromTheCatalogue() {
		// 行政处罚法(2021) art.59(五): each remedy names its body — the county bureau's decision goes to the city bureau
		// above it (vertically managed: 行政复议法(2023) art.27), the suit to the court having jurisdiction
		assertThat(rules.remedies("320506")).isEqualTo("如不服本决定，可以自收到本决定书之日起六十日内依法向"
				+ bureaus.findByRegion("3205").orElseThrow().name() + "申请行政复议，或者在六个月内依法向有管辖权的人民法院提起行政诉讼。");
		assertThat(rules.remedies("3205")).contains("依法向" + bureaus.findByRegion("32").orElseThrow().name() + "申请行政复议");
		// a provincial bureau's acts go to 国家邮政局 (art.27: 上一级主管部门), named — never only "上一级邮政管理部门" (attack
		// D2) — and 国家邮政局's own to itself (art.25(一))
		assertThat(rules.reviewBody("32")).isEqualTo("国家邮政局");
		assertThat(rules.remedies("32")).contains("依法向国家邮政局申请行政复议").doesNotContain("上一级");
		assertThat(rules.reviewBody("0")).isEqualTo("国家邮政局");
		// a case in a county whose bureau has no staff (the demo's 虎丘, 320505) is decided by the city's bureau, so its
		// review body is the province's — not the unstaffed county's city
		assertThat(bureaus.staffed("320505", Bureaus.CASE_HANDLERS).orElseThrow().regionCode()).as("precondition: 虎丘 has no staff").isEqualTo("3205");
		assertThat(rules.reviewBody("320505")).isEqualTo(bureaus.findByRegion("32").orElseThrow().name());
		assertThat(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW.citations()).extracting(Citation::toString)
			.anySatisfy(c -> assertThat(c).contains("行政复议法(2023)").contains("20"));
		long someBureau = bureaus.findByRegion("3205").orElseThrow().id();
		rules.override(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, someBureau, "0", new BigDecimal("90"), "测试：假设的新法律");
		assertThat(rules.remedies("320506")).contains("九十日内依法向");
		assertThat(rules.remedies("32")).contains("九十日内依法向");
		// a period of 0 or a counted value no use can read (every step filling a document would fail) is refused
		assertThatThrownBy(() -> rules.override(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, someBureau, "0", BigDecimal.ZERO, "测试"))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("不能为0");
		assertThatThrownBy(() -> rules.override(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, someBureau, "0",
				new BigDecimal("999999999999"), "测试")).isInstanceOf(InvalidValueException.class).hasMessageContaining("不能超过");
		assertThat(rules.remedies("320506")).contains("九十日内");
	}

	/**
	 * Remedies (and the other periods national law fixes) are not a bureau's to vary: a city's override is refused with
	 * 400 naming the rule, and a local row left from before is never read — a province's licence refusal and a county's
	 * penalty decision state the same 60 days and 6 months.
	 */
	@Test
	void aLocalBureauCannotVaryTheRemediesNationalLawFixes() throws Exception {
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		assertThat(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW.nationalOnly()).isTrue();
		assertThat(StatutoryRule.REMEDY_LITIGATION.nationalOnly()).isTrue();
		assertThat(StatutoryRule.PENALTY_HEARING_FINE.nationalOnly()).as("较大数额 is each province's rule").isFalse();
		assertThatThrownBy(() -> rules.override(StatutoryRule.REMEDY_LITIGATION, city, "3205", new BigDecimal("3"), "市局规定"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.rule()).isEqualTo("national-only")))
			.hasMessageContaining("remedy.litigation");
		mvc.perform(post("/admin/rules/remedy.administrative-review").session(SignIn.session(mvc, "sz.admin")).with(csrf())
				.param("value", "30").param("reason", "市局规定"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("remedy.administrative-review")))
			.andExpect(content().string(containsString("data-rule=\"national-only\"")));
		// a local row from before the rule was national-only is not read
		jdbc.sql("""
				INSERT INTO statutory_rule_override (region_code, rule_code, bureau_id, value, reason, changed_by, changed_at)
				VALUES ('3205', 'remedy.administrative-review', :bureau, 15, '旧数据', 'test', now())""")
			.param("bureau", city).update();
		assertThat(rules.remedies("3205")).contains("六十日内").contains("六个月内");
		assertThat(rules.remedies("320506")).contains("六十日内").contains("六个月内");
		assertThat(rules.setting(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, "320506").overridden()).isFalse();
		mvc.perform(get("/admin/rules").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("national-only")));
	}

	@Test
	void everyRuleCitesItsLegalBasisAndHasAUniqueCode() {
		for (StatutoryRule rule : StatutoryRule.values()) {
			assertThat(rule.basis()).as(rule.code()).isNotBlank();
			assertThat(StatutoryRule.byCode(rule.code())).contains(rule);
		}
		assertThat(StatutoryRule.COMPLAINT_ANSWER_LIMIT.basis()).isEqualTo("邮政法(2015) 第65条");
	}

	@Test
	void theApiAndTheCataloguePageShowEachCitationWithTheVersionOfItsText() throws Exception {
		mvc.perform(get("/api/v1/rules").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'outlet.filing-after-opening')].basis").value("快递暂行条例(2025) 第19条"))
			.andExpect(jsonPath("$[?(@.code == 'outlet.filing-after-opening')].citations[0].text").value("快递暂行条例"))
			.andExpect(jsonPath("$[?(@.code == 'outlet.filing-after-opening')].citations[0].version").value("2025"))
			.andExpect(jsonPath("$[?(@.code == 'outlet.filing-after-opening')].citations[0].article").value(19))
			.andExpect(jsonPath("$[?(@.code == 'fine.outlet-unfiled.max')].basis").value("快递暂行条例(2025) 第50条"));
		mvc.perform(get("/admin/rules").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("快递暂行条例(2025) 第29条")))
			.andExpect(content().string(not(containsString("快递暂行条例 第"))));
	}

	/**
	 * A refused override (a value not a number) answers as every refused form (kernel.FormSteps): the catalogue again in
	 * the refusal's 400 — not a 200 that looks saved — with the error and, in the refused row only, the value and reason
	 * as typed; nothing changes.
	 */
	@Test
	void aRefusedOverrideIsA400WithWhatWasTyped() throws Exception {
		String code = StatutoryRule.COMPLAINT_REDO.code();
		int before = rules.intValue(StatutoryRule.COMPLAINT_REDO, "3205");
		String page = mvc.perform(post("/admin/rules/" + code).session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("value", "五天").param("reason", "回填的理由"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"value\"")))
			.andExpect(content().string(containsString("data-form=\"override-" + code + "\"")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document doc = Jsoup.parse(page);
		Element form = doc.getElementById("override-" + code);
		assertThat(form.selectFirst("input[name=value]").attr("value")).isEqualTo("五天");
		assertThat(form.selectFirst("input[name=reason]").attr("value")).isEqualTo("回填的理由");
		assertThat(doc.getElementById("override-" + StatutoryRule.COMPLAINT_TRANSFER.code()).selectFirst("input[name=reason]")
			.attr("value")).as("another row keeps its own").isEmpty();
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_REDO, "3205")).isEqualTo(before);
	}

	/**
	 * A refused form gives back what was typed whole, even beyond its field's maxlength: cut, the next save would take
	 * the cut text unseen. The error names the value by a bounded excerpt of its own (Decimals.echo), so the page holds
	 * the 3,000 characters once, in the field, and escaped characters stay whole entities.
	 */
	@Test
	void aRefusedFormGivesBackWhatWasTypedWholeAndItsErrorAnExcerpt() throws Exception {
		String code = StatutoryRule.COMPLAINT_REDO.code();
		String typed = "五".repeat(3000);
		String page = mvc.perform(post("/admin/rules/" + code).session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("value", typed).param("reason", "<&".repeat(1500)))
			.andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Element form = Jsoup.parse(page).getElementById("override-" + code);
		assertThat(form.selectFirst("input[name=value]").attr("value")).isEqualTo(typed);
		assertThat(form.selectFirst("input[name=reason]").attr("value")).isEqualTo("<&".repeat(1500));
		assertThat(page.split(typed, -1)).as("the value once, in its field").hasSize(2);
		assertThat(page).doesNotContain("<&<&");
	}

	@Test
	void computesDeadlinesOnTheWorkingDayCalendar() {
		assertThat(rules.deadline(StatutoryRule.OUTLET_BUREAU_FILING, LocalDate.of(2026, 9, 29), "320506"))
			.as("5 working days across 国庆: 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12")
			.isEqualTo(LocalDate.of(2026, 10, 12));
		assertThat(rules.deadline(StatutoryRule.COMPLAINT_ANSWER_LIMIT, LocalDate.of(2026, 9, 1), "320506"))
			.as("30 calendar days ending on 10-01 move to 10-08").isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void aCityOverrideAppliesToItsCountiesUnlessTheyOverrideIt() {
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		long county = bureaus.findByRegion("320506").orElseThrow().id();
		rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, city, "3205", new BigDecimal("5"), "市局规定");
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "320507")).isEqualTo(5);
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "3201")).isEqualTo(7);
		rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, county, "320506", new BigDecimal("3"), "区局规定");
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "320506001")).isEqualTo(3);
		assertThat(rules.setting(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "320506").reason()).isEqualTo("区局规定");
		assertThat(audit.history(DataScope.region("3205"), "StatutoryRule", "complaint.enterprise-reply"))
			.extracting(e -> e.summary())
			.anySatisfy(s -> assertThat(s).contains("7 → 5"));
	}

	/**
	 * Attack round 31: an enterprise's {@code GET /api/v1/rules} showed the bureau's internal reason and time of an
	 * override. An enterprise sees which bureau's value applies, not why or when; staff see both.
	 */
	@Test
	void anEnterpriseSeesWhoseValueAppliesButNotTheBureausReason() throws Exception {
		long county = bureaus.findByRegion("320506").orElseThrow().id();
		String reason = "区局内部理由" + RandomLetters.of(10);
		rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, county, "320506", new BigDecimal("3"), reason);
		String code = StatutoryRule.COMPLAINT_ENTERPRISE_REPLY.code();
		String enterprise = mvc.perform(get("/api/v1/rules").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].setBy.regionCode").value("320506"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].setBy.reason").doesNotExist())
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].setBy.changedAt").doesNotExist())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(enterprise).doesNotContain(reason);
		mvc.perform(get("/api/v1/rules").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].setBy.reason").value(reason))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].setBy.changedAt").exists());
	}

	/**
	 * The catalogue an enterprise reads through {@code GET /api/v1/rules} names the legal texts only: no rule's title,
	 * basis or citations carry the bureau's working marks (地方实践（未确认）, 产品规则，非法律规定); a rule resting on no
	 * text is 按本局规定. Staff read the catalogue as it is.
	 */
	@Test
	void anEnterpriseReadsTheCatalogueWithoutTheBureausWorkingMarks() throws Exception {
		String enterprise = mvc.perform(get("/api/v1/rules").header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'inspection.rectification-max')].title").value("责令改正整改期限上限（自下达）"))
			.andExpect(jsonPath("$[?(@.code == 'inspection.rectification-max')].basis").value("按本局规定"))
			.andExpect(jsonPath("$[?(@.code == 'licence.renewal-earliest')].basis").value("按本局规定"))
			.andExpect(jsonPath("$[?(@.code == 'licence.renewal-earliest')].citations.length()").value(1))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(enterprise).doesNotContain("地方实践").doesNotContain("未确认").doesNotContain("产品规则")
			.doesNotContain("非法律规定").doesNotContain("可配置");
		mvc.perform(get("/api/v1/rules").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'inspection.rectification-max')].title")
				.value(StatutoryRule.INSPECTION_RECTIFICATION_MAX.title()))
			.andExpect(jsonPath("$[?(@.code == 'licence.renewal-earliest')].basis")
				.value(StatutoryRule.LICENCE_RENEWAL_EARLIEST.basis()));
	}

	/**
	 * Attack round 31: the same override saved again was audited "1 → 1" although nothing changed. As every unchanged
	 * save, it writes and audits nothing; a new reason for the same value is a change and is audited.
	 */
	@Test
	void anOverrideSavedAgainUnchangedIsNotAudited() {
		long county = bureaus.findByRegion("320506").orElseThrow().id();
		String reason = "区局规定" + RandomLetters.of(10);
		String code = StatutoryRule.COMPLAINT_ENTERPRISE_REPLY.code();
		rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, county, "320506", new BigDecimal("3"), reason);
		int audited = audit.history(DataScope.region("320506"), "StatutoryRule", code).size();
		rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, county, "320506", new BigDecimal("3.00"), reason);
		assertThat(audit.history(DataScope.region("320506"), "StatutoryRule", code)).as("nothing changed").hasSize(audited);
		rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, county, "320506", new BigDecimal("3"), reason + "（补充）");
		assertThat(audit.history(DataScope.region("320506"), "StatutoryRule", code)).as("the reason changed")
			.hasSize(audited + 1);
		assertThat(rules.setting(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "320506").reason()).isEqualTo(reason + "（补充）");
	}

	@Test
	void rejectsAnOverrideWithoutReasonOrWithAFractionOfADay() {
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		assertThatThrownBy(() -> rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, city, "3205", BigDecimal.TEN, " "))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("原因");
		assertThatThrownBy(() -> rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, city, "3205",
				new BigDecimal("2.5"), "试")).hasMessageContaining("整数");
		assertThatThrownBy(() -> rules.override(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, city, "3205",
				new BigDecimal("-1"), "试")).hasMessageContaining("负数");
	}

	/**
	 * A rule bounded by another is never set past it, and a product rule never past its own ceiling: the hearing's
	 * latest day not before its earliest (7 working days' notice, 行政处罚法(2021) art.64(二)) nor beyond 60 working days;
	 * an annual report's reminder not after its window ends, the window not before the reminder starts.
	 */
	@Test
	void aBoundedRuleIsNotSetBeyondTheRuleThatBoundsItNorItsCeiling() {
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		assertThatThrownBy(() -> rules.override(StatutoryRule.PENALTY_HEARING_LATEST, city, "3205", new BigDecimal("3"), "试"))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("不能少于“听证通知提前期”（7");
		assertThatThrownBy(() -> rules.override(StatutoryRule.PENALTY_HEARING_LATEST, city, "3205", new BigDecimal("100000"),
				"试")).isInstanceOf(InvalidValueException.class).hasMessageContaining("不能超过60");
		rules.override(StatutoryRule.PENALTY_HEARING_LATEST, city, "3205", new BigDecimal("7"), "最早即最迟");
		rules.override(StatutoryRule.PENALTY_HEARING_LATEST, city, "3205", new BigDecimal("60"), "上限");
		assertThat(rules.setting(StatutoryRule.PENALTY_HEARING_LATEST, "320506").effectiveValue()).isEqualByComparingTo("60");

		assertThatThrownBy(() -> rules.override(StatutoryRule.LICENCE_ANNUAL_REPORT_REMINDER, city, "3205",
				new BigDecimal("5"), "试")).isInstanceOf(InvalidValueException.class).hasMessageContaining("不能多于");
		rules.override(StatutoryRule.LICENCE_ANNUAL_REPORT_REMINDER, city, "3205", new BigDecimal("3"), "提前催报");
		assertThatThrownBy(() -> rules.override(StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW, city, "3205",
				new BigDecimal("2"), "试")).isInstanceOf(InvalidValueException.class).hasMessageContaining("不能少于");
		// the window's product ceiling: 12 months from 1 January, never into the next year's window
		assertThatThrownBy(() -> rules.override(StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW, city, "3205",
				new BigDecimal("13"), "试")).isInstanceOf(InvalidValueException.class).hasMessageContaining("不能超过12");
		rules.override(StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW, city, "3205", new BigDecimal("12"), "上限");
		assertThat(rules.setting(StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW, "320506").effectiveValue())
			.isEqualByComparingTo("12");
	}

	/**
	 * A rule's value is typed as a plain ASCII decimal: 1e1, full-width １０ and the like are a 400 naming the field
	 * (rule number), though BigDecimal itself would read them as 10; nothing changes.
	 */
	@Test
	void aRuleValueIsOnlyAPlainAsciiDecimal() throws Exception {
		String code = StatutoryRule.COMPLAINT_REDO.code();
		int before = rules.intValue(StatutoryRule.COMPLAINT_REDO, "3205");
		for (String typed : List.of("1e1", "１０", "1E+1", "٣")) {
			mvc.perform(post("/admin/rules/" + code).session(SignIn.session(mvc, "sz.admin")).with(csrf())
				.param("value", typed).param("reason", "试"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("data-field=\"value\"")))
				.andExpect(content().string(containsString("应为普通数字")));
		}
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_REDO, "3205")).isEqualTo(before);
	}
}
