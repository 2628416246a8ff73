package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.enforcement.PenaltyCases.Suspension;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;

import static org.youguan.enforcement.internal.CaseInput.parse;
import static org.youguan.enforcement.internal.CaseInput.requireReason;
import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * The decision limit of a case (行政处罚法(2021) art.60; 邮政行政执法监督办法(2021) art.17): its one extension, the
 * pauses that stop it (suspension, public notice, testing, appraisal) and the recount of the stored days once the holiday
 * notice of a year is loaded. Each step is one transaction with its audit entry.
 */
@Service
public class DecisionLimit {

	private final JdbcClient jdbc;

	private final CaseWork caseWork;

	DecisionLimit(JdbcClient jdbc, CaseWork caseWork) {
		this.jdbc = jdbc;
		this.caseWork = caseWork;
	}

	/**
	 * Extends the decision limit once by {@link StatutoryRule#PENALTY_DECISION_EXTENSION} (30 days) with the bureau
	 * head's approval (邮政行政执法监督办法(2021) art.17).
	 * @throws DomainException (409, rule {@code extended-once}) when already extended; (409) once decided
	 * @throws InvalidValueException when the reason is blank or over 500 characters
	 */
	@Transactional
	public void extend(DataScope scope, long id, Officer head, String reason) {
		reason = Text.freeText(reason);
		CaseView c = caseWork.lock(scope, id);
		CaseStep.EXTEND.from(c.status());
		caseWork.requireHandlingHead(c.handledIn(), "延长办案期限");
		if (c.extended()) {
			throw DomainException.illegalTransition("reason", "extended-once",
					Wording.of("enforcement.refusal.extendedOnce", c.extensionReason()),
					"办案期限只能延长一次（" + Provision.ENFORCEMENT_CASE_LIMIT + "），已于此前延长：" + c.extensionReason());
		}
		LocalDate limit = caseWork.limitInForce(c, false);
		if (caseWork.today().isAfter(limit)) {
			// 邮政行政执法监督办法 art.17: the extension is approved before the limit expires, not to cure a late case
			throw ruleBroken("decisionDueOn", "limit-passed", "办案期限已于" + ChineseText.day(limit) + "届满，不能再批准延长（延长须在期限届满前批准，" + Provision.ENFORCEMENT_CASE_LIMIT + "）");
		}
		requireReason(reason, "延长理由");
		LocalDate due = caseWork.decisionDue(c, true);
		caseWork.move(c, c.status(), ", extended = TRUE, extension_reason = :reason, extension_approved_by = :head, decision_due_on = :due",
				Map.of("reason", Text.strip(reason), "head", head.name(), "due", due));
		StatutoryRule extension = StatutoryRule.PENALTY_DECISION_EXTENSION;
		caseWork.record(c, "case.extend", head.name() + "批准延长办案期限"
				+ caseWork.threshold(extension, c).stripTrailingZeros().toPlainString() + extension.unit().label() + "，决定期限至"
				+ caseWork.messageDay(due) + "：" + Text.strip(reason));
	}

	/**
	 * Stops the decision clock for a suspension, public notice, testing or appraisal (邮政行政执法监督办法(2021)
	 * art.17) from {@code startedOn} until {@link #resume}. The pause must begin within the limit in force and be
	 * recorded before it expires: a case already overdue is not revived by a pause backdated or started after its
	 * limit expired. The pause is the handling bureau's head's decision, as the extension is
	 * ({@link CaseWork#requireHandlingHead}); a pause other than a hearing's starts at most
	 * {@link StatutoryRule#PENALTY_SUSPENSION_START_LOOKBACK} days back and not before the case's last recorded act
	 * ({@link #startedPromptly}). A HEARING pause needs the party's hearing request and does not begin before it.
	 * @throws InvalidValueException (kind unknown, day before 立案 or in the future — a day after the limit in force
	 * cannot be given, today being within it —, reason blank; on {@code kind} rule
	 * {@code no-hearing-requested} for a HEARING pause without a hearing request, on {@code startedOn} rule
	 * {@code before-request} for one begun before it, {@code start-lookback} for one begun too far back,
	 * {@code acts-after-start} for one begun before a recorded act)
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head}) for anyone but a head of
	 * the handling bureau
	 * @throws DomainException (409, rule {@code already-suspended}) while another pause lasts, or (rule {@code limit-passed} on {@code startedOn}) once
	 * today is after the limit in force, whatever day the pause would start; (409) once decided
	 */
	@Transactional
	public void suspend(DataScope scope, long id, String kind, String startedOn, String reason) {
		reason = Text.freeText(reason);
		CaseView c = caseWork.lock(scope, id);
		CaseStep.SUSPEND.from(c.status());
		if (caseWork.ongoing(id).isPresent()) {
			throw DomainException.illegalTransition("startedOn", "already-suspended", "案件计时已中止，请先恢复计时");
		}
		LocalDate limit = caseWork.limitInForce(c, c.extended());
		if (caseWork.today().isAfter(limit)) {
			// recorded after the limit expired, a pause of any start day would revive an overdue case (and open the way
			// to an extension after it): a pause is recorded while the limit runs, never backdated once it has passed
			throw ruleBroken("startedOn", "limit-passed", "办案期限已于" + caseWork.messageDay(limit) + "届满，期限届满后不能再登记中止计时"
					+ "（无论中止日期为何日）：逾期的案件不能以补记中止计时补救（" + Provision.ENFORCEMENT_CASE_LIMIT + "）");
		}
		// 邮政行政执法监督办法 art.17: a pause, as the extension, is the head's decision, not the clerk's
		caseWork.requireHandlingHead(c.handledIn(), "批准中止计时");
		Validation v = new Validation();
		SuspensionKind k = parse(v, "kind", "中止类型", kind, SuspensionKind.class, true);
		v.required("startedOn", "中止日期", startedOn);
		// one bound, one message: of the days the start may not precede (立案, the look-back, the last act, the last
		// pause, the hearing request) only the latest is told — the one a day before it breaks — never three at once
		List<StartBound> bounds = startBounds(c, k, caseWork.suspensions(id));
		LocalDate latest = bounds.stream().map(StartBound::earliest).max(Comparator.naturalOrder()).orElse(c.filedOn());
		LocalDate on = v.date("startedOn", "中止日期", startedOn, latest.isAfter(c.filedOn()) ? Validation.EARLIEST_RECORD : c.filedOn(),
				caseWork.today());
		if (on != null && on.isBefore(latest)) {
			bounds.stream().filter(b -> b.earliest().equals(latest)).findFirst()
				.filter(b -> b.rule() != null)
				.ifPresent(b -> v.require("startedOn", false, b.rule(), b.message()));
		}
		if (k == SuspensionKind.HEARING) {
			// the hearing's period is the one from the party's request (行政处罚法(2021) art.63–64): none without a request
			v.require("kind", c.hearingRequestedOn() != null, "no-hearing-requested", "当事人未申请听证，不能以听证为由中止计时");
		}
		v.required("reason", "中止理由", reason).maxLength("reason", "中止理由", reason, 500);
		v.throwIfInvalid();
		jdbc.sql("INSERT INTO penalty_case_suspension (case_id, kind, started_on, reason) VALUES (:id, :kind, :on, :reason)")
			.param("id", id).param("kind", k.name()).param("on", on).param("reason", Text.strip(reason)).update();
		caseWork.move(c, c.status(), "", Map.of());
		caseWork.record(c, "case.suspend", Actors.currentName() + "批准中止计时（" + k.label() + "，自" + ChineseText.day(on) + "）：" + Text.strip(reason));
	}

	/** A day a pause may not start before, the rule and the message a start before it breaks (no rule: 立案, the range). */
	private record StartBound(LocalDate earliest, String rule, String message) {
	}

	/**
	 * The days a pause of kind {@code k} may not start before, the latest binding first among equals: the last recorded
	 * act (an act on the first day itself — the sample sent for appraisal that day — is the ground's own), the day after
	 * the last earlier pause (a day paused twice would stretch the limit twice), {@link
	 * StatutoryRule#PENALTY_SUSPENSION_START_LOOKBACK} days back (a pause is recorded when its ground arises, not written
	 * back to move the limit), the party's hearing request for a HEARING pause, and 立案 (the range's own message). The
	 * clock stops because the case cannot go on (邮政行政执法监督办法(2021) art.17), so days in which it went on, or long
	 * past, are no pause. Rules {@code acts-after-start}, {@code overlapping-suspension}, {@code start-lookback},
	 * {@code before-request} on {@code startedOn}.
	 */
	private List<StartBound> startBounds(CaseView c, SuspensionKind k, List<Suspension> earlier) {
		List<StartBound> bounds = new ArrayList<>();
		if (k != SuspensionKind.HEARING) {
			caseWork.latestAct(c).ifPresent(act -> bounds.add(new StartBound(act.on(), "acts-after-start", "中止日期不能早于"
					+ ChineseText.day(act.on()) + "：该日本案仍有办案活动（" + act.what() + "），中止期间案件不进行调查等办案活动（"
					+ Provision.ENFORCEMENT_CASE_LIMIT + "）")));
		}
		earlier.stream().map(s -> s.endedOn() != null ? s.endedOn() : s.startedOn()).max(Comparator.naturalOrder())
			.ifPresent(last -> bounds.add(new StartBound(last.plusDays(1), "overlapping-suspension", "中止日期应晚于此前中止（或听证）期间的最后一日"
					+ ChineseText.day(last) + "：同一期间不能重复中止计时")));
		if (k != SuspensionKind.HEARING) {
			StatutoryRule lookback = StatutoryRule.PENALTY_SUSPENSION_START_LOOKBACK;
			int days = caseWork.threshold(lookback, c).intValue();
			bounds.add(new StartBound(caseWork.today().minusDays(days), "start-lookback", "中止日期不能早于" + ChineseText.day(caseWork.today().minusDays(days))
					+ "：中止计时应在中止事由发生时报负责人批准并及时登记，开始日期最多早于登记之日" + days + lookback.unit().label() + "（规则目录"
					+ lookback.code() + "，" + Provision.ENFORCEMENT_CASE_LIMIT + "），不能事后补记以推迟办案期限"));
		}
		if (k == SuspensionKind.HEARING && c.hearingRequestedOn() != null) {
			bounds.add(new StartBound(c.hearingRequestedOn(), "before-request", "听证中止计时不能早于当事人申请听证之日" + ChineseText.day(c.hearingRequestedOn())));
		}
		bounds.add(new StartBound(c.filedOn(), null, null));
		return bounds;
	}

	/**
	 * Restarts the decision clock; the paused days (both ends included) move the limit — a pause ended the day it began
	 * moves it by none, and acts of the case dated that day stand ({@code CaseClock#decisionDue}).
	 * @throws InvalidValueException when the day is before the pause began or in the future
	 * @throws DomainException (409, rule {@code not-suspended}) when the clock is not paused
	 */
	@Transactional
	public void resume(DataScope scope, long id, String endedOn) {
		CaseView c = caseWork.lock(scope, id);
		CaseStep.RESUME.from(c.status());
		Suspension s = caseWork.ongoing(id).orElseThrow(() -> DomainException.illegalTransition("endedOn", "not-suspended", "案件计时未中止，无需恢复计时"));
		Validation v = new Validation();
		v.required("endedOn", "中止结束日期", endedOn);
		LocalDate on = v.date("endedOn", "中止结束日期", endedOn, s.startedOn(), caseWork.today());
		v.throwIfInvalid();
		jdbc.sql("UPDATE penalty_case_suspension SET ended_on = :on WHERE id = :id").param("on", on).param("id", s.id()).update();
		LocalDate due = caseWork.decisionDue(c, c.extended());
		caseWork.move(c, c.status(), ", decision_due_on = :due", Map.of("due", due));
		// a pause ended the day it began holds back no day (CaseClock#decisionDue): the record says so, not 当日不计入
		caseWork.record(c, "case.resume", "恢复计时（" + s.kind().label() + " " + (on.equals(s.startedOn())
				? ChineseText.day(s.startedOn()) + "当日中止当日恢复，不计入中止天数" : ChineseText.day(s.startedOn()) + "至" + ChineseText.day(on) + "不计入") + "），决定期限至" + caseWork.messageDay(due));
	}

	/**
	 * Counts again, after years of the holiday notice were loaded ({@code first}–{@code last}, as the calendar's
	 * {@code CalendarYearsLoaded} gives them), the stored days of the open cases that run into those years: the decision
	 * limit of a case not yet decided (90 days from 立案, 30 more once extended, pauses included — a limit ending on a
	 * day off moves to the next working day; 行政处罚法(2021) art.60, 85) and, while a notified case awaits the party's
	 * answer, the last day to state its case or request a hearing (5 working days from the day the notice was served — a public notice's deemed day counted again —, art.64, 85; the notice printed that
	 * day, so it only moves later, never earlier). A day computed on the provisional calendar (weekends and statutory
	 * holidays only) becomes the day under the notice, 调休 included. Decided cases keep their dates; an imported case
	 * still open goes on under the platform's clock and is counted too. Each moved date is audited ({@code case.recount}).
	 * @return how many cases had a date moved
	 */
	@Transactional
	public int recountDeadlines(LocalDate first, LocalDate last) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM penalty_case
				WHERE status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
				  AND filed_on <= :last AND greatest(decision_due_on, hearing_request_due) >= :first
				ORDER BY id FOR UPDATE""")
			.param("first", first)
			.param("last", last)
			.query(Long.class)
			.list();
		int moved = 0;
		for (long id : ids) {
			CaseView c = caseWork.find(id);
			LocalDate decision = caseWork.decisionDue(c, c.extended());
			// the 事先告知书 printed its day: a recount may give the party more time, never less
			LocalDate request = c.status() == CaseStatus.NOTIFIED && c.notifiedOn() != null && c.hearingRequestDue() != null
					? Collections.max(List.of(c.hearingRequestDue(),
							caseWork.clock(c).hearingRequestDue(caseWork.clock(c).noticeServedAgain(c))))
					: c.hearingRequestDue();
			if (Objects.equals(decision, c.decisionDueOn()) && Objects.equals(request, c.hearingRequestDue())) {
				continue;
			}
			Map<String, Object> p = new HashMap<>();
			p.put("decision", decision);
			p.put("request", request);
			caseWork.move(c, c.status(), ", decision_due_on = :decision, hearing_request_due = :request", p);
			caseWork.record(c, "case.recount", CalendarYearsLoaded.loaded(first, last) + "，" + String.join("，", Stream.of(
							Objects.equals(decision, c.decisionDueOn()) ? null : "决定期限由" + ChineseText.day(c.decisionDueOn()) + "改为" + ChineseText.day(decision),
							Objects.equals(request, c.hearingRequestDue()) ? null
									: "陈述申辩（申请听证）期限由" + ChineseText.day(c.hearingRequestDue()) + "改为" + ChineseText.day(request))
						.filter(Objects::nonNull).toList()));
			moved++;
		}
		return moved;
	}
}
