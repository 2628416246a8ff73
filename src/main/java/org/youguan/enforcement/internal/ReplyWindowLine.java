package org.youguan.enforcement.internal;

import java.time.LocalDate;

import org.youguan.enforcement.CaseStatus;

/**
 * The line that tells what is left of the party's rights after the 事先告知 (行政处罚法(2021) art.44–45, 63–64): the
 * window to state its case (陈述申辩) and — when the notice gave the right — to request a hearing, each right named only
 * while the party has not given it up in writing; a waived right is said to be waived, and on which day, instead of
 * being offered until the window's last day — a hearing request withdrawn (撤回听证申请, art.64) said to be withdrawn,
 * never called a waiver given instead of a request. One reading for the case's page and the party's portal, so neither offers a
 * right the party waived.
 *
 * @param key the message key ({@code enforcement.reply.*})
 * @param args its arguments: the window's last day first where a right is left, then the days of the waivers
 */
public record ReplyWindowLine(String key, Object[] args) {

	/**
	 * The line of a case in {@code status}: none once the window's steps are no longer open — the case decided, not
	 * penalised (不予处罚), withdrawn, transferred or closed (attack 51: after 不予处罚 the case page and the portal still
	 * read 「陈述申辩期限至…」) —, else {@link #of(boolean, LocalDate, LocalDate, LocalDate, LocalDate)}: the window
	 * runs while the case is notified (已告知) or in its hearing (听证).
	 * @return the line, or null
	 */
	public static ReplyWindowLine of(CaseStatus status, boolean hearingRight, LocalDate due, LocalDate statementWaivedOn,
			LocalDate hearingRequestedOn, LocalDate hearingWaivedOn) {
		return status == CaseStatus.NOTIFIED || status == CaseStatus.HEARING
				? of(hearingRight, due, statementWaivedOn, hearingRequestedOn, hearingWaivedOn) : null;
	}

	/**
	 * The line of a case notified with or without the hearing right.
	 * @param hearingRight whether the notice gave the right to request a hearing
	 * @param due the last day of the window the notice stated (null: no line)
	 * @param statementWaivedOn the day the party waived its statement in writing, or null
	 * @param hearingRequestedOn the day the party requested a hearing, or null: with {@code hearingWaivedOn} the request
	 *        was withdrawn that day (撤回听证申请), which the line says instead of a waiver
	 * @param hearingWaivedOn the day the party waived the hearing in writing or withdrew its request, or null
	 * @return the line, or null without a window
	 */
	public static ReplyWindowLine of(boolean hearingRight, LocalDate due, LocalDate statementWaivedOn,
			LocalDate hearingRequestedOn, LocalDate hearingWaivedOn) {
		if (due == null) {
			return null;
		}
		boolean hearingOpen = hearingRight && hearingWaivedOn == null;
		boolean hearingWaived = hearingRight && hearingWaivedOn != null;
		// a request withdrawn: the same keys with "Withdrawn" for "Waived" (撤回听证申请, not 放弃听证)
		String gaveUp = hearingRequestedOn != null ? "Withdrawn" : "Waived";
		if (statementWaivedOn == null) {
			if (hearingOpen) {
				return new ReplyWindowLine("enforcement.reply.both", new Object[] { due });
			}
			return hearingWaived ? new ReplyWindowLine("enforcement.reply.statementHearing" + gaveUp, new Object[] { due, hearingWaivedOn })
					: new ReplyWindowLine("enforcement.reply.statement", new Object[] { due });
		}
		if (hearingOpen) {
			return new ReplyWindowLine("enforcement.reply.hearingStatementWaived", new Object[] { due, statementWaivedOn });
		}
		return hearingWaived ? new ReplyWindowLine("enforcement.reply.both" + gaveUp, new Object[] { statementWaivedOn, hearingWaivedOn })
				: new ReplyWindowLine("enforcement.reply.statementWaived", new Object[] { statementWaivedOn });
	}

	/** Whether the line still names a last day (some right is left): the 暂定 mark goes beside it then. */
	public boolean namesDue() {
		return key.equals("enforcement.reply.both") || key.equals("enforcement.reply.statement")
				|| key.startsWith("enforcement.reply.statementHearing") || key.equals("enforcement.reply.hearingStatementWaived");
	}
}
