package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.CaseView;
import org.youguan.kernel.Rows;
import org.youguan.rules.AppliedLaw;
import org.youguan.rules.StatutoryRules;

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
		return c.violationEndedOn() != null ? c.violationEndedOn() : c.filedOn();
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
		return rules.applicable(c.violationCode(), c.serious(), c.regionCode(), actDay(c), c.decidedOn(), at);
	}

	/** The law a case would apply were it decided now with {@code serious} as its 情节: the range a proposal or decision is checked against. */
	public AppliedLaw now(CaseView c, boolean serious) {
		return rules.applicable(c.violationCode(), serious, c.regionCode(), actDay(c), null, null);
	}
}
