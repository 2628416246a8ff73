package org.youguan.safety.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.youguan.safety.ParcelRecord;

/**
 * The rollups every rate page, the figures API and the alert rules read, added to in one place: per hour and per
 * China-time day × enterprise × outlet × sender county ({@code safety_parcel_hour}, {@code safety_parcel_day}), and
 * per machine × day ({@code safety_machine_day}). The caller runs {@link #add} inside the transaction that records
 * the chunk's key, so a chunk counts once in every grain or in none.
 *
 * <p>Rows are upserted in key order (two nodes adding to the same rows cannot deadlock); counts add up, so adding two
 * halves of a set of records gives the rows of the whole.
 */
public final class ParcelRollups {

	/** The counts of one rollup key, in the tables' column order: parcels, exempt, real_name, inspected, screened. */
	private static final int COUNTS = 5;

	private final Map<String, long[]> hours = new TreeMap<>();

	private final Map<String, long[]> days = new TreeMap<>();

	private final Map<String, long[]> machines = new TreeMap<>();

	private final long enterpriseId;

	/** Empty rollups of one enterprise's records. */
	public ParcelRollups(long enterpriseId) {
		this.enterpriseId = enterpriseId;
	}

	/** Counts one record (its hour, day, outlet — '' for none —, sender county and, when screened, its screening machine). */
	public ParcelRollups count(ParcelRecord r) {
		long[] c = { 1, r.exempt() ? 1 : 0, r.realName() ? 1 : 0, r.inspected() ? 1 : 0, r.screened() ? 1 : 0 };
		add(r.acceptedAt().truncatedTo(ChronoUnit.HOURS), r.outletFilingNumber(), r.senderRegion(), c);
		// a machine is counted only for parcels screened on it: a serial on an unscreened record would hide an idle
		// machine from rule (e) (the record is kept, its serial counts nothing)
		if (r.screened() && r.screeningMachineSerial() != null) {
			machines.computeIfAbsent(r.day() + "\u0000" + r.screeningMachineSerial(), k -> new long[1])[0]++;
		}
		return this;
	}

	/**
	 * Adds counts to an hour (and its China-time day) directly — what {@link #count} does per record, for callers that
	 * already hold counts (tests, generated data).
	 * @param hour the start of the hour (an instant on a whole hour)
	 * @param outlet the outlet's filing number, or null / '' for none
	 * @param senderRegion the sender's county code
	 * @param counts parcels, exempt, real-name, inspected, screened
	 */
	public ParcelRollups add(Instant hour, String outlet, String senderRegion, long... counts) {
		if (counts.length != COUNTS) {
			throw new IllegalArgumentException("five counts: parcels, exempt, real_name, inspected, screened");
		}
		String tail = "\u0000" + (outlet == null ? "" : outlet) + "\u0000" + senderRegion;
		sum(hours.computeIfAbsent(hour.getEpochSecond() + tail, k -> new long[COUNTS]), counts);
		LocalDate day = hour.atZone(ParcelRecord.CHINA).toLocalDate();
		sum(days.computeIfAbsent(day + tail, k -> new long[COUNTS]), counts);
		return this;
	}

	private static void sum(long[] into, long[] counts) {
		for (int i = 0; i < COUNTS; i++) {
			into[i] += counts[i];
		}
	}

	/** Writes the counts into the rollup tables (the caller's transaction). */
	public void writeTo(JdbcTemplate jdbc) {
		jdbc.batchUpdate(upsert("safety_parcel_hour", "hour"), rows(hours,
				k -> Timestamp.from(Instant.ofEpochSecond(Long.parseLong(k)))));
		jdbc.batchUpdate(upsert("safety_parcel_day", "day"), rows(days, LocalDate::parse));
		if (!machines.isEmpty()) {
			List<Object[]> machineRows = new ArrayList<>(machines.size());
			machines.forEach((k, c) -> {
				String[] parts = k.split("\u0000", -1);
				machineRows.add(new Object[] { LocalDate.parse(parts[0]), enterpriseId, parts[1], c[0] });
			});
			jdbc.batchUpdate("""
					INSERT INTO safety_machine_day (day, enterprise_id, machine_serial, parcels) VALUES (?, ?, ?, ?)
					ON CONFLICT (day, enterprise_id, machine_serial) DO UPDATE SET
					    parcels = safety_machine_day.parcels + EXCLUDED.parcels""", machineRows);
		}
	}

	/**
	 * Writes the counts into the stage tables of a batch's attempt instead (the chunk's transaction): they reach the
	 * rollups only through {@link #countStaged}, when the whole batch is stored.
	 */
	public void stageTo(JdbcTemplate jdbc, String batchId, int attempt) {
		List<Object[]> hourRows = new ArrayList<>(hours.size());
		hours.forEach((k, c) -> {
			String[] parts = k.split("\u0000", -1);
			hourRows.add(new Object[] { enterpriseId, batchId, attempt,
					Timestamp.from(Instant.ofEpochSecond(Long.parseLong(parts[0]))), parts[1], parts[2], c[0], c[1], c[2],
					c[3], c[4] });
		});
		jdbc.batchUpdate("""
				INSERT INTO safety_parcel_stage (enterprise_id, batch_id, attempt, hour, outlet_filing_number, sender_region,
				    parcels, exempt, real_name, inspected, screened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", hourRows);
		if (!machines.isEmpty()) {
			List<Object[]> machineRows = new ArrayList<>(machines.size());
			machines.forEach((k, c) -> {
				String[] parts = k.split("\u0000", -1);
				machineRows.add(new Object[] { enterpriseId, batchId, attempt, LocalDate.parse(parts[0]), parts[1], c[0] });
			});
			jdbc.batchUpdate("""
					INSERT INTO safety_machine_stage (enterprise_id, batch_id, attempt, day, machine_serial, parcels)
					VALUES (?, ?, ?, ?, ?, ?)""", machineRows);
		}
	}

	/**
	 * Adds the staged counts of a batch's attempt to the hourly, daily and machine rollups (in key order) and deletes
	 * them — the caller's transaction, which holds the batch's row lock.
	 */
	public static void countStaged(JdbcTemplate jdbc, long enterpriseId, String batchId, int attempt) {
		jdbc.update(upsertSelect("safety_parcel_hour", "hour", "hour"), enterpriseId, batchId, attempt);
		jdbc.update(upsertSelect("safety_parcel_day", "day", "(hour AT TIME ZONE 'Asia/Shanghai')::date"), enterpriseId,
				batchId, attempt);
		jdbc.update("""
				INSERT INTO safety_machine_day (day, enterprise_id, machine_serial, parcels)
				SELECT day, enterprise_id, machine_serial, sum(parcels) FROM safety_machine_stage
				WHERE enterprise_id = ? AND batch_id = ? AND attempt = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
				ON CONFLICT (day, enterprise_id, machine_serial) DO UPDATE SET
				    parcels = safety_machine_day.parcels + EXCLUDED.parcels""", enterpriseId, batchId, attempt);
		dropStaged(jdbc, enterpriseId, batchId);
	}

	/** Deletes the staged counts of every attempt of a batch (counted, or an attempt given up). */
	public static void dropStaged(JdbcTemplate jdbc, long enterpriseId, String batchId) {
		jdbc.update("DELETE FROM safety_parcel_stage WHERE enterprise_id = ? AND batch_id = ?", enterpriseId, batchId);
		jdbc.update("DELETE FROM safety_machine_stage WHERE enterprise_id = ? AND batch_id = ?", enterpriseId, batchId);
	}

	/** INSERT … SELECT of the staged sums of one batch attempt, grouped by the rollup's key, adding to rows that exist. */
	private static String upsertSelect(String table, String time, String stagedTime) {
		return insertInto(table, time) + " SELECT " + stagedTime + ", enterprise_id, outlet_filing_number, sender_region, "
				+ "sum(parcels), sum(exempt), sum(real_name), sum(inspected), sum(screened) FROM safety_parcel_stage "
				+ "WHERE enterprise_id = ? AND batch_id = ? AND attempt = ? GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
				+ onConflictAdd(table, time);
	}

	private List<Object[]> rows(Map<String, long[]> counts, java.util.function.Function<String, Object> time) {
		List<Object[]> rows = new ArrayList<>(counts.size());
		counts.forEach((k, c) -> {
			String[] parts = k.split("\u0000", -1);
			rows.add(new Object[] { time.apply(parts[0]), enterpriseId, parts[1], parts[2], c[0], c[1], c[2], c[3], c[4] });
		});
		return rows;
	}

	private static String upsert(String table, String time) {
		return insertInto(table, time) + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflictAdd(table, time);
	}

	private static String insertInto(String table, String time) {
		return "INSERT INTO " + table + " (" + time + ", enterprise_id, outlet_filing_number, sender_region, parcels, "
				+ "exempt, real_name, inspected, screened)";
	}

	/** A row that exists gets the counts added. */
	private static String onConflictAdd(String table, String time) {
		return " ON CONFLICT (" + time + ", enterprise_id, outlet_filing_number, sender_region) DO UPDATE SET parcels = "
				+ table + ".parcels + EXCLUDED.parcels, exempt = " + table + ".exempt + EXCLUDED.exempt, real_name = "
				+ table + ".real_name + EXCLUDED.real_name, inspected = " + table + ".inspected + EXCLUDED.inspected, "
				+ "screened = " + table + ".screened + EXCLUDED.screened";
	}
}
