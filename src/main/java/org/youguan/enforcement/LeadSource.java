package org.youguan.enforcement;

/**
 * Where a lead (线索) came from; the stable values of the import contract.
 */
public enum LeadSource {

	/** An inspection concluded as 立案线索, or a 责令改正 order left unrectified. */
	INSPECTION("执法检查"),
	/** A complaint referred to enforcement (申诉移送). */
	COMPLAINT("申诉移送"),
	/** A report by the public or another agency, entered by staff (群众举报、其他机关移送). */
	REPORT("举报、其他机关移送"),
	/** A transfer from another postal bureau (上级交办、下级报请、其他邮政管理部门移送). */
	TRANSFER("邮政管理部门移交"),
	/** A safety anomaly alert (实名收寄、过机安检预警) turned into a lead by the safety centre. */
	SAFETY("安全监管预警"),
	/** An outlet filed after the statutory period from opening (逾期备案, 快递暂行条例(2025) art.19, art.50). */
	FILING("末端网点逾期备案");

	private final String label;

	LeadSource(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages. */
	public String label() {
		return label;
	}
}
