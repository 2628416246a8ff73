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

	// digits bounded (15 integer, 6 fraction; a growth 6 and 4) so a notice's number is one a target can hold
	private static final Pattern CLAUSE = Pattern.compile(
			"^(?:全年)?([\\p{IsHan}（）()]+?)(?:完成|达到|达|突破|超过|不低于|为)\\s*(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(亿元|万元|元|亿件|万件|件|个|家|%)(.*)$");

	private static final Pattern GROWTH = Pattern.compile("增长\\s*(-?\\d{1,6}(?:\\.\\d{1,4})?)\\s*%");

	private static final Map<String, BigDecimal> SCALE = Map.of("元", BigDecimal.ONE, "万元", BigDecimal.valueOf(10_000),
			"亿元", BigDecimal.valueOf(100_000_000), "件", BigDecimal.ONE, "万件", BigDecimal.valueOf(10_000), "亿件",
			BigDecimal.valueOf(100_000_000));

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

	public static List<Parsed> parse(String paragraph) {
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
				result.add(new Parsed(clause, m.group(1), new BigDecimal(m.group(2)), m.group(3), growth));
			}
			else if (growth != null && !result.isEmpty() && result.get(result.size() - 1).growth() == null) {
				Parsed last = result.remove(result.size() - 1);
				result.add(new Parsed(last.text() + "，" + clause, last.name(), last.value(), last.unit(), growth));
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

	/** The value converted from the plan's unit into the indicator's (亿元 → 万元, 亿件 → 件), or null if they differ in kind. */
	public static BigDecimal convert(BigDecimal value, String from, String to) {
		if (value == null || from == null || to == null) {
			return null;
		}
		if (from.equals(to)) {
			return value;
		}
		BigDecimal a = SCALE.get(from);
		BigDecimal b = SCALE.get(to);
		if (a == null || b == null || from.charAt(from.length() - 1) != to.charAt(to.length() - 1)) {
			return null;
		}
		return value.multiply(a).divide(b).stripTrailingZeros();
	}
}
