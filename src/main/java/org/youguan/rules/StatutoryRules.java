package org.youguan.rules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauLevel;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;

/**
 * The effective value of each statutory rule for a region (the most specific bureau override whose region contains
 * it, else the catalogue default; for a rule fixed by national law, {@link StatutoryRule#nationalOnly()}, only the
 * national bureau's) and the deadlines computed from them on the working-day calendar.
 */
@Service
public class StatutoryRules {

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	private final Bureaus bureaus;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	StatutoryRules(JdbcClient jdbc, WorkingCalendar calendar, AuditTrail audit, Clock clock, Bureaus bureaus,
			ApplicationEventPublisher events, MessageSource messages) {
		this.messages = messages;
		this.bureaus = bureaus;
		this.events = events;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	public BigDecimal value(StatutoryRule rule, String regionCode) {
		return setting(rule, regionCode).effectiveValue();
	}

	/**
	 * The remedies an adverse decision must state (行政处罚法(2021) art.59(五), 行政许可法(2019) art.38), each with the body
	 * it is sought from: 行政复议 within {@link StatutoryRule#REMEDY_ADMINISTRATIVE_REVIEW} days (行政复议法(2023) art.20)
	 * to the reviewing body of the bureau deciding in {@code regionCode} ({@link #reviewBody}), or 行政诉讼 within
	 * {@link StatutoryRule#REMEDY_LITIGATION} months (行政诉讼法(2017) art.46) to the court having jurisdiction (有管辖权的
	 * 人民法院: the platform holds no court names). Both periods are national law ({@link StatutoryRule#nationalOnly()}):
	 * only the national bureau's value applies, whatever the region.
	 * @param regionCode the region of the bureau that decides (its {@link Bureaus#handling} bureau is the decider)
	 * @return the sentence as the decision states it, periods in Chinese numerals: 如不服本决定，可以自收到本决定书之日起六十日内
	 * 依法向江苏省邮政管理局申请行政复议，或者在六个月内依法向有管辖权的人民法院提起行政诉讼。
	 */
	public String remedies(String regionCode) {
		return remedies(intValue(StatutoryRule.REMEDY_ADMINISTRATIVE_REVIEW, regionCode),
				intValue(StatutoryRule.REMEDY_LITIGATION, regionCode), reviewBody(regionCode));
	}

	/**
	 * The body a party applies to for 行政复议 against a decision of the bureau handling {@code regionCode}
	 * ({@link StatutoryRule#REMEDY_ADMINISTRATIVE_REVIEW}): the bureau one level up on the platform (a county's city
	 * bureau, a city's provincial bureau, a province's {@value #NATIONAL_BUREAU}) — the postal bureaus below the
	 * national one are vertically managed, and 行政复议法(2023) art.27 sends a vertically led organ's acts to 上一级主管部门
	 * (legal review to confirm that the 邮政管理部门 are among its "等"); 国家邮政局 reviews its own acts (art.25(一):
	 * 国务院部门). A provincial bureau's is {@value #NATIONAL_BUREAU} whether or not the platform holds the national
	 * bureau (the one body above every province). Where the platform holds no bureau above a city or county bureau, the
	 * wording names the kind of body ("上一级邮政管理部门").
	 * @param regionCode the region of the bureau that decided, or of the case it decided (its {@link Bureaus#handling}
	 *        bureau is the decider: a city's for a county bureau with no staff) — not the party's, nor the region of an
	 *        approving level the decider is not
	 */
	public String reviewBody(String regionCode) {
		if ("0".equals(regionCode)) {
			// 国家邮政局's own act: reviewed by itself (art.25(一)), held on the platform or not
			return bureaus.findByRegion("0").map(b -> b.name()).orElse(NATIONAL_BUREAU);
		}
		// the bureau deciding there: the handling one (a city's for a county with no staff, Bureaus#handling), whose
		// body above is the city's province — not the unstaffed county's city
		return bureaus.handling(regionCode)
			.map(b -> b.parentName() != null && !b.parentName().isBlank() ? b.parentName()
					: "0".equals(b.regionCode()) ? b.name()
					: b.level() == BureauLevel.PROVINCE ? NATIONAL_BUREAU : "上一级邮政管理部门")
			.orElse("上一级邮政管理部门");
	}

	/** The national bureau's name, the 行政复议机关 of a provincial bureau's acts (行政复议法(2023) art.27). */
	public static final String NATIONAL_BUREAU = "国家邮政局";

	/**
	 * The remedies sentence with given periods — those a decision fixed when it was made, so a reissue states what the
	 * party was told ({@link #remedies(String)} states today's).
	 * @param reviewDays the days to apply for 行政复议
	 * @param litigationMonths the months to bring 行政诉讼
	 * @param reviewBody the 行政复议机关 named ({@link #reviewBody}); blank: "上一级邮政管理部门"
	 */
	public static String remedies(int reviewDays, int litigationMonths, String reviewBody) {
		String body = reviewBody == null || reviewBody.isBlank() ? "上一级邮政管理部门" : reviewBody;
		return "如不服本决定，可以自收到本决定书之日起" + ChineseText.numeral(reviewDays) + "日内依法向" + body + "申请行政复议，或者在"
				+ ChineseText.numeral(litigationMonths) + "个月内依法向有管辖权的人民法院提起行政诉讼。";
	}

	/**
	 * A rule's value as a text states it, with its unit: "5个工作日", "45日", "6个月" — so that a label or hint that names a
	 * period reads it here and changes with the rule.
	 * @param regionCode the region whose value applies ({@code 0}: the national value)
	 */
	public String stated(StatutoryRule rule, String regionCode) {
		return rule.unit().stated(value(rule, regionCode));
	}

	/**
	 * A period a page's text names, as model attributes: {@code <name>Period} ({@link #stated}, "5个工作日") as it applies
	 * in {@code regionCode} and {@code <name>Basis} (its citations as any reader may read them,
	 * {@link StatutoryRule#basisFor} {@link Audience#OUTSIDE}, written formally as the documents issued to the party
	 * cite them, {@link Citation#formalIn}: {@code 《快递暂行条例》第十九条} — the enterprise's forms show them too, and
	 * a hint must not cite the law otherwise than the notice the enterprise then receives), so that a label or hint
	 * takes both from the catalogue — {@code model.addAllAttributes(rules.statedAs(…))}.
	 * @param name the attributes' prefix, e.g. {@code opening}
	 * @param regionCode the region whose value applies ({@code 0} or null: the national value)
	 */
	public Map<String, String> statedAs(String name, StatutoryRule rule, String regionCode) {
		return Map.of(name + "Period", statedIn(value(rule, regionCode == null ? StatutoryRule.NATIONAL_REGION : regionCode),
				rule.unit(), LocaleContextHolder.getLocale()),
				name + "Basis", Citation.formalIn(rule.basisFor(Audience.OUTSIDE)));
	}

	/**
	 * A value with its unit in the reader's language (attack B3: "within 7日" in an English sentence): Chinese as
	 * {@link RuleUnit#stated} writes it ("5个工作日"), another language with the unit's name from the UI bundle
	 * ({@code enum.RuleUnit.<UNIT>}), after a space, singular for one ("5 working days", "1 year").
	 * @param value the value in {@code unit}
	 * @param locale the reader's locale (null: Chinese)
	 */
	public String statedIn(BigDecimal value, RuleUnit unit, Locale locale) {
		if (locale == null || "zh".equals(locale.getLanguage())) {
			return unit.stated(value);
		}
		String name = EnumWords.of(messages, unit, locale);
		if (value.compareTo(BigDecimal.ONE) == 0 && name.endsWith("s")) {
			name = name.substring(0, name.length() - 1);
		}
		return unit.figures(value) + (unit == RuleUnit.PERCENT ? "" : " ") + name;
	}

	/**
	 * {@link #statedIn} for a page, in the request's language: {@code ${@statutoryRules.shown(15, 'WORKING_DAYS')}}.
	 * @param value a number of {@code unit}
	 * @param unit a {@link RuleUnit} constant's name
	 * @return e.g. "15个工作日", "15 working days"; empty for a null value
	 */
	public String shown(Number value, String unit) {
		return value == null ? "" : statedIn(new BigDecimal(value.toString()), RuleUnit.valueOf(unit),
				LocaleContextHolder.getLocale());
	}

	public int intValue(StatutoryRule rule, String regionCode) {
		return value(rule, regionCode).intValueExact();
	}

	/**
	 * The due date of a deadline rule counted from {@code start}: working days on the calendar, calendar days moved to
	 * the next working day when the last day is a day off, months and years likewise.
	 */
	public LocalDate deadline(StatutoryRule rule, LocalDate start, String regionCode) {
		int amount = intValue(rule, regionCode);
		return switch (rule.unit()) {
			case WORKING_DAYS -> calendar.plusWorkingDays(start, amount);
			case CALENDAR_DAYS -> calendar.plusCalendarDays(start, amount);
			case MONTHS -> calendar.onOrNextWorkingDay(start.plusMonths(amount));
			case YEARS -> calendar.onOrNextWorkingDay(start.plusYears(amount));
			default -> throw new IllegalArgumentException(rule.code() + " is not a deadline in days, months or years");
		};
	}

	/**
	 * The fine range of a violation in a region: ordinary, or for serious cases (情节严重) where the text has one —
	 * a serious case of a type without a serious range gets the ordinary range. A serious range without its own minimum
	 * starts at the law's ordinary maximum ({@link RuleBounds#seriousMinimum}), so a bureau narrowing the ordinary
	 * range does not widen the serious one below the article's.
	 */
	public FineRange fineRange(ViolationType type, boolean serious, String regionCode) {
		return fineRange(type, serious, rule -> value(rule, regionCode));
	}

	/**
	 * The fine range of a violation in a region as it stood on {@code day} ({@link #fineRange} with {@link #valueOn}):
	 * what a record of that day — a past decision imported, a decision made then — is judged against, not today's range
	 * after a bureau changed its 裁量基准 since.
	 * @param day the record's day (a decision's date); null: today's range
	 */
	public FineRange fineRangeOn(ViolationType type, boolean serious, String regionCode, LocalDate day) {
		return day == null ? fineRange(type, serious, regionCode) : fineRange(type, serious, rule -> valueOn(rule, regionCode, day));
	}

	/**
	 * The fine range of a violation in a region as it stood at {@code at} ({@link #valueAt}): what a decision made at
	 * that instant was judged by — a bureau's change of its 裁量基准 later the same day does not reach it.
	 * @param at the instant (a decision's); null: today's range
	 */
	public FineRange fineRangeAt(ViolationType type, boolean serious, String regionCode, OffsetDateTime at) {
		return at == null ? fineRange(type, serious, regionCode) : fineRange(type, serious, rule -> valueAt(rule, regionCode, at));
	}

	/**
	 * The law a penalty applies, in one place (行政处罚法(2021) art.37, 从旧兼从轻): the law in force when the act was
	 * done — the texts' versions and the fine range as they stood at the end of the act's day —, unless the law in force
	 * at the decision punishes it more lightly: a lower maximum of the case's range then (the national bureau setting a
	 * revised article's figure, a bureau's 裁量基准 lowered since) — then the decision's law, texts and range. "不认为是
	 * 违法的" (no article at the decision) cannot arise from the catalogue, which repeals no article: every type punished
	 * on the act's day still is. Every document, publication, page and fine check of a case reads its law from here.
	 * @param type the violation
	 * @param serious whether the case is serious (情节严重)
	 * @param regionCode where the case is handled
	 * @param actOn the day the act was done — the day the violation ended (违法行为终了日期); where none is recorded the
	 * caller's stand-in (the day the case was filed: the act was done by then); null: the decision's day
	 * @param decidedOn the decision's day; null for a case not decided yet (today's law)
	 * @param decidedAt the decision's instant where known (a decision made on the platform): the range as it then stood,
	 * changes later that day excluded; null: as it stood at the end of {@code decidedOn} (or now, undecided)
	 * @return the law applied; its citations are empty where no article was in force on the act's day
	 * ({@link ViolationType#inForceOn}), which a new act, a lead and an import refuse (rule {@code not-in-force})
	 */
	public AppliedLaw applicable(ViolationType type, boolean serious, String regionCode, LocalDate actOn,
			LocalDate decidedOn, OffsetDateTime decidedAt) {
		LocalDate decisionDay = decidedOn != null ? decidedOn : LocalDate.now(clock);
		LocalDate act = actOn == null || actOn.isAfter(decisionDay) ? decisionDay : actOn;
		FineRange atDecision = decidedAt != null ? fineRangeAt(type, serious, regionCode, decidedAt)
				: fineRangeOn(type, serious, regionCode, decidedOn);
		if (act.equals(decisionDay) && (decidedOn == null || decidedAt != null)) {
			return new AppliedLaw(type, decidedOn == null ? null : decisionDay, atDecision, false);
		}
		FineRange atAct = fineRangeOn(type, serious, regionCode, act);
		boolean lighter = type.inForceOn(act) && atDecision.max().compareTo(atAct.max()) < 0;
		return lighter ? new AppliedLaw(type, decidedOn == null ? null : decisionDay, atDecision, true)
				: new AppliedLaw(type, act, atAct, false);
	}

	private static FineRange fineRange(ViolationType type, boolean serious, Function<StatutoryRule, BigDecimal> value) {
		if (serious && type.hasSeriousRange()) {
			BigDecimal min = type.seriousMinRule() != null ? value.apply(type.seriousMinRule())
					: RuleBounds.seriousMinimum(type);
			return new FineRange(min, value.apply(type.seriousMaxRule()), true);
		}
		BigDecimal min = type.minRule() == null ? BigDecimal.ZERO : value.apply(type.minRule());
		return new FineRange(min, value.apply(type.maxRule()), false);
	}

	/**
	 * The value of a rule in a region as it stood at the end of {@code day} (Asia/Shanghai): the most specific bureau
	 * value then set whose region contains it (for a rule fixed by national law only the national bureau's), else the
	 * catalogue's default — read from the history of every bureau's values ({@code statutory_rule_override_history},
	 * V257: kept with every change since, and rebuilt from the audit trail's {@code rule.override} and
	 * {@code rule.reset} entries before it). A record of a past day is judged by the rule as it then stood.
	 */
	public BigDecimal valueOn(StatutoryRule rule, String regionCode, LocalDate day) {
		return valueAt(rule, regionCode, day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime().minusNanos(1000));
	}

	/**
	 * The value of a rule in a region as it stood at {@code at}: as {@link #valueOn}, the values set after that instant
	 * excluded — a decision made at 10:00 keeps the range it was judged by when an administrator changes it at 11:00.
	 */
	public BigDecimal valueAt(StatutoryRule rule, String regionCode, OffsetDateTime at) {
		record Step(String regionCode, BigDecimal value) {
		}
		List<Step> latest = jdbc.sql("""
				SELECT DISTINCT ON (region_code) region_code, value FROM statutory_rule_override_history
				WHERE rule_code = :code AND (:region LIKE region_code || '%' OR region_code = '0')
				  AND (region_code = '0' OR NOT :national)
				  AND valid_from <= :at
				ORDER BY region_code, valid_from DESC, id DESC""")
			.param("code", rule.code())
			.param("region", regionCode == null ? "0" : regionCode)
			.param("national", rule.nationalOnly())
			.param("at", at)
			.query(Rows.of(Step.class))
			.list();
		return latest.stream().filter(s -> s.value() != null)
			.max(Comparator.comparingInt(s -> "0".equals(s.regionCode()) ? 0 : s.regionCode().length()))
			.map(Step::value)
			.orElse(rule.defaultValue());
	}

	/** Records in the history of bureaus' values that {@code region}'s own value of the rule is now {@code value} (null: none). */
	private void remember(StatutoryRule rule, String region, BigDecimal value) {
		jdbc.sql("""
				INSERT INTO statutory_rule_override_history (region_code, rule_code, value, valid_from)
				VALUES (:region, :code, :value, :at)""")
			.param("region", region).param("code", rule.code()).param("value", value).param("at", OffsetDateTime.now(clock))
			.update();
	}

	public RuleSetting setting(StatutoryRule rule, String regionCode) {
		return overrides(regionCode).getOrDefault(rule,
				new RuleSetting(rule, rule.defaultValue(), null, null, null, null));
	}

	/** Every rule as it applies in the region, in catalogue order. */
	public List<RuleSetting> settings(String regionCode) {
		Map<StatutoryRule, RuleSetting> overrides = overrides(regionCode);
		return Arrays.stream(StatutoryRule.values())
			.map(r -> overrides.getOrDefault(r, new RuleSetting(r, r.defaultValue(), null, null, null, null)))
			.toList();
	}

	/** The largest value a rule counted in days, months, counts or percent may take (every use reads it as an int). */
	static final int MAX_COUNTED = 100_000;

	/** Adjustable rules bounded by another rule, as {@code {lower, higher}} ({@link RuleBounds#ordered()}). */
	static final List<StatutoryRule[]> ORDERED = RuleBounds.ordered();

	/**
	 * Sets a bureau's value for a rule (applies to its whole region unless a lower bureau overrides it), audited
	 * {@code rule.override} before → after. The bureau's own value saved again with the same reason changes nothing and
	 * is neither written nor audited.
	 * @throws InvalidValueException field {@code value} (negative, not whole where the unit is counted, more than 12
	 * integer or 2 fraction digits, a period of 0, a counted value above {@value #MAX_COUNTED}, a percentage above 100,
	 * beyond the rule it is {@link #ORDERED} with — a fine's minimum above its maximum —, outside the practice range the
	 * catalogue states where the law sets none ({@link RuleBounds#practice}: a complaint handling period longer than its
	 * share of 邮政法(2015) art.65's 30 days, a retention beyond 30 years …, the message naming the bound and its reason):
	 * rules {@code min}/{@code max}; outside the plain bounds of its unit, {@link RuleBounds#plain} — a due day
	 * of the month beyond 1–28: rule {@code range}; wider than the range its article sets, {@link RuleBounds#statutory}
	 * — a fine bound beyond the article's, a statutory period beyond the law's ({@link RuleBounds#period}): rules
	 * {@code statutory-min}/{@code statutory-max}; outside the range of the enclosing bureau ({@link #parentRange}: a
	 * bureau narrows its parent's 裁量基准 or period, never widens it): rules {@code parent-min}/{@code parent-max};
	 * rule {@code conflicts-below}: the change would leave a lower bureau's own value of this rule or its paired one
	 * outside the range this bureau then sets, naming that bureau's region, rule and value — that bureau's value is
	 * changed or cleared first; rule {@code national-only}: a rule fixed by national law,
	 * {@link StatutoryRule#nationalOnly()}, set below the national level) or {@code reason} (blank, over 200
	 * characters, a line break inside: rule {@code line-break}); every message names the rule
	 */
	@Transactional
	public void override(StatutoryRule rule, long bureauId, String bureauRegion, BigDecimal value, String reason) {
		if (rule.nationalOnly() && !StatutoryRule.NATIONAL_REGION.equals(bureauRegion)) {
			throw new InvalidValueException("value", "national-only", Wording.of("rules.refusal.nationalOnly", rule,
					rule.code()), "“" + rule.title() + "”（" + rule.code() + "）由国家法律规定（"
					+ rule.basis() + "），全国统一适用，只能由国家邮政局随法律修改调整，本局不能调整");
		}
		if (value == null || value.signum() < 0) {
			throw new InvalidValueException("value", "non-negative", "取值不能为空且不能为负数");
		}
		if (rule.unit() != RuleUnit.YUAN && rule.unit() != RuleUnit.PERCENT && value.stripTrailingZeros().scale() > 0) {
			// the range told is the one taken: a deadline or a count starts at 1 (0 is refused below), not 0
			RuleBounds.Range plain = RuleBounds.plain(rule.unit());
			long lowest = plain.min() != null ? plain.min().longValueExact() : rule.unit().isDeadline() ? 1 : 0;
			throw new InvalidValueException("value", "integer", "“" + rule.title() + "”的取值"
					+ Decimals.wholeIn(lowest, MAX_COUNTED, "单位：" + rule.unit().label()));
		}
		// a fine bound is whole yuan, as the article states it and the fine range is shown (FineRange): 5000.5 is no bound
		if (rule.unit() == RuleUnit.YUAN && value.stripTrailingZeros().scale() > 0) {
			throw new InvalidValueException("value", "integer", Wording.of("rules.refusal.wholeYuan", rule),
					"“" + rule.title() + "”的取值应为整数（单位：元）");
		}
		// a rate is kept on each decided case as numeric(5, 2) (penalty_case.surcharge_percent): beyond 100 % it made
		// every later decision fail in the database; a daily rate above the whole fine means nothing anyway
		if (rule.unit() == RuleUnit.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidValueException("value", "max", Wording.of("rules.refusal.percentMax", rule),
					"“" + rule.title() + "”的取值不能超过100%");
		}
		if (rule.unit() != RuleUnit.YUAN && value.compareTo(BigDecimal.valueOf(MAX_COUNTED)) > 0) {
			throw new InvalidValueException("value", "max", Wording.of("rules.refusal.countedMax", rule,
					String.valueOf(MAX_COUNTED), rule.unit()), "“" + rule.title() + "”的取值不能超过" + MAX_COUNTED + rule.unit().label());
		}
		if (rule.unit().isDeadline() && value.signum() == 0) {
			throw new InvalidValueException("value", "min", Wording.of("rules.refusal.deadlineZero", rule),
					"“" + rule.title() + "”是期限，不能为0");
		}
		checkBounds(rule, value);
		parentRange(rule, bureauRegion).ifPresent(range -> {
			if (range.min() != null && value.compareTo(range.min()) < 0) {
				throw new InvalidValueException("value", "parent-min", Wording.of("rules.refusal.belowParent", rule,
						plain(range.min()), rule.unit()), "“" + rule.title() + "”不能低于上级局的" + plain(range.min())
						+ rule.unit().label() + "：本局只能在上级局的幅度内细化，不能扩大");
			}
			if (range.max() != null && value.compareTo(range.max()) > 0) {
				throw new InvalidValueException("value", "parent-max", Wording.of("rules.refusal.aboveParent", rule,
						plain(range.max()), rule.unit()), "“" + rule.title() + "”不能高于上级局的" + plain(range.max())
						+ rule.unit().label() + "：本局只能在上级局的幅度内细化，不能扩大");
			}
		});
		for (StatutoryRule[] pair : ORDERED) {
			if (pair[1] == rule) {
				BigDecimal lower = setting(pair[0], bureauRegion).effectiveValue();
				if (value.compareTo(lower) < 0) {
					throw new InvalidValueException("value", "min", Wording.of("rules.refusal.lessThanPair", rule, pair[0],
							plain(lower), rule.unit()), "“" + rule.title() + "”不能少于“" + pair[0].title() + "”（"
							+ rule.unit().stated(lower) + "）");
				}
			}
			if (pair[0] == rule) {
				BigDecimal higher = setting(pair[1], bureauRegion).effectiveValue();
				if (value.compareTo(higher) > 0) {
					throw new InvalidValueException("value", "max", Wording.of("rules.refusal.moreThanPair", rule, pair[1],
							plain(higher), rule.unit()), "“" + rule.title() + "”不能多于“" + pair[1].title() + "”（"
							+ rule.unit().stated(higher) + "）");
				}
			}
		}
		if (reason == null || Text.isBlank(reason)) {
			throw new InvalidValueException("reason", "required", "请填写调整依据或原因");
		}
		// free text, stored as every free text is (zero-width characters and bidirectional marks removed), and with
		// personal numbers masked: the catalogue page, the API and the trail all show it, and nobody needs a number in
		// a rule's reason (attack f8 item 2: the page showed a mobile number typed into it)
		String why = Masking.personalNumbersIn(Text.freeText(reason));
		new Validation().fits("value", "“" + rule.title() + "”的取值", value, 12, 2)
			// one line (rule line-break): the catalogue page, the trail and the lower bureaus' list show it on one row
			.line("reason", "调整依据或原因", why, 200)
			.throwIfInvalid();
		RuleSetting before = setting(rule, bureauRegion);
		if (bureauRegion.equals(before.overrideRegion()) && value.compareTo(before.effectiveValue()) == 0
				&& why.equals(before.reason())) {
			// the bureau's own value saved again as it stands (same value, same reason): nothing changed, nothing
			// written or audited — as every unchanged save (Users.update, ledger corrections); it was audited "1 → 1"
			return;
		}
		jdbc.sql("""
				INSERT INTO statutory_rule_override (region_code, rule_code, bureau_id, value, reason, changed_by, changed_at)
				VALUES (:region, :code, :bureau, :value, :reason, :by, :at)
				ON CONFLICT (region_code, rule_code) DO UPDATE SET value = EXCLUDED.value, reason = EXCLUDED.reason,
				    changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at, bureau_id = EXCLUDED.bureau_id""")
			.param("region", bureauRegion)
			.param("code", rule.code())
			.param("bureau", bureauId)
			.param("value", value)
			.param("reason", why)
			.param("by", Actors.currentName())
			.param("at", OffsetDateTime.now(clock))
			.update();
		remember(rule, bureauRegion, value);
		checkBelow(rule, bureauRegion);
		audit.record(AuditEntry.of("rule.override", "StatutoryRule", rule.code(),
				"调整“" + rule.title() + "”：" + rule.unit().figures(before.effectiveValue()) + " → "
						+ rule.unit().stated(value) + "（" + why + "）")
			.states(Map.of("value", before.effectiveValue()), Map.of("value", value, "reason", why))
			.inRegion(bureauRegion));
	}

	/**
	 * Refuses a value outside the plain bounds of the rule's unit, wider than the range its article sets (a bureau
	 * narrows a statutory range, never widens it: 行政处罚法(2021) art.34, 裁量基准 within the law's range) or outside the
	 * practice range the catalogue states where the law sets none ({@link RuleBounds#practice}).
	 */
	private static void checkBounds(StatutoryRule rule, BigDecimal value) {
		String named = "“" + rule.title() + "”（" + rule.code() + "）";
		RuleBounds.Range plain = RuleBounds.plain(rule.unit());
		if ((plain.min() != null && value.compareTo(plain.min()) < 0)
				|| (plain.max() != null && value.compareTo(plain.max()) > 0)) {
			throw new InvalidValueException("value", "range", named + (plain.max() == null
					? "的取值不能少于" + plain(plain.min()) : "的取值应为" + plain(plain.min()) + "至" + plain(plain.max()))
					+ rule.unit().label());
		}
		RuleBounds.statutory(rule).ifPresent(range -> {
			if (range.min() != null && value.compareTo(range.min()) < 0) {
				throw new InvalidValueException("value", "statutory-min", named + "不能低于法定的" + plain(range.min())
						+ rule.unit().label() + Text.bracketed(rule.basis()) + "：本局只能在法定幅度内细化，不能扩大");
			}
			if (range.max() != null && value.compareTo(range.max()) > 0) {
				throw new InvalidValueException("value", "statutory-max", named + "不能高于法定的" + plain(range.max())
						+ rule.unit().label() + Text.bracketed(rule.basis()) + "：本局只能在法定幅度内细化，不能扩大");
			}
		});
		RuleBounds.practice(rule).ifPresent(range -> {
			if (range.min() != null && value.compareTo(range.min()) < 0) {
				throw new InvalidValueException("value", "min", named + "不能少于" + plain(range.min()) + rule.unit().label()
						+ "（" + range.reason() + "）");
			}
			if (range.max() != null && value.compareTo(range.max()) > 0) {
				throw new InvalidValueException("value", "max", named + "不能超过" + plain(range.max()) + rule.unit().label()
						+ "（" + range.reason() + "）");
			}
		});
	}

	/**
	 * The range a region's own value of a rule must keep within the values it inherits (the most specific override of
	 * an enclosing region, else the law's): a bureau's 裁量基准 refines its parent's, never widens it. A fine bound
	 * lies between the inherited minimum and maximum of its range ({@link #ORDERED}); a fine maximum without a minimum
	 * rule and a period whose law's figure is a ceiling stay between the law's floor and the inherited value; a minimum
	 * the law lets rise (universal service; a period whose figure is a floor, {@link RuleBounds#statutory}) at or above
	 * the inherited value. A practice rule an enclosing bureau's value binds ({@link RuleBounds#enclosing}) keeps at or
	 * below (or, for a minimum, at or above) the most specific value an enclosing bureau set, where one did. Empty for
	 * the other rules without a statutory range — local practice, which each bureau sets freely — and the national-only
	 * ones.
	 * @param rule a rule of the catalogue
	 * @param region the region whose own value is judged
	 */
	Optional<RuleBounds.Range> parentRange(StatutoryRule rule, String region) {
		return enclosingRange(rule, region).map(range -> floored(rule, range));
	}

	/**
	 * {@code range} with its lower end raised to the rule's practice floor where that is higher ({@link RuleBounds#practice}:
	 * a fine maximum of an article without a minimum is at least 1 yuan), so a message names the range a value may take
	 * (1至100000元), never a 0 that is refused.
	 */
	private static RuleBounds.Range floored(StatutoryRule rule, RuleBounds.Range range) {
		BigDecimal floor = RuleBounds.practice(rule).map(RuleBounds.Practice::min).orElse(null);
		if (floor == null || range.min() != null && range.min().compareTo(floor) >= 0) {
			return range;
		}
		return new RuleBounds.Range(floor, range.max());
	}

	private Optional<RuleBounds.Range> enclosingRange(StatutoryRule rule, String region) {
		Optional<RuleBounds.Range> statutory = RuleBounds.statutory(rule);
		if (statutory.isEmpty()) {
			// a practice rule an enclosing bureau's own value binds (RuleBounds.enclosing): only where one set it
			return RuleBounds.enclosing(rule).flatMap(direction -> enclosingOverride(rule, region)
				.map(v -> direction == RuleBounds.Enclosing.CEILING ? new RuleBounds.Range(null, v) : new RuleBounds.Range(v, null)));
		}
		for (StatutoryRule[] pair : ORDERED) {
			if (pair[0] == rule || pair[1] == rule) {
				return Optional.of(new RuleBounds.Range(inherited(pair[0], region), inherited(pair[1], region)));
			}
		}
		return Optional.of(statutory.get().max() != null
				? new RuleBounds.Range(statutory.get().min(), inherited(rule, region))
				: new RuleBounds.Range(inherited(rule, region), null));
	}

	/** The value of a rule a region inherits: the most specific override of a region enclosing it, else the default. */
	private BigDecimal inherited(StatutoryRule rule, String region) {
		return enclosingOverride(rule, region).orElse(rule.defaultValue());
	}

	/** The most specific override of the rule by a region enclosing {@code region} (the nation's included), if any. */
	private Optional<BigDecimal> enclosingOverride(StatutoryRule rule, String region) {
		return jdbc.sql("""
				SELECT value FROM statutory_rule_override
				WHERE rule_code = :code AND region_code <> :region AND (:region LIKE region_code || '%' OR region_code = '0')
				ORDER BY length(region_code) DESC LIMIT 1""")
			.param("code", rule.code())
			.param("region", region)
			.query(BigDecimal.class)
			.optional();
	}

	/** {@link #checkAtAndBelow} for the regions below the one changed: its own value was judged before it was written. */
	private void checkBelow(StatutoryRule rule, String region) {
		checkOwnValues(rule, region, false);
	}

	/** {@link #checkOwnValues} of the region changed and those below (a cleared value lets the parent's apply there). */
	private void checkAtAndBelow(StatutoryRule rule, String region) {
		checkOwnValues(rule, region, true);
	}

	/**
	 * After a change of a rule at a region (written, not yet committed): every own value of the rule, or of the rule
	 * paired with it ({@link #ORDERED}), of a region below (and of the region itself where asked) still lies within its
	 * parent's range ({@link #parentRange}); else the change is refused — the transaction rolls back — naming the first
	 * region, rule and value in the way.
	 */
	private void checkOwnValues(StatutoryRule rule, String region, boolean itself) {
		if (RuleBounds.statutory(rule).isEmpty() && RuleBounds.enclosing(rule).isEmpty()) {
			return;
		}
		List<String> codes = ORDERED.stream()
			.filter(p -> p[0] == rule || p[1] == rule)
			.flatMap(Arrays::stream)
			.map(StatutoryRule::code)
			.collect(Collectors.toCollection(ArrayList::new));
		codes.add(rule.code());
		record Own(String regionCode, String ruleCode, BigDecimal value) {
		}
		List<Own> own = jdbc.sql("""
				SELECT region_code, rule_code, value FROM statutory_rule_override
				WHERE rule_code IN (:codes) AND %s AND (region_code <> :region OR :itself)
				ORDER BY length(region_code), region_code, rule_code""".formatted(RegionPrefix.of(region).predicate("region_code")))
			.param("codes", codes)
			.param("region", region)
			.param("itself", itself)
			.query(Rows.of(Own.class))
			.list();
		for (Own o : own) {
			StatutoryRule other = StatutoryRule.byCode(o.ruleCode()).orElseThrow();
			parentRange(other, o.regionCode()).ifPresent(range -> {
				if ((range.min() != null && o.value().compareTo(range.min()) < 0)
						|| (range.max() != null && o.value().compareTo(range.max()) > 0)) {
					throw new InvalidValueException("value", "conflicts-below", "“" + rule.title() + "”这样调整后，"
							+ (o.regionCode().equals(region) ? "本局" : "下级局“" + bureaus.nearestName(o.regionCode()) + "”")
							+ "设定的“" + other.title() + "”（" + plain(o.value()) + other.unit().label() + "）将超出其上级的幅度（"
							+ (range.min() == null ? "" : plain(range.min())) + (range.max() == null ? "以上" : "至" + plain(range.max()))
							+ other.unit().label() + "）：" + (o.regionCode().equals(region) ? "请先调整本局的设置"
									: "请该局先调整，或在“下级局的设置”（/admin/rules/below#" + other.code() + "）中恢复该局的设置"));
				}
			});
		}
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/**
	 * Removes a bureau's own override so the value of the enclosing bureau or the default applies again.
	 * @throws InvalidValueException field {@code value}, rule {@code conflicts-below}: the value then in force would
	 * leave this bureau's or a lower bureau's own value of this rule or its paired one outside its parent's range
	 * ({@link #parentRange}), naming that bureau's region, rule and value
	 */
	@Transactional
	public void clearOverride(StatutoryRule rule, String bureauRegion) {
		int removed = jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code = :region AND rule_code = :code")
			.param("region", bureauRegion)
			.param("code", rule.code())
			.update();
		if (removed > 0) {
			remember(rule, bureauRegion, null);
			checkAtAndBelow(rule, bureauRegion);
			audit.record(AuditEntry.of("rule.reset", "StatutoryRule", rule.code(),
					"恢复“" + rule.title() + "”为上级或法定默认值").inRegion(bureauRegion));
		}
	}

	/**
	 * A lower bureau's own value of a rule, as an enclosing bureau sees it to reset it.
	 * @param regionCode the lower bureau's region
	 * @param bureau the lower bureau's name ({@link Bureaus#nearestName})
	 * @param rule the rule
	 * @param value its own value
	 * @param reason its reason, personal numbers masked
	 * @param changedBy who set it
	 * @param changedAt when
	 */
	public record LowerOverride(String regionCode, String bureau, StatutoryRule rule, BigDecimal value, String reason,
			String changedBy, OffsetDateTime changedAt) {
	}

	/**
	 * The own values of the bureaus below {@code region} (strictly inside it), by rule and then region — what an
	 * enclosing bureau may reset ({@link #clearLowerOverride}).
	 * @param region the enclosing bureau's region ({@code 0}: every bureau below the national one)
	 */
	public List<LowerOverride> overridesBelow(String region) {
		String inside = "0".equals(region) ? "TRUE" : RegionPrefix.of(region).predicate("region_code");
		record Row(String regionCode, String ruleCode, BigDecimal value, String reason, String changedBy,
				OffsetDateTime changedAt) {
		}
		return jdbc.sql("SELECT region_code, rule_code, value, reason, changed_by, changed_at FROM statutory_rule_override WHERE "
				+ inside + " AND region_code <> :region ORDER BY rule_code, length(region_code), region_code")
			.param("region", region)
			.query(Rows.of(Row.class))
			.list()
			.stream()
			.filter(r -> StatutoryRule.byCode(r.ruleCode()).isPresent())
			.map(r -> new LowerOverride(r.regionCode(), bureaus.nearestName(r.regionCode()),
					StatutoryRule.byCode(r.ruleCode()).orElseThrow(), r.value(),
					r.reason() == null ? null : Masking.personalNumbersIn(r.reason()), r.changedBy(), r.changedAt()))
			.toList();
	}

	/**
	 * Resets (removes) the own value of a bureau below the actor's, so the value the actor's bureau sets (or the one it
	 * inherits) applies there again: a county's value that keeps its city from tightening a rule — refused
	 * {@code conflicts-below} — is reset by the city, not left to the county (attack f8 item 4). Audited as
	 * {@code rule.reset} in the lower bureau's region, naming the actor's bureau, and announced to the lower bureau
	 * ({@link RuleOverrideReset}, a notification).
	 * @param actorRegion the enclosing bureau's region
	 * @param lowerRegion the region of the bureau whose value is reset: strictly inside {@code actorRegion}
	 * @throws DomainException not found (404) when the lower region is not strictly inside the actor's or holds no own
	 * value of the rule; field {@code value}, rule {@code conflicts-below} as {@link #clearOverride}
	 */
	@Transactional
	public void clearLowerOverride(StatutoryRule rule, String actorRegion, String lowerRegion) {
		String lower = lowerRegion == null ? "" : Text.strip(lowerRegion);
		boolean below = !lower.isEmpty() && !lower.equals(actorRegion) && lower.chars().allMatch(Character::isDigit)
				&& ("0".equals(actorRegion) || lower.startsWith(actorRegion));
		if (!below) {
			throw DomainException.notFound("下级局的设置", lower);
		}
		BigDecimal value = jdbc.sql("SELECT value FROM statutory_rule_override WHERE region_code = :region AND rule_code = :code")
			.param("region", lower)
			.param("code", rule.code())
			.query(BigDecimal.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("下级局的设置", lower + "/" + rule.code()));
		jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code = :region AND rule_code = :code")
			.param("region", lower)
			.param("code", rule.code())
			.update();
		remember(rule, lower, null);
		checkAtAndBelow(rule, lower);
		String by = bureaus.nearestName(actorRegion);
		String of = bureaus.nearestName(lower);
		audit.record(AuditEntry.of("rule.reset", "StatutoryRule", rule.code(), by + "恢复下级局“" + of + "”设定的“"
				+ rule.title() + "”（" + plain(value) + rule.unit().label() + "）为上级或法定默认值")
			.states(Map.of("value", value), Map.of("value", setting(rule, lower).effectiveValue()))
			.inRegion(lower));
		events.publishEvent(new RuleOverrideReset(rule.code(), rule.title(), lower, by,
				"rule-reset:" + lower + ":" + rule.code() + ":" + OffsetDateTime.now(clock).toInstant().toEpochMilli()));
	}

	/** The codes of the rules only the national bureau sets: a local row for one (kept from before) is never read. */
	private static final List<String> NATIONAL_ONLY_CODES = Arrays.stream(StatutoryRule.values())
		.filter(StatutoryRule::nationalOnly)
		.map(StatutoryRule::code)
		.toList();

	private Map<StatutoryRule, RuleSetting> overrides(String regionCode) {
		return jdbc.sql("""
				SELECT DISTINCT ON (rule_code) rule_code, value, region_code, reason, changed_by, changed_at
				FROM statutory_rule_override
				WHERE (:region LIKE region_code || '%' OR region_code = '0')
				  AND (region_code = '0' OR rule_code NOT IN (:national))
				ORDER BY rule_code, length(region_code) DESC""")
			.param("region", regionCode == null ? "0" : regionCode)
			.param("national", NATIONAL_ONLY_CODES)
			.query((rs, i) -> {
				var rule = StatutoryRule.byCode(rs.getString("rule_code"));
				if (rule.isEmpty()) {
					return Optional.<RuleSetting>empty();
				}
				return Optional.of(new RuleSetting(rule.get(), rs.getBigDecimal("value"), rs.getString("region_code"),
						rs.getString("reason"), rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class)));
			})
			.list()
			.stream()
			.flatMap(Optional::stream)
			.collect(Collectors.toMap(RuleSetting::rule, Function.identity()));
	}

}
