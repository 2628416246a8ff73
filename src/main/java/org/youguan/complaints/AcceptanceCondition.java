package org.youguan.complaints;

/**
 * The conditions under which a complaint is not accepted (邮政业用户申诉处理办法（2014）): the handler names one when
 * refusing; the system pre-evaluates those it can (prior complaint, time bar, duplicates).
 */
public enum AcceptanceCondition {

	OUT_OF_SCOPE("不属于邮政业服务质量申诉受理范围"),
	NOT_A_PARTY("申诉人不是寄件人、收件人或其委托人"),
	NO_RESPONDENT_OR_FACTS("没有明确的被申诉人或具体事实"),
	NO_PRIOR_COMPLAINT("未先向企业投诉，或企业在规定期限内尚未答复"),
	DUPLICATE("重复申诉且无新的内容"),
	/** The window is the rule catalogue's ({@code complaint.filing-window}), stated by {@link #label(String)}. */
	TIME_BARRED("超过申诉时效"),
	OTHER_PROCEEDINGS("已进入诉讼、仲裁、行政裁决、人民调解或刑事侦查、行政处罚程序");

	private final String label;

	AcceptanceCondition(String label) {
		this.label = label;
	}

	/** The condition's name; the time bar without its window, which a bureau may set ({@link #label(String)}). */
	public String label() {
		return label;
	}

	/**
	 * The condition's name stating the filing window where it is the time bar: "超过申诉时效（争议发生或交寄之日起1年）"
	 * with the window as the rule catalogue states it for the complaint's county ({@code StatutoryRules.stated},
	 * {@code complaint.filing-window}) — never a figure written into the text, which a bureau's own window would
	 * contradict.
	 * @param filingWindow the window as stated ("1年", "2年"); null gives {@link #label()}
	 */
	public String label(String filingWindow) {
		return this == TIME_BARRED && filingWindow != null ? label + "（争议发生或交寄之日起" + filingWindow + "）" : label;
	}
}
