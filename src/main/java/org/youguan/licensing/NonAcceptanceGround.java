package org.youguan.licensing;

import org.youguan.rules.Provision;

/**
 * Why a licence application is not accepted (不予受理), each on its provision of the rule catalogue (行政许可法(2019)
 * art.32 para.1), which words the 不予受理决定书: only a matter outside this bureau's competence tells the applicant to
 * apply to the competent bureau (art.32 para.1 (二)); a matter that needs no licence is told so (art.32 para.1 (一)); an
 * application whose materials stayed incomplete after the one 补正 may be made again once complete (art.32 para.1 (四)).
 */
public enum NonAcceptanceGround {

	/** 申请事项不属于本行政机关职权范围 (art.32 para.1 (二)): the competent bureau named. */
	NOT_COMPETENT("申请事项依法不属于本机关职权范围", Provision.LICENSING_NOT_COMPETENT),

	/** 申请事项依法不需要取得行政许可 (art.32 para.1 (一)). */
	NOT_NEEDED("申请事项依法不需要取得行政许可", Provision.LICENSING_NOT_NEEDED),

	/** 申请材料不齐全或者不符合法定形式，经一次告知后未按期补正 (art.32 para.1 (四)). */
	NOT_CORRECTED("申请材料不齐全或者不符合法定形式，经一次告知后未按要求补正", Provision.LICENSING_CORRECTION);

	private final String statement;

	private final Provision provision;

	NonAcceptanceGround(String statement, Provision provision) {
		this.statement = statement;
		this.provision = provision;
	}

	/** The ground as the decision and a refusal state it: 申请事项依法不属于本机关职权范围. */
	public String statement() {
		return statement;
	}

	/** The ground as a page lists it, with its article: 申请事项依法不属于本机关职权范围（行政许可法(2019) 第32条第1款第2项）. */
	public String label() {
		return statement + "（" + provision + "）";
	}

	/** The provision the ground rests on, as the decision cites it ({@link Provision#formal()}). */
	public Provision provision() {
		return provision;
	}

	/** Whether the decision names a competent bureau to apply to: only for a matter outside this bureau's competence. */
	public boolean namesCompetentBureau() {
		return this == NOT_COMPETENT;
	}

	/**
	 * The decision's last sentence, what the applicant may do: apply to {@code competent} (NOT_COMPETENT); nothing to
	 * apply for (NOT_NEEDED); apply again once the materials are complete (NOT_CORRECTED).
	 * @param competent the competent bureau (NOT_COMPETENT only)
	 */
	public String advice(String competent) {
		return switch (this) {
			case NOT_COMPETENT -> "请向" + competent + "提出申请。";
			case NOT_NEEDED -> "所申请事项依法无需取得行政许可，本机关不予办理。";
			case NOT_CORRECTED -> "你单位补齐申请材料后，可以重新提出申请。";
		};
	}
}
