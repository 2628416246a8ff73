package org.youguan.safety.internal.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.kernel.Text;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.internal.alerts.ParcelFiles;

/**
 * Deletes what is kept longer than its retention, daily (ShedLock, once per cluster): the hourly and daily rollups and
 * machine days older than {@code youguan.safety.rollup-retention} (default {@code P3Y}), and the parcel records' day
 * directories (Parquet) older than {@code youguan.safety.record-retention} (default {@code P3Y}: DOMAIN.md "service
 * records kept ≥ 3 years (licence condition)"; the exact article is to be confirmed — README). Both are ISO-8601
 * periods counted back from today (China time); the day at the limit is kept. Upload batches and their rejected lines
 * (kept for the enterprise to correct and send again, which the record window of 30 days bounds) go after
 * {@code youguan.safety.batch-retention} (default {@code P90D}); a batch sent again after that is taken in again,
 * but its records are by then older than the window and refused.
 */
@Component
public class SafetyRetention {

	private static final Logger log = LoggerFactory.getLogger(SafetyRetention.class);

	/**
	 * What one run deleted: rollup rows (hourly and daily together), machine days, record day directories, upload
	 * batches (with their rejected lines).
	 */
	public record Purged(long rollupRows, long machineDays, int recordDays, long batches) {
	}

	private final JdbcClient jdbc;

	private final ParcelFiles files;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Period rollups;

	private final Period records;

	private final Period batchRetention;

	SafetyRetention(JdbcClient jdbc, ParcelFiles files, TransactionTemplate tx, Clock clock,
			@Value("${youguan.safety.rollup-retention:P3Y}") String rollups,
			@Value("${youguan.safety.record-retention:P3Y}") String records,
			@Value("${youguan.safety.batch-retention:P90D}") String batches) {
		this.batchRetention = period("youguan.safety.batch-retention", batches);
		this.jdbc = jdbc;
		this.files = files;
		this.tx = tx;
		this.clock = clock;
		this.rollups = period("youguan.safety.rollup-retention", rollups);
		this.records = period("youguan.safety.record-retention", records);
	}

	@Scheduled(cron = "${youguan.safety.retention-cron:0 15 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "safety.retention", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
	public void run() {
		purge(LocalDate.now(clock.withZone(ParcelRecord.CHINA)));
	}

	/**
	 * Deletes rollups before {@code today − rollup-retention} and record days before {@code today − record-retention}
	 * under {@code parcels} (the configured records directory for the job).
	 */
	public Purged purge(LocalDate today) {
		return purge(today, files);
	}

	/** As {@link #purge(LocalDate)}, the records under the given files (tests). */
	public Purged purge(LocalDate today, ParcelFiles parcels) {
		LocalDate rollupLimit = today.minus(rollups);
		Timestamp limit = Timestamp.from(rollupLimit.atStartOfDay(ParcelRecord.CHINA).toInstant());
		long[] counts = tx.execute(s -> new long[] {
				jdbc.sql("DELETE FROM safety_parcel_hour WHERE hour < :limit").param("limit", limit).update()
						+ jdbc.sql("DELETE FROM safety_parcel_day WHERE day < :limit").param("limit", rollupLimit).update(),
				jdbc.sql("DELETE FROM safety_machine_day WHERE day < :limit").param("limit", rollupLimit).update() });
		LocalDate recordLimit = today.minus(records);
		int days = 0;
		if (Files.isDirectory(parcels.root())) {
			List<Path> old;
			try (Stream<Path> dirs = Files.list(parcels.root())) {
				old = dirs.filter(d -> before(d, recordLimit)).toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (Path d : old) {
				delete(d);
				days++;
			}
		}
		// upload batches (their answers) and their rejected lines: kept for correcting and re-sending, which the
		// record window bounds; finished batches only (a running one is someone's upload)
		Timestamp batchLimit = Timestamp.from(today.minus(batchRetention).atStartOfDay(ParcelRecord.CHINA).toInstant());
		long batchRows = tx.execute(s -> {
			jdbc.sql("""
					DELETE FROM safety_parcel_rejected_line l USING safety_parcel_batch b
					WHERE b.enterprise_id = l.enterprise_id AND b.batch_id = l.batch_id AND b.status <> 'RUNNING'
					  AND b.started_at < :limit""").param("limit", batchLimit).update();
			return (long) jdbc.sql("DELETE FROM safety_parcel_batch WHERE status <> 'RUNNING' AND started_at < :limit")
				.param("limit", batchLimit).update();
		});
		log.info("Safety retention: {} rollup rows before {}, {} machine days, {} record days before {}, {} upload batches "
				+ "before {} deleted", counts[0], rollupLimit, counts[1], days, recordLimit, batchRows, batchLimit);
		return new Purged(counts[0], counts[1], days, batchRows);
	}

	/** Whether a directory is a day partition ({@code day=YYYY-MM-DD}) before the limit; anything else is left alone. */
	private static boolean before(Path dir, LocalDate limit) {
		String name = dir.getFileName().toString();
		if (!Files.isDirectory(dir) || !name.startsWith("day=")) {
			return false;
		}
		try {
			return LocalDate.parse(name.substring(4)).isBefore(limit);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Period period(String property, String text) {
		try {
			Period p = Period.parse(Text.strip(text));
			if (p.isNegative() || p.isZero()) {
				throw new IllegalStateException("配置项 " + property + " 须为正的期间（如P3Y）：" + text);
			}
			return p;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException("配置项 " + property + " 不是ISO-8601期间（如P3Y、P18M）：" + text, ex);
		}
	}
}
