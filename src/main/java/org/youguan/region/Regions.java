package org.youguan.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PrefixRange;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

/**
 * Look-ups of the region table.
 */
@Service
public class Regions {

	private final JdbcClient jdbc;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Region> find(String code) {
		return jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE code = :code")
			.param("code", code)
			.query(Rows.of(Region.class))
			.optional();
	}

	/**
	 * A valid, existing region code, or an error naming the field: the format rule or "does not exist". The code is read
	 * as every region code is ({@link RegionCode#typed}: full-width digits, 320500 for 3205), so a body or a form
	 * accepts what a {@code ?region=} parameter accepts.
	 */
	public RegionCode require(String field, String code) {
		RegionCode regionCode;
		try {
			regionCode = RegionCode.of(RegionCode.typed(code));
		}
		catch (InvalidValueException ex) {
			throw ex.forField(field);
		}
		if (find(regionCode.value()).isEmpty()) {
			throw new InvalidValueException(field, "exists", "行政区划代码不存在：" + regionCode.value());
		}
		return regionCode;
	}

	public List<Region> children(String parentCode) {
		return jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE parent_code = :code ORDER BY code")
			.param("code", parentCode)
			.query(Rows.of(Region.class))
			.list();
	}

	/** The chain from the province down to the region itself. */
	public List<Region> path(String code) {
		List<Region> path = new ArrayList<>();
		Optional<Region> current = find(code);
		while (current.isPresent() && current.get().level() != RegionLevel.COUNTRY) {
			path.add(current.get());
			current = current.get().parentCode() == null ? Optional.empty() : find(current.get().parentCode());
		}
		Collections.reverse(path);
		return path;
	}

	/** E.g. "江苏省苏州市吴中区"; the city level "市辖区" of municipalities is left out. */
	public String fullName(String code) {
		StringBuilder name = new StringBuilder();
		for (Region region : path(code)) {
			if (!region.name().equals("市辖区") && !region.name().equals("县")) {
				name.append(region.name());
			}
		}
		return name.isEmpty() ? find(code).map(Region::name).orElse(code) : name.toString();
	}

	public String name(String code) {
		return find(code).map(Region::name).orElse(code);
	}

	/** The orders the administrator's list may be sorted by (request name → column); the code breaks ties. */
	static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "level", "length(code)");

	/**
	 * The administrator's list of regions: without search text the children of {@code code}; with it the regions
	 * inside {@code code} (its code's prefix) whose name has every word of it, or whose code is the text — in a
	 * whitelisted order ({@link #SORTS}; by default the most general first, then by code; an unknown key is
	 * 400 on {@code sort}), a page at a time. Regions are the public register: every administrator reads the whole tree.
	 * @param code a region's code ("0" for the country)
	 */
	public PageResult<Region> list(String code, PageQuery page) {
		Listing listing = Listing.from("FROM region");
		if (page.q().isEmpty()) {
			listing.where("parent_code = :parent", Map.of("parent", code));
		}
		else {
			listing.where(RegionPrefix.of(code).predicate("code")).search(page, "code = :exact", Map.of("exact", page.q()), "name");
		}
		return listing.sorts(SORTS, "level", "code").page(jdbc, "SELECT code, name, parent_code, level", page, Rows.of(Region.class));
	}

	/**
	 * Regions inside {@code within} whose name starts with {@code namePrefix} (e.g. "吴中" → 吴中区), most general
	 * first — for searches where a word names a place.
	 */
	public List<Region> findByNamePrefix(String within, String namePrefix, RegionLevel... levels) {
		PrefixRange names = PrefixRange.of(namePrefix);
		return jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE " + RegionPrefix.of(within).predicate("code")
				+ " AND " + names.predicate("name", "name") + " AND level IN (:levels) ORDER BY length(code), code LIMIT 20")
			.params(names.params("name"))
			.param("levels", Arrays.stream(levels).map(Enum::name).toList())
			.query(Rows.of(Region.class))
			.list();
	}

	/**
	 * The full names of the given regions in one query, e.g. 320506 → "江苏省 苏州市 吴中区" (ancestors from the province
	 * down, separated by spaces; the "市辖区"/"县" placeholder level of municipalities is left out as in
	 * {@link #fullName(String)}). Keyed by code, in the order given.
	 */
	public Map<String, String> pathNames(List<Region> regions) {
		Set<String> codes = new HashSet<>();
		for (Region region : regions) {
			for (int length : new int[] { 2, 4, 6, 9, 12 }) {
				if (region.code().length() >= length) {
					codes.add(region.code().substring(0, length));
				}
			}
		}
		Map<String, String> names = new HashMap<>();
		if (!codes.isEmpty()) {
			jdbc.sql("SELECT code, name FROM region WHERE code IN (:codes)")
				.param("codes", codes)
				.query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("name")))
				.list()
				.forEach(e -> names.put(e.getKey(), e.getValue()));
		}
		Map<String, String> paths = new LinkedHashMap<>();
		for (Region region : regions) {
			StringJoiner path = new StringJoiner(" ");
			for (int length : new int[] { 2, 4, 6, 9, 12 }) {
				String name = region.code().length() >= length ? names.get(region.code().substring(0, length)) : null;
				if (name != null && !name.equals("市辖区") && !name.equals("县")) {
					path.add(name);
				}
			}
			paths.put(region.code(), path.length() == 0 ? region.name() : path.toString());
		}
		return paths;
	}

	/**
	 * Names of regions that are no place of their own in an address: the placeholder levels of municipalities and of
	 * province-administered counties, and the generic county names (城区, 郊区, 矿区, 东区 …) a street address may begin with.
	 */
	private static final Set<String> NOT_NAMED_IN_ADDRESSES = Set.of("市辖区", "县", "省直辖县级行政区划",
			"自治区直辖县级行政区划", "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "新区");

	/** How far into an address the province, city and county names are looked for, in characters. */
	private static final int ADDRESS_HEAD = 24;

	/** The longest region name looked for at one place of an address ("新疆维吾尔自治区", "克孜勒苏柯尔克孜自治州"). */
	private static final int LONGEST_NAME = 12;

	/**
	 * The region an address names at its head that lies outside the chosen one: the address is read from its start as
	 * the regions of the country write it — an optional "中国", then a province ("浙江省"), a city ("杭州市") and a
	 * county ("西湖区"), each optional, each by its full name in the region table (width, spaces and invisible characters
	 * aside, {@link Text#folded}). A name that several regions bear ("鼓楼区") is outside only when none of them lies
	 * inside or around {@code regionCode}; a name of a region that contains the chosen one ("江苏省" for 吴中区) or lies
	 * inside it is no conflict. An address naming no region at its head ("越溪路26号") names none outside.
	 * @param address the address as typed; null or blank names none
	 * @param regionCode the region chosen for the record (any level); null names none
	 * @return the first region named outside {@code regionCode}, or empty
	 */
	public Optional<Region> namedOutside(String address, String regionCode) {
		if (address == null || regionCode == null || regionCode.isBlank()) {
			return Optional.empty();
		}
		String text = Text.folded(address);
		if (text.startsWith("中国")) {
			text = text.substring(2);
		}
		String head = text.substring(0, Math.min(text.length(), ADDRESS_HEAD));
		Set<String> pieces = new HashSet<>();
		for (int from = 0; from < head.length(); from++) {
			for (int to = from + 2; to <= Math.min(head.length(), from + LONGEST_NAME); to++) {
				pieces.add(head.substring(from, to));
			}
		}
		if (pieces.isEmpty()) {
			return Optional.empty();
		}
		Map<String, List<Region>> byName = new HashMap<>();
		jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE name IN (:names) AND level IN (:levels)")
			.param("names", pieces)
			.param("levels", List.of(RegionLevel.PROVINCE.name(), RegionLevel.CITY.name(), RegionLevel.COUNTY.name()))
			.query(Rows.of(Region.class))
			.list()
			.stream()
			.filter(r -> !NOT_NAMED_IN_ADDRESSES.contains(r.name()))
			.forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r));
		int at = 0;
		for (RegionLevel level : List.of(RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY)) {
			List<Region> named = List.of();
			for (int to = Math.min(head.length(), at + LONGEST_NAME); to >= at + 2 && named.isEmpty(); to--) {
				named = byName.getOrDefault(head.substring(at, to), List.of()).stream().filter(r -> r.level() == level).toList();
			}
			if (named.isEmpty()) {
				continue;
			}
			if (named.stream().noneMatch(r -> r.code().startsWith(regionCode) || regionCode.startsWith(r.code()))) {
				return Optional.of(named.get(0));
			}
			at += named.get(0).name().length();
		}
		return Optional.empty();
	}

	/**
	 * Refuses on {@code field} (rule {@code address-region}) an address whose head names a region outside the chosen one
	 * ({@link #namedOutside}): "经营场所地址写的是“浙江省”，不在所选的经营场所所在地（江苏省苏州市吴中区）内" — a record filed with one
	 * county's bureau must not carry another place's address onto its documents. A field already refused, or an
	 * unknown region, is left alone.
	 * @param label the address's label ("经营场所地址")
	 * @param regionLabel the chosen region's label ("经营场所所在地")
	 */
	public Validation addressWithin(Validation v, String field, String label, String address, String regionCode,
			String regionLabel) {
		if (v.hasError(field) || regionCode == null || find(regionCode).isEmpty()) {
			return v;
		}
		Optional<Region> outside = namedOutside(address, regionCode);
		return v.require(field, outside.isEmpty(), "address-region", outside.map(r -> label + "写的是“" + fullName(r.code())
				+ "”，不在所选的" + regionLabel + "（" + fullName(regionCode) + "）内，请核对地址或" + regionLabel).orElse(""));
	}

	public long count(RegionLevel level) {
		return jdbc.sql("SELECT count(*) FROM region WHERE level = :level")
			.param("level", level.name())
			.query(Long.class)
			.single();
	}
}
