package org.youguan.rules;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.Bureaus;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The periods a page's text names are read from the rule catalogue where it applies, not written into the text: a
 * changed rule changes the public complaint page's 申诉时效, the case queue's extension and the branch filing hint — and no
 * page shows a placeholder left unfilled. The hints cite the law formally, as the documents the reader receives do.
 */
@IntegrationTest
class PeriodsNamedFromTheCatalogueIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@AfterEach
	void clear() {
		rules.clearOverride(StatutoryRule.COMPLAINT_FILING_WINDOW, StatutoryRule.NATIONAL_REGION);
		rules.clearOverride(StatutoryRule.PENALTY_DECISION_EXTENSION, StatutoryRule.NATIONAL_REGION);
	}

	/** A bureau to record the national value under (the demo has no 国家邮政局 account; region 0 is what counts). */
	long nation() {
		return bureaus.findByRegion("3205").orElseThrow().id();
	}

	@Test
	void thePublicComplaintPageNamesTheCataloguesPeriods() throws Exception {
		mvc.perform(get("/public/complaints/new")).andExpect(status().isOk())
			.andExpect(content().string(containsString("企业自投诉之日起7日内未答复")))
			.andExpect(content().string(containsString("超过1年")))
			.andExpect(content().string(not(containsString("{0}"))));
		rules.override(StatutoryRule.COMPLAINT_FILING_WINDOW, nation(), StatutoryRule.NATIONAL_REGION, BigDecimal.valueOf(2), "测试");
		mvc.perform(get("/public/complaints/new")).andExpect(status().isOk())
			.andExpect(content().string(containsString("超过2年")))
			.andExpect(content().string(not(containsString("超过1年"))));
	}

	@Test
	void theEnglishPageNamesThePeriodsInEnglish() throws Exception {
		// attack B3: "within 7日", "more than 1年" in the English sentences
		mvc.perform(get("/public/complaints/new").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("within 7 days of your complaint")))
			.andExpect(content().string(containsString("more than 1 year after")))
			.andExpect(content().string(not(containsString("7日"))))
			.andExpect(content().string(not(containsString("1年"))));
	}

	@Test
	void theCaseQueueNamesTheDecisionPeriodAndItsExtensionFromTheCatalogue() throws Exception {
		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/cases").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("自立案之日起90日内作出决定，经负责人批准可延长一次30日")))
			// cited as the documents cite it (《中华人民共和国行政处罚法》第六十条), never the catalogue's short form
			.andExpect(content().string(containsString(Citation.formalIn(StatutoryRule.PENALTY_DECISION.basisFor(Audience.OUTSIDE)))))
			.andExpect(content().string(containsString("《中华人民共和国行政处罚法》")))
			.andExpect(content().string(not(containsString(StatutoryRule.PENALTY_DECISION.basis()))));
		rules.override(StatutoryRule.PENALTY_DECISION_EXTENSION, nation(), StatutoryRule.NATIONAL_REGION, BigDecimal.valueOf(25),
				"测试");
		mvc.perform(get("/enforcement/cases").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("可延长一次25日")));
	}

	@Test
	void theBranchFilingHintNamesTheCataloguesPeriodAndBasis() throws Exception {
		var staff = SignIn.session(mvc, "sz.market");
		for (String page : new String[] { "/licensing/branch-filings", "/licensing/branch-filings/new" }) {
			mvc.perform(get(page).session(staff)).andExpect(status().isOk())
				.andExpect(content().string(containsString("取得营业执照之日起" + rules.stated(StatutoryRule.BRANCH_FILING, "3205")
						+ "内备案（《快递业务经营许可管理办法》）")));
		}
		// the enterprise's own form reads the same formal citation as the 备案 receipt it then gets
		mvc.perform(get("/licensing/branch-filings/new").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("内备案（《快递业务经营许可管理办法》）")))
			.andExpect(content().string(not(containsString(StatutoryRule.BRANCH_FILING.basis()))));
	}
}
