package org.youguan.enforcement.internal;

import java.util.EnumSet;
import java.util.Set;

import org.youguan.enforcement.CaseStatus;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.StepRefusal;
import org.youguan.kernel.Workflow;

import static org.youguan.enforcement.CaseStatus.CLOSED;
import static org.youguan.enforcement.CaseStatus.DECIDED;
import static org.youguan.enforcement.CaseStatus.DELIVERED;
import static org.youguan.enforcement.CaseStatus.EXECUTED;
import static org.youguan.enforcement.CaseStatus.FILED;
import static org.youguan.enforcement.CaseStatus.HEARING;
import static org.youguan.enforcement.CaseStatus.INVESTIGATED;
import static org.youguan.enforcement.CaseStatus.INVESTIGATING;
import static org.youguan.enforcement.CaseStatus.NOTIFIED;
import static org.youguan.enforcement.CaseStatus.NOT_PENALIZED;
import static org.youguan.enforcement.CaseStatus.TRANSFERRED;
import static org.youguan.enforcement.CaseStatus.WITHDRAWN;

/**
 * The steps of a penalty case and the one table of which state each may start from and which state it leads to (a
 * step that records something without moving the case leads nowhere: {@code to} is null). Every step of the service
 * asks {@link #from(CaseStatus)} first; the step's own guards (dates, people, amounts) follow.
 */
public enum CaseStep {

	/** 调查取证 with at least two certified investigators (行政处罚法(2021) art.42, 55). */
	START_INVESTIGATION("开始调查取证", INVESTIGATING, EnumSet.of(FILED)),
	/**
	 * 更换调查人员: the handling bureau's head names a new team while the investigators' steps lie ahead (evidence,
	 * 调查终结报告, 陈述申辩) — one who left, fell ill or whose team nobody of the bureau can act for.
	 */
	CHANGE_TEAM("更换调查人员", null, EnumSet.of(INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
	/** 调查取证: an item of the evidence list (art.46, 55), while the investigation lasts. */
	ADD_EVIDENCE("登记证据", null, EnumSet.of(INVESTIGATING)),
	/** 调查终结: report and proposed penalty. */
	CONCLUDE_INVESTIGATION("调查终结", INVESTIGATED, EnumSet.of(INVESTIGATING)),
	/** 法制审核 (art.58): before the notice, or again after a hearing. */
	REVIEW("法制审核", null, EnumSet.of(INVESTIGATED, HEARING)),
	/** 事先告知 (art.44). */
	NOTIFY("事先告知", NOTIFIED, EnumSet.of(INVESTIGATED)),
	/** 陈述申辩 recorded (art.45). */
	RECORD_STATEMENT("陈述申辩", null, EnumSet.of(NOTIFIED, HEARING)),
	/** 听证 requested (art.63–64). */
	REQUEST_HEARING("申请听证", HEARING, EnumSet.of(NOTIFIED)),
	/** 放弃听证: the party explicitly gives up the hearing it may request (art.63–64). */
	WAIVE_HEARING("放弃听证", null, EnumSet.of(NOTIFIED, HEARING)),
	/** 听证通知: the hearing's day, place and host told the party at least 7 working days ahead (art.64(二), 85). */
	NOTICE_HEARING("听证通知", null, EnumSet.of(HEARING)),
	/** 听证 held (art.64), on or after the day its notice named. */
	HOLD_HEARING("举行听证", null, EnumSet.of(HEARING)),
	/**
	 * 退回调查: the handling bureau's head sends a notified or heard case back to investigation before the decision (new
	 * facts from the 陈述申辩 or the hearing, art.45, 65); it is concluded and notified again.
	 */
	RETURN_TO_INVESTIGATION("退回调查取证", INVESTIGATING, EnumSet.of(NOTIFIED, HEARING)),
	/** 决定 (art.57, 59). */
	DECIDE("作出处罚决定", DECIDED, EnumSet.of(NOTIFIED, HEARING)),
	/** 不予处罚 (art.33). */
	NOT_PENALIZE("不予处罚", NOT_PENALIZED, EnumSet.of(INVESTIGATED, NOTIFIED, HEARING)),
	/** 送达 (art.61). */
	DELIVER("送达", DELIVERED, EnumSet.of(DECIDED)),
	/** 送达 of the 不予行政处罚决定书 (art.61), once, on the case it ended. */
	DELIVER_NO_PENALTY("送达不予行政处罚决定书", null, EnumSet.of(NOT_PENALIZED)),
	/**
	 * 罚款缴纳 (art.67, 72), once the decision is delivered; as {@link #HAND_OVER}, the case moves to 已执行 only when
	 * nothing else (what a confiscation takes, not handed over) is left to carry out — the caller decides
	 * ({@code CaseExecution}), so the step itself stays where it is.
	 */
	PAY("登记缴纳罚款", null, EnumSet.of(DELIVERED)),
	/**
	 * 没收违法所得上缴 (art.74) recorded, once the decision is delivered; moves the case to 已执行 only when nothing else
	 * (an unpaid fine) is left to carry out, so it stays where it is otherwise.
	 */
	HAND_OVER("登记没收违法所得上缴", null, EnumSet.of(DELIVERED, EXECUTED)),
	/** 结案. */
	CLOSE("结案", CLOSED, EnumSet.of(DELIVERED, EXECUTED)),
	/**
	 * The outcome of 行政复议 or 行政诉讼 against the decision, or the bureau's own correction (行政处罚法(2021) art.48,
	 * 75), recorded on a decided case ({@code DecisionOutcomes}).
	 */
	RECORD_OUTCOME("登记复议、诉讼结果或自行纠正", null, EnumSet.of(DECIDED, DELIVERED, EXECUTED, CLOSED)),
	/** 撤案, before the decision (also after the notice or the hearing). */
	WITHDRAW("撤案", WITHDRAWN, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
	/**
	 * 移送 to another authority or bureau (行政处罚法(2021) art.27, 管辖), before the decision (also after the notice or
	 * the hearing); ends the case.
	 */
	TRANSFER("移送", TRANSFERRED, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
	/** 延期/分期缴纳罚款 approved (art.66), once the decision is delivered and before the fine is paid. */
	ARRANGE_PAYMENT("批准延期（分期）缴纳罚款", null, EnumSet.of(DELIVERED)),
	/** 延长办案期限 once (邮政行政执法监督办法(2021) art.17). */
	EXTEND("延长办案期限", null, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
	/** 中止计时 (art.17). */
	SUSPEND("中止计时", null, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
	/** 恢复计时. */
	RESUME("恢复计时", null, EnumSet.of(FILED, INVESTIGATING, INVESTIGATED, NOTIFIED, HEARING)),
	/** 双公示. */
	PUBLISH("公示处罚决定", null, EnumSet.of(DECIDED, DELIVERED, EXECUTED, CLOSED)),
	/** 撤回公示 (art.48). */
	WITHDRAW_PUBLICATION("撤回公示", null, EnumSet.of(DECIDED, DELIVERED, EXECUTED, CLOSED));

	private final String label;

	private final CaseStatus to;

	private final Set<CaseStatus> from;

	/**
	 * The workflow the table makes: its moves ({@link Workflow}), from which a refused step is told past or still ahead
	 * — not the order the states are declared in.
	 */
	private static final Workflow<CaseStatus> FLOW = Workflow.ofSteps(CaseStatus.class, values(),
			step -> step.from, step -> step.to,
			step -> step == RETURN_TO_INVESTIGATION)
		// a payment or a handover moves a delivered case to 已执行 when nothing else is left (the caller decides)
		.move(CaseStatus.DELIVERED, CaseStatus.EXECUTED);

	CaseStep(String label, CaseStatus to, Set<CaseStatus> from) {
		this.label = label;
		this.to = to;
		this.from = from;
	}

	/** The step's Chinese name. */
	public String label() {
		return label;
	}

	/** The states the step may start from. */
	public Set<CaseStatus> allowedFrom() {
		return from;
	}

	/**
	 * The state a case in {@code status} is in after this step.
	 * @throws DomainException (illegal transition, 409) when the step may not start from {@code status}: the message says
	 * the state the case is in and whether the step no longer applies (the case has gone past it, or is finished) or
	 * comes later (the steps before it first)
	 */
	public CaseStatus from(CaseStatus status) {
		if (!from.contains(status)) {
			throw StepRefusal.of("案件", "案", status.label(), label, FLOW.past(status, from, to, status.finished()));
		}
		return to == null ? status : to;
	}
}
