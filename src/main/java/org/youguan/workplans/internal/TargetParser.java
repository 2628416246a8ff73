package org.youguan.workplans.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.youguan.kernel.Text;

/**
 * Reads the main targets paragraph ("主要工作目标：全年邮政业务总量完成85.2亿元、同比增长8%，业务收入完成70.5亿元…") into
 * one target per named quantity: its name as written, the value with its unit, and the growth over last year. A
 * clause that is only a growth ("同比增长8%") belongs to the quantity before it.
 */
public final class TargetParser {

	/** A quantity the plan sets: {@code value} in {@code unit} as written, {@code growth} in percent. */
	public record Parsed(String text, String name, BigDecimal value, String unit, BigDecimal growth) {
	}

	/**
	 * The units a target's quantity is written in, longest first (so 万亿元 is not read as 亿元 after a stray 万): money
	 * (元 with 千, 万, 十万, 百万, 千万, 亿, 十亿, 百亿, 千亿, 万亿), items (件 likewise), counts (个, 家, 处, 人次, with 万)
	 * and percent. A clause in any other unit is not read, and the preview names it ({@link #unread}).
	 */
	private static final String UNITS = "万亿元|千亿元|百亿元|十亿元|亿元|千万元|百万元|十万元|万元|千元|元"
			+ "|万亿件|千亿件|百亿件|十亿件|亿件|千万件|百万件|十万件|万件|千件|件|万个|个|万家|家|万处|处|万人次|人次|%|％";

	// digits bounded (15 integer, 6 fraction; a growth 6 and 4) so a notice's number is one a target can hold
	private static final Pattern CLAUSE = Pattern.compile(
			"^(?:全年)?([\\p{IsHan}（）()]+?)(?:完成|达到|达|突破|超过|不低于|为)\\s*(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(" + UNITS
					+ ")(.*)$");

	/** A clause holding a number that is no date ("到2026年底" sets no target): a target, read or not. */
	private static final Pattern HAS_NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.]|\\s*[年月日号])");

	private static final Pattern GROWTH = Pattern.compile("增长\\s*(-?\\d{1,6}(?:\\.\\d{1,4})?)\\s*[%％]");

	/** The count units a target is written in; 个, 家 and 处 are one kind (爱心驿站达到50处 of an indicator in 个). */
	private static final List<String> COUNTS = List.of("个", "家", "处", "人次");

	/** Each unit of money, items and counts as its multiple of 元, 件 or the count (10 to the power given). */
	private static final Map<String, BigDecimal> SCALE = scales();

	private static Map<String, BigDecimal> scales() {
		Map<String, Integer> powers = Map.ofEntries(Map.entry("", 0), Map.entry("千", 3), Map.entry("万", 4),
				Map.entry("十万", 5), Map.entry("百万", 6), Map.entry("千万", 7), Map.entry("亿", 8), Map.entry("十亿", 9),
				Map.entry("百亿", 10), Map.entry("千亿", 11), Map.entry("万亿", 12));
		Map<String, BigDecimal> scale = new java.util.HashMap<>();
		powers.forEach((prefix, power) -> {
			scale.put(prefix + "元", BigDecimal.ONE.scaleByPowerOfTen(power));
			scale.put(prefix + "件", BigDecimal.ONE.scaleByPowerOfTen(power));
		});
		// counts, as the paragraph writes them (个, 家, 处, 人次, with 万)
		for (String unit : COUNTS) {
			scale.put(unit, BigDecimal.ONE);
			scale.put("万" + unit, BigDecimal.ONE.scaleByPowerOfTen(4));
		}
		return Map.copyOf(scale);
	}

	// a quantity written negative after its verb ("完成-5亿件"), and every growth as written, however many digits
	private static final Pattern NEGATIVE = Pattern.compile("(?:完成|达到|达|突破|超过|不低于|为)\\s*[-－−]\\s*\\d");

	private static final Pattern ANY_GROWTH = Pattern.compile("增长\\s*([-－−]?)\\s*(\\d+(?:\\.\\d+)?)\\s*[%％]");

	/** The largest growth a target may state, in percent (as the statistics' annual targets). */
	private static final BigDecimal MAX_GROWTH = BigDecimal.valueOf(1000);

	private TargetParser() {
	}

	/**
	 * The clauses of the paragraph that set what no plan can mean: a negative quantity ("快递业务量完成-5亿件") or a
	 * growth of 1000 % or more either way ("同比增长99999%"); empty when there is none.
	 */
	public static List<String> implausible(String paragraph) {
		List<String> wrong = new ArrayList<>();
		if (paragraph == null) {
			return wrong;
		}
		for (String raw : paragraph.split("[，；。,;\\n]")) {
			String clause = Text.strip(raw);
			boolean bad = NEGATIVE.matcher(clause).find();
			Matcher g = ANY_GROWTH.matcher(clause);
			while (!bad && g.find()) {
				bad = new BigDecimal(g.group(2)).compareTo(MAX_GROWTH) >= 0;
			}
			if (bad) {
				wrong.add(clause);
			}
		}
		return wrong;
	}

	/**
	 * The quantities the paragraph sets, one per clause (separated by ，；。,;) naming a quantity, a verb (完成, 达到, 突破,
	 * 超过, 不低于, 为) and a number in one of the known units; a clause that is only a growth belongs to the quantity
	 * before it. A clause with a number that is neither is left out — {@link #unread} names it.
	 */
	public static List<Parsed> parse(String paragraph) {
		return read(paragraph, new ArrayList<>());
	}

	/**
	 * The clauses of the paragraph that hold a number and are not read as a target or its growth ("业务总量完成3万个亿元",
	 * a unit no target takes), as written: the preview warns of them, since they would be dropped silently.
	 */
	public static List<String> unread(String paragraph) {
		List<String> unread = new ArrayList<>();
		read(paragraph, unread);
		return unread;
	}

	private static List<Parsed> read(String paragraph, List<String> unread) {
		List<Parsed> result = new ArrayList<>();
		if (paragraph == null) {
			return result;
		}
		for (String raw : paragraph.split("[，；。,;]")) {
			String clause = Text.strip(raw);
			if (clause.isEmpty()) {
				continue;
			}
			Matcher m = CLAUSE.matcher(clause);
			Matcher g = GROWTH.matcher(clause);
			BigDecimal growth = g.find() ? new BigDecimal(g.group(1)) : null;
			if (m.matches()) {
				result.add(new Parsed(clause, m.group(1), new BigDecimal(m.group(2)), m.group(3).equals("％") ? "%" : m.group(3),
						growth));
			}
			else if (growth != null && !result.isEmpty() && result.get(result.size() - 1).growth() == null) {
				Parsed last = result.remove(result.size() - 1);
				result.add(new Parsed(last.text() + "，" + clause, last.name(), last.value(), last.unit(), growth));
			}
			else if (HAS_NUMBER.matcher(clause).find()) {
				unread.add(clause);
			}
		}
		return result;
	}

	/**
	 * The indicator a plan's name means: the same name once "邮政行业", "邮政" and "行业" are left out on both sides
	 * ("邮政业务总量" and "业务总量" are 邮政行业业务总量), when exactly one indicator matches.
	 */
	public static <T> T match(String name, List<T> indicators, Function<T, String> nameOf) {
		String wanted = normalise(name);
		List<T> found = indicators.stream().filter(i -> normalise(nameOf.apply(i)).equals(wanted)).toList();
		return found.size() == 1 ? found.get(0) : null;
	}

	private static String normalise(String name) {
		return Text.strip(name.replace("邮政行业", "").replace("邮政", "").replace("行业", ""));
	}

	/**
	 * The value converted from the plan's unit into the indicator's (亿元 → 万元, 亿件 → 件, 50处 or 2万家 → 个), or null if
	 * they differ in kind (件 and 元; 人次 and 个). 个, 家 and 处 are one kind, a count of places or units (attack: "爱心驿站
	 * 达到50处" lost its number, and with it every check of the target).
	 */
	public static BigDecimal convert(BigDecimal value, String from, String to) {
		if (value == null || from == null || to == null) {
			return null;
		}
		if (from.equals(to)) {
			return value;
		}
		BigDecimal a = SCALE.get(from);
		BigDecimal b = SCALE.get(to);
		if (a == null || b == null || !kind(from).equals(kind(to))) {
			return null;
		}
		return value.multiply(a).divide(b).stripTrailingZeros();
	}

	/** A unit's kind: 元, 件, 人次, or 个 for every count of places and units (个, 家, 处). */
	private static String kind(String unit) {
		if (unit.endsWith("人次")) {
			return "人次";
		}
		String last = unit.substring(unit.length() - 1);
		return last.equals("家") || last.equals("处") ? "个" : last;
	}
}
