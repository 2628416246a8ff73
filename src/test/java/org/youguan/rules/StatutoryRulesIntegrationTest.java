package org.youguan.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

	@AfterEach
	void clear() {
		rules.clearOverride(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "3205");
		rules.clearOverride(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, "320506");
		rules.clearOverride(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, "3205");
	}

	/**
	 * The remedies every adverse decision states come from the catalogue (行政复议法(2023) art.20, 行政诉讼法(2017)
	 * art.46), in Chinese numerals: a changed period changes every decision's sentence.
	 */
	@Test
	void theRemediesAnAdverseDecisionStatesComeFromTheCatalogue() {
		assertThat(rules.remedies("320506")).isEqualTo(
				"如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。");
		assertThat(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW.citations()).extracting(Citation::toString)
			.anySatisfy(c -> assertThat(c).contains("行政复议法(2023)").contains("20"));
		rules.override(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, bureaus.findByRegion("3205").orElseThrow().id(), "3205",
				new BigDecimal("90"), "测试：假设的新规定");
		assertThat(rules.remedies("320506")).contains("九十日内依法申请行政复议");
		// a period of 0 or a counted value no use can read (every step filling a document would fail) is refused
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		assertThatThrownBy(() -> rules.override(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, city, "3205", BigDecimal.ZERO, "测试"))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("不能为0");
		assertThatThrownBy(() -> rules.override(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, city, "3205",
				new BigDecimal("999999999999"), "测试")).isInstanceOf(InvalidValueException.class).hasMessageContaining("不能超过");
		assertThat(rules.remedies("320506")).contains("九十日内");
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
}
