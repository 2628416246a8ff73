package org.youguan.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's generated month at the default volume (2,000 parcels a day over 25 enterprises) holds each anomaly only
 * where it is planted: one sender through three enterprises on one day (rule a), one sender with more than 50 parcels a
 * day at one enterprise (rule b) — not dozens a day of ordinary senders drawn from too small a pool.
 */
class SafetyDemoDataTest {

	static final Pattern SENDER = Pattern.compile("\"senderIdNumber\":\"([0-9X]{18})\"");

	/**
	 * 25 enterprises: every third with two screening machines, the others screened by a contractor at their outlets
	 * (the first two of three; the ledgers' demo covers every outlet no machine does).
	 */
	static List<SafetyDemoData.Shipper> shippers() {
		List<SafetyDemoData.Shipper> shippers = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			List<String> outlets = List.of("网点-" + i + "-1", "网点-" + i + "-2", "网点-" + i + "-3");
			List<String> machines = i % 3 == 0 ? List.of("AJ-" + i + "-1", "AJ-" + i + "-2") : List.of();
			shippers.add(new SafetyDemoData.Shipper(100 + i, "credit-" + i, "320506", outlets, machines,
					machines.isEmpty() ? outlets.subList(0, 2) : List.of(), Map.of()));
		}
		return shippers;
	}

	/**
	 * Every enterprise's parcels are screened about 99 % of the time, on its machines or — without one — at an outlet
	 * its contractor covers (the record names the outlet and no machine): no enterprise shows a 过机率 of 0 %.
	 */
	@Test
	void everyEnterpriseIsScreenedOnItsMachinesOrByItsContractor() {
		List<SafetyDemoData.Shipper> shippers = shippers();
		LocalDate today = LocalDate.of(2026, 11, 30);
		Instant now = today.atTime(12, 0).toInstant(ZoneOffset.ofHours(8));
		Map<Long, long[]> screened = new HashMap<>();
		SafetyDemoData.generate(2000, shippers, shippers.get(0), "AJ-0-1", List.of(today.minusDays(3)), today, now,
				new Random(17), (shipper, day, ndjson) -> {
					for (String line : ndjson.split("\n")) {
						long[] n = screened.computeIfAbsent(shipper.enterpriseId(), k -> new long[2]);
						n[0]++;
						if (line.contains("\"screened\":true")) {
							n[1]++;
							if (shipper.machines().isEmpty()) {
								assertThat(line).doesNotContain("screeningMachineSerial")
									.containsAnyOf(shipper.contracted().stream().map(o -> "\"outletFilingNumber\":\"" + o + "\"")
										.toArray(String[]::new));
							}
						}
					}
				});
		assertThat(screened).hasSize(25);
		assertThat(screened).allSatisfy((e, n) -> assertThat((double) n[1] / n[0]).as("enterprise %d", e).isBetween(0.95, 1.0));
	}

	@Test
	void rulesAAndBFindOnlyThePlantedSendersAtTheDefaultVolume() {
		List<SafetyDemoData.Shipper> shippers = shippers();
		LocalDate today = LocalDate.of(2026, 11, 30);
		Instant now = today.atTime(12, 0).toInstant(ZoneOffset.ofHours(8));
		// (day, sender) → enterprises, and (day, enterprise, sender) → parcels
		Map<String, Set<Long>> enterprisesPerSenderDay = new HashMap<>();
		Map<String, Integer> parcelsPerSenderDay = new HashMap<>();
		long[] parcels = { 0 };
		SafetyDemoData.generate(2000, shippers, shippers.get(0), "AJ-0-1", List.of(today.minusDays(3)), today, now,
				new Random(17), (shipper, day, ndjson) -> {
					for (String line : ndjson.split("\n")) {
						parcels[0]++;
						Matcher m = SENDER.matcher(line);
						if (m.find()) {
							enterprisesPerSenderDay.computeIfAbsent(day + m.group(1), k -> new HashSet<>())
								.add(shipper.enterpriseId());
							parcelsPerSenderDay.merge(day + "/" + shipper.enterpriseId() + "/" + m.group(1), 1, Integer::sum);
						}
					}
				});
		assertThat(parcels[0]).isGreaterThan(30L * 2000);
		assertThat(enterprisesPerSenderDay.values().stream().filter(e -> e.size() >= 3).count())
			.as("senders through 3 or more enterprises on a day (rule a)").isEqualTo(1);
		assertThat(parcelsPerSenderDay.values().stream().filter(n -> n > 50).count())
			.as("senders with more than 50 parcels a day at one enterprise (rule b)").isEqualTo(1);
		assertThat(parcelsPerSenderDay.entrySet().stream().filter(e -> e.getValue() >= 3)
			.map(e -> e.getKey().substring(e.getKey().lastIndexOf('/') + 1)).distinct().count())
			.as("only the planted senders ship three times a day: the heavy one and the courier's own number")
			.isEqualTo(2);
	}
}
