package org.youguan.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * A text the rule catalogue cites, in the version the product applies: the name and the year of the version in force
 * (enactment or latest revision). A revision of a text is one edit here plus its article numbers in
 * {@link StatutoryRule}; for 快递暂行条例 the 2025 revision (国务院 decision of 2025-04-13) renumbered articles 3–35 up
 * by one and the penalties to 50–58 (DOMAIN.md, "快递暂行条例: 2019 → 2025 article numbers").
 *
 * <p>A few bases are no legal text: local or national practice and the statistics reporting system whose version the
 * product does not know. They have no version ({@link #isText()} is false) and the rules resting on them are marked
 * unconfirmed, to be set by each bureau.
 */
public enum LegalText {

	/** 中华人民共和国邮政法, as amended 2015: 9 chapters, 87 articles (art.87: in force 2009-10-01). */
	POSTAL_LAW("邮政法", "2015", 87),

	/**
	 * 快递暂行条例 (国务院令697 of 2018), as revised by the State Council's decision of 2025-04-13: 59 articles — the 2018
	 * text's 48 plus the new art.3, the packaging chapter (arts.37–45) and the new penalty art.56, its closing article
	 * (old art.48) now art.59 (DOMAIN.md, "快递暂行条例: 2019 → 2025 article numbers": penalties 40–47 became 50–55 and
	 * 57–58).
	 */
	EXPRESS_REGULATION("快递暂行条例", "2025", 59),

	/** 快递市场管理办法 (交通运输部令2023年第22号, in force 2024-03-01). */
	EXPRESS_MARKET_MEASURES("快递市场管理办法", "2023"),

	/** 中华人民共和国行政处罚法, as revised 2021: 8 chapters, 86 articles. */
	ADMINISTRATIVE_PENALTY_LAW("行政处罚法", "2021", 86),

	/** 中华人民共和国行政复议法, as revised 2023 (in force 2024-01-01): 7 chapters, 90 articles. */
	ADMINISTRATIVE_REVIEW_LAW("行政复议法", "2023", 90),

	/** 中华人民共和国行政诉讼法, as amended 2017: 10 chapters, 103 articles. */
	ADMINISTRATIVE_LITIGATION_LAW("行政诉讼法", "2017", 103),

	/**
	 * 中华人民共和国民事诉讼法, as amended 2023 (in force 2024-01-01): 306 articles. Its rules of service (arts.87–95) are
	 * those a 行政处罚决定书 is served by (行政处罚法(2021) art.61); art.95: 公告送达 is deemed served thirty days after the
	 * notice is published (the 2021 amendment's figure, kept in 2023).
	 */
	CIVIL_PROCEDURE_LAW("民事诉讼法", "2023", 306),

	/**
	 * 中华人民共和国反恐怖主义法, as amended 2018 (art.85: 验视, 实名, 安检 failures of 寄递 enterprises): 10 chapters, 97
	 * articles.
	 */
	COUNTER_TERRORISM_LAW("反恐怖主义法", "2018", 97),

	/** 中华人民共和国行政许可法, as amended 2019: 8 chapters, 83 articles. */
	ADMINISTRATIVE_LICENSING_LAW("行政许可法", "2019", 83),

	/** 邮政行政执法监督办法 (交通运输部令2020年第5号, amended 2021年第8号). */
	POSTAL_ENFORCEMENT_SUPERVISION("邮政行政执法监督办法", "2021"),

	/** 快递业务经营许可管理办法, in the version amended 2019. */
	EXPRESS_LICENSING_MEASURES("快递业务经营许可管理办法", "2019"),

	/** 快递末端网点备案暂行规定 (国家邮政局, 2018). */
	OUTLET_FILING_PROVISIONS("快递末端网点备案暂行规定", "2018"),

	/** 快递业信用管理暂行办法 (国邮发〔2017〕105号). */
	EXPRESS_CREDIT_MEASURES("快递业信用管理暂行办法", "2017"),

	/** 邮件快件实名收寄管理办法 (交通运输部令2018年第26号). */
	REAL_NAME_MEASURES("邮件快件实名收寄管理办法", "2018"),

	/** 邮政业用户申诉处理办法 (2014). */
	COMPLAINT_MEASURES("邮政业用户申诉处理办法", "2014"),

	/**
	 * 邮政普遍服务 (YZ/T 0129-2016, the postal industry standard of the universal service): opening days of the
	 * universal-service post offices (city ≥ 6 days a week, township ≥ 5 days a week; DOMAIN.md "Universal service").
	 */
	UNIVERSAL_SERVICE_STANDARD("邮政普遍服务标准（YZ/T 0129）", "2016"),

	/** 全国年节及纪念日放假办法, as revised 2024 (国务院令795, in force 2025-01-01). */
	HOLIDAY_MEASURES("全国年节及纪念日放假办法", "2024"),

	/** 双公示: licensing and penalty decisions published; a national practice not found in a postal text. */
	DISCLOSURE_PRACTICE("双公示制度（全国通行做法）", null),

	/** A bureau's local practice; the figure is not confirmed. */
	LOCAL_PRACTICE("地方实践（未确认）", null),

	/**
	 * A bound the product sets where the law sets none, so that a step cannot leave a case waiting without end (e.g.
	 * how far ahead a hearing may be scheduled): no legal text, configurable by each bureau.
	 */
	PRODUCT_RULE("产品规则（非法律规定，可配置）", null),

	/** 邮政行业统计报表制度: the reporting deadline is not confirmed and configurable. */
	STATISTICS_REPORTING_SYSTEM("邮政行业统计报表制度（未确认，可配置）", null);

	private final String title;

	private final String version;

	private final Integer articles;

	LegalText(String title, String version) {
		this(title, version, null);
	}

	LegalText(String title, String version, Integer articles) {
		this.title = title;
		this.version = version;
		this.articles = articles;
	}

	/** The short title, e.g. 快递暂行条例. */
	public String title() {
		return title;
	}

	/** The year of the version applied, e.g. "2025"; null for a practice that is no text. */
	public String version() {
		return version;
	}

	/**
	 * The short title in English, as the English pages cite an article of it ({@link Provision#english()}): Postal Law,
	 * Administrative Penalty Law.
	 */
	public String englishTitle() {
		return switch (this) {
			case POSTAL_LAW -> "Postal Law";
			case EXPRESS_REGULATION -> "Interim Regulations on Express Delivery";
			case EXPRESS_MARKET_MEASURES -> "Express Market Administration Measures";
			case ADMINISTRATIVE_PENALTY_LAW -> "Administrative Penalty Law";
			case ADMINISTRATIVE_REVIEW_LAW -> "Administrative Review Law";
			case ADMINISTRATIVE_LITIGATION_LAW -> "Administrative Litigation Law";
			case CIVIL_PROCEDURE_LAW -> "Civil Procedure Law";
			case COUNTER_TERRORISM_LAW -> "Counter-Terrorism Law";
			case ADMINISTRATIVE_LICENSING_LAW -> "Administrative Licensing Law";
			case POSTAL_ENFORCEMENT_SUPERVISION -> "Measures for the Supervision of Postal Administrative Enforcement";
			case EXPRESS_LICENSING_MEASURES -> "Measures for the Licensing of Express Business";
			case OUTLET_FILING_PROVISIONS -> "Interim Provisions on Filing Express Terminal Outlets";
			case EXPRESS_CREDIT_MEASURES -> "Interim Measures for Credit Management in the Express Industry";
			case REAL_NAME_MEASURES -> "Measures for Real-Name Mailing";
			case COMPLAINT_MEASURES -> "Measures for Handling Postal Users' Complaints";
			case UNIVERSAL_SERVICE_STANDARD -> "Universal Postal Service Standard (YZ/T 0129)";
			case HOLIDAY_MEASURES -> "Measures on National Holidays and Memorial Days";
			case DISCLOSURE_PRACTICE -> "dual publicity practice (national)";
			case LOCAL_PRACTICE -> "local practice (not confirmed)";
			case PRODUCT_RULE -> "product rule (not law, configurable)";
			case STATISTICS_REPORTING_SYSTEM -> "postal statistics reporting system (not confirmed, configurable)";
		};
	}

	/** Whether this is a legal text with a version (not a practice). */
	public boolean isText() {
		return version != null;
	}

	/**
	 * How many articles this version of the text has, as recorded above with its source; null where the catalogue has
	 * not recorded the count (the ministry's and the national bureau's measures, whose full texts the product does not
	 * hold) and for a practice, which has no articles.
	 */
	public Integer articles() {
		return articles;
	}

	/**
	 * The last article that can be cited: the recorded count; where none is recorded, the highest article the rule
	 * catalogue itself cites from the text ({@link StatutoryRule}, {@link ViolationType}, their duties) — an article
	 * known to exist, so nothing beyond what the product can vouch for is accepted; 0 for a practice or a text of which
	 * no article is known (only the text as a whole can be cited then).
	 */
	public int lastArticle() {
		if (!isText()) {
			return 0;
		}
		if (articles != null) {
			return articles;
		}
		int last = 0;
		for (StatutoryRule r : StatutoryRule.values()) {
			last = Math.max(last, highest(r.citations()));
		}
		for (ViolationType v : ViolationType.values()) {
			last = Math.max(last, Math.max(highest(v.citations()), highest(v.duties())));
		}
		return last;
	}

	private int highest(List<Citation> citations) {
		return citations.stream().filter(c -> c.text() == this).mapToInt(Citation::article).max().orElse(0);
	}

	/**
	 * Whether this text lays down duties of the regulated — enterprises, their staff, senders — so that one of its
	 * articles can be the norm an inspection finds breached ("违反了…的规定"): not the procedural laws that bind the
	 * administration (行政处罚法, 行政复议法, 行政诉讼法, 行政许可法, 邮政行政执法监督办法), the holiday measures, nor a
	 * practice.
	 */
	public boolean laysDuties() {
		return isText() && this != ADMINISTRATIVE_PENALTY_LAW && this != ADMINISTRATIVE_REVIEW_LAW
				&& this != ADMINISTRATIVE_LITIGATION_LAW && this != ADMINISTRATIVE_LICENSING_LAW && this != CIVIL_PROCEDURE_LAW
				&& this != POSTAL_ENFORCEMENT_SUPERVISION && this != HOLIDAY_MEASURES;
	}

	/**
	 * Whether {@code article} of this text lies in its penalty chapter (法律责任) — the sanctions for breaches, never the
	 * duty breached. Where the chapter's range is recorded: 快递暂行条例(2025) arts.50–58 (DOMAIN.md, "快递暂行条例: 2019
	 * → 2025 article numbers"); 邮政法(2015) arts.68–83 (the first penalty article the catalogue cites, art.68, to the
	 * last before the 附则, arts.84–87; legal review wanted); 反恐怖主义法(2018) arts.79–96 (第九章, the 附则 being
	 * art.97). Elsewhere: from the lowest to the highest article the catalogue's violation types cite from the text as
	 * their penalty ({@link ViolationType#citations()}; a chapter is contiguous — 快递市场管理办法(2023) arts.48–56).
	 */
	public boolean isPenaltyArticle(int article) {
		switch (this) {
			case EXPRESS_REGULATION:
				return article >= 50 && article <= 58;
			case POSTAL_LAW:
				return article >= 68 && article <= 83;
			case COUNTER_TERRORISM_LAW:
				return article >= 79 && article <= 96;
			default:
				int lowest = Integer.MAX_VALUE;
				int highest = 0;
				for (ViolationType v : ViolationType.values()) {
					for (Citation c : v.citations()) {
						if (c.text() == this && c.article() > 0) {
							lowest = Math.min(lowest, c.article());
							highest = Math.max(highest, c.article());
						}
					}
				}
				return article >= lowest && article <= highest;
		}
	}

	/** Whether {@code article} can be cited from this text: 0 (the text as a whole) or 1 to {@link #lastArticle()}. */
	public boolean hasArticle(int article) {
		return article == 0 || isText() && article >= 1 && article <= lastArticle();
	}

	/**
	 * What a refused article number is told (rule {@code article-range}): how many articles the text has, or up to
	 * which article the catalogue can vouch for it.
	 */
	public String articleRange() {
		int last = lastArticle();
		if (last == 0) {
			return citeAs() + "只能整部引用（条款填0）";
		}
		return citeAs() + (articles != null ? "共" + last + "条" : "的条文数未收录，本平台只能确认至第" + last + "条")
				+ "，条款应为1至" + last + "之间的整数（0表示整部法规）";
	}

	/**
	 * The title as a document issued to a party or a public page cites the text (the form of Chinese legal documents,
	 * without the version the product applies): in 书名号, a law of the 全国人民代表大会 and its standing committee with
	 * the country's name — 《中华人民共和国邮政法》, 《中华人民共和国行政处罚法》 — a State Council regulation, a ministry's
	 * or the national bureau's rules by their own title — 《快递暂行条例》, 《快递市场管理办法》 — and the industry standard
	 * with its number, 《邮政普遍服务》（YZ/T 0129-2016）. A practice, which is no text, is its title alone
	 * (地方实践（未确认）), never in 书名号.
	 */
	public String formalTitle() {
		return switch (this) {
			case POSTAL_LAW, ADMINISTRATIVE_PENALTY_LAW, ADMINISTRATIVE_REVIEW_LAW, ADMINISTRATIVE_LITIGATION_LAW,
					COUNTER_TERRORISM_LAW, ADMINISTRATIVE_LICENSING_LAW, CIVIL_PROCEDURE_LAW -> "《中华人民共和国" + title + "》";
			case UNIVERSAL_SERVICE_STANDARD -> "《邮政普遍服务》（YZ/T 0129-" + version + "）";
			default -> isText() ? "《" + title + "》" : title;
		};
	}

	/**
	 * A version of a text the catalogue holds, with the day it took effect.
	 * @param label the year the catalogue names the version by, e.g. "2019"
	 * @param inForceFrom the day it took effect; null where the catalogue has not recorded it (the text is then taken as
	 * in force on any day, as far as the catalogue can tell)
	 */
	public record Version(String label, LocalDate inForceFrom) {

		boolean inForceOn(LocalDate day) {
			return inForceFrom == null || !day.isBefore(inForceFrom);
		}
	}

	/**
	 * The versions of this text the catalogue holds, oldest first, each with the day it took effect — the last is the
	 * catalogue's ({@link #version()}). The days, from the texts' own closing articles or their promulgating orders:
	 * <ul>
	 * <li>快递暂行条例: (2019) — 国务院令697, in force 2018-05-01, as amended by 国务院令709 of 2019-03-02, which changed
	 * no article number, so the one version stands for the text from 2018-05-01 (articles 1–48) —, and (2025) — 国务院令
	 * 第804号 of 2025-04-13, in force 2025-06-01 (59 articles, DOMAIN.md's numbering table);</li>
	 * <li>快递市场管理办法(2023): 交通运输部令2023年第22号, in force 2024-03-01 (DOMAIN.md); its earlier text (2013) had other
	 * numbers the catalogue does not hold, so no article of it is cited before that day;</li>
	 * <li>邮政法(2015): the 2009 text in force 2009-10-01 (art.87), its numbers kept by the 2012 and 2015 amendments;</li>
	 * <li>反恐怖主义法(2018): in force 2016-01-01, numbers kept by the 2018 amendment; 行政处罚法(2021): 2021-07-15;
	 * 行政复议法(2023) and 民事诉讼法(2023): 2024-01-01; 邮件快件实名收寄管理办法(2018): 2018-11-01; 全国年节及纪念日放假办法(2024): 2025-01-01;</li>
	 * <li>the other texts: the day is not recorded (null: in force on any day as far as the catalogue can tell). A
	 * practice has no version.</li>
	 * </ul>
	 */
	public List<Version> versions() {
		return switch (this) {
			case EXPRESS_REGULATION -> List.of(new Version("2019", LocalDate.of(2018, 5, 1)),
					new Version("2025", LocalDate.of(2025, 6, 1)));
			case EXPRESS_MARKET_MEASURES -> List.of(new Version(version, LocalDate.of(2024, 3, 1)));
			case POSTAL_LAW -> List.of(new Version(version, LocalDate.of(2009, 10, 1)));
			case COUNTER_TERRORISM_LAW -> List.of(new Version(version, LocalDate.of(2016, 1, 1)));
			case ADMINISTRATIVE_PENALTY_LAW -> List.of(new Version(version, LocalDate.of(2021, 7, 15)));
			case ADMINISTRATIVE_REVIEW_LAW, CIVIL_PROCEDURE_LAW -> List.of(new Version(version, LocalDate.of(2024, 1, 1)));
			case REAL_NAME_MEASURES -> List.of(new Version(version, LocalDate.of(2018, 11, 1)));
			case HOLIDAY_MEASURES -> List.of(new Version(version, LocalDate.of(2025, 1, 1)));
			default -> version == null ? List.of() : List.of(new Version(version, null));
		};
	}

	/**
	 * The first year the text applied ({@link #versions()}): the year its first version took effect where the day is
	 * recorded, else the year its first version is named by — a text named (2017), such as 快递业信用管理暂行办法
	 * (国邮发〔2017〕105号), was made that year and applied to no earlier one. Null for a practice.
	 */
	public Integer firstYear() {
		List<Version> all = versions();
		if (all.isEmpty()) {
			return null;
		}
		Version first = all.get(0);
		return first.inForceFrom() != null ? first.inForceFrom().getYear() : Integer.valueOf(first.label());
	}

	/**
	 * The day the version the catalogue applies ({@link #version()}) took effect ({@link #versions()}): 快递暂行条例(2025)
	 * 2025-06-01, 快递市场管理办法(2023) 2024-03-01. Null where the day is not recorded, and for a practice.
	 */
	public LocalDate inForceFrom() {
		List<Version> all = versions();
		return all.isEmpty() ? null : all.get(all.size() - 1).inForceFrom();
	}

	/**
	 * The version of the text in force on {@code day} ({@link #versions()}): the latest that had taken effect — for
	 * 快递暂行条例 "2019" from 2018-05-01 to 2025-05-31, "2025" from 2025-06-01. Null for a day before the text's first
	 * version took effect (快递暂行条例 before 2018-05-01, 快递市场管理办法(2023) before 2024-03-01: no article of the
	 * catalogue's was law then) and for a practice. Null {@code day} (an act not yet done) is the catalogue's version.
	 * @param day the day of the act cited, or null
	 */
	public String versionOn(LocalDate day) {
		if (day == null) {
			return version;
		}
		String then = null;
		for (Version v : versions()) {
			if (v.inForceOn(day)) {
				then = v.label();
			}
		}
		return then;
	}

	/**
	 * The number an article of the catalogue's version had in {@code version} of the text: the same in the catalogue's
	 * version itself; in 快递暂行条例(2019), per DOMAIN.md's table — arts.1–2 and 59 (old 48) aside, the 2025 revision
	 * added art.3, the packaging chapter (arts.37–45) and art.56, moved arts.4–36 up from 3–35, supervision 46–49 from
	 * 36–39 and the penalties 50–55 from 40–45 and 57–58 from 46–47. Empty for an article the earlier version did not
	 * have (2025 art.3, 37–45, 56).
	 * @param article an article of the catalogue's version (0: the text as a whole, which every version has)
	 */
	public OptionalInt articleIn(String version, int article) {
		if (article == 0 || this.version == null || this.version.equals(version) || this != EXPRESS_REGULATION) {
			return OptionalInt.of(article);
		}
		if (article <= 2) {
			return OptionalInt.of(article);
		}
		if (article >= 4 && article <= 36) {
			return OptionalInt.of(article - 1);
		}
		if (article >= 46 && article <= 55) {
			return OptionalInt.of(article - 10);
		}
		if (article >= 57 && article <= 59) {
			return OptionalInt.of(article - 11);
		}
		return OptionalInt.empty();
	}

	/** The title with its version, e.g. {@code 快递暂行条例(2025)}; a practice is its title alone. */
	public String citeAs() {
		return version == null ? title : title + "(" + version + ")";
	}
}
