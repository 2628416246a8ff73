package org.youguan.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.ChineseText;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseView;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 双公示 on the public portal (行政处罚法(2021) art.48): anyone finds the published decisions by name, credit code or
 * 文号 and by county; a decision's page shows the violation, basis, penalty and fine and no personal data (no
 * investigator, statement or mitigation reasons); a withdrawn publication stays listed by its 文号 only (party and penalty
 * withdrawn) with its day and
 * reason (while the stable API drops it); a decision never published is not found; a malformed region is a 400.
 */
@IntegrationTest
class PublicPenaltyPagesIntegrationTest extends ClockedSteps {

	@Autowired
	PastCases pastCases;

	@Autowired
	DecisionPublication decisionPublication;

	@Autowired
	Bureaus bureaus;

	/** A client address of its own: public pages are rate-limited per address. */
	static MockHttpServletRequestBuilder anonymous(String path) {
		return get(path).with(request -> {
			request.setRemoteAddr("10.88.0." + (int) (Math.random() * 200 + 1));
			return request;
		});
	}

	record Published(long id, String decisionNumber, String regionCode) {
	}

	@Test
	void publishedDecisionsAreFoundByNumberAndCountyWithoutPersonalData() throws Exception {
		// the demo's decision with a statement and a mitigation reason (从轻: 已对涉事快递员培训并逐一回访用户)
		Published demo = jdbc.sql("""
				SELECT id, decision_number, region_code FROM penalty_case
				WHERE demo AND published_on IS NOT NULL AND mitigation_reason IS NOT NULL""")
			.query((rs, n) -> new Published(rs.getLong(1), rs.getString(2), rs.getString(3))).list().get(0);
		mvc.perform(anonymous("/public/penalties")).andExpect(status().isOk())
			.andExpect(content().string(containsString(demo.decisionNumber())))
			.andExpect(content().string(containsString("/public/penalties/" + demo.id())));
		mvc.perform(anonymous("/public/penalties?q=" + demo.decisionNumber())).andExpect(status().isOk())
			.andExpect(content().string(containsString(demo.decisionNumber())));
		mvc.perform(anonymous("/public/penalties?q=没有这样的企业" + UUID.randomUUID())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(demo.decisionNumber()))))
			.andExpect(content().string(containsString("未查询到公示的行政处罚决定")));
		String elsewhere = demo.regionCode().startsWith("320507") ? "320506" : "320507";
		mvc.perform(anonymous("/public/penalties?region=" + elsewhere)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(demo.decisionNumber()))));
		mvc.perform(anonymous("/public/penalties?region=" + demo.regionCode().substring(0, 6))).andExpect(status().isOk())
			.andExpect(content().string(containsString(demo.decisionNumber())));

		// 双公示 names the 处罚机关 and, in the list too, the legal basis (attack 27 L6)
		String bureau = bureaus.nearest(demo.regionCode()).orElseThrow().name();
		mvc.perform(anonymous("/public/penalties?q=" + demo.decisionNumber())).andExpect(status().isOk())
			.andExpect(content().string(containsString("处罚机关：" + bureau)))
			.andExpect(content().string(containsString("处罚依据：")))
			.andExpect(content().string(containsString("第五十四条")));
		mvc.perform(anonymous("/api/v1/public/penalties?q=" + demo.decisionNumber())).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].bureau").value(bureau));
		mvc.perform(anonymous("/public/penalties/" + demo.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString(bureau)))
			.andExpect(content().string(containsString(demo.decisionNumber())))
			.andExpect(content().string(containsString("第五十四条")))
			.andExpect(content().string(not(containsString("林执法"))))
			.andExpect(content().string(not(containsString("冯安全"))))
			.andExpect(content().string(not(containsString("末端人员自行所为"))))
			.andExpect(content().string(not(containsString("逐一回访用户"))))
			.andExpect(content().string(not(containsString("id=\"penalty-withdrawn\""))))
			// each decision's page names it in its title: its party and number, not the list's 行政处罚决定公示 (attack C5)
			.andExpect(content().string(containsString("<title>" + jdbc.sql("SELECT publication_enterprise_name FROM penalty_case WHERE id = ?")
				.param(demo.id()).query(String.class).single() + "行政处罚决定 " + demo.decisionNumber() + " · ")));
	}

	/**
	 * In the English mode the portal's list and decision page word the penalty in English ("Fine of ¥1500", "Fine"),
	 * not the domain's 罚款人民币1500元; in Chinese they keep it.
	 */
	@Test
	void aPublishedPenaltyReadsInEnglishInTheEnglishMode() throws Exception {
		Published fine = publishedFine(party.other());
		String number = fine.decisionNumber();
		long id = fine.id();
		mvc.perform(anonymous("/public/penalties?lang=en&q=" + number)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Fine of ¥1500")))
			.andExpect(content().string(not(containsString("罚款人民币"))));
		mvc.perform(anonymous("/public/penalties/" + id + "?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd class=\"col-sm-9\">Fine</dd>")))
			.andExpect(content().string(not(containsString(">罚款<"))));
		mvc.perform(anonymous("/public/penalties?q=" + number)).andExpect(status().isOk())
			.andExpect(content().string(containsString("罚款人民币1500元")));
		mvc.perform(anonymous("/public/penalties/" + id)).andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd class=\"col-sm-9\">罚款</dd>")));
	}

	/**
	 * A past decision of {@code e} imported (a fine of 1500 decided 20 days ago) and published 15 days ago with the scan
	 * of its paper 决定书, as an imported decision is.
	 */
	private Published publishedFine(EnterpriseView e) {
		LocalDate today = LocalDate.now(clock);
		String number = "吴邮管罚〔" + today.minusDays(20).getYear() + "〕" + (100 + (int) (Math.random() * 800)) + "号" + UUID.randomUUID().toString().substring(0, 4);
		long id = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(e.creditCode(), "DATA_NOT_REPORTED", "REPORT",
				today.minusDays(40).toString(), today.minusDays(20).toString(), number, "FINE", new BigDecimal("1500"), null,
				null));
		pastCases.keepOriginalDocument(PartyCases.ALL, id, new PastCases.OriginalDocument("DECISION", null,
				today.minusDays(20).toString()), new UploadedFile("决定书.pdf", PenaltyCaseIntegrationTest.WAIVER_PDF));
		decisionPublication.publish(PartyCases.ALL, id, today.minusDays(15).toString());
		return new Published(id, number, null);
	}

	@Test
	void aWithdrawnPublicationStaysListedAsWithdrawnWithItsReason() throws Exception {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.other();
		Published fine = publishedFine(e);
		String number = fine.decisionNumber();
		long id = fine.id();
		mvc.perform(anonymous("/public/penalties?q=" + number)).andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(not(containsString("penalty-withdrawn"))));

		decisionPublication.withdrawPublication(PartyCases.ALL, id, "该决定已被行政复议机关撤销，当事人联系电话13912345678");
		mvc.perform(anonymous("/public/penalties?q=" + number)).andExpect(status().isOk())
			// a number typed into the reason is masked on the public page
			.andExpect(content().string(not(containsString("13912345678"))))
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("penalty-withdrawn")))
			.andExpect(content().string(containsString("该决定已被行政复议机关撤销")))
			// art.48: the information is withdrawn — the party, its credit code and the penalty are no longer shown
			.andExpect(content().string(not(containsString(e.legalName()))))
			.andExpect(content().string(not(containsString(e.creditCode()))))
			.andExpect(content().string(not(containsString("1500元"))));
		mvc.perform(anonymous("/public/penalties/" + id)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"penalty-withdrawn\"")))
			.andExpect(content().string(containsString("该决定已被行政复议机关撤销")))
			.andExpect(content().string(not(containsString("13912345678"))))
			.andExpect(content().string(containsString(ChineseText.day(today) + "撤回公示")))
			.andExpect(content().string(not(containsString(e.legalName()))))
			.andExpect(content().string(not(containsString(e.creditCode()))))
			.andExpect(content().string(not(containsString("1500元"))));
		mvc.perform(anonymous("/public/penalties?q=" + e.creditCode())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));
		mvc.perform(anonymous("/api/v1/public/penalties?q=" + number)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));
	}

	@Test
	void anUnpublishedDecisionIsNotFoundAndABadRegionIsRefused() throws Exception {
		long unpublished = jdbc.sql("SELECT id FROM penalty_case WHERE published_on IS NULL ORDER BY id LIMIT 1")
			.query(Long.class).single();
		// the public visitor reads "not found or no longer public" on the portal's own page, not staff words
		mvc.perform(anonymous("/public/penalties/" + unpublished)).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("已不再公开")))
			.andExpect(content().string(containsString("返回公众服务首页")))
			.andExpect(content().string(not(containsString("数据权限"))))
			.andExpect(content().string(not(containsString("工作台"))));
		mvc.perform(anonymous("/public/penalties?region=32x5")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("行政区划代码")));
	}
}
