package org.youguan.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * The region picker of every form where a person chooses a region (Thymeleaf fragment {@code region/picker}): a chain
 * of selects from a root region down — province → city → county → street → village — with the chosen region's
 * ancestors selected and the children of the deepest choice offered next, and a search by name that answers with full
 * paths ("江苏省 苏州市 吴中区"). The form still posts one code: the selects share the field's name and
 * {@link RegionChainFilter} keeps the deepest consistent choice, so the services behind the forms are unchanged.
 * Without JavaScript it is a plain select chain: the "选择" button ({@link #PICK}) shows the form again one level deeper;
 * with JavaScript htmx swaps the chain from {@code /public/regions/picker} after each choice.
 */
@Component("regionPicker")
public class RegionPicker {

	/** The no-JavaScript "选择" button's parameter: show the form again with the next level, save nothing. */
	public static final String PICK = "regionPick";

	/** The hidden parameter naming each field that is posted as a chain of codes. */
	static final String CHAIN = "regionChain";

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

	private static final int MAX_QUERY = 30;

	private final Regions regions;

	private final String publicRegion;

	RegionPicker(Regions regions, @Value("${youguan.public.region:3205}") String publicRegion) {
		this.regions = regions;
		this.publicRegion = publicRegion;
	}

	/** The region the public forms offer first ({@code YOUGUAN_PUBLIC_REGION}, default 3205 苏州市). */
	public String publicRegion() {
		return publicRegion;
	}

	/**
	 * {@code code} cut to {@code level} when it is deeper (320506 at {@code CITY} → 3205); the country for a blank code.
	 * For a picker that starts at an enterprise's city while its own region is a county.
	 */
	public String enclosing(String code, String level) {
		if (code == null || Text.isBlank(code)) {
			return RegionCode.COUNTRY.value();
		}
		int length = RegionLevel.valueOf(level).codeLength();
		return code.length() > length ? code.substring(0, length) : code;
	}

	/**
	 * The picker for one form field.
	 * @param id the id of the first select (the field's {@code <label for>}); also prefixes the picker's other ids
	 * @param field the parameter the form posts the code as ("region", "regionCode")
	 * @param value the current code; blank, malformed or unknown codes show the root with its children
	 * @param root where the chain starts (blank: the country); widened to a common ancestor when {@code value} lies
	 * outside it, so a recorded region is always shown as it is
	 * @param min the level a choice must reach (marks those selects required; blank: any level, the root included)
	 * @param max the deepest level offered (blank: village)
	 * @throws InvalidValueException when id or field are not plain names, the root does not exist or a level is unknown
	 */
	public Picker of(String id, String field, String value, String root, String min, String max) {
		return of(id, field, value, root, min, max, false);
	}

	/**
	 * The compact picker of a filter bar: any level (the root included), the search box on the selects' line, no
	 * "已选" line. Arguments as in {@link #of}.
	 */
	public Picker filter(String field, String value, String root, String max) {
		return of(field, field, value, root, null, max, true);
	}

	/** The picker as {@link #of}, compact ({@link #filter}) when {@code inline}. */
	public Picker of(String id, String field, String value, String root, String min, String max, boolean inline) {
		Picker spec = spec(id, field, root, min, max, inline);
		RegionCode rootCode = RegionCode.of(spec.root());
		RegionCode chosen = existing(value);
		if (chosen == null) {
			chosen = rootCode;
		}
		while (!rootCode.contains(chosen)) {
			rootCode = rootCode.parent();
		}
		List<Region> rootPath = regions.path(rootCode.value());
		List<Region> chosenPath = regions.path(chosen.value());
		List<Level> levels = new ArrayList<>();
		String parent = rootCode.value();
		for (Region region : chosenPath.subList(Math.min(rootPath.size(), chosenPath.size()), chosenPath.size())) {
			levels.add(new Level(region.level(), parent, regions.children(parent), region.code(), spec.requires(region.level())));
			parent = region.code();
		}
		if (chosen.level().codeLength() < spec.max().codeLength()) {
			List<Region> children = regions.children(chosen.value());
			if (!children.isEmpty()) {
				RegionLevel next = children.get(0).level();
				levels.add(new Level(next, chosen.value(), children, null, spec.requires(next)));
			}
		}
		return new Picker(spec.id(), spec.field(), rootCode.value(), spec.min(), spec.max(), rootPath, levels, chosenPath,
				inline);
	}

	/**
	 * Regions below the root whose name starts with {@code query} (or whose code it is), most general first, at most
	 * 20, each with its full path — for the picker's search box.
	 */
	public List<Match> search(Picker spec, String query) {
		String q = query == null ? "" : Text.searchText(query);
		if (q.isEmpty() || q.length() > MAX_QUERY) {
			return List.of();
		}
		RegionLevel rootLevel = RegionCode.of(spec.root()).level();
		RegionLevel[] levels = Arrays.stream(RegionLevel.values())
			.filter(l -> l.codeLength() > rootLevel.codeLength() && l.codeLength() <= spec.max().codeLength())
			.toArray(RegionLevel[]::new);
		if (levels.length == 0) {
			return List.of();
		}
		List<Region> found;
		if (q.chars().allMatch(Character::isDigit)) {
			found = regions.find(q)
				.filter(r -> RegionCode.of(spec.root()).contains(RegionCode.of(r.code())) && List.of(levels).contains(r.level()))
				.map(List::of)
				.orElse(List.of());
		}
		else {
			found = regions.findByNamePrefix(spec.root(), q, levels);
		}
		Map<String, String> paths = regions.pathNames(found);
		return found.stream().map(r -> new Match(r.code(), paths.get(r.code()))).toList();
	}

	/** A picker's settings without its levels (for the search box's answer); checked as in {@link #of}. */
	public Picker spec(String id, String field, String root, String min, String max, boolean inline) {
		String name = field == null ? "" : Text.strip(field);
		if (!NAME.matcher(name).matches()) {
			throw new InvalidValueException("field", "name", "选择器字段名无效：" + name);
		}
		String key = id == null || Text.isBlank(id) ? name : Text.strip(id);
		if (!NAME.matcher(key).matches()) {
			throw new InvalidValueException("id", "name", "选择器标识无效：" + key);
		}
		String rootCode = regions.require("root", root == null || Text.isBlank(root) ? RegionCode.COUNTRY.value() : root).value();
		RegionLevel minLevel = level("min", min, null);
		RegionLevel maxLevel = level("max", max, RegionLevel.VILLAGE);
		return new Picker(key, name, rootCode, minLevel, maxLevel, List.of(), List.of(), List.of(), inline);
	}

	private RegionCode existing(String value) {
		if (value == null || Text.isBlank(value)) {
			return null;
		}
		try {
			RegionCode code = RegionCode.of(value);
			return regions.find(code.value()).isPresent() ? code : null;
		}
		catch (InvalidValueException ex) {
			return null;
		}
	}

	private static RegionLevel level(String field, String text, RegionLevel blank) {
		if (text == null || Text.isBlank(text)) {
			return blank;
		}
		try {
			return RegionLevel.valueOf(Text.strip(text));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException(field, "level", "行政区划级别无效：" + text);
		}
	}

	/**
	 * A picker as the fragment draws it.
	 * @param root where the chain starts; posted as the base of the chain (blank for the country), so choosing
	 * nothing below it means the root itself
	 * @param rootPath the root's ancestors and itself (shown as text before the selects)
	 * @param levels one select per level below the root
	 * @param chosen the chosen region's path from the province down
	 * @param inline the compact form of a filter bar
	 */
	public record Picker(String id, String field, String root, RegionLevel min, RegionLevel max, List<Region> rootPath,
			List<Level> levels, List<Region> chosen, boolean inline) {

		/** The value of the chain's hidden first element: the root, or blank for the country. */
		public String base() {
			return RegionCode.COUNTRY.value().equals(root) ? "" : root;
		}

		/** The minimum level's name for the picker's links; blank when any level will do. */
		public String minName() {
			return min == null ? "" : min.name();
		}

		/** The deepest level's name for the picker's links. */
		public String maxName() {
			return max.name();
		}

		/** E.g. "江苏省 苏州市" for a root of 3205; blank for the country. */
		public String rootName() {
			return names(rootPath);
		}

		/** E.g. "江苏省 苏州市 吴中区"; blank while nothing below the country is chosen. */
		public String chosenName() {
			return names(chosen);
		}

		/** The chosen region's code; blank for the country. */
		public String chosenCode() {
			return chosen.isEmpty() ? "" : chosen.get(chosen.size() - 1).code();
		}

		boolean requires(RegionLevel level) {
			return min != null && level.codeLength() <= min.codeLength();
		}

		private static String names(List<Region> path) {
			StringJoiner names = new StringJoiner(" ");
			path.forEach(r -> names.add(r.name()));
			return names.toString();
		}
	}

	/**
	 * One select: the children of {@code parent}, with {@code selected} chosen (null: none yet); required when the
	 * picker's minimum level is this one or deeper.
	 */
	public record Level(RegionLevel level, String parent, List<Region> options, String selected, boolean required) {
	}

	/** A search answer: the code and its full path. */
	public record Match(String code, String path) {
	}
}
