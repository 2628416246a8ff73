package org.youguan.registry;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;

/**
 * The one rule by which a city's licensing matters entered on paper — a branch's 分支机构备案, a holder's 年度报告 —
 * find the bureau that takes them: the bureau handling the city of the place ({@link Bureaus#cityOf}) among those with
 * an enabled account holding one of {@link #TAKERS} ({@link Bureaus#staffed}) — the city's bureau, else (a city bureau
 * on the platform without such an account, or none) the province's. A county's bureau takes none. Asked by the
 * registry's old branch address and by licensing's forms and posts alike, so the form is offered, refused and taken
 * by the same rule.
 */
@Service
public class CityMatters {

	/** Who enters a paper filing or report: the 处室工作人员 ({@code CurrentUser#caseHandler}). */
	public static final Set<Role> TAKERS = Bureaus.CASE_HANDLERS;

	private final Bureaus bureaus;

	CityMatters(Bureaus bureaus) {
		this.bureaus = bureaus;
	}

	/**
	 * Whether the bureau of {@code scope} takes the matters of its own region's city: the national bureau, a
	 * province's for its cities without a staffed bureau, a city's with its staff — never a county's.
	 * @param scope the caller's scope; an enterprise's or nobody's takes none (an enterprise files its own matters,
	 *        which its caller decides)
	 */
	public boolean takesOwnCity(DataScope scope) {
		if (scope.kind() == DataScope.Kind.ALL) {
			return true;
		}
		return scope.kind() == DataScope.Kind.REGION && scope.regionPrefix() != null
				&& bureaus.handles(scope, Bureaus.cityOf(scope.regionPrefix()), TAKERS);
	}

	/**
	 * Refuses a staff account whose bureau does not take its own city's matters ({@link #takesOwnCity}) the form of
	 * {@code record}: 403 naming the bureau that takes them, keyed {@code refusal.handlingBureau.*}.
	 * @param record what the matter is called after 本 ("分支机构备案", "年度报告")
	 * @throws AccessRefusedException (403) for a regional scope whose bureau does not take its city's matters
	 */
	public void requireOwnCity(DataScope scope, String record) {
		if (scope.kind() == DataScope.Kind.REGION && scope.regionPrefix() != null && !takesOwnCity(scope)) {
			String city = Bureaus.cityOf(scope.regionPrefix());
			bureaus.requireHandling(city, record, TAKERS);
			// no signed-in staff account to word it by (a call outside a request): the bureau handling the city
			throw bureaus.refusal(city, record);
		}
	}

	/**
	 * Refuses a step on a matter of a place in {@code regionCode} by a signed-in staff account of another bureau than
	 * the one taking its city's matters: 403 naming that bureau, keyed {@code refusal.handlingBureau.*}.
	 * @param regionCode the place's GB/T 2260 code (4 digits or more)
	 * @param record what the matter is called after 本
	 * @throws AccessRefusedException (403) naming the bureau that takes it
	 */
	public void requireTaker(String regionCode, String record) {
		bureaus.requireHandling(Bureaus.cityOf(regionCode), record, TAKERS);
	}

	/**
	 * The full name of the bureau taking the matters of a place in {@code regionCode} (受理机关: "苏州市邮政管理局").
	 * @param regionCode the place's GB/T 2260 code (4 digits or more)
	 */
	public String takerName(String regionCode) {
		return bureaus.staffedName(Bureaus.cityOf(regionCode), TAKERS);
	}
}
