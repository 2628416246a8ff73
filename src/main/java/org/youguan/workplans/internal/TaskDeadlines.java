package org.youguan.workplans.internal;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.youguan.kernel.Text;

/**
 * Reads the deadline (完成时限) a notice gives a task: a bracket "（完成时限：6月底前）" anywhere in the task's text (the
 * Word import writes a task table's 完成时限 column so), else a closing phrase "…，9月30日前完成" / "…，年底前全面完成".
 * The written deadline becomes a calendar date within the plan's year or the next (the range a task's due date may
 * take, as on the task page): a day ("9月30日", "2027年3月15日前"), a month's end ("6月底", "六月末", "10月"), part of a
 * month ("5月上旬" → the 10th, "中旬" → the 20th, "下旬" → its last day), a quarter's end ("三季度", "第一季度末"), a
 * half ("上半年" → 30 June, "下半年" → 31 December) or the year's end ("年底", "年末", "年内", "全年", and standing work:
 * "长期", "持续", "常态化"); several in one deadline ("6月底前完成方案，12月底前全面完成") give the latest, when the task
 * is complete. These are calendar dates as the notice writes them, not working-day periods of a rule.
 */
final class TaskDeadlines {

	/**
	 * The deadline bracket, labelled 完成时限 or as notices also write it (时限, 完成时间, 完成期限, 办结时限, 期限, 截止时间,
	 * 截止日期); group 1 the deadline as written.
	 */
	static final Pattern BRACKET = Pattern.compile(
			"[（(]\\s*(?:完成时限|完成时间|完成期限|办结时限|时限|期限|截止时间|截止日期)\\s*[：:]\\s*([^（）()]+?)\\s*[）)]");

	/** A closing "…前完成" phrase after the task's last comma; group 1 the deadline. */
	static final Pattern PHRASE = Pattern.compile("[，,；;]\\s*(?:于|在)?([^，,；;。]{2,24}?)前?(?:全面|基本|全部)?(?:完成|建成|办结)[^，,；;]{0,12}?[。；;]?$");

	private static final String NUMBER = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";

	private static final Pattern DAY = Pattern.compile("(?:([0-9]{4})年)?(" + NUMBER + ")月(?:(底|末|上旬|中旬|下旬)|(" + NUMBER
			+ ")[日号])?");

	private static final Pattern QUARTER = Pattern.compile("(?:([0-9]{4})年)?第?([一二三四1-4])季度");

	private static final Pattern HALF = Pattern.compile("(?:([0-9]{4})年)?([上下])半年");

	/** The year's end, of the plan's year or one written before it ("2027年底", "2027年年底"). */
	private static final Pattern YEAR_END = Pattern.compile("(?:([0-9]{4})年?)?(?:年底|年末|年内|全年)");

	private static final Pattern STANDING = Pattern.compile("长期|持续|常态化|长效");

	private static final Pattern CHINESE_YEAR = Pattern.compile("([〇零一二三四五六七八九]{4})年");

	private static final Pattern NEXT_YEAR = Pattern.compile("次年度?|明年度?|翌年度?|下一?年度?|第二年");

	private static final Pattern THIS_YEAR = Pattern.compile("今年|本年度?|当年度?");

	private TaskDeadlines() {
	}

	/**
	 * The deadline a task's text gives.
	 * @param text the task's text as the notice writes it
	 * @return the deadline as written and the text without its 完成时限 bracket (a closing phrase stays in the text), or
	 * empty when the text names none
	 */
	static Optional<Written> in(String text) {
		Matcher bracket = BRACKET.matcher(text);
		if (bracket.find()) {
			String rest = Text.strip(text.substring(0, bracket.start()) + text.substring(bracket.end()));
			return Optional.of(new Written(bracket.group(1), rest));
		}
		Matcher phrase = PHRASE.matcher(text);
		if (phrase.find() && namesADeadline(phrase.group(1))) {
			return Optional.of(new Written(phrase.group(1), text));
		}
		return Optional.empty();
	}

	/**
	 * A deadline found in a task's text.
	 * @param deadline as written ("6月底前")
	 * @param text the task's text without the 完成时限 bracket
	 */
	record Written(String deadline, String text) {
	}

	/**
	 * The date a written deadline names for a plan of {@code year}.
	 * @param written the deadline as written
	 * @param year the plan's year (a deadline without a year is in it)
	 * @return the latest date it names, within {@code year} or the next; empty when it names none, a day that does not
	 * exist (2月30日) or one outside those two years
	 */
	static Optional<LocalDate> resolve(String written, int year) {
		String s = years(Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("\\s+", ""), year);
		LocalDate latest = null;
		StringBuilder rest = new StringBuilder();
		Matcher day = DAY.matcher(s);
		int tail = 0;
		try {
			while (day.find()) {
				rest.append(s, tail, day.start());
				tail = day.end();
				latest = later(latest, monthDate(yearOf(day.group(1), year), number(day.group(2)), day.group(3),
						day.group(4)));
			}
			rest.append(s.substring(tail));
			String others = rest.toString();
			Matcher quarter = QUARTER.matcher(others);
			while (quarter.find()) {
				int q = number(quarter.group(2));
				latest = later(latest, YearMonth.of(yearOf(quarter.group(1), year), q * 3).atEndOfMonth());
			}
			Matcher half = HALF.matcher(others.replaceAll(QUARTER.pattern(), ""));
			while (half.find()) {
				latest = later(latest, LocalDate.of(yearOf(half.group(1), year), half.group(2).equals("上") ? 6 : 12,
						half.group(2).equals("上") ? 30 : 31));
			}
			Matcher end = YEAR_END.matcher(others.replaceAll(HALF.pattern(), ""));
			while (end.find()) {
				latest = later(latest, LocalDate.of(yearOf(end.group(1), year), 12, 31));
			}
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
		if (latest == null && STANDING.matcher(s).find()) {
			latest = LocalDate.of(year, 12, 31);
		}
		return Optional.ofNullable(latest).filter(d -> d.getYear() == year || d.getYear() == year + 1);
	}

	/**
	 * The deadline with every year written in Arabic digits: a year in Chinese numerals (二〇二七年, 二零二七年) as
	 * its digits, the next year named relatively (次年, 明年, 翌年, 下年度, 下一年, 第二年) and the plan's own (今年, 本年度,
	 * 当年) as the year they mean for a plan of {@code year}.
	 */
	private static String years(String s, int year) {
		Matcher chinese = CHINESE_YEAR.matcher(s);
		StringBuilder out = new StringBuilder();
		while (chinese.find()) {
			StringBuilder digits = new StringBuilder();
			chinese.group(1).chars().forEach(c -> digits.append(c == '〇' || c == '零' ? 0 : "零一二三四五六七八九".indexOf(c)));
			chinese.appendReplacement(out, digits + "年");
		}
		chinese.appendTail(out);
		return NEXT_YEAR.matcher(THIS_YEAR.matcher(out).replaceAll(year + "年")).replaceAll((year + 1) + "年");
	}

	/** Whether a phrase is written as a deadline at all (read or not: "2月30日" is one, "今年" is not). */
	static boolean namesADeadline(String written) {
		String s = Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("\\s+", "");
		return DAY.matcher(s).find() || QUARTER.matcher(s).find() || HALF.matcher(s).find() || YEAR_END.matcher(s).find()
				|| STANDING.matcher(s).find();
	}

	private static LocalDate monthDate(int year, int month, String part, String dayOfMonth) {
		YearMonth ym = YearMonth.of(year, month);
		if (dayOfMonth != null) {
			return ym.atDay(number(dayOfMonth));
		}
		if ("上旬".equals(part)) {
			return ym.atDay(10);
		}
		if ("中旬".equals(part)) {
			return ym.atDay(20);
		}
		return ym.atEndOfMonth();
	}

	private static int yearOf(String written, int year) {
		return written == null ? year : Integer.parseInt(written);
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a == null || b.isAfter(a) ? b : a;
	}

	/** 1–31 in Arabic or Chinese numerals (六, 十, 十二, 二十三). */
	private static int number(String n) {
		if (n.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(n);
		}
		String digits = "零一二三四五六七八九";
		int ten = n.indexOf('十');
		if (ten < 0) {
			return digits.indexOf(n.charAt(0));
		}
		int tens = ten == 0 ? 1 : digits.indexOf(n.charAt(0));
		int units = ten == n.length() - 1 ? 0 : digits.indexOf(n.charAt(ten + 1));
		return tens * 10 + units;
	}
}
