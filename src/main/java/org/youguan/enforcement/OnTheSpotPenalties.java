package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.enforcement.CaseInvestigation.Member;
import org.youguan.enforcement.PenaltyCases.Investigator;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseInput;
import org.youguan.enforcement.internal.CaseTeam;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.DecisionNumbers;
import org.youguan.enforcement.internal.DecisionRules;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.region.RegionCode;
import org.youguan.registry.EnterpriseView;
import org.youguan.rules.Citation;
import org.youguan.rules.FineRange;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

import static org.youguan.enforcement.internal.CaseInput.fine;
import static org.youguan.enforcement.internal.CaseInput.parse;
import static org.youguan.enforcement.internal.CaseInput.plain;
import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * 当场处罚 (简易程序, 行政处罚法(2021) art.51–52): a warning or a small fine decided by two officers on the spot, filed
 * with the bureau within the filing period; the case is created decided and delivered, and {@link PenaltyDecided} and
 * {@link PenaltyDelivered} (served as it is made) are published for an organisation.
 */
@Service
public class OnTheSpotPenalties {

	/** 行政处罚法 art.51 (简易程序) as the rule catalogue cites it, with its text's version: one place for the article. */
	private static final Citation ARTICLE_51 = StatutoryRule.PENALTY_ON_THE_SPOT_PERSON_MAX.citations().get(0);

	/**
	 * The series of on-the-spot cases' own numbers: such a case is never filed (no 立案, 行政处罚法(2021) art.51–52), so
	 * it takes no number of the 立案 register {@code 处罚案件}, which would leave numbers there that no filing holds.
	 */
	private static final String ON_THE_SPOT_CASE_SERIES = "当场处罚案件";

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final BusinessNumbers numbers;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CaseWork caseWork;

	private final CaseTeam caseTeam;

	private final DecisionNumbers decisionNumbers;

	OnTheSpotPenalties(JdbcClient jdbc, StatutoryRules rules, BusinessNumbers numbers, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, CaseWork caseWork, CaseTeam caseTeam,
			DecisionNumbers decisionNumbers) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.numbers = numbers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.caseWork = caseWork;
		this.caseTeam = caseTeam;
		this.decisionNumbers = decisionNumbers;
	}

	/**
	 * Whether a character of a name is a numeral of any script or form: decimal digits (ASCII, full-width, Arabic-Indic),
	 * letter numbers (Ⅳ) and other numbers (₂, ①) — a number typed into a name, never part of one. 一二三 are letters.
	 */
	private static boolean numeral(int c) {
		int type = Character.getType(c);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
	}

	/**
	 * What an officer enters for a penalty decided on the spot (简易程序, 行政处罚法(2021) art.51–52).
	 * @param partyKind ORGANISATION (default: the enterprise by credit code) or PERSON (name only)
	 * @param regionCode where a person was penalised (for an organisation its registered region is used)
	 * @param penalty WARNING or FINE
	 * @param fine the fine in yuan (FINE only)
	 * @param team the officers present, with their certificates
	 */
	public record OnTheSpot(String partyKind, String enterpriseCreditCode, String personName, String regionCode,
			String violation, String facts, String place, String decidedOn, String penalty,
			@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = CaseInput.FINE, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String fine, List<Member> team) {
		/** The long free text (facts) as stored, searched and compared: {@link Text#freeText}. */
		public OnTheSpot {
			facts = Text.freeText(facts);
		}
	}

	/**
	 * 当场处罚 (简易程序): a warning, or a fine of at most {@code penalty.on-the-spot.person.max} (¥200) for a person or
	 * {@code penalty.on-the-spot.organisation.max} (¥3,000) for an organisation (行政处罚法(2021) art.51), within the
	 * violation's range, decided by at least two officers with their certificates, handed over on the spot and filed
	 * with the bureau now — within {@code penalty.on-the-spot.filing} working days of the decision (art.52; a later filing
	 * is recorded as late). The same party, violation, day and facts a second time is refused (409 {@code facts}/
	 * {@code unique}: a form sent twice; art.29). The case is created decided and delivered, numbered {@code 当场处罚-<region>-<year>-<seq>};
	 * the 当场行政处罚决定书 is issued with it, its instant kept as a live decision's is ({@code decided_at}, V271: now for
	 * a decision dated today, so a bureau's change of the range later that day does not reach it; the fine is checked
	 * against the range of the law the case applies, {@link StatutoryRules#applicable}). One transaction with its audit
	 * entry.
	 * @return the case's id
	 * @throws InvalidValueException naming each field that breaks a rule (all at once)
	 * @throws DomainException duplicate (409, field {@code facts}) for the same decision made before; not found (404,
	 * before any field) for a person's {@code regionCode} outside the caller's region ({@link DataScope#refuseRegionOutside})
	 */
	@Transactional
	public long decideOnTheSpot(DataScope scope, OnTheSpot data) {
		return decideOnTheSpot(scope, data, false);
	}

	/**
	 * As {@link #decideOnTheSpot(DataScope, OnTheSpot)}, the case marked as demo data when {@code demo} (the demo city).
	 */
	@Transactional
	public long decideOnTheSpot(DataScope scope, OnTheSpot data, boolean demo) {
		Validation v = new Validation();
		LocalDate today = caseWork.today();
		boolean person = !Text.isBlank(data.partyKind()) && Text.strip(data.partyKind()).equalsIgnoreCase("PERSON");
		if (person) {
			// access before fields: a person's place of penalty outside the caller's region is not there (404)
			scope.refuseRegionOutside("regionCode", data.regionCode());
		}
		v.require("partyKind", Text.isBlank(data.partyKind()) || person
				|| Text.strip(data.partyKind()).equalsIgnoreCase("ORGANISATION"), "one-of", "当事人类型应为单位（ORGANISATION）或个人（PERSON）");
		EnterpriseView enterprise = null;
		String region = null;
		if (person) {
			v.name("personName", "当事人姓名", data.personName(), 50);
			// a name holds no digits: an ID or phone number typed into it would be printed in clear on the decision and
			// in every list, where numbers are masked
			v.require("personName", data.personName() == null || data.personName().codePoints().noneMatch(OnTheSpotPenalties::numeral),
					"no-digits", "当事人姓名只填姓名，不得含数字（证件号码、电话号码不在此填写）");
			v.required("regionCode", "处罚地区", data.regionCode());
			if (!Text.isBlank(data.regionCode())) {
				region = RegionCode.typed(data.regionCode());
				v.require("regionCode", region.matches("\\d{6}(\\d{3})?"), "format", "处罚地区应为6位（县级）或9位（乡镇、街道）行政区划代码");
				if (region.matches("\\d{6}(\\d{3})?")) {
					// another region is not there (404), whatever the other fields hold
					scope.refusePlace("regionCode", region);
				}
			}
		}
		else {
			enterprise = caseWork.enterprise(v, scope, data.enterpriseCreditCode());
			region = enterprise == null ? null : enterprise.regionCode();
		}
		if (region != null && scope.containsRegion(region)) {
			// filed with the deciding officer's own bureau (art.52), whose case it is: a city officer's decision on a
			// county's enterprise is the city's, not the county's
			String party = region;
			region = caseWork.decidingRegion(party).orElse(null);
			// 国家邮政局 on a party a local bureau handles: no case of region 0 (CaseWork#decidingRegion)
			v.require(person ? "regionCode" : "enterpriseCreditCode", region != null, "deciding-bureau",
					caseWork.nationalOnTheSpot(party));
		}
		ViolationType type = null;
		if (Text.isBlank(data.violation())) {
			v.require("violation", false, "required", "违法行为不能为空");
		}
		else {
			type = ViolationType.byCodeOrTitle(data.violation()).orElse(null);
			v.require("violation", type != null, "one-of", "违法行为应为违法行为目录中的代码或名称");
		}
		// printed on the 当场处罚决定书: no markup (kernel Validation#plainText)
		v.required("facts", "违法事实", data.facts()).maxLength("facts", "违法事实", data.facts(), 2000)
			.plainText("facts", "违法事实", data.facts());
		CaseInput.facts(v, "facts", "违法事实", data.facts());
		v.required("place", "处罚地点", data.place()).line("place", "处罚地点", data.place(), 200)
			.plainText("place", "处罚地点", data.place());
		v.required("decidedOn", "处罚日期", data.decidedOn());
		LocalDate on = v.date("decidedOn", "处罚日期", data.decidedOn(), Validation.EARLIEST_RECORD, today);
		if (on != null) {
			LocalDate earliest = earliestOnTheSpotFiling(today, region == null ? "0" : region);
			v.require("decidedOn", !on.isBefore(earliest), "filing-window", "当场处罚决定应在作出后"
					+ rules.intValue(StatutoryRule.PENALTY_ON_THE_SPOT_FILING, region == null ? "0" : region) + "个工作日内报所属行政机关备案（"
					+ StatutoryRule.PENALTY_ON_THE_SPOT_FILING.basis() + "，期限的最后一个工作日当天仍可备案）：今天备案的，处罚日期不得早于" + ChineseText.day(earliest)
					+ "（" + ChineseText.day(earliest) + "当天作出的决定今天仍在期限内），" + ChineseText.day(earliest.minusDays(1)) + "及以前作出的决定已过备案期限，请通过历史案件导入录入");
		}
		if (type != null && on != null) {
			// an on-the-spot penalty is for an act seen that day: punished then by an article in force (art.37)
			v.require("violation", type.inForceOn(on), "not-in-force", type.notInForce(on, "处罚日期"));
		}
		Penalty penalty = parse(v, "penalty", "处罚种类", data.penalty(), Penalty.class, true);
		if (penalty != null && penalty != Penalty.WARNING && penalty != Penalty.FINE) {
			v.require("penalty", false, "on-the-spot", "当场处罚只能是警告或罚款（" + ARTICLE_51 + "），其他处罚应适用普通程序");
			penalty = null;
		}
		if (type != null) {
			// no 减轻 on the spot: only a kind the article itself provides (art.51)
			DecisionRules.providedKind(v, "penalty", type.penalties(), penalty, null, null, null);
		}
		BigDecimal fine = penalty == null ? null : fine(v, "fine", penalty, data.fine());
		String lookup = region == null ? "0" : region;
		// the instant decided (V271 decided_at), as a live decision keeps it: the case is judged by the range standing then
		OffsetDateTime decidedAt = on == null ? null : caseWork.decidedAt(on);
		// a fine of 0 or less is told by its amount's own rule (罚款金额应大于0), no range or limit beside it
		if (penalty == Penalty.FINE && fine != null && fine.signum() > 0) {
			StatutoryRule limitRule = person ? StatutoryRule.PENALTY_ON_THE_SPOT_PERSON_MAX
					: StatutoryRule.PENALTY_ON_THE_SPOT_ORGANISATION_MAX;
			BigDecimal limit = rules.value(limitRule, lookup);
			v.require("fine", fine.compareTo(limit) <= 0, "on-the-spot", "当场处罚对" + (person ? "公民" : "法人或者其他组织")
					+ "罚款不得超过" + plain(limit) + "元（" + limitRule.basis() + "），超过的应适用普通程序");
			if (type != null && fine.compareTo(limit) <= 0) {
				// the law the case applies, as every reader of it later takes it (CaseLaw): the act is the decision's day
				FineRange range = rules.applicable(type, false, lookup, on, on, decidedAt).range();
				if (fine.compareTo(range.min()) < 0) {
					// 简易程序 has no 减轻 (no ground, reason nor review on the spot): below the range is the general procedure's
					v.require("fine", false, "range", "罚款" + plain(fine) + "元低于法定幅度下限（" + range + "）：当场处罚只能在法定幅度内"
							+ "处以警告或罚款，不能减轻处罚，本案不适用简易程序（" + ARTICLE_51 + "）；确需减轻处罚的，应适用普通程序立案调查，"
							+ "依" + Provision.PENALTY_MITIGATION + "写明情形和理由");
				}
				else {
					DecisionRules.checkFine(v, range, fine, null, null, null);
				}
				// an on-the-spot case is no serious one: an article fining only serious cases gives it a warning
				DecisionRules.finedOnlyWhenSerious(v, "fine", type, fine, false);
			}
		}
		List<Investigator> members = caseTeam.team(v, "team", data.team(), lookup, scope);
		v.throwIfInvalid();
		if (person && !type.personMayBeParty()) {
			// the catalogue's reading of whom the article addresses (ViolationType#personMayBeParty)
			throw ruleBroken("partyKind", "party-kind", "“" + type.title() + "”（" + type.basis()
					+ "）是企业承担的义务，当事人不能是自然人：请以企业为当事人");
		}
		refuseTwin(region, person ? null : enterprise.creditCode(), person ? Text.name(data.personName()) : null, type, on,
				penalty, Text.strip(data.facts()));
		String region6 = region.length() > 6 ? region.substring(0, 6) : region;
		String caseNumber = numbers.next(ON_THE_SPOT_CASE_SERIES, region6, today.getYear());
		String decisionNumber = decisionNumbers.nextOnTheSpot(region6, on.getYear());
		Map<String, Object> p = new HashMap<>();
		p.put("number", caseNumber);
		p.put("region", region);
		p.put("code", person ? null : enterprise.creditCode());
		p.put("name", person ? Text.name(data.personName()) : enterprise.legalName());
		p.put("party", person ? "PERSON" : "ORGANISATION");
		p.put("violation", type.name());
		p.put("facts", Text.strip(data.facts()));
		p.put("place", Text.line(data.place()));
		p.put("filed", today);
		p.put("on", on);
		p.put("decisionNumber", decisionNumber);
		p.put("at", decidedAt);
		p.put("penalty", penalty.name());
		p.put("fine", fine);
		p.put("demo", demo);
		p.put("by", Actors.currentName());
		p.put("now", OffsetDateTime.now(clock));
		// the 办案机关 fixed as the case is made: the bureau handling its region now (the deciding officer's)
		p.put("handling", caseWork.handlingRegion(region));
		long id = jdbc.sql("""
				INSERT INTO penalty_case (number, region_code, source, enterprise_credit_code, enterprise_name, party_kind,
				    procedure_kind, violation_code, violation_ended_on, facts, on_spot_place, status, filed_on, decision_due_on,
				    proposed_penalty, proposed_fine, decision_number, decided_on, decided_at, penalty, fine, delivered_on, demo,
				    created_by, created_at, updated_at, handling_region)
				VALUES (:number, :region, 'INSPECTION', :code, :name, :party, 'SIMPLE', :violation, :on, :facts, :place,
				    'DELIVERED', :filed, :on, :penalty, :fine, :decisionNumber, :on, :at, :penalty, :fine, :on, :demo, :by,
				    :now, :now, :handling)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		caseTeam.saveTeam(id, members);
		caseWork.fixTerms(id, region);
		LocalDate filingDue = caseWork.clock(region).due(StatutoryRule.PENALTY_ON_THE_SPOT_FILING, on);
		audit.record(AuditEntry.of("case.on-the-spot", "penalty_case", id, caseNumber + "：当场处罚" + decisionNumber + "，"
				+ p.get("name") + "，" + type.shortName() + "，" + penalty.label() + (fine == null ? "" : plain(fine) + "元")
				+ "（" + ChineseText.day(on) + "，" + Text.line(data.place()) + "）" + (today.isAfter(filingDue) ? "；超过备案期限" + ChineseText.day(filingDue) : ""))
			.inRegion(region));
		caseWork.issue(id, CaseDocumentKind.ON_THE_SPOT_DECISION);
		if (!person) {
			events.publishEvent(new PenaltyDecided(id, decisionNumber, region, enterprise.creditCode(), enterprise.legalName(),
					type.name(), penalty, fine, on, false));
			// handed over on the spot: served as it is made (the credit record takes it in now), and the party's portal
			// is told of it and of the days to pay a fine
			events.publishEvent(new PenaltyDelivered(id, decisionNumber, region, enterprise.creditCode(), enterprise.legalName(),
					penalty, on, type.name(), fine, null, on));
			CaseView decided = caseWork.find(id);
			caseWork.tellParty(decided, PenaltyStepServed.Step.DECISION_SERVED, on,
					fine == null ? null : caseWork.clock(decided).paymentDue(on), false);
		}
		return id;
	}

	/**
	 * Refuses a second on-the-spot decision for one act: a case of the simple procedure of the same party (the
	 * enterprise by credit code, a person by name and region), violation, day and kind of penalty whose facts read the same
	 * ({@code Text.textKey}: spaces, widths, case and punctuation aside) — a form sent twice, or the API call retried, would penalise the
	 * party twice for one act (一事不再罚, 行政处罚法(2021) art.29) under two decision numbers. Two requests at once are
	 * ordered by a transaction lock on the region; another act of the same kind that day (other facts) passes.
	 * @throws DomainException duplicate (409, field {@code facts}) naming the decision already made
	 */
	private void refuseTwin(String region, String creditCode, String personName, ViolationType type, LocalDate on,
			Penalty penalty, String facts) {
		TransactionLocks.hold(jdbc, "penalty_case:on-the-spot:" + region);
		jdbc.sql("""
				SELECT decision_number FROM penalty_case
				WHERE procedure_kind = 'SIMPLE' AND violation_code = :violation AND decided_on = :on AND penalty = :penalty
				    AND (CAST(:code AS text) IS NOT NULL AND enterprise_credit_code = :code
				        OR CAST(:code AS text) IS NULL AND party_kind = 'PERSON' AND region_code = :region
				            AND folded(enterprise_name) = folded(:person))
				    AND text_key(facts) = text_key(:facts)
				ORDER BY id LIMIT 1""")
			.param("violation", type.name()).param("on", on).param("penalty", penalty.name()).param("code", creditCode)
			.param("region", region)
			.param("person", personName).param("facts", facts)
			.query(String.class).optional()
			.ifPresent(number -> {
				throw DomainException.duplicate("facts", Wording.of("enforcement.refusal.onTheSpotTwice", on, number),
						"该当事人" + ChineseText.day(on) + "因同一违法事实已有当场处罚决定（" + number
						+ "），不能重复处罚（一事不再罚，" + Provision.PENALTY_ONCE + "）：表单可能提交了两次，请在案件列表中查看");
			});
	}

	/**
	 * The earliest day an on-the-spot decision recorded {@code today} may carry: the filing period
	 * ({@code penalty.on-the-spot.filing}, working days, 行政处罚法(2021) art.52) counted from it still runs today. An
	 * older decision is no longer on time for the on-the-spot record (it would be numbered, counted and surcharged as
	 * if new) and belongs to the import of past cases.
	 */
	private LocalDate earliestOnTheSpotFiling(LocalDate today, String region) {
		LocalDate earliest = today;
		while (!rules.deadline(StatutoryRule.PENALTY_ON_THE_SPOT_FILING, earliest.minusDays(1), region).isBefore(today)) {
			earliest = earliest.minusDays(1);
		}
		return earliest;
	}
}
