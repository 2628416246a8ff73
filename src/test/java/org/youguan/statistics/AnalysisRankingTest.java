package org.youguan.statistics;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.youguan.statistics.internal.Coverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (the page ranked what the bulletin did not): one ranking rule for every output — the rows stay in order of
 * value and only those whose period is complete are numbered among themselves, and only when at least two are
 * ({@link Analysis#ranked}); 昆山市 with 5/8 units approved is "—", not 2.
 */
class AnalysisRankingTest {

	private static final Coverage.Share COMPLETE = new Coverage.Share("2026-11", 8, 8, true);

	private static final Coverage.Share INCOMPLETE = new Coverage.Share("2026-11", 5, 8, false);

	private static Analysis.Row row(String name, long value, Coverage.Share current) {
		return new Analysis.Row(name, name, value < 0 ? null : BigDecimal.valueOf(value), BigDecimal.ONE, null, null,
				new Coverage.Pair(current, COMPLETE), false, null);
	}

	@Test
	void onlyRowsWhosePeriodIsCompleteAreRankedAmongThemselves() {
		List<Analysis.Row> ranked = Analysis.ranked(List.of(row("吴中区", 900, COMPLETE), row("昆山市", 800, INCOMPLETE),
				row("常熟市", 700, COMPLETE), row("太仓市", 600, COMPLETE), row("张家港市", -1, COMPLETE)));
		assertThat(ranked).extracting(Analysis.Row::name).containsExactly("吴中区", "昆山市", "常熟市", "太仓市", "张家港市");
		assertThat(ranked).extracting(Analysis.Row::rank).containsExactly(1, null, 2, 3, null);
	}

	@Test
	void oneCompleteRowAloneIsNotRanked() {
		assertThat(Analysis.ranked(List.of(row("吴中区", 900, COMPLETE), row("昆山市", 800, INCOMPLETE))))
			.extracting(Analysis.Row::rank).containsOnlyNulls();
	}
}
