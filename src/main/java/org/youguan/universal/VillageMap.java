package org.youguan.universal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;

/**
 * The county map of 建制村: each village a point coloured by its delivery frequency against the province's standard and
 * its last check. The shipped region data (the china-division lists) carries no coordinates, for villages or for
 * streets, and no boundary dataset with a clear licence exists on Maven Central or npm at this level, so the map is a
 * tile-free schematic: one column per 乡镇/街道 (in code order), its villages stacked in code order — where people look
 * rather than read, without pretending to geography.
 */
@Service
public class VillageMap {

	/** Months without a check after which a village counts as "not checked lately". */
	public static final int UNCHECKED_MONTHS = 12;

	/** What a village's colour says, worst first. */
	public enum Status {

		UNREGISTERED("未登记通邮信息", "#9aa0ac"), BELOW_STANDARD("低于频次标准", "#d63939"),
		NOT_STANDARD("最近检查投递不规范", "#f76707"), UNCHECKED("12个月内未检查", "#f59f00"), GOOD("达标且已检查", "#2fb344");

		private final String label;

		private final String colour;

		Status(String label, String colour) {
			this.label = label;
			this.colour = colour;
		}

		public String label() {
			return label;
		}

		public String colour() {
			return colour;
		}
	}

	/** A village on the map: its column (street) and row, and its status. */
	public record Point(String code, String name, String streetName, int column, int row, Integer deliveriesPerWeek,
			LocalDate lastCheckedOn, Status status) {
	}

	/** A county's map: the streets (columns) in order, the points, and how many villages each status has. */
	public record CountyMap(String countyCode, String countyName, List<String> streets, List<Point> points,
			Map<Status, Long> counts) {
	}

	private final Villages villages;

	private final Clock clock;

	VillageMap(Villages villages, Clock clock) {
		this.villages = villages;
		this.clock = clock;
	}

	/**
	 * The map of a county (or a township or village in it) inside the caller's scope. The code is read as every region
	 * parameter is ({@link RegionPrefix#normalised}: full-width digits, the 12-digit statistical form) and checked as
	 * every region filter is ({@link DataScope#requireReadable}).
	 * @param countyCode the {@code county} parameter as sent
	 * @throws InvalidValueException (400, field {@code county}, rule {@code format}) for a value that is no county's,
	 *         township's or village's code (6, 9 or 12 digits)
	 * @throws org.youguan.kernel.AccessRefusedException (403, field {@code county}) for a county outside a bureau's region
	 * @throws DomainException not found (404) for an enterprise, whose scope holds no map
	 */
	public CountyMap county(DataScope scope, String typed) {
		String countyCode = RegionPrefix.normalised(typed);
		if (!countyCode.matches("\\d{6}|\\d{9}|\\d{12}")) {
			throw new InvalidValueException("county", "format", "县（市、区）代码应为6位行政区划代码（乡镇9位、村12位）："
					+ Masking.personalNumbersIn(Text.excerpt(countyCode, 20)));
		}
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw DomainException.notFound("县（市、区）", countyCode);
		}
		scope.requireReadable(countyCode, "county");
		List<VillageView> rows = villages
			.list(scope, new Villages.Filter(countyCode, null, false, false), new PageQuery("", 0, 20, "code", false).unpaged())
			.items();
		LocalDate lately = LocalDate.now(clock).minusMonths(UNCHECKED_MONTHS);
		List<String> streets = new ArrayList<>();
		Map<String, Integer> rowsUsed = new LinkedHashMap<>();
		List<Point> points = new ArrayList<>();
		Map<Status, Long> counts = new LinkedHashMap<>();
		for (Status s : Status.values()) {
			counts.put(s, 0L);
		}
		for (VillageView v : rows) {
			String street = v.streetName() == null ? "—" : v.streetName();
			String streetKey = v.code().substring(0, 9);
			if (!rowsUsed.containsKey(streetKey)) {
				rowsUsed.put(streetKey, 0);
				streets.add(street);
			}
			int row = rowsUsed.merge(streetKey, 1, Integer::sum) - 1;
			Status status = status(v, lately);
			counts.merge(status, 1L, Long::sum);
			points.add(new Point(v.code(), v.name(), street, streets.size() - 1, row, v.deliveriesPerWeek(),
					v.lastCheckedOn(), status));
		}
		String name = rows.isEmpty() ? countyCode : rows.get(0).countyName();
		return new CountyMap(countyCode, name, streets, points, counts);
	}

	/** A village's status, worst first: no profile, below the standard, last check not 规范, no check lately, good. */
	static Status status(VillageView v, LocalDate lately) {
		if (!v.registered()) {
			return Status.UNREGISTERED;
		}
		if (v.belowStandard()) {
			return Status.BELOW_STANDARD;
		}
		if (Boolean.FALSE.equals(v.lastCheckStandard())) {
			return Status.NOT_STANDARD;
		}
		if (v.lastCheckedOn() == null || v.lastCheckedOn().isBefore(lately)) {
			return Status.UNCHECKED;
		}
		return Status.GOOD;
	}
}
