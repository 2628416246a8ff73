package org.youguan.inspections;

import java.util.List;

import org.youguan.kernel.Text;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.youguan.inspections.internal.JsonLists;

/**
 * An inspection as the API and the import take it (stable contract of {@code POST /api/v1/inspections/records}):
 * dates as YYYY-MM-DD text and codes as text, so that every malformed value is answered with the field it is in.
 *
 * @param enterpriseCreditCode the inspected enterprise's 统一社会信用代码 (registered, inside the caller's scope)
 * @param inspectedOn the day of the inspection
 * @param kind RANDOM, SPECIAL, SUPERVISION, COMPLAINT or UNIVERSAL ({@link InspectionKind})
 * @param items the codes of the 抽查事项 checked (one code may be given as text)
 * @param inspectors the team, at least two, each with name and certificate number
 * @param outcome NONE, INTERVIEW, RECTIFICATION or LEAD ({@link InspectionOutcome})
 * @param findings what was found (required unless the outcome is NONE)
 * @param rectification the 责令改正通知书 when the outcome is RECTIFICATION, else null
 * @param place where the inspection took place (optional)
 * @param objectType what was inspected: ENTERPRISE (the enterprise itself, the default when blank), BRANCH (one of its
 * 分支机构) or OUTLET (one of its 末端网点) — optional, added to the contract
 * @param objectId the registry id of the branch or outlet inspected (required for BRANCH and OUTLET, else absent)
 * @param planId the 双随机 plan that drew the inspected enterprise (or branch or outlet): required when {@code kind} is
 * RANDOM — a 双随机 check is the check of a drawn target ({@link InspectionPlans#drawnRecordProblems}) —, absent for
 * every other kind; added to the contract
 */
public record InspectionRecordData(String enterpriseCreditCode, String inspectedOn, String kind,
		@JsonDeserialize(using = JsonLists.Strings.class) List<String> items,
		@JsonDeserialize(using = JsonLists.Team.class) List<TeamMember> inspectors, String outcome, String findings,
		Rectification rectification, String place, String objectType, Long objectId, Long planId) {

	/** The findings as stored: invisible characters removed ({@link Text#freeText}), so twins and searches see them. */
	public InspectionRecordData {
		findings = Text.freeText(findings);
	}

	/** An inspection named by no plan (any kind but RANDOM): the contract before {@code planId}. */
	public InspectionRecordData(String enterpriseCreditCode, String inspectedOn, String kind, List<String> items,
			List<TeamMember> inspectors, String outcome, String findings, Rectification rectification, String place,
			String objectType, Long objectId) {
		this(enterpriseCreditCode, inspectedOn, kind, items, inspectors, outcome, findings, rectification, place,
				objectType, objectId, null);
	}

	/** An inspection of the enterprise itself (no branch or outlet named): the contract as first published. */
	public InspectionRecordData(String enterpriseCreditCode, String inspectedOn, String kind, List<String> items,
			List<TeamMember> inspectors, String outcome, String findings, Rectification rectification, String place) {
		this(enterpriseCreditCode, inspectedOn, kind, items, inspectors, outcome, findings, rectification, place, null,
				null, null);
	}

	/** One inspector of the team as shown on site: name and 执法证号. */
	public record TeamMember(String name, String certificateNumber) {
	}

	/**
	 * The order to correct: its 文号, the day issued, the deadline, and the day the enterprise rectified (null while
	 * not rectified).
	 */
	public record Rectification(String number, String issuedOn, String dueOn, String rectifiedOn) {
	}
}
