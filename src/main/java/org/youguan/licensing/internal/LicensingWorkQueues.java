package org.youguan.licensing.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.licensing.ApplicationStatus;
import org.youguan.licensing.LicenceApplications;
import org.youguan.licensing.LicenceApplications.ApplicationSummary;
import org.youguan.org.BureauLevel;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The licensing queues of the inbox. Receiving staff (city, province): applications waiting for receipt; city staff:
 * accepted ones to review and reviewed ones to verify on site; the provincial and national bureaus: verified ones to
 * decide. Enterprise users: their applications waiting for 补正.
 */
@Component
class LicensingWorkQueues implements WorkQueueProvider {

	private final LicenceApplications applications;

	LicensingWorkQueues(LicenceApplications applications) {
		this.applications = applications;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		DataScope scope = user.scope();
		if (!user.isStaff()) {
			var correction = open(scope, ApplicationStatus.CORRECTION_REQUESTED);
			return correction.total() == 0 ? List.of()
					: List.of(WorkQueue.action("licensing.correction", "/licensing/applications?status=CORRECTION_REQUESTED",
							correction.total(), 0, null, items(correction)));
		}
		if (!user.caseHandler() || user.bureauLevel() == null || user.bureauLevel() == BureauLevel.COUNTY) {
			return List.of();
		}
		var receipt = open(scope, ApplicationStatus.SUBMITTED);
		WorkQueue receive = WorkQueue.action("licensing.receipt", "/licensing/applications?status=SUBMITTED", receipt.total(), 0,
				null, items(receipt));
		if (user.bureauLevel() == BureauLevel.CITY) {
			var review = open(scope, ApplicationStatus.ACCEPTED);
			var verify = open(scope, ApplicationStatus.REVIEWED);
			return List.of(receive,
					WorkQueue.action("licensing.review", "/licensing/applications?status=ACCEPTED", review.total(), 0, null, items(review)),
					WorkQueue.action("licensing.verification", "/licensing/applications?status=REVIEWED", verify.total(), 0, null,
							items(verify)));
		}
		var decide = open(scope, ApplicationStatus.VERIFIED);
		return List.of(receive, WorkQueue.action("licensing.decision", "/licensing/applications?status=VERIFIED", decide.total(), 0,
				null, items(decide)));
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		return "licence_application".equals(objectType) && objectId != null
				? Optional.of("/licensing/applications/" + objectId) : Optional.empty();
	}

	private PageResult<ApplicationSummary> open(DataScope scope, ApplicationStatus status) {
		return applications.list(scope, status, true, new PageQuery("", 0, WorkQueue.ITEMS, "submitted_on", false));
	}

	private static List<WorkQueue.Item> items(PageResult<ApplicationSummary> result) {
		return result.items().stream()
			.map(a -> new WorkQueue.Item(List.of(a.applicantName()), List.of(a.number(), a.kind(), a.scope()),
					"/licensing/applications/" + a.id(), a.decisionDueOn(), a.remainingDays() != null && a.remainingDays() < 0))
			.toList();
	}
}
