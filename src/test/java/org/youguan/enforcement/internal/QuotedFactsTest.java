package org.youguan.enforcement.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed facts every penalty document quotes after its own lead-in ("经查，${report}"): attack 51 found the
 * 不予行政处罚决定书 and the 行政处罚决定书 reading "经查，查明你单位…", the facts ending without a full stop. A typed
 * lead-in (经查, 查明, 经调查核实, 调查发现…) is folded into the template's, and the facts end with one 。.
 */
class QuotedFactsTest {

	@Test
	void aTypedLeadInIsFoldedIntoTheTemplatesAndTheFactsEndWithOneFullStop() {
		assertThat(CaseDocuments.facts("查明你单位未按规定备案末端网点")).isEqualTo("你单位未按规定备案末端网点。");
		assertThat(CaseDocuments.facts("经查，查明你单位未备案")).isEqualTo("你单位未备案。");
		assertThat(CaseDocuments.facts("经调查核实：当事人未实名收寄。")).isEqualTo("当事人未实名收寄。");
		assertThat(CaseDocuments.facts("调查发现，当事人未验视；")).isEqualTo("当事人未验视。");
		assertThat(CaseDocuments.facts("经查明 当事人未备案。。")).isEqualTo("当事人未备案。");
		assertThat(CaseDocuments.facts("当事人于2026年3月未备案（见询问笔录）")).isEqualTo("当事人于2026年3月未备案（见询问笔录）。");
	}

	@Test
	void wordsThatOnlyBeginWithACheckAreKept() {
		assertThat(CaseDocuments.facts("查获禁寄物品三件")).isEqualTo("查获禁寄物品三件。");
		assertThat(CaseDocuments.facts("调查期间当事人拒不配合")).isEqualTo("调查期间当事人拒不配合。");
		assertThat(CaseDocuments.facts(null)).isEmpty();
		assertThat(CaseDocuments.facts(" 经查。 ")).isEmpty();
	}

	/**
	 * Attack 4-B: the lead-ins 经调查取证，现查明，经现场检查，经立案调查：据调查， and runs of them are stripped whole, so
	 * "经调查取证，" never prints as "经查，取证。".
	 */
	@Test
	void everyLeadInAndAnyRunOfThemIsFolded() {
		assertThat(CaseDocuments.facts("经调查取证，")).isEmpty();
		assertThat(CaseDocuments.facts("现查明，")).isEmpty();
		assertThat(CaseDocuments.facts("经现场检查，")).isEmpty();
		assertThat(CaseDocuments.facts("经立案调查：")).isEmpty();
		assertThat(CaseDocuments.facts("据调查，")).isEmpty();
		assertThat(CaseDocuments.facts("经查，取证。")).isEqualTo("取证。");
		assertThat(CaseDocuments.facts("经立案调查，现查明：当事人未备案")).isEqualTo("当事人未备案。");
		assertThat(CaseDocuments.facts("经调查取证，当事人未实名收寄")).isEqualTo("当事人未实名收寄。");
		assertThat(CaseDocuments.facts("据调查，经现场检查发现，当事人未验视")).isEqualTo("当事人未验视。");
		assertThat(CaseDocuments.facts("检查了营业场所的收寄台账")).isEqualTo("检查了营业场所的收寄台账。");
	}

	/**
	 * Attack: facts beginning with a lead-in's characters printed cut — "据检查站反映" as "站反映", "现查获" as "获" —
	 * only a whole phrase is stripped: one ending in 明/发现/认定/得知, or one followed by punctuation or the party.
	 */
	@Test
	void onlyWholeLeadInPhrasesAreStripped() {
		assertThat(CaseDocuments.facts("据检查站反映，当事人未验视")).isEqualTo("据检查站反映，当事人未验视。");
		assertThat(CaseDocuments.facts("现查获禁寄物品三件")).isEqualTo("现查获禁寄物品三件。");
		assertThat(CaseDocuments.facts("经查实际经营地址未备案")).isEqualTo("经查实际经营地址未备案。");
		assertThat(CaseDocuments.facts("据检查明细表显示当事人未验视")).isEqualTo("据检查明细表显示当事人未验视。");
		assertThat(CaseDocuments.facts("经查，据检查站反映")).isEqualTo("据检查站反映。");
		assertThat(CaseDocuments.facts("查明违法事实")).isEqualTo("违法事实。");
		assertThat(CaseDocuments.facts("经核实当事人未备案")).isEqualTo("当事人未备案。");
		assertThat(CaseDocuments.facts("经调查发现该公司未验视")).isEqualTo("该公司未验视。");
	}
}
