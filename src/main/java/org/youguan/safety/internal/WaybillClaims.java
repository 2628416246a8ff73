package org.youguan.safety.internal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.safety.ParcelRecord;

/**
 * One parcel counts once: every accepted record claims its waybill for its enterprise
 * ({@code safety_waybill_claim}), and a record whose waybill is claimed already — by another batch that counts or is
 * being uploaded, or by an earlier line of the same upload — is refused as a duplicate (rule {@code duplicate}). A
 * claim holds while its acceptance day lies within the record window ({@code youguan.safety.record-window}: no record
 * older than it is accepted, so no duplicate of one can arrive later); a waybill number used again after the window is
 * a new parcel.
 * <p>
 * A claim names its batch and attempt. A repeated batch never gets here (it is answered with its first answer); a
 * batch sent again after a failed upload is a new attempt and takes over the claims of its earlier attempts, as any
 * batch takes over the claims of an attempt given up or taken over ({@link ParcelBatchAttempts}): only an attempt that
 * is its batch's current one and RUNNING or DONE holds its waybills; a claim whose batch is no longer kept
 * ({@code youguan.safety.batch-retention}) still holds.
 * <p>
 * Cost and concurrency: one binary {@code COPY} per chunk of up to {@code youguan.safety.chunk-records} records when
 * none of its waybills is claimed (the common case), else one {@code INSERT … ON CONFLICT DO NOTHING} — either way one
 * descent of the primary key per record both checks and claims, and two uploads of the same waybill at once (on one
 * node or on two Kafka nodes, whichever takes the upload in) are ordered by it: the second waits for the first's
 * transaction and finds its claim. Only the records in conflict are
 * looked at further (their holders, in one query; stale claims taken over by a conditional update, so two takers-over
 * cannot both win). Claims before the window are deleted daily.
 */
@Component
class WaybillClaims {

	private static final Logger log = LoggerFactory.getLogger(WaybillClaims.class);

	/**
	 * A record refused as a duplicate.
	 *
	 * @param index its position in the records given to {@link #claim}
	 * @param earlierBatch the batch id that holds the waybill; null when an earlier line of the same upload does, "" when
	 *        the batch is no longer kept or another upload took the waybill at the same moment
	 */
	record Duplicate(int index, String earlierBatch) {

		/** The rejection the upload answers for the line. */
		ParcelRejection rejection(String waybill) {
			String where = earlierBatch == null ? "本批次中已有同一运单号的记录"
					: earlierBatch.isEmpty() ? "已在较早的批次中上报并被接收" : "已在批次" + earlierBatch + "中上报并被接收";
			return new ParcelRejection("waybillNumber", "duplicate", "运单号" + where
					+ "，同一运单在上报期限内只计一次：" + waybill);
		}
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration window;

	WaybillClaims(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
			@Value("${youguan.safety.record-window:P30D}") Duration window) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.window = window;
	}

	/**
	 * Claims the waybills of an upload's chunk for its batch attempt, in one transaction: those claimed already (see
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
		boolean ascending = true;
		long hour = Long.MIN_VALUE;
		int day = 0;
		for (int i = 0; i < n; i++) {
			ParcelRecord r = records.get(i);
			keys[i] = WaybillKey.of(r.waybillNumber());
			ascending &= i == 0 || keys[i] > keys[i - 1];
			// China time's offsets are whole hours: a UTC hour lies within one China day (looked up once per hour)
			long h = Math.floorDiv(r.acceptedAt().getEpochSecond(), 3600);
			if (h != hour) {
				hour = h;
				day = (int) r.day().toEpochDay();
			}
			days[i] = day;
		}
		List<Duplicate> duplicates = new ArrayList<>();
		long[] claimKeys;
		int[] claimDays;
		Map<Long, Integer> first = null;
		if (ascending) {
			// the common case (an export's waybills in sequence): no duplicate, already in key order
			claimKeys = keys;
			claimDays = days;
		}
		else {
			first = new HashMap<>(n * 2);
			Integer[] order = new Integer[n];
			int distinct = 0;
			for (int i = 0; i < n; i++) {
				if (first.putIfAbsent(keys[i], i) != null) {
					duplicates.add(new Duplicate(i, null));
					continue;
				}
				order[distinct++] = i;
			}
			// in key order: two uploads claiming overlapping waybills wait for each other in one order, never in a cycle
			Arrays.sort(order, 0, distinct, Comparator.comparingLong(i -> keys[i]));
			claimKeys = new long[distinct];
			claimDays = new int[distinct];
			for (int i = 0; i < distinct; i++) {
				claimKeys[i] = keys[order[i]];
				claimDays[i] = days[order[i]];
			}
		}
		int earliest = (int) now.minus(window).atZone(ParcelRecord.CHINA).toLocalDate().toEpochDay();
		Map<Long, String> held = tx.execute(s -> jdbc.execute((ConnectionCallback<Map<Long, String>>) c -> claim(c,
				enterpriseId, batchRef, attempt, claimKeys, claimDays, earliest)));
		if (!held.isEmpty()) {
			for (int i = 0; i < claimKeys.length; i++) {
				if (held.containsKey(claimKeys[i])) {
					duplicates.add(new Duplicate(first == null ? i : first.get(claimKeys[i]), held.get(claimKeys[i])));
				}
			}
			duplicates.sort(Comparator.comparingInt(Duplicate::index));
		}
		return duplicates;
	}

	/**
	 * Claims the keys; returns those held by someone else, each with its holder (see {@link Duplicate}). The common
	 * case — no key claimed before — is one binary {@code COPY} into the claims (bulk heap inserts, no speculative
	 * insertion, no array parameters; docs/performance.md); a key claimed before makes the
	 * {@code COPY} fail on the primary key (after waiting for an uncommitted claim of the same key, as the insert
	 * does), and then it is undone to its savepoint and the chunk claimed key by key with the conflicts looked at.
	 * <p>
	 * The claim commits without waiting for its WAL to reach the disk ({@code synchronous_commit = off}): PostgreSQL
	 * writes WAL in order, so any later synchronous commit — the chunk's store, the batch's answer — makes it durable
	 * first; a claim lost in a database crash belongs to an upload that had not stored or answered anything after it,
	 * and that upload fails (its attempt is given up, its claims would be released anyway).
	 */
	private static Map<Long, String> claim(Connection c, long enterpriseId, long batchRef, int attempt, long[] keys,
			int[] days, int earliest) throws SQLException {
		try (Statement st = c.createStatement()) {
			st.execute("SET LOCAL synchronous_commit = off");
		}
		Savepoint before = c.setSavepoint();
		try {
			copy(c, enterpriseId, batchRef, attempt, keys, days);
			c.releaseSavepoint(before);
			return Map.of();
		}
		catch (SQLException ex) {
			if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw ex;
			}
			c.rollback(before);
		}
		return claimEach(c, enterpriseId, batchRef, attempt, keys, days, earliest);
	}

	private static final String UNIQUE_VIOLATION = "23505";

	/** PostgreSQL's binary {@code COPY} header: signature, flags, header extension length. */
	private static final byte[] COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** Days from 1970-01-01 to PostgreSQL's date epoch, 2000-01-01. */
	private static final int PG_EPOCH_DAY = 10_957;

	/** Writes the claims with one binary {@code COPY}; fails (23505) when a key is claimed already. */
	private static void copy(Connection c, long enterpriseId, long batchRef, int attempt, long[] keys, int[] days)
			throws SQLException {
		int n = keys.length;
		// per row: field count, then five fields each with its length
		ByteBuffer b = ByteBuffer.allocate(COPY_HEADER.length + n * (2 + 3 * (4 + 8) + 2 * (4 + 4)) + 2);
		b.put(COPY_HEADER);
		for (int i = 0; i < n; i++) {
			b.putShort((short) 5);
			b.putInt(8).putLong(enterpriseId);
			b.putInt(8).putLong(keys[i]);
			b.putInt(8).putLong(batchRef);
			b.putInt(4).putInt(days[i] - PG_EPOCH_DAY);
			b.putInt(4).putInt(attempt);
		}
		b.putShort((short) -1);
		CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
				COPY safety_waybill_claim (enterprise_id, waybill_key, batch_ref, accepted_day, attempt)
				FROM STDIN (FORMAT binary)""");
		try {
			in.writeToCopy(b.array(), 0, b.position());
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	/** Claims the keys one by one (a conflict skips its key); returns those held by someone else. */
	private static Map<Long, String> claimEach(Connection c, long enterpriseId, long batchRef, int attempt, long[] keys,
			int[] days, int earliest) throws SQLException {
		Set<Long> claimed = new HashSet<>(keys.length * 2);
		try (PreparedStatement st = c.prepareStatement("""
				INSERT INTO safety_waybill_claim (enterprise_id, waybill_key, batch_ref, accepted_day, attempt)
				SELECT ?, k, ?, DATE '1970-01-01' + d, ? FROM unnest(?::bigint[], ?::int[]) AS t (k, d)
				ON CONFLICT (enterprise_id, waybill_key) DO NOTHING RETURNING waybill_key""")) {
			st.setLong(1, enterpriseId);
			st.setLong(2, batchRef);
			st.setInt(3, attempt);
			st.setArray(4, c.createArrayOf("bigint", Arrays.stream(keys).boxed().toArray(Long[]::new)));
			st.setArray(5, c.createArrayOf("integer", Arrays.stream(days).boxed().toArray(Integer[]::new)));
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					claimed.add(rs.getLong(1));
				}
			}
		}
		if (claimed.size() == keys.length) {
			return Map.of();
		}
		Map<Long, Integer> dayOf = new HashMap<>();
		for (int i = 0; i < keys.length; i++) {
			if (!claimed.contains(keys[i])) {
				dayOf.put(keys[i], days[i]);
			}
		}
		// the holders of the keys in conflict: live ones keep them, stale ones are taken over below
		Map<Long, String> held = new HashMap<>();
		List<long[]> stale = new ArrayList<>();
		try (PreparedStatement st = c.prepareStatement("""
				SELECT c.waybill_key, c.batch_ref, c.attempt, c.accepted_day - DATE '1970-01-01', b.batch_id,
				       b.attempt, b.status
				FROM unnest(?::bigint[]) AS k (key)
				JOIN safety_waybill_claim c ON c.enterprise_id = ? AND c.waybill_key = k.key
				LEFT JOIN safety_parcel_batch b ON b.ref = c.batch_ref""")) {
			st.setArray(1, c.createArrayOf("bigint", dayOf.keySet().toArray(Long[]::new)));
			st.setLong(2, enterpriseId);
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					long key = rs.getLong(1);
					long ref = rs.getLong(2);
					int claimAttempt = rs.getInt(3);
					String batch = rs.getString(5);
					boolean live;
					String holder;
					if (rs.getInt(4) < earliest) {
						// before the window: the number is used again for another parcel
						live = false;
						holder = null;
					}
					else if (batch == null) {
						// the batch is no longer kept: its records were counted
						live = true;
						holder = "";
					}
					else if (ref == batchRef) {
						// an earlier attempt's claim is this attempt's to take over; a later attempt's (this one was
						// taken over and is still running) is not; this attempt's own is an earlier line's
						live = claimAttempt >= attempt;
						holder = claimAttempt == attempt ? null : batch;
					}
					else {
						String status = rs.getString(7);
						live = claimAttempt == rs.getInt(6) && ("RUNNING".equals(status) || "DONE".equals(status));
						holder = batch;
					}
					if (live) {
						held.put(key, holder);
					}
					else {
						stale.add(new long[] { key, ref, claimAttempt });
					}
				}
			}
		}
		if (!stale.isEmpty()) {
			stale.sort(Comparator.comparingLong(k -> k[0]));
			takeOver(c, enterpriseId, batchRef, attempt, stale, dayOf, held);
		}
		return held;
	}

	/**
	 * Takes over stale claims, each only if it still names the holder read (another upload taking it over at the same
	 * moment wins, and then the key is held: "").
	 */
	private static void takeOver(Connection c, long enterpriseId, long batchRef, int attempt, List<long[]> stale,
			Map<Long, Integer> dayOf, Map<Long, String> held) throws SQLException {
		int m = stale.size();
		Long[] keys = new Long[m];
		Integer[] days = new Integer[m];
		Long[] refs = new Long[m];
		Integer[] attempts = new Integer[m];
		for (int i = 0; i < m; i++) {
			long[] s = stale.get(i);
			keys[i] = s[0];
			days[i] = dayOf.get(s[0]);
			refs[i] = s[1];
			attempts[i] = (int) s[2];
		}
		Set<Long> taken = new HashSet<>();
		try (PreparedStatement st = c.prepareStatement("""
				UPDATE safety_waybill_claim c SET batch_ref = ?, attempt = ?, accepted_day = DATE '1970-01-01' + t.d
				FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::int[]) AS t (k, d, ref, att)
				WHERE c.enterprise_id = ? AND c.waybill_key = t.k AND c.batch_ref = t.ref AND c.attempt = t.att
				RETURNING c.waybill_key""")) {
			st.setLong(1, batchRef);
			st.setInt(2, attempt);
			st.setArray(3, c.createArrayOf("bigint", keys));
			st.setArray(4, c.createArrayOf("integer", days));
			st.setArray(5, c.createArrayOf("bigint", refs));
			st.setArray(6, c.createArrayOf("integer", attempts));
			st.setLong(7, enterpriseId);
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					taken.add(rs.getLong(1));
				}
			}
		}
		for (Long key : keys) {
			if (!taken.contains(key)) {
				held.put(key, "");
			}
		}
	}

	/** Deletes the claims before the record window ({@link #purge}), daily, once per cluster. */
	@Scheduled(cron = "${youguan.safety.claim-retention-cron:0 45 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "safety.claim-retention", lockAtLeastFor = "PT1M", lockAtMostFor = "PT2H")
	public void purgeBeforeWindow() {
		purge();
	}

	/**
	 * Deletes the claims whose acceptance day lies before the record window, 50,000 rows a statement: no record of
	 * theirs can be sent any more.
	 *
	 * @return the claims deleted
	 */
	long purge() {
		LocalDate earliest = clock.instant().minus(window).atZone(ParcelRecord.CHINA).toLocalDate();
		long deleted = 0;
		int n;
		do {
			n = jdbc.update("""
					DELETE FROM safety_waybill_claim WHERE ctid IN (
					    SELECT ctid FROM safety_waybill_claim WHERE accepted_day < ? LIMIT 50000)""",
					Date.valueOf(earliest));
			deleted += n;
		}
		while (n > 0);
		if (deleted > 0) {
			log.info("Waybill claims before the record window ({}) deleted: {}", earliest, deleted);
		}
		return deleted;
	}
}
