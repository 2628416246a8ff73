package org.youguan.licensing.internal;

import org.springframework.stereotype.Component;
import org.youguan.licensing.Clerk;
import org.youguan.org.CurrentUser;
import org.youguan.org.PageAccess;

/**
 * Who may open the licensing pages beyond their roles: the page **注销许可证** only for those who cancel licences — the
 * deciding level, a provincial bureau or 国家邮政局 ({@link Clerk#decidesLicences()}); a city or county bureau, whose
 * post would be refused, gets 403 on the page too and no menu entry.
 */
@Component("licensingPages")
class LicensingPages implements PageAccess {

	static final String CANCELLATION = "/licensing/licences/cancellation";

	/** For {@code @PreAuthorize}: the signed-in user cancels licences of some scope. */
	static final String CANCELLERS = LicensingApiController.DECIDERS + " and @licensingPages.cancels(principal)";

	/** Whether the principal is a user who cancels licences of some scope. */
	public boolean cancels(Object principal) {
		return principal instanceof CurrentUser user && Clerk.of(user).decidesLicences();
	}

	@Override
	public boolean mayOpen(CurrentUser user, String path) {
		return !path.equals(CANCELLATION) || cancels(user);
	}
}
