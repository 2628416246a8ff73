package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.CaseExecution;
import org.youguan.enforcement.CaseStatus;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Rows;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The enforcement queues of the inbox, for staff who handle cases (not leaders, not enterprises): leads to assess
 * (overdue past the 及时立案 warning, 行政处罚法(2021) art.54), open cases within the warning days of their decision limit
 * or past it (邮政行政执法监督办法(2021) art.17) — a past case imported undecided apart, under 导入的未结案件, with its real
 * 立案 day and limit and no countdown (its limit ran off the platform; it needs its progress checked, not a clock of
 * today) —, decisions served and not yet published (双公示: publication needs service — a public notice's deemed day
 * reached, {@link CaseClock#decisionServed}), fines unpaid past their payment
 * deadline in force (art.66, 67, 72) and confiscated gains not handed over past their handover period (art.74,
 * {@code penalty.confiscation-handover}) and published decisions changed, revoked or confirmed illegal or invalid
 * whose publication is to be withdrawn (art.48: 3 working days from the outcome, {@code penalty.publication-withdrawal};
 * due and overdue ones shown with their day) — each within the user's region, and only the leads and cases its own
 * bureau handles ({@link Bureaus#handledHere}): a county's case is the county bureau's to do, which the city's staff
 * read but take no step of ({@link CaseWork#requireHandlingBureau}).
 */
@Component
class EnforcementWorkQueues implements WorkQueueProvider {

	/**
	 * A row of a queue: its title and second line each a text (a number, a name) or a part the page words in its
	 * reader's language (a case's status, a message of the bundle: {@link WorkQueue.Item}); null for none.
	 */
	record Item(long id, Object title, Object detail, LocalDate due) {
	}

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final Clock clock;

	private final PenaltyCases cases;

	private final CaseExecution caseExecution;

	/** Which leads and cases are the user's bureau's to do ({@link Bureaus#handledHere}). */
	private final Bureaus bureaus;

	EnforcementWorkQueues(JdbcClient jdbc, StatutoryRules rules, Clock clock, PenaltyCases cases,
			CaseExecution caseExecution, Bureaus bureaus) {
		this.jdbc = jdbc;
		this.bureaus = bureaus;
		this.rules = rules;
		this.clock = clock;
		this.cases = cases;
		this.caseExecution = caseExecution;
	}

	/** The queues this provider holds, in order. */
	static final List<String> QUEUES = List.of("enforcement.leads", "enforcement.deadline", "enforcement.imported",
			"enforcement.publish", "enforcement.unpaid", "enforcement.handover", "enforcement.withdraw");

	/** The states of a case not yet decided, whose decision limit runs (or ran, for an imported one). */
	private static final String UNDECIDED = "c.status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')";

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		if (!handles(user)) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		List<WorkQueue> queues = new ArrayList<>();
		for (String queue : QUEUES) {
			List<Item> items = items(user, queue);
			String path = queue.equals("enforcement.leads") ? "/enforcement/leads/" : "/enforcement/cases/";
			long overdue = queue.equals("enforcement.publish") ? 0
					: items.stream().filter(i -> i.due() != null && i.due().isBefore(today)).count();
			queues.add(WorkQueue.action(queue, "/enforcement/queues/" + queue, items.size(), overdue, nearest(items),
					links(items, path, today)));
		}
		return queues;
	}

	/** Whether the user handles cases: staff who write (not leaders, not enterprises). */
	static boolean handles(CurrentUser user) {
		return user.isStaff() && user.caseHandler();
	}

	/**
	 * Every item of one of the queues ({@link #QUEUES}) in the user's region that its bureau handles — a lead by the
	 * region its case would have ({@link Leads#HANDLING_REGION_SQL}), a case by its own — most urgent first.
	 * @throws IllegalArgumentException for another queue name
	 */
	List<Item> items(CurrentUser user, String queue) {
		DataScope scope = user.scope();
		String region = user.regionCode() == null ? "0" : user.regionCode();
		// a lead by its handling region alone: one the city received about a county's enterprise is the county's
		String leadScope = scope.regionPredicate(Leads.HANDLING_REGION_SQL) + " AND "
				+ bureaus.handledHere(scope, Leads.HANDLING_REGION_SQL, Bureaus.CASE_DECIDERS);
		// a case by the bureau fixed on filing (CaseView#handledIn): a county given accounts later takes none of its city's
		String handledIn = "coalesce(c.handling_region, c.region_code)";
		String caseScope = scope.regionPredicate("c.region_code") + " AND " + scope.regionPredicate(handledIn) + " AND "
				+ bureaus.handledHere(scope, handledIn, Bureaus.CASE_DECIDERS);
		return switch (queue) {
			// a list: the summary with a reporter's numbers masked, as the leads' list shows it (the lead's page in full)
			case "enforcement.leads" -> unnamedLeads(maskedDetails(items("""
					SELECT l.id, l.enterprise_name AS title, l.summary AS detail,
					       l.received_on + CAST(:warning AS integer) AS due
					FROM penalty_lead l LEFT JOIN enterprise_name e ON e.credit_code = l.enterprise_credit_code
					WHERE l.status IN ('OPEN', 'PROPOSED') AND\s""" + leadScope
					+ " ORDER BY l.received_on, l.id", rules.intValue(StatutoryRule.PENALTY_LEAD_FILING_WARNING, region))));
			case "enforcement.deadline" -> statusLabels(items("""
					SELECT c.id, c.number || ' ' || c.enterprise_name AS title, c.status AS detail, c.decision_due_on AS due
					FROM penalty_case c LEFT JOIN penalty_case_suspension s ON s.case_id = c.id AND s.ended_on IS NULL
					WHERE\s""" + UNDECIDED + """
					\sAND NOT c.imported AND c.decision_due_on <= CAST(:today AS date) + CAST(:warning AS integer)
					AND\s""" + CaseClock.RUNNING_SQL + " AND " + caseScope + " ORDER BY c.decision_due_on, c.id",
					rules.intValue(StatutoryRule.PENALTY_DECISION_WARNING, region)));
			// a past case brought in undecided: its limit ran out off the platform, not a clock of today to count down
			case "enforcement.imported" -> importedLines(items("""
					SELECT c.id, c.number || ' ' || c.enterprise_name AS title,
					       to_char(c.filed_on, 'YYYY-MM-DD') || ' ' || to_char(c.decision_due_on, 'YYYY-MM-DD') AS detail,
					       CAST(NULL AS date) AS due
					FROM penalty_case c WHERE c.imported AND\s""" + UNDECIDED + " AND " + caseScope
					+ " ORDER BY c.filed_on, c.id", 0));
			// first publications, and those withdrawn and due again once the decision was changed (art.48)
			case "enforcement.publish" -> republished(items("""
					SELECT c.id, c.number || ' ' || c.enterprise_name AS title,
					       CASE WHEN c.published_on IS NULL THEN c.decision_number
					            ELSE '*' || c.decision_number END AS detail,
					       CAST(NULL AS date) AS due
					FROM penalty_case c WHERE c.penalty IS NOT NULL AND NOT c.imported
					AND (c.published_on IS NULL OR c.publication_withdrawn_on IS NOT NULL AND EXISTS (
					    SELECT 1 FROM penalty_case_outcome o WHERE o.case_id = c.id AND o.result = 'CHANGED'
					    AND o.decided_on >= c.published_on))
					AND\s""" + Execution.IN_FORCE_SQL + """
					\sAND c.party_kind IS DISTINCT FROM 'PERSON'
					AND c.status IN ('DELIVERED', 'EXECUTED', 'CLOSED')
					AND\s""" + CaseClock.DECISION_SERVED_SQL + " AND " + caseScope + " ORDER BY c.decided_on, c.id", 0));
			case "enforcement.unpaid" -> unpaid(items("""
					SELECT c.id, c.number || ' ' || c.enterprise_name AS title, c.decision_number AS detail,
					       CAST(NULL AS date) AS due
					FROM penalty_case c WHERE c.penalty IS NOT NULL AND c.fine > 0 AND c.status = 'DELIVERED' AND c.paid_on IS NULL
					AND\s""" + Execution.IN_FORCE_SQL + """
					\sAND\s""" + caseScope + " ORDER BY c.delivered_on, c.id", 0));
			case "enforcement.handover" -> overdue(items("""
					SELECT c.id, c.number || ' ' || c.enterprise_name AS title, c.decision_number AS detail,
					       CAST(NULL AS date) AS due
					FROM penalty_case c WHERE\s""" + Execution.CONFISCATED_SQL + """
					\sIS NOT NULL AND c.status IN ('DELIVERED', 'EXECUTED')
					AND NOT EXISTS (SELECT 1 FROM penalty_case_handover h WHERE h.case_id = c.id)
					AND\s""" + caseScope + " ORDER BY c.delivered_on, c.id", 0), caseExecution::handoversDue);
			case "enforcement.withdraw" -> items("""
					SELECT c.id, c.number || ' ' || c.enterprise_name AS title, c.decision_number AS detail,
					       c.publication_withdrawal_due_on AS due
					FROM penalty_case c WHERE c.publication_withdrawal_due_on IS NOT NULL AND c.published_on IS NOT NULL
					AND c.publication_withdrawn_on IS NULL AND\s""" + caseScope
					+ " ORDER BY c.publication_withdrawal_due_on, c.id", 0);
			default -> throw new IllegalArgumentException(queue);
		};
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (!"penalty_case".equals(objectType) || objectId == null || !user.isStaff()) {
			return Optional.empty();
		}
		return Optional.of("/enforcement/cases/" + objectId);
	}

	/**
	 * The items whose deadline in force has passed, most overdue first: unpaid fines against the case's own payment
	 * deadline ({@link CaseExecution#paymentsDue}: a deferral, the next instalment, or the catalogue's days from
	 * delivery moved past rest days), confiscations not handed over against their handover day
	 * ({@link CaseExecution#handoversDue}) — each read for the whole queue at once, not a query per case; never a fixed
	 * number of calendar days counted here. Late as the figures, the 加处罚款 and the portal judge it: one rule,
	 * {@link FinePayments#late}.
	 * @param dueOf the deadline in force of each of the ids given (a case without one left out)
	 */
	private List<Item> overdue(List<Item> open, Function<List<Long>, Map<Long, LocalDate>> dueOf) {
		LocalDate today = LocalDate.now(clock);
		Map<Long, LocalDate> due = dueOf.apply(open.stream().map(Item::id).toList());
		return open.stream()
			.filter(i -> due.containsKey(i.id()) && FinePayments.late(due.get(i.id()), null, today))
			.map(i -> new Item(i.id(), i.title(), i.detail(), due.get(i.id())))
			.sorted(Comparator.comparing(Item::due).thenComparing(Item::id))
			.toList();
	}

	/**
	 * The unpaid fines past their deadline in force ({@link #overdue}), each with the 加处罚款 accrued to today beside its
	 * decision's number ({@link CaseExecution#unpaid}: 行政处罚法(2021) art.72, capped by {@code penalty.late-surcharge-cap}
	 * at the fine) — what the party owes on top, as the case page shows it.
	 */
	private List<Item> unpaid(List<Item> open) {
		Map<Long, CaseExecution.Unpaid> unpaid = caseExecution.unpaid(open.stream().map(Item::id).toList());
		Map<Long, LocalDate> due = new HashMap<>();
		unpaid.forEach((id, u) -> due.put(id, u.due()));
		return overdue(open, ids -> due).stream()
			.map(i -> new Item(i.id(), i.title(), surchargeLine((String) i.detail(), unpaid.get(i.id()).surchargeToday()), i.due()))
			.toList();
	}

	/**
	 * An unpaid fine's line: its decision's number and the 加处罚款 accrued to today (加处罚款1500元（截至今日）), worded in
	 * the page's language.
	 */
	static MessageSourceResolvable surchargeLine(String decisionNumber, BigDecimal surcharge) {
		String yuan = ChineseText.yuan(surcharge);
		return decisionNumber == null
				? WorkQueue.Item.message("enforcement.queue.surcharge", "加处罚款" + yuan + "（截至今日）",
						surcharge.stripTrailingZeros().toPlainString(), yuan)
				: WorkQueue.Item.message("enforcement.queue.surchargeOf", decisionNumber + "，加处罚款" + yuan + "（截至今日）",
						decisionNumber, surcharge.stripTrailingZeros().toPlainString(), yuan);
	}

	/**
	 * The publish queue's decisions, one published before and changed since (the query's {@code *} before its number)
	 * marked 变更后重新公示 in the page's words.
	 */
	private static List<Item> republished(List<Item> items) {
		return items.stream().map(i -> i.detail() instanceof String d && d.startsWith("*")
				? new Item(i.id(), i.title(), WorkQueue.Item.message("enforcement.queue.republish",
						d.substring(1) + "（变更后重新公示）", d.substring(1)), i.due())
				: i).toList();
	}

	/** The imported cases' lines: filed on, undecided, the limit that ran out (the query gives the two days). */
	private static List<Item> importedLines(List<Item> items) {
		return items.stream().map(i -> {
			String[] days = ((String) i.detail()).split(" ");
			return new Item(i.id(), i.title(), WorkQueue.Item.message("enforcement.queue.imported",
					"历史导入，" + days[0] + "立案，尚未作出决定（法定决定期限" + days[1] + "）：请核实办理进度", days[0], days[1]), i.due());
		}).toList();
	}

	/** Leads without an enterprise's name titled 线索 in the page's words. */
	private static List<Item> unnamedLeads(List<Item> items) {
		return items.stream().map(i -> i.title() != null ? i
				: new Item(i.id(), WorkQueue.Item.message("enforcement.queue.lead", "线索"), i.detail(), i.due())).toList();
	}

	private List<Item> items(String sql, int warning) {
		return jdbc.sql(sql).param("today", LocalDate.now(clock)).param("warning", warning).query(Rows.of(Item.class)).list();
	}

	/** The items with every ID, mobile or landline number in their detail masked ({@link Masking#telephonesIn}). */
	private static List<Item> maskedDetails(List<Item> items) {
		return items.stream().map(i -> new Item(i.id(), i.title(), Masking.telephonesIn((String) i.detail()), i.due())).toList();
	}

	/** The items with their stage (立案, 听证中 …), worded by the page, where the query gave the status's code. */
	private static List<Item> statusLabels(List<Item> items) {
		return items.stream()
			.map(i -> new Item(i.id(), i.title(), CaseStatus.valueOf((String) i.detail()), i.due()))
			.toList();
	}

	private static LocalDate nearest(List<Item> sortedByDue) {
		return sortedByDue.isEmpty() ? null : sortedByDue.get(0).due();
	}

	private static List<WorkQueue.Item> links(List<Item> items, String path, LocalDate today) {
		return items.stream()
			.limit(WorkQueue.ITEMS)
			.map(i -> new WorkQueue.Item(List.of(i.title()), i.detail() == null ? List.of() : List.of(i.detail()), path + i.id(),
					i.due(), i.due() != null && i.due().isBefore(today)))
			.toList();
	}
}
