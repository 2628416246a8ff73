package org.youguan.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.youguan.kernel.ChineseText;

/**
 * A citation of a legal text in a given version, optionally of one article: {@code 快递暂行条例(2025) 第19条}. The
 * version travels with the citation so that a revision of the text (which may renumber its articles) is visible
 * wherever the citation is shown, and a later revision is a change of data, not of free text. That short form is the
 * staff's ({@link #toString()}); a document issued to a party and a public page cite as Chinese legal documents do,
 * {@code 《快递暂行条例》第十九条} ({@link #formal()}).
 *
 * <p>A citation of a dated act — a penalty decision, its publication, a licensing decision, a document regenerated later —
 * names the version in force on the act's day ({@link #inForceOn}): a decision of 2024-04-15 on an unfiled outlet cites
 * 快递暂行条例(2019) 第40条 (formally the 2019 text's 第四十条), one of 2026 快递暂行条例(2025) 第50条 — and nothing for a
 * day the article was no law (快递暂行条例(2025) 第56条 before 2025-06-01), never a later text's article. A new act cites
 * the catalogue's version.
 *
 * @param text the text
 * @param article the article number in that version, or 0 when the text as a whole is cited
 * @param version the version cited, e.g. "2019"; null for the catalogue's ({@link LegalText#version()})
 */
public record Citation(LegalText text, int article, String version) {

	/**
	 * @throws IllegalArgumentException when the text is missing or the article number is negative
	 */
	public Citation {
		Objects.requireNonNull(text, "text");
		if (article < 0) {
			throw new IllegalArgumentException("article must be positive: " + article);
		}
		if (version == null) {
			version = text.version();
		}
	}

	/** An article (0: the whole text) of the catalogue's version of a text. */
	public Citation(LegalText text, int article) {
		this(text, article, null);
	}

	/**
	 * This citation as the version of its text in force on {@code day} numbers it ({@link #inForceOn}), or — for a day
	 * on which it was no law (before its text took effect, or an article a later revision added) — this citation as
	 * it is. Only for a citation known to be law on the day (a duty of a filing's or licence's own day); an act whose
	 * article may not have existed then asks {@link #inForceOn}, which says so, and is refused or left uncited rather
	 * than cite a later text's article.
	 * @param day the day of the act cited (a decision's date), or null
	 */
	public Citation on(LocalDate day) {
		return inForceOn(day).orElse(this);
	}

	/**
	 * This citation as the version of its text in force on {@code day} numbers it ({@link LegalText#versionOn},
	 * {@link LegalText#articleIn}): 快递暂行条例(2025) 第50条 on 2024-04-15 is 快递暂行条例(2019) 第40条; unchanged on or
	 * after 2025-06-01, for a null day (an act not yet done) and for a citation already of an earlier version. Empty
	 * where it was no law that day: the text not yet in force (快递暂行条例 before 2018-05-01, 快递市场管理办法(2023) before
	 * 2024-03-01) or the article one the version then in force did not have (the 2025 packaging articles 37–45 and 56
	 * before 2025-06-01). A practice, which has no version, is cited as it is.
	 * @param day the day of the act cited, or null
	 */
	public Optional<Citation> inForceOn(LocalDate day) {
		if (day == null || !text.isText() || !version.equals(text.version())) {
			return Optional.of(this);
		}
		String then = text.versionOn(day);
		if (then == null) {
			return Optional.empty();
		}
		if (then.equals(version)) {
			return Optional.of(this);
		}
		OptionalInt number = text.articleIn(then, article);
		return number.isPresent() ? Optional.of(new Citation(text, number.getAsInt(), then)) : Optional.empty();
	}

	/**
	 * The first day this citation was law ({@link #inForceOn} not empty): the day the first version of its text having
	 * the article took effect — 快递暂行条例(2025) 第56条 2025-06-01, 第50条 2018-05-01, 快递市场管理办法(2023) 第48条
	 * 2024-03-01. Null where no day is recorded (law on any day as far as the catalogue can tell) and for a practice.
	 */
	public LocalDate inForceFrom() {
		if (!text.isText() || !version.equals(text.version())) {
			return null;
		}
		for (LegalText.Version v : text.versions()) {
			if (text.articleIn(v.label(), article).isPresent()) {
				return v.inForceFrom();
			}
		}
		return text.inForceFrom();
	}

	/** An article of a text: {@code Citation.of(EXPRESS_REGULATION, 19)} is 快递暂行条例(2025) 第19条. */
	public static Citation of(LegalText text, int article) {
		if (article == 0) {
			throw new IllegalArgumentException("article must be positive");
		}
		return new Citation(text, article);
	}

	/** A text as a whole, where the product does not pin an article. */
	public static Citation of(LegalText text) {
		return new Citation(text, 0);
	}

	/**
	 * Whether this citation is law a document may cite as the norm a party breached ("违反了…的规定"): an article that
	 * exists in that version of a legal text ({@link LegalText#hasArticle}). A practice or an unconfirmed note
	 * ({@link LegalText#LOCAL_PRACTICE} and the like), a text cited as a whole and an article the text does not have are
	 * not.
	 */
	public boolean isLaw() {
		return text.isText() && article > 0 && text.hasArticle(article);
	}

	/**
	 * Whether this citation can be the duty an inspection finds breached: law ({@link #isLaw()}) from a text that lays
	 * down duties ({@link LegalText#laysDuties()}), not a penalty article ({@link LegalText#isPenaltyArticle}).
	 */
	public boolean isDuty() {
		return isLaw() && text.laysDuties() && !text.isPenaltyArticle(article);
	}

	/**
	 * The citations that are law ({@link #isLaw()}), each (text, article) once, in the order first given: what a
	 * document names after "违反了", e.g. {@code 邮政法(2015) 第19条} from 邮政法 art.19 cited twice and a local practice.
	 */
	public static List<Citation> law(Collection<Citation> citations) {
		return citations.stream().filter(Citation::isLaw).distinct().toList();
	}

	/**
	 * As a document issued to a party (决定书, 告知书, 通知书, 审批表) and a public page cite it: the text's formal title
	 * ({@link LegalText#formalTitle()}) and the article in Chinese numerals — {@code 《快递暂行条例》第十九条},
	 * {@code 《中华人民共和国邮政法》第七十二条}, {@code 《中华人民共和国行政诉讼法》第一百零三条} — or the title alone for a
	 * text cited as a whole ({@code 《邮件快件实名收寄管理办法》}). No version: the document cites the text in force.
	 */
	public String formal() {
		return article == 0 ? text.formalTitle() : text.formalTitle() + "第" + numeral(article) + "条";
	}

	/** An article number in Chinese numerals, as 第…条 writes it: 十九, 七十二, 一百, 一百零三, 一百一十. */
	static String numeral(int n) {
		if (n < 100 || n > 999) {
			return ChineseText.numeral(n);
		}
		int rest = n % 100;
		return ChineseText.numeral(n / 100) + "百" + (rest == 0 ? "" : rest < 10 ? "零" + ChineseText.numeral(rest)
				: rest < 20 ? "一" + ChineseText.numeral(rest) : ChineseText.numeral(rest));
	}

	/** The legal texts by their short title, for reading citations written in the short form. */
	private static final Map<String, LegalText> BY_TITLE = Arrays.stream(LegalText.values()).filter(LegalText::isText)
		.collect(Collectors.toMap(LegalText::title, Function.identity()));

	/**
	 * The short form of a citation of a legal text, of any version: {@code 快递暂行条例(2025) 第19条} or
	 * {@code 快递业务经营许可管理办法(2019)}. Longer titles first, so that no title is read as the end of another.
	 */
	private static final Pattern SHORT_FORM = Pattern.compile(BY_TITLE.keySet().stream()
		.sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
		.collect(Collectors.joining("|", "(", ")")) + "\\((\\d{4})\\)(?: 第(\\d+)条)?");

	/**
	 * A text with every citation written in the short form ({@link #toString()}, of any version of a legal text the
	 * catalogue knows) written formally ({@link #formal()}), the rest as it is: {@code 快递暂行条例(2025) 第19条（末端网点备案）}
	 * becomes {@code 《快递暂行条例》第十九条（末端网点备案）}, {@code 邮政法(2015) 第72条；反恐怖主义法(2018) 第85条} becomes
	 * {@code 《中华人民共和国邮政法》第七十二条；《中华人民共和国反恐怖主义法》第八十五条}. Exact: only the short forms of the
	 * known texts are matched, so a text already formal, a practice (地方实践（未确认）) and any other words are left as
	 * they are, and writing a text twice gives the same result.
	 * @param text a stored text (a published basis, an order's basis), or null
	 * @return the text with its citations formal; null for null
	 */
	public static String formalIn(String text) {
		if (text == null) {
			return null;
		}
		return replaced(SHORT_FORM, text, m -> new Citation(BY_TITLE.get(m.group(1)),
				m.group(3) == null ? 0 : Integer.parseInt(m.group(3))).formal());
	}

	/** {@code text} with every match of {@code pattern} replaced by what {@code by} writes for it. */
	private static String replaced(Pattern pattern, String text, Function<Matcher, String> by) {
		Matcher m = pattern.matcher(text);
		StringBuilder written = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(written, Matcher.quoteReplacement(by.apply(m)));
		}
		m.appendTail(written);
		return written.toString();
	}

	/** The texts by their formal title ({@link LegalText#formalTitle()}), longest first, for reading formal citations. */
	private static final Pattern FORMAL_FORM = Pattern.compile(Arrays.stream(LegalText.values()).filter(LegalText::isText)
		.map(LegalText::formalTitle).sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
		.collect(Collectors.joining("|", "(", ")")) + "(?:第([一二三四五六七八九十百零〇]+)条)?");

	/** A practice (no text) as written in a basis — 地方实践（未确认） or 地方实践，未确认 — longest first. */
	private static final Map<String, LegalText> PRACTICES = Arrays.stream(LegalText.values()).filter(t -> !t.isText())
		.flatMap(t -> java.util.stream.Stream.of(Map.entry(t.title(), t),
				Map.entry(t.title().replace("（", "，").replace("）", ""), t)))
		.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

	private static final Pattern PRACTICE_FORM = Pattern.compile(PRACTICES.keySet().stream()
		.sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
		.collect(Collectors.joining("|")));

	/**
	 * A text with every citation the catalogue can read — the short form ({@code 快递暂行条例(2025) 第50条}), the formal
	 * one ({@code 《快递市场管理办法》第五十六条}) and a practice ({@code 地方实践（未确认）}) — cited in English as the English
	 * pages cite law ({@link Provision#english()}): {@code Article 50 of the Interim Regulations on Express Delivery (2025)},
	 * {@code Article 56 of the Express Market Administration Measures}, {@code local practice (not confirmed)}; the
	 * separators between citations (；、) as English writes them. Any other words are left as they are.
	 * @param text a basis as stored or shown in Chinese, or null
	 * @return the text with its citations in English; null for null
	 */
	public static String englishIn(String text) {
		if (text == null) {
			return null;
		}
		String shortForms = replaced(SHORT_FORM, text, m -> english(BY_TITLE.get(m.group(1)),
				m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(2)));
		String formal = replaced(FORMAL_FORM, shortForms, f -> english(Arrays.stream(LegalText.values())
			.filter(t -> t.isText() && t.formalTitle().equals(f.group(1))).findFirst().orElseThrow(),
				f.group(2) == null ? 0 : arabic(f.group(2)), null));
		String practices = replaced(PRACTICE_FORM, formal, p -> PRACTICES.get(p.group()).englishTitle());
		return practices.replace("；", "; ").replace("、", ", ").replace(" ; ", "; ");
	}

	private static String english(LegalText text, int article, String version) {
		return (article == 0 ? "the " : "Article " + article + " of the ") + text.englishTitle()
				+ (version == null ? "" : " (" + version + ")");
	}

	/** An article number written in Chinese numerals (十九, 七十二, 一百零三) as a number. */
	static int arabic(String numeral) {
		String digits = "零一二三四五六七八九";
		int total = 0;
		int digit = 0;
		for (char c : numeral.toCharArray()) {
			if (c == '百') {
				total += Math.max(digit, 1) * 100;
				digit = 0;
			}
			else if (c == '十') {
				total += Math.max(digit, 1) * 10;
				digit = 0;
			}
			else {
				digit = c == '〇' ? 0 : digits.indexOf(c);
			}
		}
		return total + digit;
	}

	/** As staff pages and messages show it: {@code 快递暂行条例(2025) 第19条}, or {@code 快递业务经营许可管理办法(2019)}. */
	@Override
	public String toString() {
		String cited = version == null ? text.citeAs() : text.title() + "(" + version + ")";
		return article == 0 ? cited : cited + " 第" + article + "条";
	}
}
