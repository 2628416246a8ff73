package org.youguan.numbering;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;

/**
 * The 文号 of the documents a bureau issues, as Chinese official documents write them (党政机关公文格式 GB/T 9704-2012
 * 7.2.4: 发文机关代字、年份、发文顺序号): {@code 机关代字 + 文书代字 + 〔年份〕 + 序号 + 号}, e.g. 苏吴邮管罚〔2026〕3号 —
 * the issuing bureau's 机关代字 (苏吴邮管, {@code org.Bureaus#documentAgency}), the document kind's character(s)
 * ({@link #word}: 罚 for a 行政处罚决定书), the year in 六角括号 and the sequence without leading zeros. The sequence
 * is that of the kind's series of the bureau and year ({@link BusinessNumbers#nextOfficial}).
 * <p>
 * The kinds' characters are kept here and only here: one table for every automatically numbered document — the
 * enforcement chain's (罚, 告, 责改 …), licensing's (受理通知书 许受, 补正通知书 许补, 不予受理决定书 许不受, 准予
 * (延续、变更) 许可决定书 许, 不予许可决定书 许不) and the universal service's (营业场所审批决定书 审批).
 */
public final class OfficialNumbers {

	/**
	 * The 文书代字 of each series type (the {@code type} of {@link BusinessNumbers}): distinct within a bureau, so no two
	 * kinds' 文号 can be the same text.
	 */
	private static final Map<String, String> WORDS = Map.ofEntries(
			Map.entry("行政处罚决定", "罚"),
			Map.entry("当场处罚", "当罚"),
			Map.entry("不予处罚", "不罚"),
			Map.entry("处罚告知", "告"),
			Map.entry("听证告知", "听告"),
			Map.entry("听证通知", "听通"),
			Map.entry("听证笔录", "听录"),
			Map.entry("集体讨论", "讨"),
			Map.entry("立案审批", "立"),
			Map.entry("询问笔录", "询"),
			Map.entry("检查笔录", "检"),
			Map.entry("调查终结", "调"),
			Map.entry("法制审核", "审"),
			Map.entry("送达回证", "送"),
			Map.entry("结案报告", "结"),
			Map.entry("案件移送", "移"),
			Map.entry("缴款批准", "缴"),
			Map.entry("责令改正", "责改"),
			// licensing (行政许可法(2019) arts.32, 38, 49, 50; 邮政法(2015) art.52): the 许 documents of a bureau
			Map.entry("许可受理", "许受"),
			Map.entry("许可补正", "许补"),
			Map.entry("许可不予受理", "许不受"),
			Map.entry("许可决定", "许"),
			Map.entry("不予许可", "许不"),
			// universal service: 撤销、搬迁邮政普遍服务营业场所审批决定书 (邮政法(2015) art.9)
			Map.entry("营业场所审批", "审批"));

	private OfficialNumbers() {
	}

	/**
	 * The 文书代字 of a series type ({@code 行政处罚决定} → 罚, {@code 责令改正} → 责改).
	 * @throws IllegalArgumentException when the type has none (a series that does not number documents, e.g. 申诉)
	 */
	public static String word(String type) {
		String w = WORDS.get(type);
		if (w == null) {
			throw new IllegalArgumentException("no document word for series " + type);
		}
		return w;
	}

	/**
	 * A 文号 as printed: {@code agency + word + 〔year〕 + sequence + 号}, e.g. ("苏吴邮管", "行政处罚决定", 2026, 3) →
	 * 苏吴邮管罚〔2026〕3号.
	 * @param agency the issuing bureau's 机关代字
	 * @param type the series type ({@link #word})
	 * @param sequence the sequence, from 1 (printed without leading zeros)
	 */
	public static String format(String agency, String type, int year, long sequence) {
		return agency + word(type) + "〔" + year + "〕" + sequence + "号";
	}

	/** A 文号 of the official form read back: the 机关代字, year and sequence. */
	public record Parsed(String agency, int year, long sequence) {
	}

	/**
	 * Reads a 文号 of this type's official form ({@link #format}), as {@code kernel.Text.documentNumber} writes it
	 * (〔〕, Arabic digits, no 第 or leading zeros): 苏吴邮管罚〔2026〕3号 → (苏吴邮管, 2026, 3). The 机关代字 is what precedes
	 * the kind's character and ends in 邮管 (or is 国邮).
	 * @return empty for a number of another form or kind (苏吴邮管当罚〔2026〕3号 is not a 罚 number), or null
	 */
	public static Optional<Parsed> parse(String type, String number) {
		if (number == null || !WORDS.containsKey(type)) {
			return Optional.empty();
		}
		Matcher m = Pattern.compile("(\\p{IsHan}*邮管|国邮)" + Pattern.quote(word(type)) + "〔(\\d{4})〕([1-9]\\d{0,8})号")
			.matcher(Text.documentNumber(number));
		return m.matches() ? Optional.of(new Parsed(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))))
				: Optional.empty();
	}

	/** A 文号 that names a 机关代字 ending in 邮管 (or 国邮), read back as typed: the code, the kind's characters, the rest. */
	private static final Pattern AGENCY_FORM = Pattern.compile("(\\p{IsHan}*?邮管|国邮)(\\p{IsHan}*)〔(\\d{4})〕.*");

	/**
	 * Checks a 文号 typed by hand (or imported) for a document of series {@code type} issued by the bureau whose 机关代字 is
	 * {@code agency} — one place for every hand-typed number a series also issues (attack A2): where it is written in
	 * the official form with a 机关代字 (…邮管 or 国邮, then characters, then 〔year〕), the code must be the issuing bureau's
	 * own when it is another bureau's on the platform (rule {@code agency}: 苏相邮管罚〔2026〕1号 on a 吴中 case), and
	 * after the bureau's own code the kind's characters must be this series' ({@link #word}, rule {@code kind}:
	 * 苏吴邮管当罚〔2026〕10号 is no ordinary decision's, 苏吴邮管〔2026〕3号 names no kind). A code no bureau on the platform
	 * has (an earlier paper series, 吴邮管罚〔2024〕5号) and a number of another form are taken as typed; a year of fewer
	 * than four digits is refused by {@link Validation#documentNumber} (rule {@code year-digits}). Run after that check;
	 * nothing is judged when the field has an error already.
	 * @param number the number as {@code kernel.Text#documentNumber} wrote it; null passes
	 * @param agency the issuing bureau's 机关代字 ({@code org.Bureaus#documentAgency})
	 * @param bureauCode whether a code is a bureau's on the platform ({@code org.Bureaus#seriesRegionOf} present)
	 */
	public static Validation checkTyped(Validation v, String field, String label, String type, String agency,
			Predicate<String> bureauCode, String number) {
		if (number == null || v.hasError(field) || !WORDS.containsKey(type)) {
			return v;
		}
		Matcher m = AGENCY_FORM.matcher(number);
		if (!m.matches()) {
			return v;
		}
		String word = word(type);
		if (number.startsWith(agency)) {
			String typed = number.substring(agency.length(), number.indexOf('〔'));
			return v.require(field, typed.equals(word), "kind", Wording.of("numbering.refusal.otherKind", label, word, typed),
					label + "的文书代字应为“" + word + "”（" + agency + word + "〔年份〕序号号），"
					+ (typed.isEmpty() ? "未写文书代字" : "“" + typed + "”是其他文书的代字") + "：" + number);
		}
		String code = m.group(1);
		return v.require(field, code.equals(agency) || !bureauCode.test(code), "agency",
				Wording.of("numbering.refusal.otherAgency", label, agency, code),
				label + "的机关代字应为本机关的“" + agency + "”，“" + code + "”是其他邮政管理部门的机关代字：" + number);
	}
}
