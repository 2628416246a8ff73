package org.youguan.universal;

import java.util.EnumSet;
import java.util.Set;

import org.youguan.kernel.DomainException;
import org.youguan.kernel.StepRefusal;
import org.youguan.kernel.Workflow;

import static org.youguan.universal.ApprovalStatus.ANNOUNCED;
import static org.youguan.universal.ApprovalStatus.APPROVED;
import static org.youguan.universal.ApprovalStatus.CHECKED;
import static org.youguan.universal.ApprovalStatus.REFUSED;
import static org.youguan.universal.ApprovalStatus.SUBMITTED;

/**
 * The steps of a post-office closure/relocation approval and the one table of which state each may start from and
 * which it leads to (a step that records something without moving the approval has {@code to} null), as licensing's
 * application steps are kept. Every step of {@link PostOfficeApprovals} asks {@link #from(ApprovalStatus)} first.
 */
enum ApprovalStep {

	/** 现场核查和征求当地意见 (on-site check and local consultation). */
	CHECK("现场核查和征求意见", CHECKED, EnumSet.of(SUBMITTED)),
	/** 延长审批期限, once, approved by the bureau's head. */
	EXTEND("延长审批期限", null, EnumSet.of(SUBMITTED, CHECKED)),
	/** 批准 after the check. */
	APPROVE("批准", APPROVED, EnumSet.of(CHECKED)),
	/** 不予批准 with reasons. */
	REFUSE("不予批准", REFUSED, EnumSet.of(SUBMITTED, CHECKED)),
	/** 向社会公告 of an approved closure or relocation (邮政法(2015) art.9). */
	ANNOUNCE("向社会公告", ANNOUNCED, EnumSet.of(APPROVED));

	private final String label;

	private final ApprovalStatus to;

	private final Set<ApprovalStatus> from;

	/**
	 * The workflow the table makes: its moves ({@link Workflow}), from which a refused step is told past or still ahead
	 * — not the order the states are declared in.
	 */
	private static final Workflow<ApprovalStatus> FLOW = Workflow.ofSteps(ApprovalStatus.class, values(),
			step -> step.from, step -> step.to,
			step -> false);

	ApprovalStep(String label, ApprovalStatus to, Set<ApprovalStatus> from) {
		this.label = label;
		this.to = to;
		this.from = from;
	}

	String label() {
		return label;
	}

	/**
	 * The state the step leads to from {@code current} (the same state for a step that only records).
	 * @throws DomainException (409) when the step may not start from {@code current}: the state, and whether the step no
	 * longer applies or comes later ({@link StepRefusal})
	 */
	ApprovalStatus from(ApprovalStatus current) {
		if (!from.contains(current)) {
			throw StepRefusal.of("审批", "审批", current.label(), label, FLOW.past(current, from, to, !current.open()));
		}
		return to == null ? current : to;
	}
}
