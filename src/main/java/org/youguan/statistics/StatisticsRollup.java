package org.youguan.statistics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code stat_rollup} — approved values added up by indicator, period, region and brand — equal to the sums of
 * {@code stat_fact}. Whoever writes facts refreshes the periods and regions it touched, in the same transaction.
 */
@Component
public class StatisticsRollup {

	private final JdbcClient jdbc;

	/** Bumped whenever the roll-up changes on this node (now and again after the change commits). */
	private final AtomicLong version = new AtomicLong();

	StatisticsRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The roll-up's version on this node: it changes whenever this node changes the roll-up, so a cache of figures
	 * keyed by it never serves figures from before this node's last approval. Other nodes' changes reach a cache only
	 * through its expiry.
	 */
	long version() {
		return version.get();
	}

	private void changed() {
		version.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					version.incrementAndGet();
				}
			});
		}
	}

	/** Recomputes the roll-up rows of these period starts and regions (every indicator and brand in them). */
	@Transactional(propagation = Propagation.MANDATORY)
	void refresh(Collection<LocalDate> periodStarts, Collection<String> regions) {
		if (periodStarts.isEmpty() || regions.isEmpty()) {
			return;
		}
		changed();
		List<LocalDate> starts = periodStarts.stream().distinct().toList();
		List<String> codes = regions.stream().distinct().toList();
		jdbc.sql("DELETE FROM stat_rollup WHERE period_start IN (:starts) AND region_code IN (:regions)")
			.param("starts", starts)
			.param("regions", codes)
			.update();
		jdbc.sql("""
				INSERT INTO stat_rollup (indicator_code, period_start, period_end, region_code, brand_key, value)
				SELECT indicator_code, period_start, period_end, region_code, coalesce(brand_id, 0), sum(value)
				FROM stat_fact WHERE period_start IN (:starts) AND region_code IN (:regions)
				GROUP BY 1, 2, 3, 4, 5""")
			.param("starts", starts)
			.param("regions", codes)
			.update();
	}

	/** Rebuilds the whole roll-up (after facts were written in bulk outside the services, e.g. a generator). */
	@Transactional
	public void rebuild() {
		changed();
		jdbc.sql("TRUNCATE stat_rollup").update();
		jdbc.sql("""
				INSERT INTO stat_rollup (indicator_code, period_start, period_end, region_code, brand_key, value)
				SELECT indicator_code, period_start, period_end, region_code, coalesce(brand_id, 0), sum(value)
				FROM stat_fact GROUP BY 1, 2, 3, 4, 5""").update();
	}
}
