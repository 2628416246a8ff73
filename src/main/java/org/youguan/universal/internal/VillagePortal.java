package org.youguan.universal.internal;

import org.springframework.stereotype.Component;
import org.youguan.org.CurrentUser;
import org.youguan.org.PageAccess;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;

/**
 * Who may open the enterprise portal's 建制村 and post-office pages: a user of an enterprise registered as a postal enterprise (邮政法
 * (2015) art.15, 19: the postal enterprise provides the universal service and keeps the villages' 通邮 profiles); an
 * express company's user may not (403), and its menu does not offer them.
 */
@Component("villagePortal")
class VillagePortal implements PageAccess {

	static final String PAGES = "/enterprise/villages";

	/** The portal's post-office pages (opening days, closure/relocation applications, 临时停业), postal only too. */
	static final String POST_OFFICE_PAGES = "/enterprise/post-offices";

	/** For {@code @PreAuthorize}: the signed-in enterprise user's enterprise is a registered postal enterprise. */
	static final String POSTAL = "hasRole('ENTERPRISE') and @villagePortal.postal(principal)";

	private final Enterprises enterprises;

	VillagePortal(Enterprises enterprises) {
		this.enterprises = enterprises;
	}

	/** Whether the principal is a user of a registered postal enterprise. */
	public boolean postal(Object principal) {
		return principal instanceof CurrentUser user && user.enterpriseCreditCode() != null
				&& enterprises.findByCreditCode(user.enterpriseCreditCode())
					.filter(e -> e.type() == EnterpriseType.POSTAL)
					.isPresent();
	}

	@Override
	public boolean mayOpen(CurrentUser user, String path) {
		return !(under(path, PAGES) || under(path, POST_OFFICE_PAGES)) || postal(user);
	}

	private static boolean under(String path, String pages) {
		return path.equals(pages) || path.startsWith(pages + "/");
	}
}
