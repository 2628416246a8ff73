package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.CaseView;
import org.youguan.kernel.Rows;
import org.youguan.rules.AppliedLaw;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

/**
 * The law a penalty case applies, as every reader of the case takes it — its documents, its publication, the party's
 * portal, the staff page, the fine checks of its proposal and decision: {@link StatutoryRules#applicable} (行政处罚法
 * (2021) art.37, 从旧兼从轻) from the case's act day ({@link #actDay}), decision day and decision instant.
 */
@Component
public class CaseLaw {

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	CaseLaw(JdbcClient jdbc, StatutoryRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	/**
	 * The day a case's act was done, as the law applying to it is chosen by: the day the violation ended (违法行为终了
	 * 日期) — a continuing act is judged by the law of its last day —, or where none is recorded (an imported past case,
	 * which the import contract gives no such day) the day the case was filed: the act was done by then, and no law
	 * taking effect later is applied to it.
	 */
	public static LocalDate actDay(CaseView c) {
		return actDay(c.violationEndedOn(), c.filedOn());
	}

	/** {@link #actDay(CaseView)} from a case's stored days: the day the violation ended, else the day filed. */
	static LocalDate actDay(LocalDate violationEndedOn, LocalDate filedOn) {
		return violationEndedOn != null ? violationEndedOn : filedOn;
	}

	/**
	 * The law the case applies: the articles it cites (as numbered on the day whose law applies; none where no article
	 * was in force on the act's day) and the fine range — for a decided case the range as it stood at the decision's
	 * instant (V271 {@code decided_at}; at the end of its day where the instant is not known: imported, recorded on a
	 * later day, decided before V271), for an undecided one today's unless the act's day's is lighter.
	 */
	public AppliedLaw of(CaseView c) {
		OffsetDateTime at = c.decidedOn() == null ? null : jdbc.sql("SELECT decided_at FROM penalty_case WHERE id = :id")
			.param("id", c.id()).query(Rows.of(OffsetDateTime.class)).optional().orElse(null);
		return of(c.violationCode(), c.serious(), c.regionCode(), c.violationEndedOn(), c.filedOn(), c.decidedOn(), at);
	}

	/**
	 * The law a decided case applies as {@link #of} takes it, from its stored columns: a published decision's snapshot
	 * (its violation and day decided, {@code publication_*}) with the case's act day, 情节, region and instant decided —
	 * so the 双公示 cites what the decision cites ({@code PublicationBasisOfTheAppliedLaw}).
	 * @param decidedAt the decision's instant where kept (V271), else null
	 */
	AppliedLaw of(ViolationType type, boolean serious, String regionCode, LocalDate violationEndedOn, LocalDate filedOn,
			LocalDate decidedOn, OffsetDateTime decidedAt) {
		return rules.applicable(type, serious, regionCode, actDay(violationEndedOn, filedOn), decidedOn, decidedAt);
	}

	/** The law a case would apply were it decided now with {@code serious} as its 情节: the range a proposal or decision is checked against. */
	public AppliedLaw now(CaseView c, boolean serious) {
		return rules.applicable(c.violationCode(), serious, c.regionCode(), actDay(c), null, null);
	}
}
