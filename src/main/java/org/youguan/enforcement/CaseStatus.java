package org.youguan.enforcement;

import java.time.LocalDate;

import org.youguan.kernel.ChineseText;

/**
 * The steps of a penalty case (行政处罚法(2021) ch.5). A case moves only through {@link PenaltyCases}' guarded steps;
 * {@link #beforeDecision()} are the states whose clock is running.
 */
public enum CaseStatus {

	/** 立案 approved (art.54). */
	FILED("已立案"),
	/** 调查取证 by at least two certified investigators (art.42, 55). */
	INVESTIGATING("调查取证"),
	/** 调查终结: report written, penalty proposed; 法制审核 where the rules require it (art.58). */
	INVESTIGATED("调查终结"),
	/** 事先告知 given (art.44); 陈述申辩 open. */
	NOTIFIED("已告知"),
	/** 听证 requested in time (art.63–64). */
	HEARING("听证"),
	/** 决定 made (art.57, 59). */
	DECIDED("已决定"),
	/** 送达 (art.61). */
	DELIVERED("已送达"),
	/** 执行: the fine paid (art.67, 72). */
	EXECUTED("已执行"),
	/** 结案. */
	CLOSED("已结案"),
	/** 不予处罚 (art.33). */
	NOT_PENALIZED("不予处罚"),
	/** 撤案. */
	WITHDRAWN("已撤案"),
	/** 移送: handed to another authority or bureau, which decides; the case ends here. */
	TRANSFERRED("已移送");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages. */
	public String label() {
		return label;
	}

	/**
	 * The status as every page, list, API and export shows it — the one place that says so: {@link #label()}, except a
	 * decision served by public notice (公告送达) whose deemed day is still ahead. That decision is not yet in effect
	 * (民事诉讼法(2023) art.95, applied by 行政处罚法(2021) art.61: deemed served thirty days after publication), so it reads
	 * "公告送达中（视为送达日2026年3月5日）", never 已送达; the stored status stays {@link #DELIVERED} and becomes 已送达 in
	 * every view on the deemed day itself.
	 * @param deemedDayAhead the deemed day while it is still ahead, as the one rule gives it
	 * ({@link org.youguan.enforcement.internal.CaseClock#deemedDayAhead}, {@link CaseView#deemedServedAfter}), else null
	 * @return the label, or the pending public notice with its deemed day
	 */
	public String shown(LocalDate deemedDayAhead) {
		return this == DELIVERED && deemedDayAhead != null ? pendingLabel(deemedDayAhead) : label;
	}

	/** The status of a decision whose public notice runs until {@code deemedDay}: "公告送达中（视为送达日2026年3月5日）". */
	public static String pendingLabel(LocalDate deemedDay) {
		return "公告送达中（视为送达日" + ChineseText.day(deemedDay) + "）";
	}

	/**
	 * The status of a decision revoked or confirmed invalid on {@code annulledOn} (行政处罚法(2021) art.48), as its party
	 * reads it: "处罚决定已撤销或确认无效（2026年3月5日）" — also while a public notice serving it still ran.
	 */
	public static String annulledLabel(LocalDate annulledOn) {
		return "处罚决定已撤销或确认无效（" + ChineseText.day(annulledOn) + "）";
	}

	/** Whether the decision clock runs: the case is filed and not yet decided, dropped or withdrawn. */
	public boolean beforeDecision() {
		return this == FILED || this == INVESTIGATING || this == INVESTIGATED || this == NOTIFIED || this == HEARING;
	}

	/** Whether the case is over (closed, not penalised, withdrawn or transferred). */
	public boolean finished() {
		return this == CLOSED || this == NOT_PENALIZED || this == WITHDRAWN || this == TRANSFERRED;
	}
}
