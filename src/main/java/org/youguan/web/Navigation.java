package org.youguan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.youguan.org.CurrentUser;
import org.youguan.org.PageAccess;
import org.youguan.org.Role;

/**
 * The navigation by module. Only built features appear here; each module's pages are listed under its section.
 */
public final class Navigation {

	public record Section(String key, List<NavItem> items) {

		public boolean contains(String currentPath) {
			return items.stream().anyMatch(i -> i.contains(currentPath));
		}
	}

	private static final List<String> ADMINS = List.of("SYSTEM_ADMIN", "BUREAU_ADMIN", "BUREAU_LEADER");

	private static final List<String> STAFF = List.of("SYSTEM_ADMIN", "BUREAU_ADMIN", "BUREAU_LEADER", "STAFF");

	/** Who may enter and import records: staff without the leaders, who read and supervise. */
	private static final List<String> WRITERS = List.of("SYSTEM_ADMIN", "BUREAU_ADMIN", "STAFF");

	/** Case work (complaints, inspections, universal service, enforcement, licensing): handlers only (kernel.CaseRoles). */
	private static final List<String> HANDLERS = List.of("STAFF");

	static final List<Section> SECTIONS = List.of(
			new Section("nav.section.registry",
					List.of(new NavItem("nav.enterprises", "/registry/enterprises", STAFF),
							new NavItem("nav.licences", "/registry/licences", STAFF),
							new NavItem("nav.branches", "/registry/branches", STAFF),
							new NavItem("nav.outlets", "/registry/outlets", STAFF),
							new NavItem("nav.facilities", "/registry/facilities", STAFF),
							new NavItem("nav.brands", "/registry/brands", STAFF))),
			new Section("nav.section.filing",
					List.of(new NavItem("nav.filing.queue", "/filing/queue", STAFF),
							new NavItem("nav.filing.metrics", "/filing/metrics", STAFF))),
			new Section("nav.section.complaints",
					List.of(new NavItem("nav.complaints.queue", "/complaints", STAFF),
							new NavItem("nav.complaints.entry", "/complaints/new", HANDLERS),
							new NavItem("nav.complaints.figures", "/complaints/figures", STAFF))),
			new Section("nav.section.workplans",
					List.of(new NavItem("nav.workplans", "/workplans", STAFF),
							new NavItem("workplan.import", "/workplans/import", WRITERS))),
			new Section("nav.section.inspections",
					List.of(new NavItem("nav.inspections.records", "/inspections", STAFF),
							new NavItem("nav.inspections.new", "/inspections/records/new", HANDLERS),
							new NavItem("nav.inspections.orders", "/inspections/orders", STAFF),
							new NavItem("nav.inspections.plans", "/inspections/plans", STAFF),
							new NavItem("inspection.plan.new", "/inspections/plans/new", HANDLERS),
							new NavItem("nav.inspections.keyTargets", "/inspections/key-targets", STAFF),
							new NavItem("nav.inspections.items", "/inspections/items", STAFF),
							new NavItem("nav.inspections.inspectors", "/inspections/inspectors", STAFF),
							new NavItem("nav.inspections.objects", "/inspections/objects", STAFF),
							new NavItem("nav.inspections.figures", "/inspections/figures", STAFF),
							new NavItem("nav.inspections.import", "/inspections/import", HANDLERS))),
			new Section("nav.section.universal",
					List.of(new NavItem("nav.universal.villages", "/universal/villages", STAFF),
							new NavItem("nav.universal.checks", "/universal/checks", STAFF),
							new NavItem("nav.universal.plans", "/universal/plans", STAFF),
							new NavItem("nav.universal.map", "/universal/map", STAFF),
							new NavItem("nav.universal.standards", "/universal/standards", STAFF),
							new NavItem("nav.universal.postOffices", "/universal/post-offices", STAFF),
							new NavItem("nav.universal.approvals", "/universal/post-office-approvals", STAFF),
							new NavItem("nav.universal.suspensions", "/universal/post-office-suspensions", STAFF),
							new NavItem("nav.universal.supervision", "/universal/supervision", STAFF),
							new NavItem("nav.universal.import", "/universal/villages/import", HANDLERS))),
			new Section("nav.section.safety",
					List.of(new NavItem("nav.safety.rates", "/safety/rates", STAFF),
							new NavItem("nav.safety.alerts", "/safety/alerts", STAFF),
							new NavItem("nav.safety.batches", "/safety/parcel-batches", STAFF),
							new NavItem("nav.safety.hazards", "/safety/hazards", STAFF),
							new NavItem("nav.safety.letters", "/safety/letters", STAFF),
							new NavItem("nav.safety.periods", "/safety/periods", STAFF),
							new NavItem("nav.safety.machines", "/safety/machines", STAFF),
							new NavItem("nav.safety.contractors", "/safety/contractors", STAFF),
							new NavItem("nav.safety.coverage", "/safety/coverage", STAFF),
							new NavItem("nav.safety.trainings", "/safety/trainings", STAFF),
							new NavItem("nav.safety.seizures", "/safety/seizures", STAFF),
							new NavItem("nav.safety.incidents", "/safety/incidents", STAFF))),
			new Section("nav.section.enforcement",
					List.of(new NavItem("nav.enforcement.leads", "/enforcement/leads", STAFF),
							new NavItem("nav.enforcement.cases", "/enforcement/cases", STAFF),
							new NavItem("nav.enforcement.figures", "/enforcement/figures", STAFF),
							new NavItem("nav.enforcement.import", "/enforcement/import", HANDLERS))),
			new Section("nav.section.credit",
					List.of(new NavItem("nav.credit.entries", "/credit/entries", STAFF),
							new NavItem("nav.credit.objections", "/credit/objections", STAFF))),
			new Section("nav.section.licensing",
					List.of(new NavItem("nav.licensing.applications", "/licensing/applications", STAFF),
							new NavItem("nav.licensing.new", "/licensing/applications/new", HANDLERS),
							new NavItem("nav.licensing.figures", "/licensing/figures", STAFF),
							new NavItem("nav.licensing.annualReports", "/licensing/annual-reports", STAFF),
							new NavItem("nav.licensing.annualReportsOutstanding", "/licensing/annual-reports/outstanding", STAFF),
							new NavItem("nav.licensing.cancellation", "/licensing/licences/cancellation", STAFF),
							new NavItem("nav.licensing.branchFilings", "/licensing/branch-filings", STAFF),
							new NavItem("nav.licensing.import", "/licensing/import", HANDLERS))),
			new Section("nav.section.statistics",
					List.of(new NavItem("nav.statistics.overview", "/statistics", STAFF),
							new NavItem("nav.statistics.reports", "/statistics/reports", STAFF),
							new NavItem("nav.statistics.completeness", "/statistics/completeness", STAFF),
							new NavItem("nav.statistics.targets", "/statistics/targets", STAFF),
							new NavItem("nav.statistics.catalogue", "/statistics/catalogue", STAFF),
							new NavItem("nav.statistics.history", "/statistics/history/import", WRITERS))),
			new Section("nav.section.enterprise",
					List.of(new NavItem("nav.enterprise.filings", "/enterprise/filings", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.new", "/enterprise/filings/new", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.outlets", "/enterprise/outlets", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.statistics", "/enterprise/statistics", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.complaints", "/enterprise/complaints", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.inspections", "/enterprise/inspections/orders", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.licensing", "/licensing/applications", List.of("ENTERPRISE")),
							new NavItem("nav.licensing.new", "/licensing/applications/new", List.of("ENTERPRISE")),
							new NavItem("nav.licensing.annualReports", "/licensing/annual-reports", List.of("ENTERPRISE")),
							new NavItem("nav.licensing.branchFilings", "/licensing/branch-filings", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.inspectionRecords", "/enterprise/inspections/records", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.penalties", "/enterprise/penalties", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.credit", "/enterprise/credit", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.villages", "/enterprise/villages", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.postOffices", "/enterprise/post-offices", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.safetyRates", "/enterprise/safety/rates", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.safetyBatches", "/enterprise/safety/batches", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.safetyHazards", "/enterprise/safety/hazards", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.safetyLetters", "/enterprise/safety/letters", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.safetyPeriods", "/enterprise/safety/periods", List.of("ENTERPRISE")),
							new NavItem("nav.enterprise.safetyIncidents", "/enterprise/safety/incidents", List.of("ENTERPRISE")))),
			new Section("nav.section.org", List.of(new NavItem("nav.bureaus", "/admin/bureaus", ADMINS),
					new NavItem("nav.departments", "/admin/departments", ADMINS),
					new NavItem("nav.users", "/admin/users", ADMINS), new NavItem("nav.roles", "/admin/roles", ADMINS))),
			new Section("nav.section.system",
					List.of(new NavItem("nav.audit", "/admin/audit", ADMINS),
							new NavItem("nav.signins", "/admin/signins", ADMINS),
							new NavItem("nav.calendar", "/admin/calendar", ADMINS),
							new NavItem("nav.rules", "/admin/rules", ADMINS),
							new NavItem("nav.documentTemplates", "/admin/document-templates", List.of("SYSTEM_ADMIN")),
							new NavItem("nav.regions", "/admin/regions", ADMINS))),
			new Section("nav.section.account",
					List.of(new NavItem("nav.password", "/account/password", List.of()),
							new NavItem("nav.tokens", "/account/tokens", List.of()),
							new NavItem("nav.apidocs", "/api/v1/docs", List.of()))));

	private Navigation() {
	}

	/** Where a page sits in the navigation, for its breadcrumb. */
	public record Location(Section section, NavItem item) {
	}

	/** The most specific entry containing the current page (so "/x/new" wins over "/x"), if any. */
	static Optional<Location> locate(List<Section> sections, String currentPath) {
		Location best = null;
		for (Section s : sections) {
			for (NavItem i : s.items()) {
				if (i.contains(currentPath) && (best == null || i.path().length() > best.item().path().length())) {
					best = new Location(s, i);
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/** The sections and items this user may open; sections left empty are dropped. */
	/**
	 * The sections and entries {@code user} may open: by their roles, then by each module's own rule ({@link PageAccess},
	 * e.g. the 建制村 pages for postal enterprises only) — so the menu, rendered and cached per resulting list, holds
	 * exactly what the user may open.
	 */
	static List<Section> visibleTo(CurrentUser user, List<PageAccess> access) {
		// plain loops and the roles as enums looked up once (issue 12: this runs on every page, and its streams and
		// Role.valueOf per entry and role were 3 % of a page's CPU)
		List<Section> visible = new ArrayList<>(SECTIONS.size());
		for (Section s : SECTIONS) {
			List<NavItem> items = new ArrayList<>(s.items().size());
			for (NavItem i : s.items()) {
				if (visible(i, user) && mayOpen(i, user, access)) {
					items.add(i);
				}
			}
			if (!items.isEmpty()) {
				visible.add(new Section(s.key(), List.copyOf(items)));
			}
		}
		return List.copyOf(visible);
	}

	/** Each entry's roles as enums, looked up once. */
	private static final Map<NavItem, List<Role>> ROLES = SECTIONS.stream()
		.flatMap(s -> s.items().stream())
		.distinct()
		.collect(Collectors.toUnmodifiableMap(i -> i, i -> i.roles().stream().map(Role::valueOf).toList()));

	private static boolean visible(NavItem item, CurrentUser user) {
		List<Role> roles = ROLES.get(item);
		if (roles.isEmpty()) {
			return true;
		}
		for (Role r : roles) {
			if (user.has(r)) {
				return true;
			}
		}
		return false;
	}

	private static boolean mayOpen(NavItem item, CurrentUser user, List<PageAccess> access) {
		for (PageAccess a : access) {
			if (!a.mayOpen(user, item.path())) {
				return false;
			}
		}
		return true;
	}
}
