package org.youguan.licensing;

import java.util.Arrays;

import org.youguan.kernel.DataScope;
import org.youguan.org.BureauLevel;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.registry.Registrar;

/**
 * Who takes a licensing step, as far as the procedure asks: the bureau level and region (which decide receipt, on-site
 * verification and the decision), whether an enterprise, and the name for the record.
 *
 * @param name the display name written on the application and in the audit
 * @param level the bureau's level, null for an enterprise user
 * @param regionCode the bureau's region ({@code 0} national), null for an enterprise user
 * @param enterpriseCreditCode the enterprise of an enterprise user, else null
 * @param writer whether the user handles cases (处室工作人员, {@link CurrentUser#caseHandler}): not a read-only leader,
 *        nor an administrator, who manages accounts, not case work
 * @param leader whether the user is a bureau leader (局领导), who may decide
 */
public record Clerk(String name, BureauLevel level, String regionCode, String enterpriseCreditCode, boolean writer,
		boolean leader) {

	/** The clerk a signed-in user is. */
	public static Clerk of(CurrentUser user) {
		return new Clerk(user.displayName(), user.bureauLevel(), user.regionCode(), user.enterpriseCreditCode(),
				user.caseHandler(), user.has(Role.BUREAU_LEADER));
	}

	/** A system clerk (demo data, jobs) acting at {@code level} in {@code regionCode}. */
	public static Clerk system(String name, BureauLevel level, String regionCode) {
		return new Clerk(name, level, regionCode, null, true, true);
	}

	/** Whether an enterprise user. */
	public boolean enterprise() {
		return enterpriseCreditCode != null;
	}

	/**
	 * Whether this clerk decides licences of some scope — and so cancels them (注销, 行政许可法(2019) art.70: the
	 * deciding authority): staff who write or a leader of a provincial bureau or of 国家邮政局 ({@link ApprovingLevel});
	 * never a city or county bureau, a read-only user or an enterprise. Which licences is the licence's scope's level.
	 */
	public boolean decidesLicences() {
		return !enterprise() && (writer || leader) && level != null
				&& Arrays.stream(ApprovingLevel.values()).anyMatch(l -> l.bureauLevel() == level);
	}

	/**
	 * This clerk as the registry judges who ends a licence ({@link org.youguan.registry.Licences#requireMayCancel}): its
	 * bureau's level and region; an enterprise user has neither, and so issues nothing.
	 */
	public Registrar registrar() {
		return Registrar.bureau(enterprise() ? null : level, enterprise() ? null : regionCode);
	}

	/** The rows this clerk may see. */
	public DataScope scope() {
		return enterprise() ? DataScope.enterprise(enterpriseCreditCode) : DataScope.region(regionCode);
	}
}
