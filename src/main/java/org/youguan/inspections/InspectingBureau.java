package org.youguan.inspections;

import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;

/**
 * The bureau an inspection, its 责令改正通知书 and a 双随机 plan belong to: the bureau that inspected (the record's
 * {@code bureau_id}; for a record kept without one, the bureau of the plan it was drawn for; for neither, the bureau
 * handling the record's region) and the bureau that made the plan. A record's region is the place inspected — a city's
 * inspection of a county's outlet lies in the county — so its region alone does not say whose work the order is: the
 * inspecting bureau issues the order and takes its steps ({@link Bureaus#requireHandling} on that bureau's region),
 * and its work queues hold it. Creating the record itself is not held to this rule (a city inspects its counties'
 * enterprises, its plans draw county targets).
 */
final class InspectingBureau {

	private InspectingBureau() {
	}

	/**
	 * The region of the bureau that inspected record {@code r} ({@code inspection_record r}) — its own bureau's, else its
	 * plan's bureau's, else the region of the bureau handling the record's region ({@link Bureaus#nearestRegionSql}) —
	 * as a SQL expression. Never the place inspected itself: a universal-service 通邮检查 is kept at the village
	 * (320506110203), and a village issues no order, numbers none and takes no step (attack: 责令改正-320506110203-…).
	 */
	static final String OF_RECORD = """
			coalesce((SELECT ib.region_code FROM bureau_name ib WHERE ib.id = r.bureau_id),
			         (SELECT ib.region_code FROM inspection_plan ip JOIN bureau_name ib ON ib.id = ip.bureau_id
			          WHERE ip.id = r.plan_id), """ + Bureaus.nearestRegionSql("r.region_code") + ")";

	/** The region of the bureau that made plan {@code p} ({@code inspection_plan p}), as a SQL expression. */
	static final String OF_PLAN = "(SELECT ib.region_code FROM bureau_name ib WHERE ib.id = p.bureau_id)";

	/**
	 * The work-queue predicate: the rows whose bureau (its region, {@code bureauRegion}, one of the expressions above)
	 * is the caller's own — inside the caller's scope and not a bureau below it ({@link Bureaus#handledHere}), the same
	 * rule {@link Bureaus#handles} takes the steps by. A scope that is no bureau's (an enterprise's) is not narrowed.
	 */
	static String ownedHere(Bureaus bureaus, DataScope scope, String bureauRegion) {
		if (scope.kind() != DataScope.Kind.ALL && scope.kind() != DataScope.Kind.REGION) {
			return "TRUE";
		}
		return scope.regionPredicate(bureauRegion) + " AND " + bureaus.handledHere(scope, bureauRegion);
	}
}
