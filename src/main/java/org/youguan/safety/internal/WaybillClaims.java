package org.youguan.safety.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.kernel.TransactionLocks;
import org.youguan.safety.ParcelRecord;

/**
 * One parcel counts once: every accepted record claims its waybill for its enterprise
 * ({@code safety_waybill_claim}), and a record whose waybill is claimed already — by another batch that counts or is
 * being uploaded, or by an earlier line of the same upload — is refused as a duplicate (rule {@code duplicate}). The
 * claims are looked up within the record window ({@code youguan.safety.record-window}: no record older than it is
 * accepted, so no duplicate of one can arrive later); a waybill number used again after the window is a new parcel.
 * <p>
 * A claim names its batch and attempt. A repeated batch never gets here (it is answered with its first answer); a
 * batch sent again after a failed upload is a new attempt and takes over the claims of its earlier attempts, as it
 * takes over their waybills' claims made by any attempt given up or taken over ({@link ParcelBatchAttempts}): only an
 * attempt that is the batch's current one and RUNNING or DONE holds its waybills; a claim whose batch is no longer
 * kept ({@code youguan.safety.batch-retention}) still holds.
 * <p>
 * Concurrency: the claims of one enterprise are made under a transaction lock on the enterprise (whichever node —
 * direct or a Kafka producer — takes the upload in), so two uploads naming the same waybill at once are ordered and the
 * second sees the first's claim, also when the two give it different acceptance days (different partitions). Cost: one
 * look-up and one insert statement per chunk of up to {@code youguan.safety.chunk-records} records, on the upload's
 * storing thread. Storage: partitions per month of acceptance, created before their first claim and dropped whole once
 * the month lies before the window (daily, ShedLock).
 */
@Component
class WaybillClaims {

	private static final Logger log = LoggerFactory.getLogger(WaybillClaims.class);

	static final String PARTITION_PREFIX = "safety_waybill_claim_m";

	/**
	 * A record refused as a duplicate.
	 *
	 * @param index its position in the records given to {@link #claim}
	 * @param earlierBatch the batch id that holds the waybill; null when an earlier line of the same upload does, "" when
	 *        the batch is no longer kept
	 */
	record Duplicate(int index, String earlierBatch) {

		/** The rejection the upload answers for the line. */
		ParcelRejection rejection(String waybill) {
			String where = earlierBatch == null ? "本批次中已有同一运单号的记录"
					: earlierBatch.isEmpty() ? "已在较早的批次中上报并被接收" : "已在批次" + earlierBatch + "中上报并被接收";
			return new ParcelRejection("waybillNumber", "duplicate", "运单号（waybillNumber）" + where
					+ "，同一运单在上报期限内只计一次：" + waybill);
		}
	}

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration window;

	/** The months whose partition this node knows to exist. */
	private final Set<YearMonth> partitions = ConcurrentHashMap.newKeySet();

	WaybillClaims(JdbcTemplate jdbc, JdbcClient client, TransactionTemplate tx, Clock clock,
			@Value("${youguan.safety.record-window:P30D}") Duration window) {
		this.jdbc = jdbc;
		this.client = client;
		this.tx = tx;
		this.clock = clock;
		this.window = window;
	}

	/**
	 * Claims the waybills of an upload's chunk for its batch attempt, in one transaction: those already claimed (see
	 * the class) are refused and claim nothing; the others are claimed.
	 *
	 * @param enterpriseId the uploading enterprise
	 * @param batchRef the batch's {@code safety_parcel_batch.ref}
	 * @param attempt the batch's attempt uploading
	 * @param records the chunk's validated records
	 * @param now the instant the upload's validator measures the window from
	 * @return the records refused, in the order given (empty: all claimed)
	 */
	List<Duplicate> claim(long enterpriseId, long batchRef, int attempt, List<ParcelRecord> records, Instant now) {
		int n = records.size();
		long[] keys = new long[n];
		int[] days = new int[n];
		TreeSet<YearMonth> months = new TreeSet<>();
		for (int i = 0; i < n; i++) {
			ParcelRecord r = records.get(i);
			keys[i] = WaybillKey.of(r.waybillNumber());
			LocalDate day = r.day();
			days[i] = (int) day.toEpochDay();
			months.add(YearMonth.from(day));
		}
		months.forEach(this::ensurePartition);
		int earliest = (int) now.minus(window).atZone(ParcelRecord.CHINA).toLocalDate().toEpochDay();
		return tx.execute(s -> {
			TransactionLocks.hold(client, "safety_waybill_claim:" + enterpriseId);
			return jdbc.execute((ConnectionCallback<List<Duplicate>>) c -> claim(c, enterpriseId, batchRef, attempt,
					keys, days, earliest));
		});
	}

	private static List<Duplicate> claim(Connection c, long enterpriseId, long batchRef, int attempt, long[] keys,
			int[] days, int earliest) throws java.sql.SQLException {
		int n = keys.length;
		// the holder of each key among the claims in the window: this upload's earlier chunks, or another live batch
		Map<Long, String> held = new HashMap<>();
		List<long[]> stale = new ArrayList<>();
		try (PreparedStatement st = c.prepareStatement("""
				SELECT c.waybill_key, c.accepted_day - DATE '1970-01-01' AS day, c.batch_ref, c.attempt, b.batch_id,
				       b.attempt AS current_attempt, b.status
				FROM safety_waybill_claim c LEFT JOIN safety_parcel_batch b ON b.ref = c.batch_ref
				WHERE c.enterprise_id = ? AND c.accepted_day >= DATE '1970-01-01' + ? AND c.waybill_key = ANY (?)""")) {
			st.setLong(1, enterpriseId);
			st.setInt(2, earliest);
			st.setArray(3, c.createArrayOf("bigint", boxed(keys)));
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					long key = rs.getLong(1);
					long ref = rs.getLong(3);
					int claimAttempt = rs.getInt(4);
					String batch = rs.getString(5);
					boolean live;
					String holder;
					if (batch == null) {
						// the batch is no longer kept: its records were counted
						live = true;
						holder = "";
					}
					else if (ref == batchRef) {
						// an earlier attempt's claim is this attempt's to take over; a later attempt's (this one was
						// taken over and is still running) is not
						live = claimAttempt >= attempt;
						holder = null;
					}
					else {
						String status = rs.getString(7);
						live = claimAttempt == rs.getInt(6) && ("RUNNING".equals(status) || "DONE".equals(status));
						holder = batch;
					}
					if (live) {
						held.putIfAbsent(key, holder);
					}
					else {
						stale.add(new long[] { key, rs.getInt(2) });
					}
				}
			}
		}
		List<Duplicate> duplicates = new ArrayList<>();
		long[] newKeys = new long[n];
		int[] newDays = new int[n];
		int fresh = 0;
		Map<Long, Boolean> seen = new HashMap<>(n * 2);
		for (int i = 0; i < n; i++) {
			long key = keys[i];
			if (held.containsKey(key)) {
				duplicates.add(new Duplicate(i, held.get(key)));
			}
			else if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
				duplicates.add(new Duplicate(i, null));
			}
			else {
				newKeys[fresh] = key;
				newDays[fresh++] = days[i];
			}
		}
		if (!stale.isEmpty()) {
			Long[] staleKeys = new Long[stale.size()];
			Integer[] staleDays = new Integer[stale.size()];
			for (int i = 0; i < stale.size(); i++) {
				staleKeys[i] = stale.get(i)[0];
				staleDays[i] = (int) stale.get(i)[1];
			}
			try (PreparedStatement st = c.prepareStatement("""
					DELETE FROM safety_waybill_claim WHERE enterprise_id = ? AND (waybill_key, accepted_day) IN
					    (SELECT k, DATE '1970-01-01' + d FROM unnest(?::bigint[], ?::int[]) AS t (k, d))""")) {
				st.setLong(1, enterpriseId);
				st.setArray(2, c.createArrayOf("bigint", staleKeys));
				st.setArray(3, c.createArrayOf("integer", staleDays));
				st.executeUpdate();
			}
		}
		if (fresh > 0) {
			Long[] insertKeys = new Long[fresh];
			Integer[] insertDays = new Integer[fresh];
			for (int i = 0; i < fresh; i++) {
				insertKeys[i] = newKeys[i];
				insertDays[i] = newDays[i];
			}
			try (PreparedStatement st = c.prepareStatement("""
					INSERT INTO safety_waybill_claim (enterprise_id, waybill_key, batch_ref, accepted_day, attempt)
					SELECT ?, k, ?, DATE '1970-01-01' + d, ? FROM unnest(?::bigint[], ?::int[]) AS t (k, d)""")) {
				st.setLong(1, enterpriseId);
				st.setLong(2, batchRef);
				st.setInt(3, attempt);
				st.setArray(4, c.createArrayOf("bigint", insertKeys));
				st.setArray(5, c.createArrayOf("integer", insertDays));
				st.executeUpdate();
			}
		}
		return duplicates;
	}

	private static Long[] boxed(long[] values) {
		Long[] boxed = new Long[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

	/** The partition's name for a month. */
	static String partition(YearMonth month) {
		return PARTITION_PREFIX + month.getYear() + (month.getMonthValue() < 10 ? "0" : "") + month.getMonthValue();
	}

	/**
	 * Creates the month's partition unless this node knows it exists — in a transaction of its own, under a lock, before
	 * any claim transaction touches the table (a claim transaction creating it could deadlock with another).
	 */
	private void ensurePartition(YearMonth month) {
		if (partitions.contains(month)) {
			return;
		}
		tx.executeWithoutResult(s -> {
			TransactionLocks.hold(client, "safety_waybill_claim:partitions");
			jdbc.execute("CREATE TABLE IF NOT EXISTS " + partition(month) + " PARTITION OF safety_waybill_claim FOR VALUES FROM ('"
					+ month.atDay(1) + "') TO ('" + month.plusMonths(1).atDay(1) + "')");
		});
		partitions.add(month);
	}

	/**
	 * Drops the months of claims that lie wholly before the record window (daily, once per cluster): no record of
	 * theirs can be sent any more.
	 *
	 * @return the partitions dropped
	 */
	@Scheduled(cron = "${youguan.safety.claim-retention-cron:0 45 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "safety.claim-retention", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public List<String> dropBeforeWindow() {
		LocalDate earliest = clock.instant().minus(window).atZone(ParcelRecord.CHINA).toLocalDate();
		List<String> dropped = new ArrayList<>();
		for (String name : jdbc.queryForList("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'safety_waybill_claim'::regclass ORDER BY c.relname""", String.class)) {
			if (!name.startsWith(PARTITION_PREFIX) || name.length() != PARTITION_PREFIX.length() + 6) {
				continue;
			}
			String digits = name.substring(PARTITION_PREFIX.length());
			YearMonth month = YearMonth.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4)));
			if (month.atEndOfMonth().isBefore(earliest)) {
				tx.executeWithoutResult(s -> {
					TransactionLocks.hold(client, "safety_waybill_claim:partitions");
					jdbc.execute("DROP TABLE IF EXISTS " + name);
				});
				partitions.remove(month);
				dropped.add(name);
			}
		}
		if (!dropped.isEmpty()) {
			log.info("Waybill claims before the record window dropped: {}", dropped);
		}
		return dropped;
	}
}
