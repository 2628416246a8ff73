package org.youguan.registry;

/**
 * A licensing decision on a licence (a renewal, {@link LicenceRenewed}; a change or a branch, {@link LicenceChanged})
 * that the registry did not apply because the licence had ended before it heard it — revoked (吊销) by a penalty decision
 * or cancelled (注销) meanwhile: an ended licence is neither extended nor changed (行政许可法(2019) art.70). Published by the
 * registry, heard by the licensing module, which records on the application that its decision never took effect and why
 * (the registry's outbound contract, as {@link EnterpriseCancelled}). A repeated delivery of the decision publishes it
 * again; hearing it twice changes nothing.
 *
 * @param applicationId the application decided ({@link LicenceRenewed#applicationId}, {@link LicenceChanged#applicationId})
 * @param licenceNumber the licence as the registry records it
 * @param decisionNumber the decision's 文号, as the decision's event carried it
 * @param status how the licence ended: {@link LicenceStatus#REVOKED} or {@link LicenceStatus#CANCELLED}
 * @param reason the reason recorded on the licence when it ended ("依据行政处罚决定书…吊销：…", the 注销 ground)
 */
public record LicenceDecisionNotApplied(long applicationId, String licenceNumber, String decisionNumber, LicenceStatus status,
		String reason) {
}
