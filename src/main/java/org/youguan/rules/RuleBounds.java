package org.youguan.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bounds a bureau's value of a rule must keep, in one place: the statutory range where the rule's article sets one
 * (a bureau's 裁量基准 may narrow it, never widen it) and the plain bounds of its unit otherwise.
 */
final class RuleBounds {

	private RuleBounds() {
	}

	/**
	 * A closed range; a null end is open.
	 * @param min the lowest value allowed, or null
	 * @param max the highest value allowed, or null
	 */
	record Range(BigDecimal min, BigDecimal max) {
	}

	/**
	 * The range the law sets for a rule a bureau may adjust, from the catalogue's defaults, which are the article's
	 * figures: a fine bound lies within its violation's range (ordinary or 情节严重, {@link ViolationType}: among them
	 * 快递市场管理办法(2023) art.55's cap from 0, the 实名收寄 fines ¥5–10 k and serious ¥10–30 k of 邮件快件实名收寄管理办法
	 * (2018), the packaging fine ¥5–20 k of 快递暂行条例(2025) art.56); the universal-service minimums of 邮政法(2015)
	 * art.19 (营业天数, 投递频次 in cities and townships) may be raised, never lowered; a statutory period
	 * ({@link #period}) keeps the law's figure as its ceiling, its floor or both. Empty for the rules whose figure is
	 * local practice, and for {@link StatutoryRule#nationalOnly()} rules, which only the national bureau sets when the
	 * law itself changes.
	 * @param rule a rule of the catalogue
	 * @return the statutory range, if the law sets one a bureau must keep
	 */
	static Optional<Range> statutory(StatutoryRule rule) {
		if (rule.nationalOnly()) {
			return Optional.empty();
		}
		for (ViolationType v : ViolationType.values()) {
			BigDecimal ordinaryMin = v.minRule() == null ? BigDecimal.ZERO : v.minRule().defaultValue();
			if (rule == v.minRule() || rule == v.maxRule()) {
				return Optional.of(new Range(ordinaryMin, v.maxRule().defaultValue()));
			}
			if (v.hasSeriousRange() && (rule == v.seriousMinRule() || rule == v.seriousMaxRule())) {
				return Optional.of(new Range(seriousMinimum(v), v.seriousMaxRule().defaultValue()));
			}
		}
		return switch (rule) {
			case UNIVERSAL_OPENING_CITY, UNIVERSAL_OPENING_TOWNSHIP, UNIVERSAL_DELIVERY_CITY, UNIVERSAL_DELIVERY_TOWNSHIP ->
				Optional.of(new Range(rule.defaultValue(), null));
			default -> period(rule);
		};
	}

	/**
	 * The range of a period the law sets (a {@link StatutoryRule#confirmed()} deadline a bureau may adjust), by whose
	 * time it is:
	 * <ul>
	 * <li>a time limit the bureau keeps itself (备案 within 5 working days and the one-time notice of missing items within
	 * 2, 快递末端网点备案暂行规定(2018); the public notice of a closure within 10 working days, 行政许可法(2019) art.44, 82;
	 * the credit record corrected and an objection reviewed, and one upheld corrected, within 10 days, 快递业信用管理暂行办法(2017)
	 * arts.17–18; a year's credit data closed by 15 February of the next year): the law's figure
	 * is the ceiling — a bureau may compress it (压缩办理时限), never lengthen it — and one unit the floor (a period of
	 * none would make every case overdue on its day; a product bound, not law);</li>
	 * <li>a period the law gives a party or a term it fixes (a branch filed within 20 days of its licence, a change of an
	 * outlet filed within 10 days, the company's 7 days to answer before a complaint, a renewal applied for 30 days
	 * before expiry — 行政许可法(2019) art.50, a licence valid 5 years): the law's figure both ways — a shorter period
	 * takes time the law gives, a longer one excuses what the law requires;</li>
	 * <li>a period the law sets as the least (a complaint filed within 1 year of the dispute, complaint records kept at
	 * least 3 years, 邮政业用户申诉处理办法(2014)): the law's figure is the floor, a bureau may give more.</li>
	 * </ul>
	 * Empty for the other rules.
	 */
	static Optional<Range> period(StatutoryRule rule) {
		BigDecimal law = rule.defaultValue();
		return switch (rule) {
			case OUTLET_BUREAU_FILING, OUTLET_MISSING_ITEMS_NOTICE, UNIVERSAL_CLOSURE_NOTICE, CREDIT_RECORD_UPDATE,
					CREDIT_OBJECTION_REVIEW, CREDIT_OBJECTION_CORRECTION, CREDIT_YEAR_CLOSE -> Optional.of(new Range(BigDecimal.ONE, law));
			case BRANCH_FILING, OUTLET_CHANGE_FILING, COMPLAINT_PRIOR_COMPLAINT_WAIT, LICENCE_RENEWAL_BEFORE_EXPIRY,
					LICENCE_VALIDITY -> Optional.of(new Range(law, law));
			case COMPLAINT_FILING_WINDOW, COMPLAINT_RECORD_RETENTION -> Optional.of(new Range(law, null));
			default -> Optional.empty();
		};
	}

	/**
	 * The law's lowest fine for a serious case of a type with a serious range: its own minimum, or where the text has
	 * none ("情节严重的，处十万元以上二十万元以下" after "五万元以上十万元以下") the ordinary maximum of the text — a
	 * bureau narrowing the ordinary maximum does not lower the serious range below the law's.
	 */
	static BigDecimal seriousMinimum(ViolationType type) {
		return (type.seriousMinRule() != null ? type.seriousMinRule() : type.maxRule()).defaultValue();
	}

	/**
	 * A bound the law does not set, stated with its reason: a handling period a local practice may shorten but not
	 * lengthen beyond the figure, a retention no longer than archives keep, a threshold no higher than the highest fine
	 * (a product or practice bound; refused with rules {@code min}/{@code max}, the message naming the figure and this
	 * reason). A null end is open (the law's or the unit's bound applies there).
	 * @param min the lowest value allowed, or null
	 * @param max the highest value allowed, or null
	 * @param reason why, cited as the catalogue cites (text, version, article)
	 * @param binds how an enclosing bureau's own value bounds a lower bureau's ({@link #enclosing}): {@code CEILING} for
	 * a limit a bureau may compress and never lengthen, null where each bureau sets the value freely within the range
	 */
	record Practice(BigDecimal min, BigDecimal max, String reason, Enclosing binds) {

		/** A practice range each bureau sets freely within (no enclosing bureau's value binds it). */
		Practice(BigDecimal min, BigDecimal max, String reason) {
			this(min, max, reason, null);
		}
	}

	/** Why the complaint handling periods are capped: together they fit in the regulator's 30 days. */
	private static final String COMPLAINT_STEPS = "转办、企业答复、重新处理和回访都须在收到申诉之日起30日内答复申诉人的期限内完成"
			+ "（邮政法(2015) 第65条）：本局可以压缩，不能延长超过此数";

	/** Why a safety or enforcement period of local practice is capped: the law says "及时" and gives no figure. */
	private static final String PROMPTLY = "法律只要求及时办理、未规定天数，超过此数即不再是及时（产品约束）";

	/**
	 * The practice range of a rule a bureau may adjust whose range the law does not set, or does set only at one end:
	 * every such rule has a ceiling and a floor above 0 (a period of 0 is refused for every deadline, a count, hours or
	 * grams are at least 1 by {@link #plain}). Empty for the national-only rules (only the national bureau sets them, as
	 * the law changes), for the rules whose {@link #statutory} and {@link #plain} ranges are closed already and for the
	 * rules bounded by their unit alone (a due day 1–28, deliveries a week 1–{@value #MAX_PER_WEEK}).
	 * @param rule a rule of the catalogue
	 * @return the range and its reason
	 */
	static Optional<Practice> practice(StatutoryRule rule) {
		if (rule.nationalOnly()) {
			return Optional.empty();
		}
		for (ViolationType v : ViolationType.values()) {
			if (rule == v.maxRule() && v.minRule() == null) {
				return Optional.of(FINE_FLOOR);
			}
		}
		Practice highestFine = new Practice(BigDecimal.ONE, HIGHEST_FINE.defaultValue(), "不能高于本目录最高的法定罚款额（"
				+ HIGHEST_FINE.citedFor(Audience.BUREAU) + "）：更高的标准任何罚款都达不到，等于取消该程序");
		Practice practice = switch (rule) {
			case COMPLAINT_FILING_WINDOW -> upTo(3, "超过3年的争议已过民法典(2020) 第188条的三年诉讼时效，申诉案卷也只须保存3年（产品约束）");
			case COMPLAINT_TRANSFER -> atMost(3, COMPLAINT_STEPS);
			case COMPLAINT_ENTERPRISE_REPLY -> atMost(10, COMPLAINT_STEPS);
			case COMPLAINT_REDO -> atMost(5, COMPLAINT_STEPS);
			case COMPLAINT_CALLBACK -> atMost(5, COMPLAINT_STEPS);
			case COMPLAINT_CALLBACK_RETRY -> upTo(24, "再次回访须在回访时限内完成，间隔不超过一天（产品约束）");
			case COMPLAINT_FILINGS_PER_PHONE -> upTo(50, "一个号码一日提交更多申诉已是成批提交，上限再高就拦不住冒名和刷单（产品约束）");
			case COMPLAINT_FILINGS_PER_ADDRESS -> upTo(1000, "一个地址一日提交更多申诉已是成批提交；单位共用地址的由工作人员登记（产品约束）");
			case COMPLAINT_LOOKUP_FAILURES -> upTo(100, "编号连续、申诉人电话常被企业知道，每小时允许更多次失败就能逐个试出他人申诉（产品约束）");
			case COMPLAINT_LOOKUP_FAILURES_PER_ADDRESS -> upTo(1000, "一个地址每小时失败更多次已是逐个试编号；单位共用地址的申诉人可凭受理回执或拨打12305查询（产品约束）");
			case LICENCE_VERIFY_FAILURES -> upTo(100, "许可证编号公开可见，每小时允许更多次失败就能逐个试出验证码（产品约束）");
			case LICENCE_VERIFY_FAILURES_PER_ADDRESS -> upTo(1000, "一个地址每小时失败更多次已是逐个试编号和验证码（产品约束）");
			case COMPLAINT_RECORD_RETENTION -> upTo(30,
					"机关文书档案定期保管最长30年（机关文件材料归档范围和文书档案保管期限规定(2006)），更长即永久保存，不属本规则");
			case LICENCE_SITE_VERIFICATION_REPORT -> upTo(20,
					"核查报告须留出审查时间，使许可决定在受理之日起45日内作出（邮政法(2015) 第53条）");
			case LICENCE_CORRECTION_PERIOD -> upTo(30, "补正期限最长30个工作日：法律未规定申请人的补正期限（行政许可法(2019) 第32条），"
					+ "更长的申请长期悬而不决，既不受理也不能不予受理（产品约束）");
			case LICENCE_RENEWAL_EARLIEST -> new Practice(BigDecimal.valueOf(2), BigDecimal.valueOf(12),
					"延续申请最早于届满前2至12个月：至少2个月，才早于最迟申请日（届满前30日，快递业务经营许可管理办法）；至多12个月，"
							+ "更早的延续所续的有效期大半尚未用完（产品约束）");
			case LICENCE_ANNUAL_REPORT_WINDOW, LICENCE_ANNUAL_REPORT_REMINDER -> upTo(12,
					"自1月1日起最长12个月：更长即进入下一年度的报送期，多年后才报的不是年度报告（产品约束）");
			case INSPECTION_RECTIFICATION_MAX -> atMost(250, "整改期限最长约一年（250个工作日）：更长的不再是限期改正，违法状态长期持续（产品约束）");
			case INSPECTION_RESULT_PUBLICATION -> atMost(20, "检查结果须及时公开，常见做法为20个工作日：本局可以压缩，不能延长（产品约束）");
			case PENALTY_HEARING_LATEST -> upTo(60, "听证最迟在通知后约三个月内举行，以免案件因听证无限期中止（听证期间不计入处罚期限，"
					+ "邮政行政执法监督办法(2021) 第17条；产品约束）");
			case PENALTY_DECISION_WARNING -> upTo(90, "提示不能早于处罚决定期限本身（90日，行政处罚法(2021) 第60条）");
			case PENALTY_SUSPENSION_START_LOOKBACK -> atMost(30, "中止计时应在中止事由发生时报负责人批准并登记（邮政行政执法监督办法(2021) 第17条）：" + PROMPTLY);
			case PENALTY_LEAD_FILING_WARNING -> atMost(30, "“及时立案”（行政处罚法(2021) 第54条）：" + PROMPTLY);
			case PENALTY_LEGAL_REVIEW_FINE, PENALTY_HEARING_FINE -> highestFine;
			case PENALTY_DISCUSSION_MIN_PARTICIPANTS -> new Practice(BigDecimal.valueOf(2), BigDecimal.valueOf(15),
					"一人不成集体讨论（行政处罚法(2021) 第57条），一局的负责人不会多于15人（产品约束）");
			case PENALTY_PAYMENT_DEFERRAL_MAX -> upTo(365, "法律未规定延期或分期的期限（行政处罚法(2021) 第66条）：最长一年（产品约束）");
			case PENALTY_SUSPENSION_MAX -> atMost(366, "停业整顿最长一年：法律未规定期限，更长的实为吊销或关闭，应依法作出相应处罚（产品约束）");
			case PENALTY_CONFISCATION_HANDOVER -> upTo(30, "参照罚款缴纳的15日（行政处罚法(2021) 第67条），最长30日（产品约束）");
			case PENALTY_ON_THE_SPOT_FILING -> atMost(7, "当场处罚决定须及时备案（行政处罚法(2021) 第52条），不超过决定书送达的7个工作日"
					+ "（行政处罚法(2021) 第61条）");
			case DISCLOSURE_PUBLICATION -> atMost(7, "双公示：作出决定之日起7个工作日内公示（全国通行做法），本局可以压缩，不能延长");
			case SAFETY_LETTER_MAX_WEIGHT -> atMost(2000, "信函单件限重2000克，更重的不是信件（邮政法(2015) 第84条），不能豁免实名收寄");
			case SAFETY_EXEMPT_SHARE_MAX -> upTo(100, "占比以百分比计，不超过100%");
			case SAFETY_EXEMPT_SHARE_MIN_PARCELS -> upTo(10000, "件数门槛高于一个网点一日的收寄量即停用了该预警（产品约束）");
			case SAFETY_HAZARD_GENERAL_RECTIFICATION -> atMost(30, "一般隐患整改不超过重大隐患的默认期限30个工作日（产品约束）");
			case SAFETY_HAZARD_MAJOR_RECTIFICATION -> atMost(60, "重大隐患整改不超过约三个月（产品约束）");
			case SAFETY_INCIDENT_REPORT -> atMost(24, "事故和突发事件须及时报告：" + PROMPTLY);
			case UNIVERSAL_SUSPENSION_MAX_LENGTH -> atMost(92,
					"临时停业最长一个季度：更长的不是“暂时”停止办理，须经批准（邮政法(2015) 第15条）或申请撤销（第9条）（产品约束）");
			case UNIVERSAL_SUSPENSION_START_LOOKBACK -> atMost(30, "临时停业须及时报告（邮政法(2015) 第15条）：" + PROMPTLY);
			case UNIVERSAL_SUSPENSION_START_LEAD -> atMost(366, "临时停业最多提前一年报告（产品约束）");
			case SAFETY_PERIOD_MAX_LENGTH -> upTo(366, "安保期最长一年，更长的不是一次安保期（产品约束）");
			case SAFETY_PERIOD_START_LOOKBACK -> upTo(92, "补登已开始的安保期最多回溯一个季度（产品约束）");
			case SAFETY_PERIOD_START_LEAD -> upTo(366, "安保期最多提前一年部署（产品约束）");
			case SAFETY_PERIOD_DAILY_REPORT -> upTo(72, "日报是每日报送：时限长于报送日后两日，安保期内的情况就不能及时掌握（产品约束）");
			case STATISTICS_REMINDER_INTERVAL -> upTo(7, "催报是提醒：同一企业同一报告期最长隔7日可再次催报，更长则逾期未报的企业一周内得不到再次提醒（产品约束）");
			case SAFETY_LEDGER_LOOKBACK -> upTo(25, "更早的日期多是年份输错，且台账所记的监管和安全事项都不早于2000年（产品约束）");
			default -> null;
		};
		return Optional.ofNullable(practice);
	}

	/**
	 * The bundle's key of the reason a rule's practice range states ({@link #practice}), for a page in English:
	 * {@code rules.practice.fineFloor} for a fine's maximum where the article sets none below it,
	 * {@code rules.practice.highestFine} for the fines that start a procedure, else {@code rules.practice.<NAME>} by the
	 * rule's name; empty for a rule without a practice range.
	 */
	static Optional<String> practiceKey(StatutoryRule rule) {
		return practice(rule).map(p -> "rules.practice." + (p == FINE_FLOOR ? "fineFloor"
				: rule == StatutoryRule.PENALTY_LEGAL_REVIEW_FINE || rule == StatutoryRule.PENALTY_HEARING_FINE ? "highestFine"
				: rule.name()));
	}

	/** Whether the law bounds the rule's value ({@link #statutory}): the rules page then cites the law first. */
	static boolean statutoryBound(StatutoryRule rule) {
		return statutory(rule).isPresent();
	}

	/** How an enclosing bureau's own value bounds a lower bureau's value of a practice rule. */
	enum Enclosing {
		/** a lower bureau may set less, never more (a limit on what an enterprise may claim or take) */
		CEILING,
		/** a lower bureau may set more, never less (a minimum service standard) */
		FLOOR
	}

	/**
	 * The practice rules whose value set by an enclosing bureau binds the bureaus below it, read from the direction each
	 * rule's practice range declares ({@link Practice#binds}, one place): every limit the catalogue states as one a bureau
	 * may compress and never lengthen ({@link #atMost}) — the complaint steps within 邮政法(2015) art.65's 30 days, the
	 * publication of inspection results and 双公示, a 临时停业's length and dates, the weight a letter exempt from 实名收寄
	 * may have, the days a hazard's rectification, a 责令改正's deadline, a 停业整顿's length, the prompt filing of a case
	 * or an on-the-spot decision and the hours an incident's report may take — which a county may tighten, not loosen
	 * (attack round 9: a county set 92 days over its province's 15; attack f8: a county set its city's 3-day complaint
	 * redo back to 5), and the 建制村 delivery minimum, which it may raise, not lower. Where no enclosing bureau set a
	 * value, the catalogue's practice range alone applies. Empty for the other rules (the statutory ones are bound by
	 * {@link #statutory}).
	 */
	static Optional<Enclosing> enclosing(StatutoryRule rule) {
		if (rule == StatutoryRule.UNIVERSAL_DELIVERY_VILLAGE) {
			// no practice range (each province's rule within the unit's 1–14): a minimum service standard
			return Optional.of(Enclosing.FLOOR);
		}
		return practice(rule).map(Practice::binds);
	}

	/** A fine's maximum where the article sets none below it: 0 would abolish the fine the law provides. */
	private static final Practice FINE_FLOOR = new Practice(BigDecimal.ONE, null,
			"罚款上限为0即取消了法律规定的罚款：条文未设下限的，上限至少为1元");

	/** The highest fine of the catalogue (快递暂行条例(2025) art.53 with 反恐怖主义法(2018) art.85, ¥500 k). */
	private static final StatutoryRule HIGHEST_FINE = StatutoryRule.FINE_SECURITY_CHECKS_MAX;

	private static Practice upTo(int max, String reason) {
		return new Practice(BigDecimal.ONE, BigDecimal.valueOf(max), reason);
	}

	/**
	 * A limit a bureau may compress, never lengthen — also below an enclosing bureau's own value of it
	 * ({@link Enclosing#CEILING}, {@link #enclosing}).
	 */
	private static Practice atMost(int max, String reason) {
		return new Practice(BigDecimal.ONE, BigDecimal.valueOf(max), reason, Enclosing.CEILING);
	}

	/**
	 * The whole range a bureau's value of a rule may take, as the rules page shows it: the unit's, the law's and the
	 * practice bounds together, with their bases (the law's citations, the practice reason). A rule's
	 * {@link #ordered()} partner and the enclosing bureau's value narrow it further in a region.
	 * @param min the lowest value, at least 0
	 * @param max the highest value, or null for a sum of money the law caps nowhere (none among the overridable rules)
	 * @param basis the law's citations and the practice reason, joined by "；"; blank where only the unit bounds it
	 */
	record Allowed(BigDecimal min, BigDecimal max, String basis) {

		/** Whether a value lies in the range. */
		boolean contains(BigDecimal value) {
			return value.compareTo(min) >= 0 && (max == null || value.compareTo(max) <= 0);
		}
	}

	/** The range of a rule as {@link StatutoryRules#override} enforces it without region: see {@link Allowed}. */
	static Allowed allowed(StatutoryRule rule) {
		RuleUnit unit = rule.unit();
		// a period is at least a day — unless the law's own value is none (licence.renewal-decision: 0 days before the
		// licence's last valid day), which the rules page would otherwise flag as out of range
		BigDecimal min = unit.isDeadline() ? BigDecimal.ONE.min(rule.defaultValue()) : BigDecimal.ZERO;
		BigDecimal max = unit == RuleUnit.YUAN ? null
				: BigDecimal.valueOf(unit == RuleUnit.PERCENT ? 100 : StatutoryRules.MAX_COUNTED);
		List<String> bases = new ArrayList<>();
		List<Range> ranges = new ArrayList<>();
		ranges.add(plain(unit));
		statutory(rule).ifPresent(r -> {
			ranges.add(r);
			bases.add("法定：" + rule.basis());
		});
		practice(rule).ifPresent(p -> {
			ranges.add(new Range(p.min(), p.max()));
			bases.add(p.reason());
		});
		for (Range r : ranges) {
			if (r.min() != null && r.min().compareTo(min) > 0) {
				min = r.min();
			}
			if (r.max() != null && (max == null || r.max().compareTo(max) < 0)) {
				max = r.max();
			}
		}
		return new Allowed(min, max, String.join("；", bases));
	}

	/** The largest number of deliveries a week a minimum may require: twice a day (a product bound, not law). */
	static final int MAX_PER_WEEK = 14;

	/**
	 * The plain bounds of a unit, law or not: a due day of the following month from 1 to 28, so every month has it
	 * (as a report form's own due day, statistics); days a week from 1 to 7; deliveries a week from 1 to
	 * {@value #MAX_PER_WEEK}; a count, hours or grams at least 1 (0 inspectors, participants, hours or grams mean
	 * nothing). Other units: no plain bound here ({@link StatutoryRules#override} checks signs, zero periods and ceilings).
	 */
	static Range plain(RuleUnit unit) {
		return switch (unit) {
			case DAY_OF_MONTH -> new Range(BigDecimal.ONE, BigDecimal.valueOf(28));
			case DAYS_PER_WEEK -> new Range(BigDecimal.ONE, BigDecimal.valueOf(7));
			case PER_WEEK -> new Range(BigDecimal.ONE, BigDecimal.valueOf(MAX_PER_WEEK));
			case COUNT, HOURS, GRAMS -> new Range(BigDecimal.ONE, null);
			default -> new Range(null, null);
		};
	}

	/**
	 * Rules bounded by another rule, as {@code {lower, higher}}: the higher may not be set below the lower's value in the
	 * bureau's region, nor the lower above the higher's. The fine ranges, ordinary and serious where the text has its
	 * own serious minimum ({@link ViolationType}); the hearing's latest day never before its earliest (the 7 working
	 * days' notice, 行政处罚法(2021) art.64(二)); the reminder to file an annual report never after the period to file
	 * it ends.
	 */
	static List<StatutoryRule[]> ordered() {
		List<StatutoryRule[]> pairs = new ArrayList<>();
		pairs.add(new StatutoryRule[] { StatutoryRule.PENALTY_HEARING_NOTICE, StatutoryRule.PENALTY_HEARING_LATEST });
		pairs.add(new StatutoryRule[] { StatutoryRule.LICENCE_ANNUAL_REPORT_REMINDER,
				StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW });
		for (ViolationType v : ViolationType.values()) {
			if (v.minRule() != null) {
				pairs.add(new StatutoryRule[] { v.minRule(), v.maxRule() });
			}
			if (v.seriousMinRule() != null) {
				pairs.add(new StatutoryRule[] { v.seriousMinRule(), v.seriousMaxRule() });
			}
		}
		return List.copyOf(pairs);
	}
}
