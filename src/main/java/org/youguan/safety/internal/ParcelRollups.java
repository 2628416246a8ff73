package org.youguan.safety.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

	/** An hourly rollup key: the hour's first second, the outlet ('' for none) and the sender county. */
	private record HourKey(long hour, String outlet, String region) implements Comparable<HourKey> {

		@Override
		public int compareTo(HourKey o) {
			int c = Long.compare(hour, o.hour);
			if (c == 0) {
				c = outlet.compareTo(o.outlet);
			}
			return c != 0 ? c : region.compareTo(o.region);
		}
	}

	/** A machine's day. */
	private record MachineKey(LocalDate day, String serial) implements Comparable<MachineKey> {

		@Override
		public int compareTo(MachineKey o) {
			int c = day.compareTo(o.day);
			return c != 0 ? c : serial.compareTo(o.serial);
		}
	}

	// hashed while counting (one look-up per record), sorted when written; the daily rows are summed from the hours
	private final Map<HourKey, long[]> hours = new HashMap<>();

	private final Map<MachineKey, long[]> machines = new HashMap<>();

	private final long enterpriseId;

	/** The China-time day of the last hour counted (records come mostly in time order: one zone look-up per hour). */
	private long lastHour = Long.MIN_VALUE;

	private LocalDate lastDay;

	/** Empty rollups of one enterprise's records. */
	public ParcelRollups(long enterpriseId) {
		this.enterpriseId = enterpriseId;
	}

	/** Counts one record (its hour, day, outlet — '' for none —, sender county and, when screened, its screening machine). */
	public ParcelRollups count(ParcelRecord r) {
		long second = r.acceptedAt().getEpochSecond();
		long hour = second - Math.floorMod(second, 3600);
		long[] c = hours.computeIfAbsent(new HourKey(hour, outlet(r.outletFilingNumber()), r.senderRegion()),
				k -> new long[COUNTS]);
		c[0]++;
		c[1] += r.exempt() ? 1 : 0;
		c[2] += r.realName() ? 1 : 0;
		c[3] += r.inspected() ? 1 : 0;
		c[4] += r.screened() ? 1 : 0;
		// a machine is counted only for parcels screened on it: a serial on an unscreened record would hide an idle
		// machine from rule (e) (the record is kept, its serial counts nothing)
		if (r.screened() && r.screeningMachineSerial() != null) {
			machines.computeIfAbsent(new MachineKey(day(hour), r.screeningMachineSerial()), k -> new long[1])[0]++;
		}
		return this;
	}

	/** The China-time day of an hour (China's offset is whole hours, so every second of the hour has that day). */
	private LocalDate day(long hour) {
		if (hour != lastHour) {
			lastDay = Instant.ofEpochSecond(hour).atZone(ParcelRecord.CHINA).toLocalDate();
			lastHour = hour;
		}
		return lastDay;
	}

	private static String outlet(String outlet) {
		return outlet == null ? "" : outlet;
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
		sum(hours.computeIfAbsent(new HourKey(hour.getEpochSecond(), outlet(outlet), senderRegion),
				k -> new long[COUNTS]), counts);
		return this;
	}

	private static void sum(long[] into, long[] counts) {
		for (int i = 0; i < COUNTS; i++) {
			into[i] += counts[i];
		}
	}

	/** The hourly counts in key order (rows are written in key order: two writers cannot deadlock). */
	private Map<HourKey, long[]> sortedHours() {
		return new TreeMap<>(hours);
	}

	/** A daily rollup key: the China-time day, the outlet ('' for none) and the sender county. */
	private record DayKey(LocalDate day, String outlet, String region) implements Comparable<DayKey> {

		@Override
		public int compareTo(DayKey o) {
			int c = day.compareTo(o.day);
			if (c == 0) {
				c = outlet.compareTo(o.outlet);
			}
			return c != 0 ? c : region.compareTo(o.region);
		}
	}

	/** The daily counts summed from the hours, in key order. */
	private Map<DayKey, long[]> sortedDays() {
		Map<DayKey, long[]> days = new TreeMap<>();
		hours.forEach((k, c) -> sum(days.computeIfAbsent(new DayKey(day(k.hour()), k.outlet(), k.region()),
				x -> new long[COUNTS]), c));
		return days;
	}

	/** Writes the counts into the rollup tables (the caller's transaction). */
	public void writeTo(JdbcTemplate jdbc) {
		List<Object[]> hourRows = new ArrayList<>(hours.size());
		sortedHours().forEach((k, c) -> hourRows.add(new Object[] { Timestamp.from(Instant.ofEpochSecond(k.hour())),
				enterpriseId, k.outlet(), k.region(), c[0], c[1], c[2], c[3], c[4] }));
		jdbc.batchUpdate(upsert("safety_parcel_hour", "hour"), hourRows);
		List<Object[]> dayRows = new ArrayList<>();
		sortedDays().forEach((k, c) -> dayRows.add(new Object[] { k.day(), enterpriseId, k.outlet(), k.region(), c[0],
				c[1], c[2], c[3], c[4] }));
		jdbc.batchUpdate(upsert("safety_parcel_day", "day"), dayRows);
		if (!machines.isEmpty()) {
			List<Object[]> machineRows = new ArrayList<>(machines.size());
			new TreeMap<>(machines).forEach(
					(k, c) -> machineRows.add(new Object[] { k.day(), enterpriseId, k.serial(), c[0] }));
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
		sortedHours().forEach((k, c) -> hourRows.add(new Object[] { enterpriseId, batchId, attempt,
				Timestamp.from(Instant.ofEpochSecond(k.hour())), k.outlet(), k.region(), c[0], c[1], c[2], c[3], c[4] }));
		jdbc.batchUpdate("""
				INSERT INTO safety_parcel_stage (enterprise_id, batch_id, attempt, hour, outlet_filing_number, sender_region,
				    parcels, exempt, real_name, inspected, screened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", hourRows);
		if (!machines.isEmpty()) {
			List<Object[]> machineRows = new ArrayList<>(machines.size());
			new TreeMap<>(machines).forEach((k, c) -> machineRows
				.add(new Object[] { enterpriseId, batchId, attempt, k.day(), k.serial(), c[0] }));
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
