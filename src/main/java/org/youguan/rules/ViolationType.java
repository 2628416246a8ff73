package org.youguan.rules;

import static org.youguan.rules.LegalText.COUNTER_TERRORISM_LAW;
import static org.youguan.rules.LegalText.EXPRESS_MARKET_MEASURES;
import static org.youguan.rules.LegalText.EXPRESS_REGULATION;
import static org.youguan.rules.LegalText.POSTAL_LAW;
import static org.youguan.rules.LegalText.REAL_NAME_MEASURES;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Text;

/**
 * The legal-basis catalogue of violations a postal bureau penalises (DOMAIN.md "Typical clauses"): each type with the
 * article that punishes it and its fine range in yuan, ordinary and "情节严重". The bounds are rules of the
 * {@link StatutoryRule} catalogue (so a bureau sees and, where a local 裁量基准 narrows them, adjusts them in one place);
 * a bound that is absent is 0 for the minimum, or the ordinary maximum for the serious minimum ("一万元以下；情节严重的，
 * 处一万元以上五万元以下"). {@link StatutoryRules#fineRange} gives the range that applies in a region.
 *
 * <p>Real-name, 验视 and screening failures are punished under 快递暂行条例(2025) art.53, which refers to 邮政法 art.75
 * and 反恐怖主义法 art.85 (¥100–500 k).
 */
public enum ViolationType {

	/** 未经许可经营快递业务（邮政法(2015) 第72条）: ¥50–100 k; serious ¥100–200 k. */
	UNLICENSED("未经许可经营快递业务", List.of(Citation.of(POSTAL_LAW, 72)), StatutoryRule.FINE_UNLICENSED_MIN,
			StatutoryRule.FINE_UNLICENSED_MAX, null, StatutoryRule.FINE_UNLICENSED_SERIOUS_MAX, Kinds.ALL_BUT_WARNING),

	/** 分支机构未按规定备案（邮政法(2015) 第73条）: ≤ ¥10 k; serious ¥10–50 k. */
	BRANCH_UNFILED("快递企业设立分支机构未备案", List.of(Citation.of(POSTAL_LAW, 73)), null, StatutoryRule.FINE_BRANCH_UNFILED_MAX,
			null, StatutoryRule.FINE_BRANCH_UNFILED_SERIOUS_MAX, Kinds.FINE_OR_SUSPENSION),

	/** 出售、泄露或者非法提供用户信息（邮政法(2015) 第76条）: ¥10–50 k. */
	USER_INFORMATION_LEAK("出售、泄露或者非法提供寄递服务中知悉的用户信息", List.of(Citation.of(POSTAL_LAW, 76)),
			StatutoryRule.FINE_USER_INFORMATION_LEAK_MIN, StatutoryRule.FINE_USER_INFORMATION_LEAK_MAX, null, null, Kinds.ALL_BUT_WARNING),

	/** 末端网点未备案、擅自停止服务（快递暂行条例(2025) 第50条）: ≤ ¥10 k; serious ¥10–50 k. */
	OUTLET_UNFILED("开办快递末端网点未备案或擅自停止经营", List.of(Citation.of(EXPRESS_REGULATION, 50)), null,
			StatutoryRule.FINE_OUTLET_UNFILED_MAX, StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MIN,
			StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MAX, Kinds.FINE_ONLY),

	/** 未对使用同一商标的企业实行统一管理（快递暂行条例(2025) 第51条）: ¥10–50 k; serious ¥50–100 k. */
	BRAND_UNMANAGED("经营快递业务的企业未对使用其商标的企业实行统一管理", List.of(Citation.of(EXPRESS_REGULATION, 51)),
			StatutoryRule.FINE_BRAND_UNMANAGED_MIN, StatutoryRule.FINE_BRAND_UNMANAGED_MAX, null,
			StatutoryRule.FINE_BRAND_UNMANAGED_SERIOUS_MAX, Kinds.FINE_OR_SUSPENSION),

	/** 私自开拆、隐匿、毁弃、倒卖快件（快递暂行条例(2025) 第52条）: ¥50–100 k; serious ¥100–200 k (up to revocation). */
	PARCEL_TAMPERING("私自开拆、隐匿、毁弃、倒卖快件", List.of(Citation.of(EXPRESS_REGULATION, 52)),
			StatutoryRule.FINE_PARCEL_TAMPERING_MIN, StatutoryRule.FINE_PARCEL_TAMPERING_MAX, null,
			StatutoryRule.FINE_PARCEL_TAMPERING_SERIOUS_MAX, Kinds.ALL_BUT_WARNING),

	/** 未执行收寄验视、实名收寄、过机安检制度（快递暂行条例(2025) 第53条；反恐怖主义法(2018) 第85条）: ¥100–500 k. */
	SECURITY_CHECKS("未执行收寄验视、实名收寄或过机安检制度",
			List.of(Citation.of(EXPRESS_REGULATION, 53), Citation.of(POSTAL_LAW, 75), Citation.of(COUNTER_TERRORISM_LAW, 85)),
			StatutoryRule.FINE_SECURITY_CHECKS_MIN, StatutoryRule.FINE_SECURITY_CHECKS_MAX, null, null, Kinds.FINE_SUSPENSION_REVOCATION),

	/** 运单和用户信息管理违规（快递暂行条例(2025) 第54条）: ¥10–50 k; serious ¥50–100 k (up to revocation). */
	WAYBILL_DATA("未按规定管理快递运单和用户信息", List.of(Citation.of(EXPRESS_REGULATION, 54)),
			StatutoryRule.FINE_WAYBILL_DATA_MIN, StatutoryRule.FINE_WAYBILL_DATA_MAX, null,
			StatutoryRule.FINE_WAYBILL_DATA_SERIOUS_MAX, Kinds.ALL_BUT_WARNING),

	/**
	 * 未按规定制定或执行快递包装规定，经责令改正拒不改正（快递暂行条例(2025) 第56条, the article the 2025 revision added
	 * with the packaging chapter, arts.37–45）: ¥5–20 k, only after the enterprise refused to correct (a 责令改正 first —
	 * the overdue order's lead is the case). DOMAIN.md gives the fine alone, no serious range.
	 */
	PACKAGING("未按规定制定或执行快递包装规定，经责令改正拒不改正", List.of(Citation.of(EXPRESS_REGULATION, 56)),
			StatutoryRule.FINE_PACKAGING_MIN, StatutoryRule.FINE_PACKAGING_MAX, null, null, Kinds.FINE_ONLY),

	/**
	 * 违反邮件快件实名收寄管理规定（邮件快件实名收寄管理办法(2018)）: ¥5–10 k; serious ¥10–30 k. The text is cited as a whole:
	 * DOMAIN.md gives the ranges, not the article (legal review to add it). The ¥5–10 k the text puts on responsible
	 * managers is not this entry's (the party is the enterprise). A failure to run real-name shipping at all is
	 * {@link #SECURITY_CHECKS} (快递暂行条例(2025) art.53 with 邮政法 art.75, ¥100–500 k).
	 */
	REAL_NAME("违反邮件快件实名收寄管理规定", List.of(Citation.of(REAL_NAME_MEASURES)), StatutoryRule.FINE_REAL_NAME_MIN,
			StatutoryRule.FINE_REAL_NAME_MAX, null, StatutoryRule.FINE_REAL_NAME_SERIOUS_MAX, Kinds.FINE_ONLY),

	/** 委托未取得快递业务经营许可的企业经营快递业务（快递市场管理办法(2023) 第48条）: ¥5–10 k; serious ¥10–30 k. */
	UNLICENSED_CONTRACTOR("委托未取得快递业务经营许可的企业经营快递业务", List.of(Citation.of(EXPRESS_MARKET_MEASURES, 48)),
			StatutoryRule.FINE_UNLICENSED_CONTRACTOR_MIN, StatutoryRule.FINE_UNLICENSED_CONTRACTOR_MAX, null,
			StatutoryRule.FINE_UNLICENSED_CONTRACTOR_SERIOUS_MAX, Kinds.FINE_ONLY),

	/** 未经同意代签、使用智能快件箱或驿站投递、抛扔快件（快递市场管理办法(2023) 第54条）: ≤ ¥10 k; serious ¥10–30 k. */
	DELIVERY_WITHOUT_CONSENT("未经用户同意代签、使用智能快件箱或快递服务站投递，或抛扔快件",
			List.of(Citation.of(EXPRESS_MARKET_MEASURES, 54)), null, StatutoryRule.FINE_DELIVERY_WITHOUT_CONSENT_MAX, null,
			StatutoryRule.FINE_DELIVERY_WITHOUT_CONSENT_SERIOUS_MAX, Kinds.WARNING_OR_FINE),

	/**
	 * 不配合邮政管理部门处理申诉（快递市场管理办法(2023) 第55条）: 警告 (or 通报批评); a fine only when serious, ≤ ¥3 k
	 * (DOMAIN.md, 申诉). No separate serious range: the one range is the serious case's, and an ordinary case gets no fine
	 * ({@link #finesOnlyWhenSerious()}).
	 */
	COMPLAINT_NON_COOPERATION("不配合邮政管理部门处理用户申诉", List.of(Citation.of(EXPRESS_MARKET_MEASURES, 55)), null,
			StatutoryRule.FINE_COMPLAINT_NON_COOPERATION_MAX, null, null, Kinds.WARNING_OR_FINE),

	/** 未按规定报送数据（快递市场管理办法(2023) 第56条）: ≤ ¥3 k. */
	DATA_NOT_REPORTED("未按规定报送快递业务数据", List.of(Citation.of(EXPRESS_MARKET_MEASURES, 56)), null,
			StatutoryRule.FINE_DATA_NOT_REPORTED_MAX, null, null, Kinds.WARNING_OR_FINE),

	/** 擅自撤销普遍服务营业场所（邮政法(2015) 第68条）: ≤ ¥20 k; serious ¥20–100 k. */
	UNIVERSAL_CLOSURE("擅自撤销提供邮政普遍服务的邮政营业场所", List.of(Citation.of(POSTAL_LAW, 68)), null,
			StatutoryRule.FINE_UNIVERSAL_CLOSURE_MAX, null, StatutoryRule.FINE_UNIVERSAL_CLOSURE_SERIOUS_MAX, Kinds.FINE_ONLY);

	private final String title;

	private final List<Citation> citations;

	private final Set<String> penalties;

	private final StatutoryRule min;

	private final StatutoryRule max;

	private final StatutoryRule seriousMin;

	private final StatutoryRule seriousMax;

	ViolationType(String title, List<Citation> citations, StatutoryRule min, StatutoryRule max, StatutoryRule seriousMin,
			StatutoryRule seriousMax, Set<String> penalties) {
		this.title = title;
		this.penalties = penalties;
		this.citations = citations;
		this.min = min;
		this.max = max;
		this.seriousMin = seriousMin;
		this.seriousMax = seriousMax;
	}

	/** The code callers send (the enum name, e.g. {@code UNLICENSED}). */
	public String code() {
		return name();
	}

	/**
	 * The violation as the catalogue lists it, with every act its article covers (开办快递末端网点未备案或擅自停止经营):
	 * for choosing the type, not for naming what one party did.
	 */
	public String title() {
		return title;
	}

	/**
	 * The violation as a case, a decision, a list or the portal names what the party did: the title where it names one
	 * act (未经许可经营快递业务); where the title lists the article's alternatives (A或者B), the kind of act they share,
	 * so no party is said to have done every alternative — the facts of the case say which one.
	 */
	public String shortName() {
		return switch (this) {
			case USER_INFORMATION_LEAK -> "违法处置寄递服务中知悉的用户信息";
			case OUTLET_UNFILED -> "快递末端网点违反备案和经营管理规定";
			case SECURITY_CHECKS -> "未执行寄递安全管理制度";
			case DELIVERY_WITHOUT_CONSENT -> "违反规定投递快件";
			case PARCEL_TAMPERING -> "违法处置快件";
			default -> title;
		};
	}

	/**
	 * Its name as pages and exports show a case's violation: the {@link #shortName()}, worded in the reader's language by
	 * the UI bundle's {@code enum.ViolationType.<CONSTANT>} (pages {@code @labels.of}, exports a column of the type).
	 */
	public String label() {
		return shortName();
	}

	/** The articles that punish it, each with its text's version: as a new act cites them (the catalogue's versions). */
	public List<Citation> citations() {
		return citations;
	}

	/**
	 * The articles that punished it on {@code day}, each in the version of its text then in force
	 * ({@link Citation#inForceOn}): what a dated act — a penalty decision, its publication, a document drawn for it later —
	 * cites, on the day whose law applies ({@link StatutoryRules#applicable}). OUTLET_UNFILED on 2024-04-15:
	 * 快递暂行条例(2019) 第40条; on 2026-01-05: 快递暂行条例(2025) 第50条. Only the articles that were law that day: empty
	 * for PACKAGING before 2025-06-01, OUTLET_UNFILED before 2018-05-01, UNLICENSED_CONTRACTOR before 2024-03-01 — no
	 * later text's article is cited for an earlier day ({@link #inForceOn}).
	 * @param day the day whose law applies; null for an act not yet done, which cites {@link #citations()}
	 */
	public List<Citation> citationsOn(LocalDate day) {
		return citations.stream().flatMap(c -> c.inForceOn(day).stream()).toList();
	}

	/**
	 * The first day an article of the catalogue punished this violation ({@link Citation#inForceFrom}, the earliest of
	 * its citations): 2025-06-01 for PACKAGING (快递暂行条例(2025) 第56条), 2018-05-01 for the 条例's other types,
	 * 2024-03-01 for the 快递市场管理办法(2023)'s, 2009-10-01 for the 邮政法's. Null where a citation's day is not recorded.
	 */
	public LocalDate inForceFrom() {
		LocalDate first = null;
		for (Citation c : citations) {
			LocalDate from = c.inForceFrom();
			if (from == null) {
				return null;
			}
			first = first == null || from.isBefore(first) ? from : first;
		}
		return first;
	}

	/**
	 * Whether an article punished this violation on {@code day} ({@link #citationsOn} not empty): an act of a day it
	 * was not yet an offence under the catalogue's articles cannot be penalised under them (行政处罚法(2021) art.37: the
	 * law in force when the act was done) — refused with rule {@code not-in-force} ({@link #notInForce}). True for a
	 * null day.
	 */
	public boolean inForceOn(LocalDate day) {
		return !citationsOn(day).isEmpty();
	}

	/**
	 * What a refusal of an act of {@code day} under this type says (rule {@code not-in-force}): the article, the day it
	 * took effect and that the law of the act's day applies — "“…”的处罚依据《快递暂行条例》第五十六条自2025-06-01起施行，
	 * 2025-04-10（决定日期）尚未施行…".
	 * @param day the act's day
	 * @param dayLabel the day's name as the form has it (违法行为终了日期, 立案日期)
	 */
	public String notInForce(LocalDate day, String dayLabel) {
		LocalDate from = inForceFrom();
		return "“" + shortName() + "”的处罚依据" + formalBasis() + (from == null ? "" : "自" + ChineseText.day(from) + "起施行") + "，" + ChineseText.day(day)
				+ "（" + dayLabel + "）尚未施行：违法行为适用行为发生时的规定（行政处罚法第三十七条），不能依据此后施行的条文处罚";
	}

	/**
	 * One of the acts a type's penalty article covers, with the article laying down the duty that act breaches, and the
	 * words by which a case's facts name it.
	 * @param words any of them in the facts names the act ("未备案", "擅自停止")
	 * @param duty the article the act breaches
	 */
	public record Act(List<String> words, Citation duty) {

		boolean namedIn(String facts) {
			return words.stream().anyMatch(facts::contains);
		}
	}

	/**
	 * The acts of a type whose article punishes several, each breaching its own duty (DOMAIN.md's table of the
	 * 快递暂行条例(2025)): art.50 — an outlet opened without filing (备案, art.19) or a service stopped without notice
	 * (停止经营, art.30); art.53 — real-name (art.23), 验视 (art.32) and screening (art.33). Empty for a type of one act.
	 */
	public List<Act> acts() {
		return switch (this) {
			case OUTLET_UNFILED -> List.of(new Act(List.of("备案"), Citation.of(EXPRESS_REGULATION, 19)),
					new Act(List.of("擅自停止", "停止经营", "停止服务", "停止提供", "暂停经营", "暂停服务", "暂停提供", "停业"),
							Citation.of(EXPRESS_REGULATION, 30)));
			case SECURITY_CHECKS -> List.of(new Act(List.of("实名"), Citation.of(EXPRESS_REGULATION, 23)),
					new Act(List.of("验视"), Citation.of(EXPRESS_REGULATION, 32)),
					new Act(List.of("安检", "过机", "安全检查"), Citation.of(EXPRESS_REGULATION, 33)));
			default -> List.of();
		};
	}

	/**
	 * The articles a case breached, as its decision cites them (违反了…的规定), separately from the penalty article
	 * ({@link #citations()}): for a type of one act its {@link #duties()}; for a type whose article punishes several
	 * acts ({@link #acts()}), only the duties of the acts the case's facts name — a late outlet filing breaches art.19,
	 * not also art.30 on stopping a service (attack f8 item 8) — and none where the facts name none of them, rather than
	 * every alternative's.
	 * @param facts the case's facts as recorded (null: none named)
	 */
	public List<Citation> dutiesBreached(String facts) {
		if (acts().isEmpty()) {
			return duties();
		}
		String text = facts == null ? "" : facts;
		return acts().stream().filter(a -> a.namedIn(text)).map(Act::duty).distinct().toList();
	}

	/**
	 * Every article laying down a duty the type's acts may breach, as distinct from those that punish it
	 * ({@link #citations()}): DOMAIN.md's table of the 快递暂行条例(2025) — outlet filing art.19 and cessation of service
	 * art.30, brand management art.20, real-name art.23 (also the duty a breach of the 邮件快件实名收寄管理办法 breaches,
	 * REAL_NAME), 验视 art.32, screening art.33, waybills and user data art.35.
	 * A decision cites those its case breached ({@link #dutiesBreached}). Empty where the catalogue does not hold the
	 * duty's article: a document then states the violation and its penalty basis without naming a breached article,
	 * rather than cite the penalty clause as the duty.
	 */
	public List<Citation> duties() {
		return switch (this) {
			case OUTLET_UNFILED -> List.of(Citation.of(EXPRESS_REGULATION, 19), Citation.of(EXPRESS_REGULATION, 30));
			case BRAND_UNMANAGED -> List.of(Citation.of(EXPRESS_REGULATION, 20));
			case SECURITY_CHECKS -> List.of(Citation.of(EXPRESS_REGULATION, 23), Citation.of(EXPRESS_REGULATION, 32),
					Citation.of(EXPRESS_REGULATION, 33));
			case WAYBILL_DATA -> List.of(Citation.of(EXPRESS_REGULATION, 35));
			// the 办法 carries out the real-name duty of art.23 (收寄快件查验寄件人身份并登记身份信息)
			case REAL_NAME -> List.of(Citation.of(EXPRESS_REGULATION, 23));
			default -> List.of();
		};
	}

	/**
	 * Whether the article punishes the act only once the enterprise, ordered to correct it (责令改正), refused or failed to
	 * (a condition of the offence, not of the amount): 快递暂行条例(2025) art.56 (PACKAGING — "经责令改正拒不改正的"). Such a
	 * case is proposed, and decided, only on a 责令改正通知书 issued to that enterprise whose term passed unrectified or
	 * whose re-inspection found it unrectified (refused with rule {@code uncorrected-order-required},
	 * {@link #uncorrectedOrderRequired}). The catalogue's other articles were read for the same kind of condition:
	 * 情节严重 is a condition of the heavier range ({@link #hasSeriousRange}) or, under 快递市场管理办法(2023) art.55, of a
	 * fine at all ({@link #finesOnlyWhenSerious}) — both checked on the 情节严重 finding; none of them names a refused
	 * order (逾期不改正, 拒不改正) as a condition (legal review to confirm for 快递市场管理办法(2023) art.56).
	 */
	public boolean punishesOnlyUncorrected() {
		return this == PACKAGING;
	}

	/**
	 * The articles laying down the duty whose breach a type that {@link #punishesOnlyUncorrected} punishes once an order
	 * to correct it went unheeded: the order a case rests on must be about that very duty — cite one of these articles,
	 * or (an order brought with a past inspection, which cites nothing) be of an inspection of an item citing one — not
	 * any order the party left unrectified (attack B1: a 收寄验视 order, art.32, does not ground a packaging case).
	 * PACKAGING: the packaging chapter of the 快递暂行条例(2025), arts.37–45 (the duties art.56 punishes). Empty for
	 * every other type.
	 */
	public List<Citation> correctionDuties() {
		if (this != PACKAGING) {
			return List.of();
		}
		return java.util.stream.IntStream.rangeClosed(37, 45).mapToObj(a -> Citation.of(EXPRESS_REGULATION, a)).toList();
	}

	/**
	 * What a refusal of a case under a type that {@link #punishesOnlyUncorrected} says when no unrectified 责令改正 order
	 * of the party is on record: the article and its condition.
	 */
	public String uncorrectedOrderRequired() {
		return "“" + shortName() + "”的处罚依据" + formalBasis() + "仅处罚“经责令改正拒不改正”的行为：本案当事人没有针对该项义务（"
				+ correctionDutiesText() + "）、整改期限在违法行为终了前已届满且逾期未整改或复查未整改的责令改正通知书，"
				+ "不能按此条立案或处罚，请先责令改正";
	}

	/**
	 * The {@link #correctionDuties()} as a refusal names them: 《快递暂行条例》第三十七条至第四十五条 for a run of
	 * consecutive articles of one text, else each cited formally and joined by "、".
	 */
	public String correctionDutiesText() {
		List<Citation> duties = correctionDuties();
		if (duties.isEmpty()) {
			return "";
		}
		Citation first = duties.get(0);
		Citation last = duties.get(duties.size() - 1);
		boolean run = duties.stream().allMatch(c -> c.text() == first.text())
				&& last.article() - first.article() == duties.size() - 1 && duties.size() > 1;
		return run ? first.formal() + "至" + last.formal().substring(last.formal().lastIndexOf('》') + 1)
				: duties.stream().map(Citation::formal).collect(Collectors.joining("、"));
	}

	/**
	 * Whether a natural person (公民) may be the party penalised under the article, as the catalogue reads it — legal
	 * review pending (README, enforcement). By default a duty only enterprises bear: the article names its addressee
	 * (邮政企业、快递企业, 经营快递业务的企业) and a person cannot breach it; only an article addressed to anyone admits a
	 * person. Readings:
	 * <ul>
	 * <li>UNLICENSED — 邮政法(2015) art.72 punishes whoever operates express delivery without a licence
	 * ("未取得快递业务经营许可经营快递业务的"), a person as well as an organisation: admitted.</li>
	 * <li>BRANCH_UNFILED (邮政法 art.73: 快递企业), UNIVERSAL_CLOSURE (art.68: 邮政企业), USER_INFORMATION_LEAK (art.76: 邮政企业、
	 * 快递企业 — its second paragraph on employees has its own range, ¥5–10 k, which this entry does not hold): enterprise.</li>
	 * <li>OUTLET_UNFILED, BRAND_UNMANAGED, PARCEL_TAMPERING, SECURITY_CHECKS, WAYBILL_DATA — 快递暂行条例(2025) arts.50–54
	 * address 经营快递业务的企业 (a person opening or tampering with parcels answers to 治安管理处罚, not to this
	 * article): enterprise.</li>
	 * <li>UNLICENSED_CONTRACTOR, DELIVERY_WITHOUT_CONSENT, COMPLAINT_NON_COOPERATION, DATA_NOT_REPORTED — 快递市场管理办法
	 * (2023) arts.48, 54, 55, 56 lay duties on 经营快递业务的企业 (委托, 投递, 配合申诉处理, 报送数据): enterprise.</li>
	 * <li>PACKAGING (快递暂行条例(2025) art.56: 经营快递业务的企业) and REAL_NAME (邮件快件实名收寄管理办法(2018): the
	 * enterprise; its managers' own fine is not this entry's): enterprise.</li>
	 * </ul>
	 */
	public boolean personMayBeParty() {
		return this == UNLICENSED;
	}

	/**
	 * The legal basis as staff pages and messages show it, with the texts' versions: {@code 邮政法(2015) 第72条}; several
	 * joined by "；". A document or a public page cites {@link #formalBasis()}.
	 */
	public String basis() {
		return basisOn(null);
	}

	/**
	 * {@link #basis()} as a dated act cites it: the versions in force on {@code day} ({@link #citationsOn}) —
	 * {@code 快递暂行条例(2019) 第40条} for a decision of 2024-04-15. Null day: the catalogue's versions.
	 */
	public String basisOn(LocalDate day) {
		return citationsOn(day).stream().map(Citation::toString).collect(Collectors.joining("；"));
	}

	/**
	 * The legal basis as a document issued to a party and a public page cite it ({@link Citation#formal()}):
	 * {@code 《中华人民共和国邮政法》第七十二条}; several joined by "、" —
	 * {@code 《快递暂行条例》第五十三条、《中华人民共和国邮政法》第七十五条、《中华人民共和国反恐怖主义法》第八十五条}.
	 */
	public String formalBasis() {
		return formalBasisOn(null);
	}

	/**
	 * {@link #formalBasis()} as a dated act cites it, the articles numbered as in the versions in force on {@code day}
	 * ({@link #citationsOn}): for an unfiled outlet decided on 2024-04-15 the 2019 text's 第四十条,
	 * {@code 《快递暂行条例》第五十条} from 2025-06-01. Null day: the catalogue's versions.
	 */
	public String formalBasisOn(LocalDate day) {
		return citationsOn(day).stream().map(Citation::formal).collect(Collectors.joining("、"));
	}

	/** The sets of penalty kinds the articles provide (a holder: enum constants cannot use the enum's own statics). */
	private static final class Kinds {

		static final Set<String> FINE_ONLY = Set.of("FINE");

		static final Set<String> WARNING_OR_FINE = Set.of("WARNING", "FINE");

		static final Set<String> FINE_OR_SUSPENSION = Set.of("FINE", "SUSPENSION");

		static final Set<String> FINE_SUSPENSION_REVOCATION = Set.of("FINE", "SUSPENSION", "REVOCATION");

		static final Set<String> ALL_BUT_WARNING = Set.of("FINE", "CONFISCATION", "SUSPENSION", "REVOCATION");

		private Kinds() {
		}
	}

	/**
	 * The kinds of penalty the article provides, by the names of enforcement's {@code Penalty} (WARNING, FINE,
	 * CONFISCATION, SUSPENSION, REVOCATION): 警告 only where the text says 予以警告 (the 快递市场管理办法's articles);
	 * 没收违法所得 where it says so; 责令停业整顿 and 吊销快递业务经营许可证 where the text allows them (serious cases).
	 * A decision of another kind is unlawful, save a lighter one under 减轻处罚 (行政处罚法(2021) art.32).
	 */
	public Set<String> penalties() {
		return penalties;
	}

	/**
	 * Whether the article fines only a serious case (情节严重) and gives an ordinary one a warning alone: 快递市场管理办法
	 * (2023) art.55 (不配合申诉处理: 警告或者通报批评；情节严重的，处三千元以下罚款). A fine in a case not found serious is
	 * refused (rule {@code not-serious}); the fine range ({@link StatutoryRules#fineRange}) is the serious case's.
	 */
	public boolean finesOnlyWhenSerious() {
		return this == COMPLAINT_NON_COOPERATION;
	}

	/** Whether the text has a heavier range for serious cases (情节严重). */
	public boolean hasSeriousRange() {
		return seriousMax != null;
	}

	/**
	 * Whether finding a case of this article serious (情节严重) decides anything: a heavier fine range
	 * ({@link #hasSeriousRange}), a fine at all ({@link #finesOnlyWhenSerious}), or a kind the catalogue provides for
	 * serious cases only (责令停业整顿, 吊销许可证: {@link #penalties}). Under any other article — 快递暂行条例(2025) art.56
	 * (PACKAGING) has one range and a fine alone — a 情节严重 chooses nothing, and a case is neither found nor shown so.
	 */
	public boolean admitsSerious() {
		return hasSeriousRange() || finesOnlyWhenSerious() || penalties.contains("SUSPENSION") || penalties.contains("REVOCATION");
	}

	/** The rule of the ordinary minimum, or null where the text sets none (0). */
	public StatutoryRule minRule() {
		return min;
	}

	/** The rule of the ordinary maximum. */
	public StatutoryRule maxRule() {
		return max;
	}

	/** The rule of the serious minimum, or null where it is the ordinary maximum. */
	public StatutoryRule seriousMinRule() {
		return seriousMin;
	}

	/** The rule of the serious maximum, or null where the text has no serious range. */
	public StatutoryRule seriousMaxRule() {
		return seriousMax;
	}

	/** The type with this code, this exact title or short name (the import contract accepts either), if any. */
	public static Optional<ViolationType> byCodeOrTitle(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = Text.strip(text);
		return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.title.equals(t)
				|| v.shortName().equals(t)).findFirst();
	}
}
