package org.youguan.enforcement.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.youguan.rules.ViolationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attack f8 item 8: a decision cites as breached only the duties of the acts its case's facts name — a late outlet
 * filing breaches 快递暂行条例(2025) art.19, not also art.30 on stopping a service — and the penalty article separately;
 * each cited as a document cites law (《快递暂行条例》第十九条), not in the staff's short form with the version.
 */
class BreachedDutiesTest {

	@Test
	void aLateOutletFilingBreachesTheFilingArticleOnly() {
		assertThat(CaseDocuments.breached(ViolationType.OUTLET_UNFILED, "开办的2处末端网点逾期未备案", null))
			.isEqualTo("，违反了《快递暂行条例》第十九条的规定");
		assertThat(CaseDocuments.breached(ViolationType.OUTLET_UNFILED, "网点擅自停止经营，未提前告知", null))
			.isEqualTo("，违反了《快递暂行条例》第三十条的规定");
		assertThat(ViolationType.OUTLET_UNFILED.citations()).extracting(Object::toString)
			.containsExactly("快递暂行条例(2025) 第50条");
	}

	/** A decision made before the 2025 revision took effect (2025-06-01) cites the duty as the 2019 text numbered it. */
	@Test
	void aDecisionOf2024CitesTheDutyAsThe2019TextNumberedIt() {
		assertThat(CaseDocuments.breached(ViolationType.OUTLET_UNFILED, "开办的末端网点逾期未备案", LocalDate.of(2024, 4, 15)))
			.isEqualTo("，违反了《快递暂行条例》第十八条的规定");
		assertThat(CaseDocuments.breached(ViolationType.OUTLET_UNFILED, "开办的末端网点逾期未备案", LocalDate.of(2025, 6, 1)))
			.isEqualTo("，违反了《快递暂行条例》第十九条的规定");
	}

	@Test
	void anArticlePunishingSeveralActsCitesNoneTheFactsDoNotName() {
		// no act named: the text breached as a whole, never the penalty article (第五十条) as the duty
		assertThat(CaseDocuments.breached(ViolationType.OUTLET_UNFILED, "经查，当事人存在违法行为", null))
			.isEqualTo("，违反了《快递暂行条例》的有关规定");
		assertThat(CaseDocuments.breached(ViolationType.SECURITY_CHECKS, "收寄快件未执行实名收寄", null))
			.isEqualTo("，违反了《快递暂行条例》第二十三条的规定");
		assertThat(CaseDocuments.breached(ViolationType.SECURITY_CHECKS, "未验视，未过机安检", null))
			.isEqualTo("，违反了《快递暂行条例》第三十二条、《快递暂行条例》第三十三条的规定");
	}

	/**
	 * Attack item 3: a type whose duty article the catalogue does not hold (快递市场管理办法(2023) art.54, 投递) still
	 * says what the act breached — the text as a whole — so the decision's sentence reads "构成…，违反了《…》的有关规定。".
	 */
	@Test
	void aTypeWithoutADutyArticleNamesTheTextBreached() {
		assertThat(CaseDocuments.breached(ViolationType.DELIVERY_WITHOUT_CONSENT, "未经收件人同意将快件投递至智能快件箱", null))
			.isEqualTo("，违反了《快递市场管理办法》的有关规定");
		assertThat(CaseDocuments.breached(ViolationType.UNLICENSED, "无证经营", null))
			.isEqualTo("，违反了《中华人民共和国邮政法》的有关规定").doesNotContain("第七十二条");
	}

	@Test
	void aTypeOfOneActCitesItsDutyWhateverTheFacts() {
		assertThat(CaseDocuments.breached(ViolationType.WAYBILL_DATA, "运单信息不全", null))
			.isEqualTo("，违反了《快递暂行条例》第三十五条的规定");
		assertThat(CaseDocuments.breached(ViolationType.BRAND_UNMANAGED, null, null))
			.isEqualTo("，违反了《快递暂行条例》第二十条的规定");
		// a breach of the 邮件快件实名收寄管理办法 breaches the real-name duty of the 条例 it carries out (art.23; 2019: art.22)
		assertThat(CaseDocuments.breached(ViolationType.REAL_NAME, "未按规定登记寄件人身份信息", null))
			.isEqualTo("，违反了《快递暂行条例》第二十三条的规定");
		assertThat(CaseDocuments.breached(ViolationType.REAL_NAME, "未按规定登记寄件人身份信息", LocalDate.of(2024, 4, 15)))
			.isEqualTo("，违反了《快递暂行条例》第二十二条的规定");
		for (ViolationType v : ViolationType.values()) {
			assertThat(v.dutiesBreached("备案 停止经营 实名 验视 安检")).as(v.code()).doesNotContainAnyElementsOf(v.citations());
		}
	}
}
