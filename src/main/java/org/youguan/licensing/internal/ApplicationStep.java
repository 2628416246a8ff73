package org.youguan.licensing.internal;

import java.util.EnumSet;
import java.util.Set;

import org.youguan.kernel.DomainException;
import org.youguan.kernel.StepRefusal;
import org.youguan.kernel.Workflow;
import org.youguan.licensing.ApplicationStatus;

import static org.youguan.licensing.ApplicationStatus.ACCEPTED;
import static org.youguan.licensing.ApplicationStatus.APPROVED;
import static org.youguan.licensing.ApplicationStatus.CORRECTION_REQUESTED;
import static org.youguan.licensing.ApplicationStatus.NOT_ACCEPTED;
import static org.youguan.licensing.ApplicationStatus.REFUSED;
import static org.youguan.licensing.ApplicationStatus.REVIEWED;
import static org.youguan.licensing.ApplicationStatus.SUBMITTED;
import static org.youguan.licensing.ApplicationStatus.VERIFIED;

/**
 * The steps of a licence application and the one table of which state each may start from and which it leads to (a
 * step that records something without moving the application has {@code to} null). Every step of the service asks
 * {@link #from(ApplicationStatus)} first; the step's own guards (who, dates, completeness) follow.
 */
public enum ApplicationStep {

	/** 一次告知补正 (行政许可法(2019) art.32(四)). */
	REQUEST_CORRECTION("出具补正通知", CORRECTION_REQUESTED, EnumSet.of(SUBMITTED)),
	/** The applicant hands in the missing materials. */
	CORRECT("提交补正材料", SUBMITTED, EnumSet.of(CORRECTION_REQUESTED)),
	/** 受理 (art.32(五)). */
	ACCEPT("受理", ACCEPTED, EnumSet.of(SUBMITTED)),
	/** 不予受理 (art.32(一)(二)). */
	NOT_ACCEPT("不予受理", NOT_ACCEPTED, EnumSet.of(SUBMITTED, CORRECTION_REQUESTED)),
	/** 初审 by the city bureau of the premises. */
	REVIEW("初审", REVIEWED, EnumSet.of(ACCEPTED)),
	/** 现场核查 by the city bureau of the premises. */
	VERIFY("现场核查", VERIFIED, EnumSet.of(REVIEWED)),
	/** 准予许可 (邮政法(2015) art.53). */
	APPROVE("准予许可", APPROVED, EnumSet.of(VERIFIED)),
	/**
	 * 准予延续 of a renewal deemed granted (视为准予延续, 行政许可法(2019) art.50): accepted before the licence expired and
	 * undecided at its expiry, it is approved from wherever it stands, without the review or verification left.
	 */
	APPROVE_DEEMED("准予延续", APPROVED, EnumSet.of(ACCEPTED, REVIEWED, VERIFIED)),
	/**
	 * 不予许可 with reasons and remedies (行政许可法(2019) art.38); from 已受理 too, for an application accepted by law whose
	 * missing materials never came (it cannot be reviewed).
	 */
	REFUSE("不予许可", REFUSED, EnumSet.of(ACCEPTED, REVIEWED, VERIFIED)),
	/** A pause of the decision clock (art.45). */
	SUSPEND("中止计时", null, EnumSet.of(ACCEPTED, REVIEWED, VERIFIED)),
	/** The end of a pause. */
	RESUME("恢复计时", null, EnumSet.of(ACCEPTED, REVIEWED, VERIFIED));

	private final String label;

	private final ApplicationStatus to;

	private final Set<ApplicationStatus> from;

	/**
	 * The workflow the table makes: its moves ({@link Workflow}), from which a refused step is told past or still ahead
	 * — not the order the states are declared in.
	 */
	private static final Workflow<ApplicationStatus> FLOW = Workflow.ofSteps(ApplicationStatus.class, values(),
			step -> step.from, step -> step.to,
			step -> step == CORRECT);

	ApplicationStep(String label, ApplicationStatus to, Set<ApplicationStatus> from) {
		this.label = label;
		this.to = to;
		this.from = from;
	}

	/** The step's Chinese name. */
	public String label() {
		return label;
	}

	/** Whether the step may start from {@code status}. */
	public boolean allowedFrom(ApplicationStatus status) {
		return from.contains(status);
	}

	/**
	 * The state an application in {@code status} is in after this step.
	 * @throws DomainException (illegal transition, 409) when the step may not start from {@code status}: the state, and
	 * whether the step no longer applies or comes later ({@link StepRefusal})
	 */
	public ApplicationStatus from(ApplicationStatus status) {
		if (!from.contains(status)) {
			throw StepRefusal.of("申请", "申请", status.label(), label, FLOW.past(status, from, to, !status.open()));
		}
		return to == null ? status : to;
	}
}
