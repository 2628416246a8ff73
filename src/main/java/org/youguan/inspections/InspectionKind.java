package org.youguan.inspections;

/**
 * Why an inspection took place: a 双随机 draw, or an ad-hoc one (专项检查, 督导检查, complaint-triggered, a 普遍服务
 * check of a village's delivery) that uses the same record without a draw.
 */
public enum InspectionKind {

	/** 双随机抽查 */
	RANDOM("双随机抽查"),
	/** 专项检查 */
	SPECIAL("专项检查"),
	/** 督导检查 */
	SUPERVISION("督导检查"),
	/** 投诉举报引发的检查 */
	COMPLAINT("投诉举报核查"),
	/**
	 * 普遍服务监督检查: the on-site 通邮 check of a 建制村, recorded as the inspection of the postal enterprise serving it
	 * (邮政法(2015) art.15, 19; the universal module's 通邮 checks make these records).
	 */
	UNIVERSAL("普遍服务监督检查");

	private final String label;

	InspectionKind(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages. */
	public String label() {
		return label;
	}
}
