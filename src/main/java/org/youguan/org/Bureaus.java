package org.youguan.org;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Validation;
import org.youguan.kernel.RegionPrefix;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;

/**
 * Bureaus: listed and read within the caller's scope, created and edited by administrators — nobody manages above their
 * own rights: a caller creates bureaus only below its own bureau's region (a county's administrator none, a city's its
 * counties'), never a sibling, a parent or one elsewhere (403, {@link AccessRefusedException}); it edits its own bureau's
 * name and contacts and those of the bureaus below it, hangs a bureau only under its own bureau or one below it, and
 * never moves its own bureau under another parent (the bureau above decides that).
 */
@Service
public class Bureaus {

	static final Set<String> SORTS = Set.of("name", "region_code", "level");

	private static final String SELECT = """
			SELECT b.id, b.name, b.short_name, b.level, b.region_code, r.name AS region_name, b.parent_id,
			       p.name AS parent_name, b.address, b.phone, b.demo,
			       (SELECT count(*) FROM department d WHERE d.bureau_id = b.id) AS departments,
			       (SELECT count(*) FROM user_account u WHERE u.bureau_id = b.id) AS users""";

	private static final String FROM = " FROM bureau b JOIN region_name r ON r.code = b.region_code"
			+ " LEFT JOIN bureau p ON p.id = b.parent_id";

	private final BureauRepository bureaus;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	private final BureauRegistry registry;

	Bureaus(BureauRepository bureaus, JdbcClient jdbc, Regions regions, AuditTrail audit, Clock clock,
			BureauRegistry registry) {
		this.registry = registry;
		this.bureaus = bureaus;
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/** One page of the bureaus in the caller's region, searched by name or region code, sorted by {@link #SORTS}. */
	public PageResult<BureauView> list(DataScope scope, PageQuery page) {
		return Listing.from(FROM)
			.countFrom(" FROM bureau b")
			.scope(scope, "b.region_code")
			.search(page, "b.name", "b.region_code")
			.sorts(Map.of("name", "b.name", "region_code", "b.region_code", "level", "b.level"), "region_code", "b.id")
			.page(jdbc, SELECT, page, Rows.of(BureauView.class));
	}

	/** All bureaus in scope, for selection lists. */
	public List<BureauView> all(DataScope scope) {
		return list(scope, new PageQuery("", 0, PageQuery.EXPORT_LIMIT, "region_code", false)).items();
	}

	public Optional<BureauView> find(DataScope scope, long id) {
		return jdbc.sql(SELECT + FROM + " WHERE b.id = :id AND " + scope.regionPredicate("b.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(BureauView.class))
			.optional();
	}

	/**
	 * The bureau filter of a list or export ({@code ?bureau=}: the roster, departments, accounts), checked once as the
	 * region filter is ({@link DataScope#regionFilter}): a bureau outside the caller's scope — another region's, or no
	 * bureau at all, never telling which — is refused (403), not answered with the caller's own rows or an empty page.
	 * @param bureauId the filter as sent, or null (no filter)
	 * @param field the request parameter ({@code bureau})
	 * @return {@code bureauId}
	 * @throws AccessRefusedException (403, {@code field}) for a bureau not in {@code scope}
	 */
	public Long requireFilter(DataScope scope, Long bureauId, String field) {
		if (bureauId != null && find(scope, bureauId).isEmpty()) {
			throw new AccessRefusedException(field, "该机构不在您的数据权限范围内：" + bureauId);
		}
		return bureauId;
	}

	public BureauView get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> DomainException.notFound("机构", id));
	}

	/**
	 * Whether a bureau on the platform is responsible for this region: one whose region contains it, or a national
	 * bureau. A record placed where none is (a complaint or an outlet filing from outside the bureaus using YouGuan)
	 * would sit in no one's queue while its statutory clock runs.
	 * @param regionCode a GB/T 2260 code (6, 9 or 12 digits)
	 */
	public boolean serves(String regionCode) {
		return regionCode != null && jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM bureau WHERE region_code = '0' OR :region LIKE region_code || '%')""")
			.param("region", regionCode)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether a bureau of {@code level} on the platform covers this region (its region code a prefix of it) — the
	 * bureau a step of that level is owed by: a licence application's 初审 and 现场核查 by the city bureau of the
	 * premises, its decision by the provincial bureau. {@link BureauLevel#NATIONAL} is the national bureau, whatever
	 * the region.
	 * @param regionCode a GB/T 2260 code (2 to 12 digits); null covers none
	 */
	public boolean serves(String regionCode, BureauLevel level) {
		return regionCode != null && jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM bureau WHERE level = :level AND (region_code = '0' OR :region LIKE region_code || '%'))""")
			.param("region", regionCode)
			.param("level", level.name())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The bureau handling a region: the one on the platform whose region code is the longest prefix of it — the
	 * county's bureau for a village, else its city's, else its province's. 国家邮政局 (region {@code 0}) handles only
	 * region {@code 0}. The bureau of the place — the region a case, a lead or a licence's revocation is kept under
	 * ({@link #nearestRegion}) —, not necessarily the one that takes the record's steps: a bureau on the platform with no
	 * 处室工作人员 takes none, its city's does ({@link #handling}, by which work is routed and a document issued now names
	 * its bureau).
	 * @param regionCode a GB/T 2260 code (2 to 12 digits) or {@code 0}; null or blank handles none
	 * @return empty when no bureau on the platform covers the region
	 */
	public Optional<BureauView> nearest(String regionCode) {
		return enclosing(regionCode).stream().findFirst();
	}

	/**
	 * The bureau below provincial level handling a region: {@link #nearest} where that is a county's or a city's bureau
	 * — a county's own, else (a county without a bureau on the platform) its city's —, never the province's. The bureau
	 * a terminal outlet is filed with (快递暂行条例(2025) art.19: 所在地省级以下邮政管理部门), whose register and number
	 * series its filing takes.
	 * @param regionCode a GB/T 2260 code (2 to 12 digits); null or blank has none
	 * @return empty where only a provincial or the national bureau (or none) on the platform covers the region
	 */
	public Optional<BureauView> nearestBelowProvince(String regionCode) {
		return nearest(regionCode).filter(b -> b.level() == BureauLevel.CITY || b.level() == BureauLevel.COUNTY);
	}

	/**
	 * {@link #nearest} as a SQL expression: the region code of the bureau handling the region {@code regionExpression}
	 * evaluates to — the longest bureau region that is a prefix of it (a township's or village's county, else its city
	 * …; 国家邮政局 only for {@code 0}) —, or the region itself where no bureau on the platform covers it. What a module
	 * counts or lists "by the bureau handling it" in SQL, kept alike with the record's region in Java
	 * ({@code nearest(region).map(BureauView::regionCode).orElse(region)}).
	 * @param regionExpression a SQL expression of a region code (a column, a CASE); written into the statement twice
	 */
	public static String nearestRegionSql(String regionExpression) {
		return "coalesce((SELECT nb.region_code FROM bureau nb WHERE " + regionExpression + " LIKE nb.region_code || '%'"
				+ " ORDER BY length(nb.region_code) DESC LIMIT 1), " + regionExpression + ")";
	}

	/**
	 * The region of the bureau handling {@code regionCode} ({@link #nearest}), or the region itself where no bureau on
	 * the platform covers it — {@link #nearestRegionSql} in Java.
	 */
	public String nearestRegion(String regionCode) {
		return nearest(regionCode).map(BureauView::regionCode).orElse(regionCode);
	}

	/**
	 * Whether the bureau of {@code scope} handles {@code regionCode} — the one rule by which a record of that region (a
	 * case, a lead, a complaint, a credit entry, a statistical report, an inspection) is that bureau's own to act on, not
	 * a superior's that reads it: the region lies in the scope and the bureau taking its steps ({@link #handling}: the
	 * nearest bureau around the region with a 处室工作人员, a county's bureau set up without one leaving its records to its
	 * city's) is the scope's own — no such bureau below the scope's region covers it (for the national bureau,
	 * {@link DataScope#all}, none but it). {@link #handles(DataScope, String, Set)} with {@link #CASE_HANDLERS}; the same
	 * rule as the work queues' {@link #handledHere}.
	 * @param scope the caller's scope (a staff user's bureau region, {@link CurrentUser#scope}); an enterprise's or
	 *        nobody's handles none
	 * @param regionCode a GB/T 2260 code (2 to 12 digits) or {@code 0}
	 */
	public boolean handles(DataScope scope, String regionCode) {
		return handles(scope, regionCode, CASE_HANDLERS);
	}

	/**
	 * The city of a place: its first 4 digits (a province's or a city's code as it is) — whose bureau, else
	 * ({@link #nearest}) the bureau above it, handles the place's licensing matters (applications, branch filings,
	 * annual reports).
	 * @param regionCode a GB/T 2260 code
	 */
	public static String cityOf(String regionCode) {
		return regionCode.length() > 4 ? regionCode.substring(0, 4) : regionCode;
	}

	/**
	 * Whether the bureau of {@code scope} handles the city of its own region ({@link #handles} of {@link #cityOf}) —
	 * the bureau a city's matters go to: a city's bureau, a province's (for its cities without a bureau on the
	 * platform) and the national bureau do; a county's bureau does not, read from the registry of bureaus rather than
	 * from the length of a region code.
	 * @param scope the caller's scope; an enterprise's or nobody's handles none
	 */
	public boolean handlesOwnCity(DataScope scope) {
		if (scope.kind() == DataScope.Kind.ALL) {
			return true;
		}
		return scope.kind() == DataScope.Kind.REGION && scope.regionPrefix() != null
				&& handles(scope, cityOf(scope.regionPrefix()));
	}

	/**
	 * Whether {@code u} takes the steps of a record of {@code regionCode}: a 处室工作人员 ({@link CurrentUser#caseHandler})
	 * of the bureau handling the region ({@link #handles}) — the one rule the case, lead, complaint and credit pages
	 * offer their step forms by (the steps themselves refuse an {@link #outsider}).
	 * @param u the signed-in user; null, an enterprise's account or a staff account without the role takes none
	 */
	public boolean takesSteps(CurrentUser u, String regionCode) {
		return takesSteps(u, regionCode, CASE_HANDLERS);
	}

	/**
	 * The signed-in staff account taking a step on a record of {@code regionCode} when it is not of the bureau handling
	 * that region ({@link #handles}) — the one rule by which a superior bureau reads a county's case, lead, complaint or
	 * credit entry and takes none of its steps. An enterprise on its portal (its own records, scoped to its credit code)
	 * and a step run without a signed-in account (a system job, the demo data) are nobody's outsider.
	 * @param regionCode the record's region, a GB/T 2260 code
	 * @return the staff account to refuse (the caller words the 403 and may treat a head first); empty when the step is
	 *         the handling bureau's or not a signed-in staff account's
	 */
	public Optional<CurrentUser> outsider(String regionCode) {
		return outsider(regionCode, CASE_HANDLERS);
	}

	/**
	 * The work-queue rule (待办): a SQL predicate on a region column, true for the rows of the caller's scope its own
	 * bureau handles ({@link #handles}) — not those of a region a bureau below it on the platform handles, which that
	 * bureau acts on while the caller only reads them. Every module's to-do list, its count in the inbox and its API
	 * list add it beside the scope's own predicate; search lists (查询) do not. The region codes are written into the
	 * statement (digits only, {@link RegionPrefix}).
	 * @param scope the caller's scope; an enterprise's (its own records) and nobody's are not narrowed ({@code TRUE})
	 * @param regionColumn the record's region column, e.g. {@code c.region_code}
	 */
	public String handledHere(DataScope scope, String regionColumn) {
		return handledHere(scope, regionColumn, CASE_HANDLERS);
	}

	/**
	 * Refuses a step on a record of {@code regionCode} by a signed-in staff account of another bureau than the one
	 * handling the region ({@link #outsider}) — the one refusal, worded once, of every module whose records are their
	 * bureau's (cases, leads, complaints, credit entries, inspections): a superior bureau reads the record, its staff do
	 * not take its steps. A sibling bureau does not see the record at all (the caller's scope answers 404 first).
	 * @param record what the record is called after 本 ("案", "线索", "申诉", "信用记录", "责令改正通知书")
	 * @throws AccessRefusedException (403) naming the handling bureau
	 */
	public void requireHandling(String regionCode, String record) {
		requireHandling(regionCode, record, CASE_HANDLERS);
	}

	/**
	 * The refusal {@link #requireHandling} throws, for a caller that treats some outsiders first (a head of another
	 * bureau is told the head rule): 「本案由苏州市吴中区邮政管理局办理，办理步骤由该局的处室工作人员进行；上级机关可以查阅，
	 * 不能代为办理」 to a superior bureau's staff; a bureau below the handling one (a county's staff on the city's
	 * inspection record) is told 「…；下级机关不能代为办理」, any other 「…；其他机关不能代为办理」.
	 * @param record what the record is called after 本
	 * @return the 403 to throw
	 */
	public AccessRefusedException refusal(String regionCode, String record) {
		return refusal(handling(regionCode), regionCode, record);
	}

	/** {@link #refusal(String, String)} naming {@code handlingBureau} (the {@link #staffed} one). */
	private AccessRefusedException refusal(Optional<BureauView> handlingBureau, String regionCode, String record) {
		String bureau = handlingBureau.map(BureauView::name).orElse("邮政管理局");
		// worded by the caller's relation to the handling bureau: a superior reads the record, a bureau below or beside it
		// is told it is another bureau's — never "上级机关" to a county's staff on the city's record
		String handling = handlingBureau.map(BureauView::regionCode).orElse(regionCode == null ? "" : regionCode);
		String own = CurrentUser.signedIn().filter(u -> u.kind() == UserKind.STAFF).map(CurrentUser::scope)
			.map(scope -> scope.kind() == DataScope.Kind.ALL ? "0" : scope.regionPrefix()).orElse(null);
		String relation = own == null || "0".equals(own) || !own.equals(handling) && handling.startsWith(own) ? "superior"
				: !"0".equals(handling) && own.startsWith(handling) ? "lower" : "other";
		String who = switch (relation) {
			case "superior" -> "上级机关可以查阅，不能代为办理";
			case "lower" -> "下级机关不能代为办理";
			default -> "其他机关不能代为办理";
		};
		String key = "superior".equals(relation) ? "refusal.handlingBureau" : "refusal.handlingBureau." + relation;
		return new AccessRefusedException(null, Wording.of(key, record, bureau), "本" + record + "由"
				+ bureau + "办理，办理步骤由该局的处室工作人员进行；" + who);
	}

	/**
	 * The bureau that takes the steps of a record of a region where a bureau on the platform may have nobody to take
	 * them: the nearest bureau covering the region ({@link #enclosing}: the county's, else the city's, else the
	 * province's) with at least one enabled staff account holding one of {@code takers} — a county bureau set up on the
	 * platform without (or with no more) accounts handles nothing, its city's bureau does, so a record there does not sit
	 * in no one's queue while its statutory clock runs. Where no bureau around has such an account, {@link #nearest}.
	 * The bureaus with such an account are derived once per change of the accounts or bureaus ({@link BureauRegistry}),
	 * not queried per call: the step checks and lists of one page ask this many times.
	 * @param regionCode a GB/T 2260 code (2 to 12 digits); null or blank has none
	 * @param takers the roles that take the record's steps (an outlet filing's: 系统管理员, 机构管理员, 处室工作人员)
	 * @return empty when no bureau on the platform covers the region
	 */
	public Optional<BureauView> staffed(String regionCode, Set<Role> takers) {
		List<BureauView> around = enclosing(regionCode);
		Set<Long> staffed = around.isEmpty() ? Set.of() : registry.staffed(takers);
		return around.stream().filter(b -> staffed.contains(b.id())).findFirst().or(() -> around.stream().findFirst());
	}

	/**
	 * The bureau that takes the steps of a record of a region now — who sees it in its work queue, is offered and
	 * allowed its steps, and is named on what is issued for it now: {@link #staffed} with {@link #CASE_HANDLERS} (the
	 * county's bureau with a 处室工作人员, else the city's, else the province's). The one rule every module routes its work
	 * by ({@link #handles}, {@link #handledHere}, {@link #requireHandling}); a document already decided names the bureau
	 * that decided it, as stored then, never this one looked up again.
	 * @param regionCode a GB/T 2260 code (2 to 12 digits) or {@code 0}; null or blank has none
	 * @return empty when no bureau on the platform covers the region
	 */
	public Optional<BureauView> handling(String regionCode) {
		return staffed(regionCode, CASE_HANDLERS);
	}

	/**
	 * The region of the bureau taking the steps of a record of {@code regionCode} ({@link #handling}), or the region
	 * itself where no bureau on the platform covers it.
	 */
	public String handlingRegion(String regionCode) {
		return handling(regionCode).map(BureauView::regionCode).orElse(regionCode);
	}

	/**
	 * The name of the bureau taking the steps of a record of {@code regionCode} ({@link #handling}), as a page or a
	 * document issued now names it ("苏州市邮政管理局" for a county whose bureau has no 处室工作人员); "邮政管理局" when no
	 * bureau on the platform covers the region.
	 */
	public String handlingName(String regionCode) {
		return staffedName(regionCode, CASE_HANDLERS);
	}

	/**
	 * {@link #handles(DataScope, String)} by the {@link #staffed} bureau: whether the bureau of {@code scope} takes the
	 * steps of a record of {@code regionCode} — in its scope, and the {@link #staffed} bureau of the region is the
	 * scope's own: not one below it with an account holding one of {@code takers}, nor one above it where the scope's
	 * own bureau has none (a county's 局领导 whose bureau has no 处室工作人员 heads none of the cases its city handles).
	 * The national bureau ({@link DataScope#all}) handles the regions no other bureau on the platform covers; a scope
	 * whose region has no bureau of its own (a test's, an export's) those no bureau below it takes.
	 */
	public boolean handles(DataScope scope, String regionCode, Set<Role> takers) {
		boolean bureau = scope.kind() == DataScope.Kind.ALL
				|| scope.kind() == DataScope.Kind.REGION && scope.regionPrefix() != null;
		if (!bureau || !scope.containsRegion(regionCode)) {
			return false;
		}
		Optional<BureauView> handling = staffed(regionCode, takers);
		if (scope.kind() == DataScope.Kind.ALL) {
			return handling.filter(b -> !"0".equals(b.regionCode())).isEmpty();
		}
		String own = scope.regionPrefix();
		return handling.map(BureauView::regionCode)
			.map(code -> code.equals(own) || code.length() < own.length() && ownBureau(own).isEmpty())
			.orElse(true);
	}

	/** The bureau whose region is exactly {@code region}, from the registry derived once per change. */
	private Optional<BureauView> ownBureau(String region) {
		return registry.snapshot().bureaus().stream().filter(b -> b.regionCode().equals(region)).findFirst();
	}

	/**
	 * {@link #handledHere(DataScope, String)} by the {@link #staffed} bureau, the rule
	 * {@link #handles(DataScope, String, Set)} checks one record by, in SQL: the rows of the caller's scope no bureau
	 * below it with an account holding one of {@code takers} covers — a county bureau without such an account leaves
	 * its rows in its city's queue. A scope whose own bureau has no such account holds none ({@code FALSE}) where a
	 * bureau above it has one, and otherwise (nobody around to take them) those no bureau below it covers, as does the
	 * national bureau's.
	 */
	public String handledHere(DataScope scope, String regionColumn, Set<Role> takers) {
		if (scope.kind() != DataScope.Kind.ALL && (scope.kind() != DataScope.Kind.REGION || scope.regionPrefix() == null)) {
			return "TRUE";
		}
		String own = scope.kind() == DataScope.Kind.ALL ? "" : scope.regionPrefix();
		Set<Long> staffed = registry.staffed(takers);
		List<BureauView> registered = registry.snapshot().bureaus();
		boolean ownIdle = scope.kind() == DataScope.Kind.REGION && ownBureau(own).filter(b -> !staffed.contains(b.id())).isPresent();
		if (ownIdle && registered.stream().anyMatch(b -> staffed.contains(b.id()) && !"0".equals(b.regionCode())
				&& b.regionCode().length() < own.length() && own.startsWith(b.regionCode()))) {
			return "FALSE";
		}
		boolean nearestOnly = ownIdle || scope.kind() == DataScope.Kind.ALL;
		// each region a literal prefix (a range the planner can use), not a bound pattern
		List<String> below = registered.stream()
			.filter(b -> nearestOnly || staffed.contains(b.id()))
			.map(BureauView::regionCode)
			.filter(code -> !"0".equals(code) && code.length() > own.length() && code.startsWith(own))
			.map(code -> RegionPrefix.of(code).predicate(regionColumn))
			.toList();
		return below.isEmpty() ? "TRUE" : "NOT (" + String.join(" OR ", below) + ")";
	}

	/**
	 * {@link #requireHandling(String, String)} by the {@link #staffed} bureau: refuses a step on a record of
	 * {@code regionCode} by a signed-in staff account of another bureau than the one taking its steps.
	 * @throws AccessRefusedException (403) naming that bureau, keyed {@code refusal.handlingBureau}
	 */
	public void requireHandling(String regionCode, String record, Set<Role> takers) {
		if (outsider(regionCode, takers).isPresent()) {
			throw refusal(staffed(regionCode, takers), regionCode, record);
		}
	}

	/** {@link #outsider(String)} by the {@link #staffed} bureau. */
	public Optional<CurrentUser> outsider(String regionCode, Set<Role> takers) {
		return CurrentUser.signedIn()
			.filter(u -> u.kind() == UserKind.STAFF && !handles(u.scope(), regionCode, takers));
	}

	/**
	 * The roles that take the steps of a case, a complaint, a lead: the 处室工作人员 ({@link CurrentUser#caseHandler}) —
	 * a bureau with none enabled takes no such step ({@link #staffed}).
	 */
	public static final Set<Role> CASE_HANDLERS = Set.of(Role.STAFF);

	/**
	 * {@link #takesSteps(CurrentUser, String)} by the {@link #staffed} bureau: a 处室工作人员 of the bureau with an
	 * enabled account holding one of {@code takers} nearest the region.
	 */
	public boolean takesSteps(CurrentUser u, String regionCode, Set<Role> takers) {
		return u != null && u.kind() == UserKind.STAFF && u.caseHandler() && handles(u.scope(), regionCode, takers);
	}

	/** {@link #nearestName} by the {@link #staffed} bureau. */
	public String staffedName(String regionCode, Set<Role> takers) {
		return staffed(regionCode, takers).map(BureauView::name).orElse("邮政管理局");
	}

	/**
	 * The name of the bureau of a region's place ({@link #nearest}) — never a region code. Not the bureau taking a
	 * record's steps, which a page or a document issued now names ({@link #handlingName}).
	 * @param regionCode a GB/T 2260 code (2 to 12 digits) or {@code 0}; null or blank handles none
	 * @return the bureau's name ("苏州市吴中区邮政管理局", "国家邮政局"); "邮政管理局" when no bureau on the platform covers
	 *         the region
	 */
	public String nearestName(String regionCode) {
		return nearest(regionCode).map(BureauView::name).orElse("邮政管理局");
	}

	/**
	 * The bureaus whose region contains this one, nearest first ({@link #nearest} and then the bureaus above it: city,
	 * province) — those whose people may act for the bureau handling the region.
	 * @param regionCode a GB/T 2260 code (2 to 12 digits) or {@code 0}; null or blank is in none
	 */
	public List<BureauView> enclosing(String regionCode) {
		if (regionCode == null || Text.isBlank(regionCode)) {
			return List.of();
		}
		return jdbc.sql(SELECT + FROM + " WHERE :region LIKE b.region_code || '%' ORDER BY length(b.region_code) DESC")
			.param("region", RegionCode.typed(regionCode))
			.query(Rows.of(BureauView.class))
			.list();
	}

	/**
	 * The bureau issuing a document in a region ({@link #nearest}) as its 文号 names it: its 机关代字 and the region of
	 * its number series ({@link DocumentAgency}). A region no bureau on the platform covers gets the code derived from
	 * the region itself and its own series. A caller issuing for a record passes the region of the bureau that decides
	 * it ({@link #handlingRegion}). Read from the registry derived once per change of the bureaus ({@link BureauRegistry}),
	 * not from every bureau reloaded for each number.
	 * @param regionCode a GB/T 2260 code (2 to 12 digits) or {@code 0}
	 */
	public DocumentAgency documentAgency(String regionCode) {
		BureauRegistry.Snapshot registered = registry.snapshot();
		String region = regionCode == null || Text.isBlank(regionCode) ? "" : RegionCode.typed(regionCode);
		// the nearest as #nearest finds it, in the registry derived once per change of the bureaus
		return registered.bureaus().stream()
			.filter(b -> region.startsWith(b.regionCode()))
			.max(java.util.Comparator.comparingInt(b -> b.regionCode().length()))
			.map(b -> new DocumentAgency(registered.agencyCodes().get(b.id()), b.regionCode()))
			.orElseGet(() -> new DocumentAgency(DocumentAgency.derived(regionCode, null, 1), regionCode));
	}

	/**
	 * The region of the series of the bureau whose 机关代字 is {@code code} ({@link DocumentAgency}), reading a 文号
	 * back: empty when no bureau on the platform has that code.
	 */
	public Optional<String> seriesRegionOf(String code) {
		return byAgencyCode(code).map(BureauView::regionCode);
	}

	/**
	 * The bureau whose 机关代字 is {@code code} ({@link DocumentAgency}): the bureau that issued a 文号 of that code — the
	 * decider a decided document names, read from its number rather than from who handles its region now. Empty when
	 * no bureau on the platform has that code. Only id, name, level and regions are filled (no counts).
	 */
	public Optional<BureauView> byAgencyCode(String code) {
		BureauRegistry.Snapshot registered = registry.snapshot();
		return registered.bureaus().stream().filter(b -> code != null && code.equals(registered.agencyCodes().get(b.id())))
			.findFirst();
	}

	/** The bureau whose region is exactly this one (not one above it: {@link #nearest}). */
	public Optional<BureauView> findByRegion(String regionCode) {
		return jdbc.sql(SELECT + FROM + " WHERE b.region_code = :region")
			.param("region", regionCode)
			.query(Rows.of(BureauView.class))
			.optional();
	}

	/** A bureau created by an administrator of {@code scope} ({@link #create(DataScope, BureauData, boolean)}), not demo data. */
	@Transactional
	public long create(DataScope scope, BureauData data) {
		return create(scope, data, List.of());
	}

	/**
	 * As {@link #create(DataScope, BureauData)}, the checks continuing the failures of the form that read the values
	 * ({@link Validation#after}: a level or parent it could not read, null here), so one answer names every bad field —
	 * after the access: a region outside the caller's (403) is refused before any field is judged.
	 * @param formErrors the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public long create(DataScope scope, BureauData data, List<FieldError> formErrors) {
		return create(scope, data, false, formErrors);
	}

	/**
	 * Creates a bureau below the caller's region, its parent the nearest bureau whose region contains its own (a county
	 * bureau's is its city's bureau when one exists, else the province's). A bureau created between a parent and the
	 * bureaus already hanging under that parent from inside the new region — a city bureau under the province while
	 * the city's county bureaus still hang under the province — takes them over in the same transaction
	 * ({@link #adoptBelow}), each move audited {@code bureau.reparent}: the hierarchy of 邮政管理局 follows the regions.
	 * @return the new bureau's id
	 * @throws org.youguan.kernel.InvalidValueException a field broken (400), the parent not the nearest enclosing bureau (rule
	 *         {@code nearest})
	 * @throws AccessRefusedException a region or parent outside the caller's scope (403)
	 * @throws DomainException (409) the region already has a bureau or the name is taken, naming the region and the
	 *         existing bureau by name
	 */
	@Transactional
	public long create(DataScope scope, BureauData data, boolean demo) {
		return create(scope, data, demo, List.of());
	}

	private long create(DataScope scope, BureauData data, boolean demo, List<FieldError> formErrors) {
		validate(scope, data, null, formErrors);
		String region = RegionCode.typed(data.regionCode());
		// two twins submitted at once: the second waits for the first and is refused beside the name, not by the index
		TransactionLocks.hold(jdbc, "bureau_name:" + Text.textKey(data.name()));
		TransactionLocks.hold(jdbc, "bureau_region:" + region);
		findByRegion(region).ifPresent(existing -> {
			throw DomainException.duplicate("regionCode", Wording.of("org.refusal.oneBureauPerRegion", regions.fullName(region), existing.name()),
					regions.fullName(region) + "已有邮政管理机构“" + existing.name()
					+ "”：一个行政区划只设一个邮政管理机构");
		});
		bureaus.findTwinName(Text.name(data.name())).ifPresent(twin -> {
			throw DomainException.duplicate("name", Wording.of("org.refusal.bureauNameTaken", twin), "机构名称已存在：" + twin);
		});
		Bureau bureau = bureaus.save(Bureau.create(normalise(data), demo, clock.instant()));
		audit.record(AuditEntry.of("bureau.create", "Bureau", bureau.id(), "新建机构“" + bureau.name() + "”")
			.states(null, bureau.snapshot())
			.inRegion(bureau.regionCode()));
		adoptBelow(bureau);
		return bureau.id();
	}

	/**
	 * Moves under the new bureau every bureau inside its region whose parent lies outside it (above the new bureau):
	 * the county bureaus of a city that hung under the province until the city's bureau was created. A bureau without
	 * a parent (the installation's top-level one, whose region decides the installation administrators) is left where
	 * it is. Each move is audited ({@code bureau.reparent}) in the lower bureau's region.
	 */
	private void adoptBelow(Bureau created) {
		RegionPrefix in = RegionPrefix.of(created.regionCode());
		List<Long> below = jdbc.sql("SELECT b.id FROM bureau b JOIN bureau p ON p.id = b.parent_id WHERE "
				+ in.predicate("b.region_code") + " AND b.region_code <> :region AND NOT (" + in.predicate("p.region_code")
				+ ") ORDER BY b.region_code")
			.param("region", created.regionCode())
			.query(Long.class)
			.list();
		for (long id : below) {
			Bureau lower = bureaus.findById(id).orElseThrow();
			var before = lower.snapshot();
			lower.moveUnder(created.id());
			bureaus.save(lower);
			audit.record(AuditEntry.of("bureau.reparent", "Bureau", id,
					"机构“" + lower.name() + "”改隶新建的“" + created.name() + "”")
				.states(before, lower.snapshot())
				.inRegion(lower.regionCode()));
		}
	}

	@Transactional
	public void update(DataScope scope, long id, BureauData data) {
		update(scope, id, data, List.of());
	}

	/**
	 * Saves the fields an edit may change (name, short name, parent, address, telephone), the level and region the
	 * stored ones; the checks continue the failures of the form that read the values ({@link Validation#after}) — after
	 * the access (404 for a bureau outside the caller's scope).
	 * @param formErrors the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public void update(DataScope scope, long id, BureauData data, List<FieldError> formErrors) {
		Bureau bureau = load(scope, id);
		BureauData fixed = new BureauData(data.name(), data.shortName(), bureau.level(), bureau.regionCode(),
				data.parentId(), data.address(), data.phone());
		validate(scope, fixed, id, formErrors);
		var before = bureau.snapshot();
		bureau.apply(normalise(fixed));
		bureaus.save(bureau);
		audit.record(AuditEntry.of("bureau.update", "Bureau", id, "修改机构“" + bureau.name() + "”")
			.states(before, bureau.snapshot())
			.inRegion(bureau.regionCode()));
	}

	Bureau load(DataScope scope, long id) {
		Bureau bureau = bureaus.findById(id).orElseThrow(() -> DomainException.notFound("机构", id));
		scope.requireRegion(bureau.regionCode(), "机构", id);
		return bureau;
	}

	private void validate(DataScope scope, BureauData data, Long selfId, List<FieldError> formErrors) {
		Validation v = Validation.after(formErrors);
		v.name("name", "机构名称", data.name(), 100);
		v.maxLength("shortName", "简称", data.shortName(), 40).name("shortName", "简称", data.shortName());
		v.address("address", "地址", data.address(), 200);
		if (Text.blankToNull(data.phone()) != null) {
			// a bureau's office line: any telephone, kept in one canonical form
			v.check("phone", () -> Telephone.of(data.phone(), "电话"));
		}
		v.require("level", data.level() != null, "required", "请选择机构层级");
		RegionCode region = v.check("regionCode", () -> regions.require("regionCode", data.regionCode()));
		if (region != null && data.level() != null) {
			v.require("regionCode", region.value().length() == data.level().regionCodeLength(), "level-match",
					data.level().label() + "应对应" + data.level().regionCodeLength() + "位行政区划代码");
		}
		if (!v.hasError("shortName") && region != null) {
			// a 简称 ending in 邮管 is the bureau's 机关代字: never another bureau's, nor one that moves another's (A1)
			List<BureauView> all = jdbc.sql(SELECT + FROM).query(Rows.of(BureauView.class)).list();
			BureauView was = all.stream().filter(b -> selfId != null && b.id() == selfId).findFirst().orElse(null);
			DocumentAgency.checkShortName(v, all, new BureauView(selfId == null ? Long.MAX_VALUE : selfId, data.name(),
					Text.blankToNull(data.shortName()), data.level(), region.value(),
					was != null ? was.regionName() : regions.name(region.value()), data.parentId(),
					was != null ? was.parentName() : null, null, null, false, 0, 0));
		}
		if (region != null && data.level() != BureauLevel.NATIONAL) {
			// the bureau's address is printed on its documents as the authority's: in its own region (a 省局 anywhere in
			// its province, a 县局 in its county)
			regions.addressWithin(v, "address", "地址", data.address(), region.value(), "机构所在地");
		}
		if (region != null && data.level() != null && data.level() != BureauLevel.NATIONAL && !Text.isBlank(data.name())) {
			// a 邮政管理局 is named after the region it is bound to (无锡市邮政管理局 for 3202): a name of another region
			// would show the wrong authority on every document and list
			String own = regions.name(region.value());
			v.require("name", namesRegion(Text.name(data.name()), own), "region-name", "机构名称应含所在行政区划的名称“"
					+ own + "”（" + regions.fullName(region.value()) + "）：邮政管理局以其行政区划命名");
		}
		if (region != null && selfId == null) {
			requireInScope(scope, region.value(), regions.fullName(region.value()));
			// the caller's own region is in its scope: choosing it (the region picker's first choice) is a mistake of the
			// form, answered on the form (400), not a refusal of rights
			// (the national scope creates any, the top-level bureau itself at the installation's first start included)
			v.require("regionCode", scope.kind() != DataScope.Kind.REGION || !isOwn(scope, region.value()), "below",
					regions.fullName(region.value()) + "是本机构自己的辖区：只能新建本机构辖区以下的机构");
		}
		if (data.level() != null && data.level() != BureauLevel.NATIONAL && region != null) {
			v.require("parentId", data.parentId() != null || !hasEnclosingBureau(region), "required", "请选择上级机构");
		}
		Long parentNow = selfId == null ? null : bureaus.findById(selfId).map(Bureau::parentId).orElse(null);
		// a parent the form could not read is told as such (400), not judged a change of the parent to none
		boolean parentUnread = formErrors.stream().anyMatch(e -> e.field().equals("parentId"));
		boolean parentChanged = !parentUnread && (selfId == null || !Objects.equals(parentNow, data.parentId()));
		if (parentChanged && selfId != null && region != null && isOwn(scope, region.value())) {
			throw new AccessRefusedException("parentId", "不能更改本机构的上级机构：机构的隶属关系只能由上级机构的管理员调整");
		}
		if (data.parentId() != null && region != null) {
			Optional<Bureau> parent = bureaus.findById(data.parentId());
			// the parent an edit keeps may lie above the caller (its own bureau's); a parent chosen must be in its scope
			parent.filter(p -> parentChanged && !scope.containsRegion(p.regionCode())).ifPresent(p -> {
					throw new AccessRefusedException("parentId", Wording.of("org.refusal.parentOutside", p.name()),
							"上级机构“" + p.name() + "”不在您的管辖范围内：只能选择本机构或其下级机构");
				});
			v.require("parentId", parent.isPresent() && !data.parentId().equals(selfId), "exists", "上级机构不存在");
			parent.ifPresent(p -> v.require("parentId", RegionCode.of(p.regionCode()).contains(region)
					&& p.regionCode().length() < region.value().length(), "contains",
					"上级机构的辖区应包含本机构的行政区划"));
			// a county bureau hangs under its city's bureau where one exists, not past it under the province
			if (parentChanged && parent.isPresent() && RegionCode.of(parent.get().regionCode()).contains(region)
					&& parent.get().regionCode().length() < region.value().length()) {
				nearestAbove(region.value()).filter(n -> !n.id().equals(data.parentId()))
					.ifPresent(n -> v.require("parentId", false, "nearest", "上级机构应为“" + n.name() + "”："
							+ "机构隶属辖区包含本机构行政区划的最近一级邮政管理局"));
			}
		}
		v.throwIfInvalid();
	}

	/**
	 * Whether a bureau's name names its region: the region's name in it, whole ("无锡市") or without its last character
	 * — the kind of region (省, 市, 区, 县) — when it has more than two ("无锡邮政管理局"); true when the region has no name
	 * of its own (a placeholder level, {@link Regions#PLACEHOLDER_LEVELS}: a municipality's 市辖区, 省直辖县级行政区划).
	 */
	static boolean namesRegion(String name, String regionName) {
		if (Text.isBlank(regionName) || name == null || Regions.PLACEHOLDER_LEVELS.contains(regionName)) {
			return true;
		}
		String core = regionName.length() > 2 ? regionName.substring(0, regionName.length() - 1) : regionName;
		return name.contains(core);
	}

	/**
	 * Refuses (403 on {@code regionCode}) a new bureau outside the caller's region: a sibling, a parent or a region
	 * elsewhere (the caller's own region again is a 400 of the form, rule {@code below}). The national scope
	 * ({@link DataScope#all}) holds every region below it.
	 * @param regionName the region as the refusal names it ("江苏省南京市"), never its code
	 */
	private static void requireInScope(DataScope scope, String region, String regionName) {
		if (!scope.containsRegion(region)) {
			throw new AccessRefusedException("regionCode", Wording.of("org.refusal.newBureauOutside", regionName),
					regionName + "不在您的管辖范围内：只能新建本机构辖区以下的机构，"
					+ "不能新建同级、上级或辖区以外的机构");
		}
	}

	/**
	 * Whether a caller of {@code scope} may create any bureau at all ({@link #requireBelow}): a region strictly below
	 * its own exists at a bureau level — not for a county's (no level below 县（区）局), an enterprise's or nobody's.
	 */
	public static boolean createsAny(DataScope scope) {
		return switch (scope.kind()) {
			case ALL -> true;
			case REGION -> scope.regionPrefix().length() < BureauLevel.COUNTY.regionCodeLength();
			case ENTERPRISE, NONE -> false;
		};
	}

	/** Whether {@code region} is the caller's own bureau's region (its scope's prefix). */
	private static boolean isOwn(DataScope scope, String region) {
		return scope.kind() == DataScope.Kind.REGION ? scope.regionPrefix().equals(region) : "0".equals(region);
	}

	/** The bureau nearest above {@code region}: the one whose region is the longest proper prefix of it. */
	private Optional<Bureau> nearestAbove(String region) {
		return jdbc.sql("SELECT id FROM bureau WHERE :region LIKE region_code || '%' AND region_code <> :region "
				+ "ORDER BY length(region_code) DESC LIMIT 1").param("region", region).query(Long.class).optional()
			.flatMap(bureaus::findById);
	}

	/** Whether a bureau above this region exists (then a new bureau must name its parent). */
	private boolean hasEnclosingBureau(RegionCode region) {
		return jdbc.sql("SELECT count(*) FROM bureau WHERE (:region LIKE region_code || '%' OR region_code = '0') "
				+ "AND region_code <> :region").param("region", region.value()).query(Long.class).single() > 0;
	}

	private static BureauData normalise(BureauData d) {
		return new BureauData(Text.name(d.name()), Text.blankToNull(Text.name(d.shortName())), d.level(), RegionCode.typed(d.regionCode()),
				d.parentId(), Text.line(d.address()),
				Text.blankToNull(d.phone()) == null ? null : Telephone.of(d.phone()).value());
	}

}
