package org.youguan.rules;

import static org.youguan.rules.LegalText.ADMINISTRATIVE_LICENSING_LAW;
import static org.youguan.rules.LegalText.ADMINISTRATIVE_LITIGATION_LAW;
import static org.youguan.rules.LegalText.ADMINISTRATIVE_PENALTY_LAW;
import static org.youguan.rules.LegalText.ADMINISTRATIVE_REVIEW_LAW;
import static org.youguan.rules.LegalText.CIVIL_PROCEDURE_LAW;
import static org.youguan.rules.LegalText.EXPRESS_MARKET_MEASURES;
import static org.youguan.rules.LegalText.EXPRESS_REGULATION;
import static org.youguan.rules.LegalText.POSTAL_ENFORCEMENT_SUPERVISION;
import static org.youguan.rules.LegalText.POSTAL_LAW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.youguan.kernel.ChineseText;

/**
 * The articles the product names in its refusals, hints, API descriptions and documents beside the rules of
 * {@link StatutoryRule} and {@link ViolationType}: procedure (行政处罚法, 行政许可法, 邮政行政执法监督办法), the
 * authorities (邮政法 art.53) and the duties an alert points to. Each is an article — with its paragraph (款) or item
 * (项) where the product cites one — of the catalogue's version of its text ({@link LegalText#version()}), so a revision
 * that renumbers a text is an edit here, and a message names the version it cites: {@code 行政处罚法(2021) 第58条}.
 *
 * <p>Code outside this module cites one of these (or a rule's {@link StatutoryRule#citations()}), never a typed
 * "第N条"; a text that cannot call code — a message of the UI bundle ({@code tools/messages.py}), an API description
 * in an annotation — writes a token, {@code [[PENALTY_LEGAL_REVIEW]]} (several: {@code [[PENALTY_NOTICE,PENALTY_STATEMENT]]};
 * as documents cite: {@code [[formal:PENALTY_PUBLICATION]]}), which {@link #resolve} writes out.
 */
public enum Provision {

	/** 行政处罚法(2021) art.9: the kinds of penalty (吊销许可证件 among them). */
	PENALTY_KINDS(ADMINISTRATIVE_PENALTY_LAW, 9),
	/** 行政处罚法(2021) art.27: a case beyond the bureau's jurisdiction, or a crime, transferred (移送). */
	PENALTY_TRANSFER(ADMINISTRATIVE_PENALTY_LAW, 27),
	/** 行政处罚法(2021) art.29: no second fine for one act (一事不再罚). */
	PENALTY_ONCE(ADMINISTRATIVE_PENALTY_LAW, 29),
	/** 行政处罚法(2021) art.32: 从轻 or 减轻 处罚 and its grounds. */
	PENALTY_MITIGATION(ADMINISTRATIVE_PENALTY_LAW, 32),
	/** 行政处罚法(2021) art.32 (一): eliminated or reduced the harm. */
	PENALTY_MITIGATION_HARM_ELIMINATED(ADMINISTRATIVE_PENALTY_LAW, 32, 0, 1),
	/** 行政处罚法(2021) art.32 (二): coerced or induced. */
	PENALTY_MITIGATION_COERCED(ADMINISTRATIVE_PENALTY_LAW, 32, 0, 2),
	/** 行政处罚法(2021) art.32 (三): confessed acts unknown to the authority. */
	PENALTY_MITIGATION_CONFESSED(ADMINISTRATIVE_PENALTY_LAW, 32, 0, 3),
	/** 行政处罚法(2021) art.32 (四): helped the investigation meritoriously. */
	PENALTY_MITIGATION_COOPERATED(ADMINISTRATIVE_PENALTY_LAW, 32, 0, 4),
	/** 行政处罚法(2021) art.32 (五): other grounds laid down by law. */
	PENALTY_MITIGATION_OTHER(ADMINISTRATIVE_PENALTY_LAW, 32, 0, 5),
	/** 行政处罚法(2021) art.33: no penalty. */
	PENALTY_NONE(ADMINISTRATIVE_PENALTY_LAW, 33),
	/** 行政处罚法(2021) art.33 para.1: minor and corrected, or a first minor violation. */
	PENALTY_NONE_MINOR(ADMINISTRATIVE_PENALTY_LAW, 33, 1, 0),
	/** 行政处罚法(2021) art.33 para.2: no subjective fault. */
	PENALTY_NONE_NO_FAULT(ADMINISTRATIVE_PENALTY_LAW, 33, 2, 0),
	/** 行政处罚法(2021) art.36: the limitation (2 years; 5 where life, health or finance was harmed). */
	PENALTY_LIMITATION(ADMINISTRATIVE_PENALTY_LAW, 36),
	/** 行政处罚法(2021) art.40: no penalty where the facts are not established. */
	PENALTY_FACTS(ADMINISTRATIVE_PENALTY_LAW, 40),
	/** 行政处罚法(2021) art.42: at least two officers with enforcement IDs. */
	PENALTY_TWO_OFFICERS(ADMINISTRATIVE_PENALTY_LAW, 42),
	/** 行政处罚法(2021) art.44: the party told of the facts, reasons, grounds and rights before the decision. */
	PENALTY_NOTICE(ADMINISTRATIVE_PENALTY_LAW, 44),
	/** 行政处罚法(2021) art.45: the party's statement heard and reviewed; no heavier penalty for it. */
	PENALTY_STATEMENT(ADMINISTRATIVE_PENALTY_LAW, 45),
	/** 行政处罚法(2021) art.48: publication of decisions, withdrawn when changed. */
	PENALTY_PUBLICATION(ADMINISTRATIVE_PENALTY_LAW, 48),
	/** 行政处罚法(2021) art.51: the on-the-spot penalty's limits. */
	PENALTY_ON_THE_SPOT(ADMINISTRATIVE_PENALTY_LAW, 51),
	/** 行政处罚法(2021) art.52: the on-the-spot penalty's procedure. */
	PENALTY_ON_THE_SPOT_PROCEDURE(ADMINISTRATIVE_PENALTY_LAW, 52),
	/** 行政处罚法(2021) art.54: investigation and 立案. */
	PENALTY_CASE_OPENING(ADMINISTRATIVE_PENALTY_LAW, 54),
	/** 行政处罚法(2021) art.55: officers show their IDs in an investigation. */
	PENALTY_OFFICERS_IDENTIFIED(ADMINISTRATIVE_PENALTY_LAW, 55),
	/** 行政处罚法(2021) art.57: the head decides; serious cases by collective discussion. */
	PENALTY_HEAD_DECIDES(ADMINISTRATIVE_PENALTY_LAW, 57),
	/** 行政处罚法(2021) art.57 para.2: complex or serious cases decided by the heads' collective discussion. */
	PENALTY_COLLECTIVE_DISCUSSION(ADMINISTRATIVE_PENALTY_LAW, 57, 2, 0),
	/** 行政处罚法(2021) art.58: legal review of major decisions. */
	PENALTY_LEGAL_REVIEW(ADMINISTRATIVE_PENALTY_LAW, 58),
	/** 行政处罚法(2021) art.59: what a 行政处罚决定书 states — the facts and evidence first among them. */
	PENALTY_DECISION_CONTENT(ADMINISTRATIVE_PENALTY_LAW, 59),
	/** 行政处罚法(2021) art.61: delivery of the decision. */
	PENALTY_DELIVERY(ADMINISTRATIVE_PENALTY_LAW, 61),
	/** 行政处罚法(2021) art.61 para.2: electronic delivery with the party's consent. */
	PENALTY_ELECTRONIC_DELIVERY(ADMINISTRATIVE_PENALTY_LAW, 61, 2, 0),
	/** 行政处罚法(2021) art.62: no decision without telling the party or hearing its statement. */
	PENALTY_NOT_HEARD(ADMINISTRATIVE_PENALTY_LAW, 62),
	/** 行政处罚法(2021) art.63: the right to a hearing. */
	PENALTY_HEARING_RIGHT(ADMINISTRATIVE_PENALTY_LAW, 63),
	/** 行政处罚法(2021) art.64: the hearing's procedure (request, notice, host). */
	PENALTY_HEARING_PROCEDURE(ADMINISTRATIVE_PENALTY_LAW, 64),
	/** 行政处罚法(2021) art.65: the decision after the hearing. */
	PENALTY_AFTER_HEARING(ADMINISTRATIVE_PENALTY_LAW, 65),
	/** 行政处罚法(2021) art.66: deferred or instalment payment of a fine. */
	PENALTY_INSTALMENTS(ADMINISTRATIVE_PENALTY_LAW, 66),
	/** 行政处罚法(2021) art.72: the late-payment surcharge. */
	PENALTY_SURCHARGE(ADMINISTRATIVE_PENALTY_LAW, 72),
	/** 行政处罚法(2021) art.75: supervision; a decision revoked or void no longer stands. */
	PENALTY_SUPERVISION(ADMINISTRATIVE_PENALTY_LAW, 75),
	/** 行政处罚法(2021) art.85: periods in days are working days. */
	PENALTY_WORKING_DAYS(ADMINISTRATIVE_PENALTY_LAW, 85),

	/** 邮政法(2015) art.9: closing or moving a universal-service post office needs approval and a notice. */
	POSTAL_OFFICE_CLOSURE(POSTAL_LAW, 9),
	/** 邮政法(2015) art.9 para.2: the bureau decides the closure. */
	POSTAL_OFFICE_CLOSURE_DECISION(POSTAL_LAW, 9, 2, 0),
	/** 邮政法(2015) art.15: a temporary suspension of a post office reported. */
	POSTAL_OFFICE_SUSPENSION(POSTAL_LAW, 15),
	/** 邮政法(2015) art.19: opening days and deliveries of the universal service. */
	POSTAL_SERVICE_STANDARD(POSTAL_LAW, 19),
	/**
	 * 邮政法(2015) art.53 para.1: who receives and decides an express licence application — the provincial bureau within
	 * its province, the national bureau for inter-province and international business (art.52 is the licence's
	 * conditions, the registered-capital minimums among them, which {@link StatutoryRule} cites).
	 */
	POSTAL_LICENSING_AUTHORITY(POSTAL_LAW, 53, 1, 0),
	/** 邮政法(2015) art.52: the conditions of an express licence (registered capital, service capacity, systems). */
	POSTAL_LICENCE_CONDITIONS(POSTAL_LAW, 52),
	/** 邮政法(2015) art.63: inspectors two or more, with their IDs. */
	POSTAL_INSPECTORS(POSTAL_LAW, 63),
	/** 邮政法(2015) art.84: definitions (信件 and the like). */
	POSTAL_DEFINITIONS(POSTAL_LAW, 84),

	/** 行政许可法(2019) art.32: acceptance; missing materials told once. */
	LICENSING_ACCEPTANCE(ADMINISTRATIVE_LICENSING_LAW, 32),
	/** 行政许可法(2019) art.32 para.1 (一): a matter that needs no licence is told so and not accepted. */
	LICENSING_NOT_NEEDED(ADMINISTRATIVE_LICENSING_LAW, 32, 1, 1),
	/** 行政许可法(2019) art.32 para.1 (二): a matter outside the bureau's competence is not accepted, the competent body named. */
	LICENSING_NOT_COMPETENT(ADMINISTRATIVE_LICENSING_LAW, 32, 1, 2),
	/** 行政许可法(2019) art.32 para.1 (四): incomplete materials, everything to correct told at once. */
	LICENSING_CORRECTION(ADMINISTRATIVE_LICENSING_LAW, 32, 1, 4),
	/**
	 * 行政许可法(2019) art.35: a licence the lower authority examines first is decided by the upper one on its initial
	 * review opinion and all the materials (the city bureau's 初审 before the province decides).
	 */
	LICENSING_LOWER_REVIEW(ADMINISTRATIVE_LICENSING_LAW, 35),
	/** 行政许可法(2019) art.38 para.2: a refusal states its reasons and the right to review and litigation. */
	LICENSING_REFUSAL(ADMINISTRATIVE_LICENSING_LAW, 38, 2, 0),
	/** 行政许可法(2019) art.42: the decision's period. */
	LICENSING_DECISION_PERIOD(ADMINISTRATIVE_LICENSING_LAW, 42),
	/** 行政许可法(2019) art.45: periods not counted (hearing, testing, expert review). */
	LICENSING_EXCLUDED_PERIODS(ADMINISTRATIVE_LICENSING_LAW, 45),
	/** 行政许可法(2019) art.49: a change of the licensed matters (变更). */
	LICENSING_CHANGE(ADMINISTRATIVE_LICENSING_LAW, 49),
	/** 行政许可法(2019) art.50: renewal decided before expiry. */
	LICENSING_RENEWAL(ADMINISTRATIVE_LICENSING_LAW, 50),
	/** 行政许可法(2019) art.70: cancellation (注销) of a licence. */
	LICENSING_CANCELLATION(ADMINISTRATIVE_LICENSING_LAW, 70),
	/** 行政许可法(2019) art.70 (四): cancellation of a licence revoked (吊销). */
	LICENSING_CANCELLATION_REVOKED(ADMINISTRATIVE_LICENSING_LAW, 70, 0, 4),
	/** 行政许可法(2019) art.82: periods in days are working days. */
	LICENSING_WORKING_DAYS(ADMINISTRATIVE_LICENSING_LAW, 82),

	/** 邮政行政执法监督办法(2021) art.17: the case's time limit, its one extension and periods not counted. */
	ENFORCEMENT_CASE_LIMIT(POSTAL_ENFORCEMENT_SUPERVISION, 17),
	/** 民事诉讼法(2023) art.95: service by public notice. */
	SERVICE_BY_NOTICE(CIVIL_PROCEDURE_LAW, 95),
	/** 行政复议法(2023) art.63: no change to the party's detriment on review. */
	REVIEW_NO_DETRIMENT(ADMINISTRATIVE_REVIEW_LAW, 63),
	/** 行政诉讼法(2017) art.77: no change to the party's detriment in litigation. */
	LITIGATION_NO_DETRIMENT(ADMINISTRATIVE_LITIGATION_LAW, 77),

	/** 快递暂行条例(2025) art.19: terminal outlets filed within 20 days (2019 text: art.18). */
	EXPRESS_OUTLET_FILING(EXPRESS_REGULATION, 19),
	/** 快递暂行条例(2025) art.23: real-name checking and registration (2019 text: art.22). */
	EXPRESS_REAL_NAME(EXPRESS_REGULATION, 23),
	/** 快递暂行条例(2025) art.33: security screening (2019 text: art.32). */
	EXPRESS_SCREENING(EXPRESS_REGULATION, 33),
	/** 快递暂行条例(2025) art.35: waybills and user data (2019 text: art.34). */
	EXPRESS_WAYBILL_DATA(EXPRESS_REGULATION, 35),
	/** 快递市场管理办法(2023) art.42: inspection ratios by credit standing. */
	MARKET_INSPECTION_BY_CREDIT(EXPRESS_MARKET_MEASURES, 42);

	private final Citation citation;

	private final int paragraph;

	private final int item;

	Provision(LegalText text, int article) {
		this(text, article, 0, 0);
	}

	Provision(LegalText text, int article, int paragraph, int item) {
		this.citation = Citation.of(text, article);
		this.paragraph = paragraph;
		this.item = item;
	}

	/** The article cited, in the catalogue's version of its text. */
	public Citation citation() {
		return citation;
	}

	/** The paragraph (款) cited, 0 for the article as a whole. */
	public int paragraph() {
		return paragraph;
	}

	/** The item (项) cited, 0 for none. */
	public int item() {
		return item;
	}

	/** The part below the article, short form: {@code 第2款}, {@code 第4项}, or blank. */
	private String partShort() {
		return (paragraph > 0 ? "第" + paragraph + "款" : "") + (item > 0 ? "第" + item + "项" : "");
	}

	/** The part below the article, as documents write it: {@code 第二款}, {@code 第（四）项}, or blank. */
	private String partFormal() {
		return (paragraph > 0 ? "第" + ChineseText.numeral(paragraph) + "款" : "")
				+ (item > 0 ? "第（" + ChineseText.numeral(item) + "）项" : "");
	}

	/**
	 * As staff pages, refusals and the API cite it, with the text's version: {@code 行政处罚法(2021) 第58条},
	 * {@code 行政处罚法(2021) 第61条第2款}.
	 */
	@Override
	public String toString() {
		return citation + partShort();
	}

	/**
	 * As a document issued to a party and a public page cite it ({@link Citation#formal()}):
	 * {@code 《中华人民共和国行政处罚法》第六十一条第二款}, {@code 《中华人民共和国行政许可法》第七十条第（四）项}.
	 */
	public String formal() {
		return citation.formal() + partFormal();
	}

	/**
	 * As an English page cites it, the text named after the article with its version: {@code Article 58 of the
	 * Administrative Penalty Law (2021)}, {@code Article 61 para. 2 of …}, {@code Article 32 item (1) of …}.
	 */
	public String english() {
		return english(List.of(this));
	}

	/** The article and its part in English: {@code 61 para. 2}, {@code 32 item (1)}. */
	private String articleEnglish() {
		return citation.article() + (paragraph > 0 ? " para. " + paragraph : "") + (item > 0 ? " item (" + item + ")" : "");
	}

	/**
	 * Several provisions in one English citation, a text named once after the articles of it that follow one another:
	 * {@code Articles 63 and 64 of the Administrative Penalty Law (2021)}; {@code Article 63 of the Postal Law (2015) and
	 * Article 42 of the Administrative Penalty Law (2021)}.
	 */
	public static String english(Provision... provisions) {
		return english(Arrays.asList(provisions));
	}

	private static String english(List<Provision> provisions) {
		List<String> groups = new ArrayList<>();
		List<String> articles = new ArrayList<>();
		for (int i = 0; i < provisions.size(); i++) {
			Provision p = provisions.get(i);
			articles.add(p.articleEnglish());
			LegalText text = p.citation.text();
			if (i + 1 == provisions.size() || provisions.get(i + 1).citation.text() != text) {
				groups.add((articles.size() == 1 ? "Article " : "Articles ") + listed(articles) + " of the "
						+ text.englishTitle() + (p.citation.version() == null ? "" : " (" + p.citation.version() + ")"));
				articles.clear();
			}
		}
		return listed(groups);
	}

	/** {@code a}, {@code a and b}, {@code a, b and c}. */
	private static String listed(List<String> parts) {
		int n = parts.size();
		return n == 1 ? parts.get(0) : String.join(", ", parts.subList(0, n - 1)) + " and " + parts.get(n - 1);
	}

	/**
	 * Several provisions in one citation, short form, a text named once for the articles that follow it:
	 * {@code cite(PENALTY_HEARING_RIGHT, PENALTY_HEARING_PROCEDURE)} is {@code 行政处罚法(2021) 第63条、第64条};
	 * {@code cite(POSTAL_INSPECTORS, PENALTY_TWO_OFFICERS)} is {@code 邮政法(2015) 第63条、行政处罚法(2021) 第42条}.
	 */
	public static String cite(Provision... provisions) {
		return joined(Arrays.asList(provisions), p -> p.toString());
	}

	/**
	 * Several provisions as a document cites them ({@link #formal()}), a text named once for the articles following it:
	 * {@code 《中华人民共和国行政处罚法》第六十一条、《中华人民共和国民事诉讼法》第九十五条}.
	 */
	public static String formal(Provision... provisions) {
		return joined(Arrays.asList(provisions), p -> p.formal());
	}

	private static String joined(List<Provision> provisions, Function<Provision, String> written) {
		List<String> parts = new ArrayList<>();
		LegalText previous = null;
		for (Provision p : provisions) {
			String full = written.apply(p);
			// no title contains 第: what follows the first is the article
			parts.add(p.citation.text() == previous ? full.substring(full.indexOf('第')) : full);
			previous = p.citation.text();
		}
		return String.join("、", parts);
	}

	/** What a document template's field of a provision starts with: {@code ${law_PENALTY_DELIVERY}}. */
	public static final String LAW_FIELD = "law_";

	/** What a document template's field of a provision's article (without the text's title) starts with. */
	public static final String ARTICLE_FIELD = "article_";

	/**
	 * The field a document template writes for this provision as documents cite it ({@link #formal()}):
	 * {@code law_PENALTY_DELIVERY} → 《中华人民共和国行政处罚法》第六十一条. A template never types an article: it names the
	 * provision, so a revision of the law is an edit of the catalogue, not of every bureau's templates.
	 */
	public String lawField() {
		return LAW_FIELD + name();
	}

	/**
	 * The field a document template writes for this provision's article after another of the same text
	 * ({@link #formal()} without the title): {@code article_PENALTY_HEARING_PROCEDURE} → 第六十四条, as in
	 * {@code ${law_PENALTY_HEARING_RIGHT}、${article_PENALTY_HEARING_PROCEDURE}} → 《中华人民共和国行政处罚法》第六十三条、第六十四条.
	 */
	public String articleField() {
		return ARTICLE_FIELD + name();
	}

	/** The fields of {@code provisions} a template may use ({@link #lawField}, {@link #articleField}), each provision's two. */
	public static List<String> documentFields(Provision... provisions) {
		List<String> fields = new ArrayList<>();
		for (Provision p : provisions) {
			fields.add(p.lawField());
			fields.add(p.articleField());
		}
		return fields;
	}

	/**
	 * Every provision's document fields with their text ({@link #lawField} → {@link #formal()}, {@link #articleField} →
	 * its article): what a module puts into the values it fills a template with, so that any declared provision field
	 * prints the catalogue's citation.
	 */
	public static java.util.Map<String, String> documentValues() {
		java.util.Map<String, String> values = new java.util.HashMap<>();
		for (Provision p : values()) {
			String formal = p.formal();
			values.put(p.lawField(), formal);
			values.put(p.articleField(), formal.substring(formal.indexOf('第')));
		}
		return values;
	}

	/** A token: {@code [[NAME]]}, {@code [[NAME,NAME]]}, {@code [[formal:NAME]]}. */
	private static final Pattern TOKEN = Pattern.compile("\\[\\[(formal:)?([A-Z][A-Z_]*(?:,[A-Z][A-Z_]*)*)]]");

	/**
	 * A text with each provision token written out ({@link #cite} or, with {@code formal:}, {@link #formal}): a
	 * message of the UI bundle, an API description. Text without tokens is returned as it is.
	 * @param text the text, or null
	 * @return the text with its citations; null for null
	 * @throws IllegalArgumentException for a token naming no provision (a test reads every message and description)
	 */
	public static String resolve(String text) {
		return resolve(text, null);
	}

	/**
	 * A text with each provision token written out in the language of the text: in English ({@link #english}, for
	 * {@code formal:} too — English has one way to cite) where {@code language} is English, else as {@link #resolve(String)}
	 * writes it — so the English bundle names an article by the same token as the Chinese, never typing "art.N".
	 * @param text the text, or null
	 * @param language the text's language (a bundle's locale), null for Chinese
	 * @return the text with its citations; null for null
	 * @throws IllegalArgumentException for a token naming no provision
	 */
	public static String resolve(String text, Locale language) {
		if (text == null || !text.contains("[[")) {
			return text;
		}
		boolean english = language != null && Locale.ENGLISH.getLanguage().equals(language.getLanguage());
		Matcher m = TOKEN.matcher(text);
		StringBuilder written = new StringBuilder();
		while (m.find()) {
			Provision[] named = Arrays.stream(m.group(2).split(",")).map(Provision::valueOf).toArray(Provision[]::new);
			m.appendReplacement(written, Matcher.quoteReplacement(english ? english(named)
					: m.group(1) == null ? cite(named) : formal(named)));
		}
		m.appendTail(written);
		return written.toString();
	}
}
