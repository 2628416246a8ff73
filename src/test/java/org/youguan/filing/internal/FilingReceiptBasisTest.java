package org.youguan.filing.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 末端网点备案回执 cites the filing article as every other document served on a party cites law — formally, without
 * "（2025年修订）" — and as numbered in the version of the 快递暂行条例 in force on the day the filing was completed:
 * 第十九条 from 2025-06-01, 第十八条 (the 2019 text) before.
 */
class FilingReceiptBasisTest {

	@Test
	void theReceiptCitesTheFilingArticleInForceOnTheDayCompleted() {
		assertThat(FilingReceipts.filingBasis(LocalDate.of(2026, 3, 2))).isEqualTo("《快递暂行条例》第十九条");
		assertThat(FilingReceipts.filingBasis(LocalDate.of(2025, 6, 1))).isEqualTo("《快递暂行条例》第十九条");
		assertThat(FilingReceipts.filingBasis(LocalDate.of(2024, 4, 15))).isEqualTo("《快递暂行条例》第十八条");
	}
}
