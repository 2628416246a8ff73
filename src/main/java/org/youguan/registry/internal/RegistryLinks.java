package org.youguan.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

/**
 * The registry holds no queue; it tells the inbox where its records' pages are, so a clerk's 已办 links the enterprise,
 * licence, branch, outlet, facility or brand she registered or changed.
 */
@Component
class RegistryLinks implements WorkQueueProvider {

	private static final Map<String, String> PAGES = Map.of("Enterprise", "/registry/enterprises/", "ExpressLicence",
			"/registry/licences/", "Branch", "/registry/branches/", "TerminalOutlet", "/registry/outlets/", "Facility",
			"/registry/facilities/", "Brand", "/registry/brands/");

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		return List.of();
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		String page = PAGES.get(objectType);
		return page == null || objectId == null || !user.isStaff() || !objectId.chars().allMatch(Character::isDigit)
				? Optional.empty() : Optional.of(page + objectId);
	}
}
