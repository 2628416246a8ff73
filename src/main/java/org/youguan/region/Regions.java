package org.youguan.region;

import java.time.Duration;
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
import java.util.function.Function;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.documents.PlaceNames;
import org.youguan.kernel.HanVariants;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PrefixRange;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;

/**
 * Look-ups of the region table.
 */
@Service
public class Regions implements PlaceNames {

	private final JdbcClient jdbc;

	/**
	 * The full names already read ({@link #fullName}): a list page names every row's place, and a region's chain costs a
	 * query per level. Regions are only ever added (the GB/T 2260 import inserts, never renames), so a name kept stays
	 * true; bounded, and refreshed hourly all the same.
	 */
	private final Cache<String, String> fullNames = Caffeine.newBuilder().maximumSize(50_000)
		.expireAfterWrite(Duration.ofHours(1)).build();

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

	/**
	 * The names of the placeholder levels of the GB/T 2260 tree, no place of their own: a municipality's 市辖区 and 县,
	 * and the city level of province- or region-administered counties (省直辖县级行政区划 419000 above 济源市 419001,
	 * 自治区直辖县级行政区划) — left out where a region is named in full.
	 */
	public static final Set<String> PLACEHOLDER_LEVELS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

	/**
	 * E.g. "江苏省苏州市吴中区", "河南省济源市"; the placeholder levels ({@link #PLACEHOLDER_LEVELS}: a municipality's
	 * "市辖区", "省直辖县级行政区划") are left out.
	 */
	public String fullName(String code) {
		if (code == null) {
			return null;
		}
		String known = fullNames.getIfPresent(code);
		if (known != null) {
			return known;
		}
		StringBuilder name = new StringBuilder();
		for (Region region : path(code)) {
			if (!PLACEHOLDER_LEVELS.contains(region.name())) {
				name.append(region.name());
			}
		}
		if (name.isEmpty()) {
			// an unknown code is named by itself, and not kept: a region imported later is named in full
			return find(code).map(Region::name).orElse(code);
		}
		fullNames.put(code, name.toString());
		return name.toString();
	}

	/**
	 * A look-up of full names ({@link #fullName}: "江苏省苏州市吴中区") that reads each code once: an export's column
	 * naming the place of every row beside its bare code. Null stays null; an unknown code is named by itself.
	 */
	public Function<String, String> fullNames() {
		Map<String, String> named = new HashMap<>();
		return code -> code == null ? null : named.computeIfAbsent(code, this::fullName);
	}

	/**
	 * The whole area a figures page or an export covers, as its title or file name names it: "全国" for the country (a
	 * blank code or {@code 0}), else the region's {@link #fullName} ("江苏省苏州市") — never the bare code.
	 * @param code a region's code, or blank/null/{@code 0} for the country
	 */
	@Override
	public String areaName(String code) {
		return code == null || code.isBlank() || "0".equals(code) ? "全国" : fullName(code);
	}

	/**
	 * The first region of a level inside an area, by code, that is a place of its own (no {@link #PLACEHOLDER_LEVELS}
	 * name): 320501 市辖区 passed over, 320505 虎丘区 for 3205 at {@code COUNTY} — an example a template may name in the
	 * user's own area.
	 * @param within the area's code (a province's, city's or county's)
	 * @return empty where the directory holds none (streets are imported by an administrator)
	 */
	public Optional<String> firstWithin(String within, RegionLevel level) {
		return jdbc.sql("SELECT code FROM region WHERE " + RegionPrefix.of(within).predicate("code")
				+ " AND level = :level AND name NOT IN (:placeholders) ORDER BY code LIMIT 1")
			.param("level", level.name())
			.param("placeholders", List.copyOf(PLACEHOLDER_LEVELS))
			.query(String.class)
			.optional();
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

	/** How far into an address a province's or city's short name is read, in characters. */
	private static final int ADDRESS_HEAD = 24;

	/** The longest region name looked for at one place of an address ("新疆维吾尔自治区", "克孜勒苏柯尔克孜自治州"). */
	private static final int LONGEST_NAME = 12;

	/**
	 * The endings a province's or city's name is also written without ("浙江省" → 浙江, "广西壮族自治区" → 广西, "杭州市"
	 * → 杭州), longest first; "地区", "自治州" and "盟" are kept (海南藏族自治州 is no 海南).
	 */
	private static final List<String> SHORTENED_ENDINGS = List.of("维吾尔自治区", "特别行政区", "壮族自治区", "回族自治区", "自治区",
			"省", "市");

	/** The longest short name looked for ("乌鲁木齐", "呼和浩特", "内蒙古"), in characters. */
	private static final int LONGEST_SHORT_NAME = 4;

	/**
	 * What an address may carry before the place it names: a label ("地址：", "（住所）", "经营场所地址为", "注册地址") of the
	 * words below, read in the address's Chinese characters (its colon and brackets are left out before). Only these
	 * words: any text before a colon would let "浙江省杭州市：文三路1号" pass as a label followed by a street.
	 */
	private static final Pattern LABEL = Pattern
		.compile("^(?:注册|经营|办公|通讯|通信|联系|详细|企业|单位|实际|营业|收件|寄件|地址|住所|住址|场所|地点)+(?:为|是)?");

	/** The country an address may begin with, longest first. */
	private static final List<String> COUNTRY = List.of("中华人民共和国", "中国");

	/**
	 * A region an address names outside the chosen one, with the words of the address that name it.
	 * @param region the region named (of a name several regions bear, the one in the city or province the address
	 * names before it, else the first)
	 * @param written the address's words from its first place name to the end of this one ("苏州市鼓楼区"), width and
	 * spaces aside as {@link Text#folded} reads them, traditional characters read as simplified, brackets and other
	 * signs left out
	 * @param conflicting null when {@code region} lies outside the chosen region; else the region the address named
	 * before it, inside the chosen one too, that {@code region} neither lies in nor contains ("苏州市……南京市" under
	 * 江苏省): the address names two places
	 */
	public record NamedOutside(Region region, String written, Region conflicting) {

		public NamedOutside(Region region, String written) {
			this(region, written, null);
		}
	}

	/**
	 * The region an address names that lies outside the chosen one: see {@link #outsideNamed}.
	 * @param address the address as typed; null or blank names none
	 * @param regionCode the region chosen for the record (any level); null names none
	 * @return the first region named outside {@code regionCode}, or empty
	 */
	public Optional<Region> namedOutside(String address, String regionCode) {
		return outsideNamed(address, regionCode).map(NamedOutside::region);
	}

	/**
	 * The region an address names that lies outside the chosen one (or in conflict with another place it names), with
	 * the words naming it. The address is read in simplified characters (traditional ones as the kernel reads them,
	 * {@link HanVariants#simplified} — ICU4J's Traditional-Simplified table: "蘇州市姑蘇區" is 苏州市姑苏区), width, spaces and invisible characters aside
	 * ({@link Text#folded}), only its Chinese characters (brackets, Latin letters, digits and signs left out).
	 * <p>At its head — after a label such as "地址：" ({@link #LABEL}) and "中华人民共和国" or "中国" — a province
	 * ("浙江省"), a city ("杭州市") and a county ("西湖区") are read in this order, each optional, by its full name in
	 * the region table or — a province or a city — by its short name ("浙江", "杭州", {@link #SHORTENED_ENDINGS}) where
	 * the name of a region inside it follows ("浙江杭州市", "南京鼓楼区"). A county is read there only in the province or
	 * city named before it: "苏州市新城区花园" names 苏州市 and an estate, not 西安市新城区.
	 * <p>Anywhere else in the address ("注册地：浙江省…", "位于杭州市…", "吴中区（原杭州市西湖区）", "……吴中区浙江省杭州市") a
	 * province, city or county is read only by its full name with its ending (省, 市, 区, 县, 自治州 …) — "吴中大道" names
	 * no county, nor does "常熟市场" (a 市 followed by 场 is a market); a county only right after a province or city it
	 * lies in ("……浙江省杭州市西湖区": "吴中区新城区花园", "吴江城区", "姑苏区古城区" name no other county) — or by a short name standing alone in brackets
	 * ("中国（浙江）自由贸易试验区"): a short name elsewhere is the start of a street's name as often as a place
	 * ("北京西路", "苏州河路", "杭州路") and is not read.
	 * <p>A name that several regions bear ("鼓楼区") is outside only when none of them lies inside or around
	 * {@code regionCode}, and of those that do, the one in line with the places named before it is taken; a name of a
	 * region that contains the chosen one ("江苏省" for 吴中区) or lies inside it is no conflict. Two places both inside
	 * the chosen region but apart from each other ("苏州市……南京市" under 江苏省) are a conflict
	 * ({@link NamedOutside#conflicting}). A name keeping a character the simplification changes (乾县, 乾安县) is read as
	 * the table spells it ({@link #namesKept}). Former names (苏州市沧浪区, 吴江市) are not in the table (GB/T 2260 as
	 * imported holds only today's regions, with no record of changes) and name none: neither refused nor recognised.
	 * @param address the address as typed; null or blank names none
	 * @param regionCode the region chosen for the record (any level); null names none
	 * @return the first region named outside {@code regionCode} (or in conflict) with the address's words naming it,
	 * or empty
	 */
	public Optional<NamedOutside> outsideNamed(String address, String regionCode) {
		if (address == null || regionCode == null || regionCode.isBlank()) {
			return Optional.empty();
		}
		String text = addressText(address);
		List<String> bracketed = bracketed(address);
		Map<String, List<Region>> byName = regionsNamedIn(text, bracketed);
		if (byName.isEmpty()) {
			return Optional.empty();
		}
		// the head: province, city, county in order, short names read before a place inside them
		int at = 0;
		int first = -1;
		Region before = null;
		for (RegionLevel level : List.of(RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY)) {
			int length = 0;
			List<Region> named = List.of();
			for (int to = Math.min(text.length(), at + LONGEST_NAME); to >= at + 2 && named.isEmpty(); to--) {
				named = byName.getOrDefault(text.substring(at, to), List.of()).stream().filter(r -> r.level() == level).toList();
				length = to - at;
			}
			if (named.isEmpty() && level != RegionLevel.COUNTY && at < ADDRESS_HEAD) {
				for (int to = Math.min(text.length(), at + LONGEST_SHORT_NAME); to >= at + 2 && named.isEmpty(); to--) {
					named = shortNamed(text, at, to, level, byName);
					length = to - at;
				}
			}
			if (named.isEmpty()) {
				continue;
			}
			Region within = before;
			List<Region> inAddress = within == null ? named : named.stream().filter(r -> r.code().startsWith(within.code())).toList();
			if (level == RegionLevel.COUNTY && within != null && inAddress.isEmpty()) {
				// a county's name after a province or city it is not in is no level of the address but a street's or an
				// estate's name ("苏州市新城区花园", "苏州市古城区"): read neither here nor below
				continue;
			}
			List<Region> candidates = inAddress.isEmpty() ? named : inAddress;
			Optional<Region> fitting = candidates.stream().filter(r -> fits(r, regionCode)).findFirst();
			first = first < 0 ? at : first;
			if (fitting.isEmpty()) {
				return Optional.of(new NamedOutside(candidates.get(0), text.substring(first, at + length)));
			}
			before = fitting.get();
			at += length;
		}
		// the rest: full names anywhere, and short names in brackets
		List<Region> picked = new ArrayList<>();
		if (before != null) {
			picked.add(before);
		}
		int run = -1;
		// the region named right before the place read (the head's last one where the rest begins), null after other words
		Region last = before;
		for (int from = at; from < text.length();) {
			int length = 0;
			List<Region> named = List.of();
			for (int to = Math.min(text.length(), from + LONGEST_NAME); to >= from + 2 && named.isEmpty(); to--) {
				String piece = text.substring(from, to);
				boolean market = piece.endsWith("市") && to < text.length() && text.charAt(to) == '场';
				// a two-character name (和县, 新县, 南县) is read only right after a place: alone it is as often part of
				// a word ("新县城")
				boolean loose = piece.length() == 2 && run < 0;
				named = market || loose ? List.of() : asLevel(byName.getOrDefault(piece, List.of()), last);
				length = to - from;
			}
			if (named.isEmpty()) {
				named = bracketedShortName(text, from, bracketed, byName);
				length = named.isEmpty() ? 0 : bracketedLength(text, from, bracketed);
			}
			if (named.isEmpty()) {
				run = -1;
				last = null;
				from++;
				continue;
			}
			run = run < 0 ? from : run;
			String written = text.substring(run, from + length);
			List<Region> fitting = named.stream().filter(r -> fits(r, regionCode)).toList();
			if (fitting.isEmpty()) {
				return Optional.of(new NamedOutside(named.stream().filter(r -> inLine(r, picked)).findFirst().orElse(named.get(0)),
						written));
			}
			Optional<Region> inLine = fitting.stream().filter(r -> inLine(r, picked)).findFirst();
			if (inLine.isEmpty()) {
				Region other = picked.stream().filter(p -> !inLine(fitting.get(0), List.of(p))).findFirst().orElse(picked.get(0));
				return Optional.of(new NamedOutside(fitting.get(0), written, other));
			}
			picked.add(inLine.get());
			last = inLine.get();
			from += length;
		}
		return Optional.empty();
	}

	/**
	 * The regions of a name read past the head that name a level of the address: a province or city anywhere, a county
	 * only right after a province or city it lies in ("……浙江省杭州市西湖区") — elsewhere a county's name is a street's,
	 * an estate's or a district's within the town ("吴中区新城区花园", "吴江城区", "姑苏区古城区").
	 * @param last the region named right before, or null
	 */
	private static List<Region> asLevel(List<Region> named, Region last) {
		return named.stream()
			.filter(r -> r.level() != RegionLevel.COUNTY || last != null && last.level() != RegionLevel.COUNTY
					&& r.code().startsWith(last.code()))
			.toList();
	}

	/** Whether a region named lies inside or around the chosen one. */
	private static boolean fits(Region named, String regionCode) {
		return named.code().startsWith(regionCode) || regionCode.startsWith(named.code());
	}

	/** Whether a region lies inside or around each of the regions named before it. */
	private static boolean inLine(Region named, List<Region> before) {
		return before.stream().allMatch(b -> named.code().startsWith(b.code()) || b.code().startsWith(named.code()));
	}

	/** The longest address read, in characters (address fields hold at most 300). */
	private static final int ADDRESS_READ = 300;

	/** A bracket's content: "（浙江）", "(浙江)", "【浙江】", "[浙江]". */
	private static final Pattern BRACKETED = Pattern.compile("[（(【\\[〔]([^（(【\\[〔）)】\\]〕]{2,12})[）)】\\]〕]");

	/** Text read in simplified characters ({@link HanVariants#simplified}), width and spaces aside ({@link Text#folded}). */
	private static String simplified(String text) {
		return HanVariants.simplified(Text.folded(text));
	}

	/** Only the Chinese characters of a text. */
	private static String han(String text) {
		StringBuilder han = new StringBuilder();
		text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(han::appendCodePoint);
		return han.toString();
	}

	/** The Chinese characters of the address's bracketed parts, simplified ("（浙江）" → 浙江). */
	private static List<String> bracketed(String address) {
		List<String> parts = new ArrayList<>();
		java.util.regex.Matcher m = BRACKETED.matcher(simplified(address));
		while (m.find()) {
			String part = han(m.group(1));
			if (part.length() >= 2 && part.length() <= LONGEST_SHORT_NAME) {
				parts.add(part);
			}
		}
		return parts;
	}

	/** The provinces or cities a bracketed short name at {@code from} names ("浙江" of "（浙江）" → 浙江省), or none. */
	private static List<Region> bracketedShortName(String text, int from, List<String> bracketed, Map<String, List<Region>> byName) {
		for (String part : bracketed) {
			if (text.startsWith(part, from)) {
				return SHORTENED_ENDINGS.stream()
					.flatMap(ending -> byName.getOrDefault(part + ending, List.of()).stream())
					.filter(r -> r.level() == RegionLevel.PROVINCE || r.level() == RegionLevel.CITY)
					.toList();
			}
		}
		return List.of();
	}

	private static int bracketedLength(String text, int from, List<String> bracketed) {
		return bracketed.stream().filter(part -> text.startsWith(part, from)).findFirst().map(String::length).orElse(0);
	}

	/**
	 * The simplified text with the region names it wrote as the table spells them back: the table is read character
	 * for character ({@link HanVariants}: 乾 is 干), while some places keep a character it simplifies (乾县, 乾安县) —
	 * a name of the table holding such a character is taken as written where the address has it ("乾县" and "乾縣" are
	 * 乾县, "干县" stays).
	 * @param written the address's Chinese characters as typed (folded, not simplified)
	 * @param simplified the same characters simplified, one for one
	 */
	private String namesKept(String written, String simplified) {
		if (written.length() != simplified.length() || written.equals(simplified)) {
			return simplified;
		}
		StringBuilder kept = new StringBuilder();
		for (int i = 0; i < written.length(); i++) {
			char c = written.charAt(i);
			// the characters simplification changed: a name of the table may hold one as it is (乾)
			if (c != simplified.charAt(i) && kept.indexOf(String.valueOf(c)) < 0) {
				kept.append(c);
			}
		}
		if (kept.isEmpty()) {
			return simplified;
		}
		List<String> names = jdbc.sql("SELECT DISTINCT name FROM region WHERE level IN (:levels) AND name ~ :characters")
			.param("levels", List.of(RegionLevel.PROVINCE.name(), RegionLevel.CITY.name(), RegionLevel.COUNTY.name()))
			.param("characters", "[" + kept + "]")
			.query(String.class)
			.list();
		StringBuilder text = new StringBuilder(simplified);
		for (String name : names) {
			String read = HanVariants.simplified(name);
			for (int at = simplified.indexOf(read); at >= 0 && !read.equals(name); at = simplified.indexOf(read, at + 1)) {
				boolean asTyped = true;
				for (int k = 0; k < name.length() && asTyped; k++) {
					asTyped = name.charAt(k) == read.charAt(k) || written.charAt(at + k) == name.charAt(k);
				}
				if (asTyped) {
					text.replace(at, at + name.length(), name);
				}
			}
		}
		return text.toString();
	}

	/**
	 * The address as the place names are read in it: folded ({@link Text#folded}), simplified, only its Chinese
	 * characters, a leading label ({@link #LABEL}) and country left out, at most {@link #ADDRESS_READ} characters.
	 */
	private String addressText(String address) {
		String head = LABEL.matcher(namesKept(han(Text.folded(address)), han(simplified(address)))).replaceFirst("");
		for (String country : COUNTRY) {
			if (head.startsWith(country)) {
				head = LABEL.matcher(head.substring(country.length())).replaceFirst("");
				break;
			}
		}
		return head.substring(0, Math.min(head.length(), ADDRESS_READ));
	}

	/**
	 * The provinces, cities and counties whose full name is a piece of {@code text}, or the full name of a province or
	 * city whose short name is a piece of its head ({@link #ADDRESS_HEAD}) or one of the bracketed parts, by full name
	 * (placeholder and generic names left out, {@link #NOT_NAMED_IN_ADDRESSES}).
	 */
	private Map<String, List<Region>> regionsNamedIn(String text, List<String> bracketed) {
		Set<String> pieces = new HashSet<>();
		for (int from = 0; from < text.length(); from++) {
			for (int to = from + 2; to <= Math.min(text.length(), from + LONGEST_NAME); to++) {
				String piece = text.substring(from, to);
				pieces.add(piece);
				if (piece.length() <= LONGEST_SHORT_NAME && from < ADDRESS_HEAD + LONGEST_NAME) {
					SHORTENED_ENDINGS.forEach(ending -> pieces.add(piece + ending));
				}
			}
		}
		bracketed.forEach(part -> SHORTENED_ENDINGS.forEach(ending -> pieces.add(part + ending)));
		Map<String, List<Region>> byName = new HashMap<>();
		if (pieces.isEmpty()) {
			return byName;
		}
		jdbc.sql("SELECT code, name, parent_code, level FROM region WHERE name IN (:names) AND level IN (:levels) ORDER BY code")
			.param("names", pieces)
			.param("levels", List.of(RegionLevel.PROVINCE.name(), RegionLevel.CITY.name(), RegionLevel.COUNTY.name()))
			.query(Rows.of(Region.class))
			.list()
			.stream()
			.filter(r -> !NOT_NAMED_IN_ADDRESSES.contains(r.name()))
			.forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r));
		return byName;
	}

	/**
	 * The provinces or cities ({@code level}) whose short name is the part of {@code head} from {@code at} up to (not
	 * including) {@code to} and inside which the region the address names next lies (by its full name, or a city by its short name): "浙江" before "杭州市" is 浙江省, "吉林"
	 * before "长春市" is the province, not the city 吉林市; none when nothing inside one of them follows.
	 */
	private static List<Region> shortNamed(String head, int at, int to, RegionLevel level, Map<String, List<Region>> byName) {
		String shortName = head.substring(at, to);
		List<Region> named = SHORTENED_ENDINGS.stream()
			.flatMap(ending -> byName.getOrDefault(shortName + ending, List.of()).stream())
			.filter(r -> r.level() == level)
			.toList();
		if (named.isEmpty()) {
			return named;
		}
		Set<Region> next = new HashSet<>();
		for (int end = to + 2; end <= Math.min(head.length(), to + LONGEST_NAME); end++) {
			String piece = head.substring(to, end);
			next.addAll(byName.getOrDefault(piece, List.of()));
			if (level == RegionLevel.PROVINCE && piece.length() <= LONGEST_SHORT_NAME) {
				byName.getOrDefault(piece + "市", List.of()).stream().filter(r -> r.level() == RegionLevel.CITY).forEach(next::add);
			}
		}
		return named.stream()
			.filter(r -> next.stream().anyMatch(n -> n.level().ordinal() > r.level().ordinal() && n.code().startsWith(r.code())))
			.toList();
	}

	/**
	 * Refuses on {@code field} (rule {@code address-region}, key {@code region.invalid.addressOutside}) an address
	 * that names a region outside the chosen one anywhere ({@link #outsideNamed}), quoting the address's words that name it:
	 * "经营场所地址写的是“浙江省”，不在经营场所所在地（江苏省苏州市吴中区）内，请核对地址或经营场所所在地" — a record filed with
	 * one county's bureau must not carry another place's address onto its documents. An address naming two places apart
	 * ("苏州市……南京市" under 江苏省) is refused by the same rule (key {@code region.invalid.addressTwoPlaces}):
	 * "地址写了两处地方：“南京市”不在前面写的苏州市内，请核对地址". A field already refused, or an
	 * unknown region, is left alone.
	 * @param label the address's label ("经营场所地址")
	 * The record's region is named by its label, never as "所选的": a form's picker, an import row's column and a
	 * record's own region alike (attack: an import row was told of a region it never chose).
	 * @param regionLabel the record's region's label ("经营场所所在地"), one the user gives on the same form or row
	 */
	public Validation addressWithin(Validation v, String field, String label, String address, String regionCode,
			String regionLabel) {
		return addressWithin(v, field, label, address, regionCode, regionLabel, true);
	}

	/**
	 * Refuses as {@link #addressWithin} does an address outside a region the user does not give with it but the record
	 * already has — a village's county for its handover point, a post office's city for its new address —, telling to
	 * check the address alone (key {@code region.invalid.addressOutsideFixed}): "交接点地址写的是“杭州市”，不在建制村所在县（区）
	 * （江苏省苏州市吴中区）内，请核对交接点地址", not to check a region nobody can change here.
	 * @param regionLabel the record's region's label ("建制村所在县（区）")
	 */
	public Validation addressWithinFixed(Validation v, String field, String label, String address, String regionCode,
			String regionLabel) {
		return addressWithin(v, field, label, address, regionCode, regionLabel, false);
	}

	private Validation addressWithin(Validation v, String field, String label, String address, String regionCode,
			String regionLabel, boolean given) {
		if (v.hasError(field) || regionCode == null || find(regionCode).isEmpty()) {
			return v;
		}
		Optional<NamedOutside> outside = outsideNamed(address, regionCode);
		if (outside.isEmpty()) {
			return v;
		}
		String written = outside.get().written();
		Region conflicting = outside.get().conflicting();
		if (conflicting != null) {
			return v.require(field, false, "address-region", Wording.of("region.invalid.addressTwoPlaces", label, written, conflicting.name()),
					label + "写了两处地方：“" + written + "”不在前面写的" + conflicting.name() + "内，请核对" + label);
		}
		String named = fullName(regionCode);
		String refusal = label + "写的是“" + written + "”，不在" + regionLabel + "（" + named + "）内，请核对";
		return given
				? v.require(field, false, "address-region", Wording.of("region.invalid.addressOutside", label, written, regionLabel, named),
						refusal + "地址或" + regionLabel)
				: v.require(field, false, "address-region", Wording.of("region.invalid.addressOutsideFixed", label, written, regionLabel, named),
						refusal + label);
	}

	public long count(RegionLevel level) {
		return jdbc.sql("SELECT count(*) FROM region WHERE level = :level")
			.param("level", level.name())
			.query(Long.class)
			.single();
	}
}
