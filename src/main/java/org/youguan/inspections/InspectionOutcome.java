package org.youguan.inspections;

/**
 * What an inspection concluded: no problem, an interview (约谈, for minor first violations), an order to correct
 * (责令改正通知书), or a lead for a penalty case (立案线索, handed to enforcement by {@link InspectionLeadRaised}).
 */
public enum InspectionOutcome {

	/** 无问题 */
	NONE("无问题"),
	/** 约谈 */
	INTERVIEW("约谈"),
	/** 责令改正 */
	RECTIFICATION("责令改正"),
	/** 立案线索 */
	LEAD("立案线索");

	private final String label;

	InspectionOutcome(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages. */
	public String label() {
		return label;
	}
}
