package org.youguan.licensing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.Regions;
import org.youguan.registry.BranchFiled;
import org.youguan.registry.Branches;
import org.youguan.registry.CityMatters;
import org.youguan.org.CurrentUser;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;

/**
 * 分支机构备案 (快递业务经营许可管理办法: a licensed enterprise files each branch within 20 days of the branch's business
 * licence, rule {@code branch.filing}): the enterprise on its portal or staff from paper; a complete filing is taken on
 * the spot (no acceptance step) and a late one is taken and flagged late. The parent must hold a licence in force. The
 * filing publishes {@link BranchFiled}, on which the registry records the branch (the licensing module never writes the
 * registry's branch record).
 */
@Service
public class BranchFilings {

	/**
	 * A branch filing as entered.
	 * @param parentCreditCode the parent enterprise (an enterprise user: itself, may be blank)
	 * @param regionCode the branch's county
	 * @param businessLicenceDate the day the branch's business licence was issued (YYYY-MM-DD)
	 * @param filedOn the day a paper filing was received (staff only; blank: today)
	 */
	public record FilingData(String parentCreditCode, String name, String regionCode, String address, String headName,
			String businessLicenceDate, String filedOn) {
	}

	/** A filing as taken. */
	public record Filing(long id, String parentCreditCode, String parentName, String licenceNumber, String name,
			String regionCode, String address, String headName, LocalDate businessLicenceDate, LocalDate filedOn,
			LocalDate dueOn, boolean late, String channel, String filedBy) {
	}

	private final JdbcClient jdbc;

	private final Enterprises enterprises;

	private final Licences licences;

	private final Branches branches;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Who takes a paper filing: the bureau taking the branch's city's matters ({@link CityMatters}). */
	private final CityMatters cities;

	BranchFilings(JdbcClient jdbc, Enterprises enterprises, Licences licences, Branches branches, Regions regions,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, CityMatters cities) {
		this.cities = cities;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.licences = licences;
		this.branches = branches;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Refuses the filing form to a staff account whose bureau takes no paper filing: a county's bureau, since a filing
	 * is taken by the bureau taking the branch's city's matters (see {@link #file}) — the form a county's staff could
	 * not post is not shown. An enterprise and a city's, province's or the national bureau's staff pass (which city a
	 * province takes is judged on posting, by the branch's region).
	 * @param scope the caller's scope; an enterprise's passes
	 * @throws AccessRefusedException 403 naming the bureau taking the county's city's matters ({@link CityMatters})
	 */
	public void requireReceiver(DataScope scope) {
		if (!receives(scope)) {
			if (scope.regionPrefix() == null) {
				throw new AccessRefusedException("只有企业本身或业务人员可以办理分支机构备案");
			}
			cities.requireOwnCity(scope, "分支机构备案");
		}
	}

	/**
	 * The bureau that takes each filing (受理机关), by its full name: the bureau taking the branch's city's matters
	 * ({@link CityMatters#takerName}, as {@link #file} requires of a paper filing's clerk) — for an export's rows, each
	 * city's bureau read once.
	 */
	public java.util.function.Function<Filing, String> receivingBureaus() {
		Map<String, String> named = new HashMap<>();
		return f -> f.regionCode() == null ? null
				: named.computeIfAbsent(LicenceApplications.premisesCity(f.regionCode()), cities::takerName);
	}

	/**
	 * Whether the caller takes paper filings ({@link #requireReceiver}): whether its bureau takes its own region's
	 * city's matters ({@link CityMatters#takesOwnCity}), the rule {@link #file} checks a filing's place by — read from
	 * the registry of bureaus and their accounts, not from the length of a region code: a city's, a province's (for a
	 * city whose bureau has no 处室工作人员) or the national bureau's staff take filings, a county's do not. An
	 * enterprise's scope passes (it files its own).
	 */
	public boolean receives(DataScope scope) {
		return scope.kind() == DataScope.Kind.ENTERPRISE || cities.takesOwnCity(scope);
	}

	/**
	 * Whether the filing form is offered to {@code me} — a link or button to it shown — by the rules its post checks:
	 * an enterprise's account files its own branches; a staff account of the bureaus' handlers
	 * ({@code CurrentUser#caseHandler}) whose bureau takes paper filings ({@link #receives}). Anyone else would be
	 * refused (403), so is not shown the way there.
	 */
	public boolean offersForm(CurrentUser me) {
		return me != null && (me.enterpriseCreditCode() != null || me.caseHandler() && receives(me.scope()));
	}

	/**
	 * Files a branch: complete (name, county, address, head, business-licence date; the parent holding a licence in
	 * force) → taken at once; after the period of {@link Branches#filingDue} (20 days by default) it is taken and flagged late.
	 * @return the filing's id
	 * @throws InvalidValueException naming each field that breaks a rule (nothing is saved)
	 * @throws AccessRefusedException when an enterprise files for another, or a read-only user files, or (403) staff of
	 *         another bureau than the one handling the branch's city ({@link LicenceApplications#premisesCity}, the city's
	 *         bureau else the province's) enter it, keyed {@code refusal.handlingBureau}
	 * @throws DomainException (409) when the parent already has a branch of that name; not found (404, before any field)
	 * for staff naming a region outside theirs ({@link DataScope#refuseRegionOutside})
	 */
	@Transactional
	public long file(Clerk clerk, FilingData data) {
		if (!clerk.writer() && !clerk.enterprise()) {
			throw new AccessRefusedException("只有企业本身或业务人员可以办理分支机构备案");
		}
		if (!clerk.enterprise()) {
			// access before fields: staff file branches in their region; another is not there (404)
			clerk.scope().refuseRegionOutside("regionCode", data.regionCode());
		}
		LocalDate today = LocalDate.now(clock);
		Validation v = new Validation();
		String code = null;
		if (clerk.enterprise()) {
			if (!Text.isBlank(data.parentCreditCode()) && !CreditCode.written(data.parentCreditCode()).equalsIgnoreCase(clerk.enterpriseCreditCode())) {
				throw new AccessRefusedException("parentCreditCode", "企业用户只能为本企业的分支机构备案");
			}
			code = clerk.enterpriseCreditCode();
		}
		else if (Text.isBlank(data.parentCreditCode())) {
			v.require("parentCreditCode", false, "required", "所属企业统一社会信用代码不能为空");
		}
		else {
			code = v.check("parentCreditCode", () -> CreditCode.of(data.parentCreditCode()).value());
		}
		v.name("name", "分支机构名称", data.name(), 200)
			.required("address", "地址", data.address()).address("address", "地址", data.address(), 300)
			.name("headName", "负责人", data.headName(), 60)
			.personName("headName", "负责人", data.headName());
		String region = null;
		if (Text.isBlank(data.regionCode())) {
			v.require("regionCode", false, "required", "分支机构所在地不能为空");
		}
		else {
			region = v.check("regionCode", () -> regions.require("regionCode", Text.strip(data.regionCode())).value());
			if (region != null && region.length() < 6) {
				// a province or a city is no place: the branch's county (or its street) is, and staff see it by it
				v.require("regionCode", false, "level", "分支机构所在地应为县级或以下的行政区划：" + region);
				region = null;
			}
			if (region != null && !clerk.enterprise()) {
				// a region outside the caller's is not there (404), whatever the other fields hold
				clerk.scope().refusePlace("regionCode", region);
				// and one in it is taken by the bureau handling the branch's city (as the city receives the licensing
				// matters of its premises), not by the province above it nor a county below: 403 naming that bureau
				cities.requireTaker(region, "分支机构备案");
			}
			regions.addressWithin(v, "address", "地址", data.address(), region, "分支机构所在地");
		}
		v.required("businessLicenceDate", "营业执照日期", data.businessLicenceDate());
		LocalDate licensed = v.date("businessLicenceDate", "营业执照日期", data.businessLicenceDate(),
				Validation.EARLIEST_RECORD, today);
		LocalDate filedOn = today;
		if (!clerk.enterprise() && !Text.isBlank(data.filedOn())) {
			filedOn = v.date("filedOn", "收到备案日期", data.filedOn(), licensed == null ? Validation.EARLIEST_RECORD : licensed, today);
		}
		EnterpriseView parent = null;
		LicenceView licence = null;
		if (code != null) {
			parent = enterprises.findByCreditCode(code).orElse(null);
			if (parent != null) {
				List<LicenceView> held = licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null, parent.id()),
						PageQuery.of(null, 0, 10, "expires_on", "desc")).items();
				licence = held.isEmpty() ? null : held.get(0);
			}
			v.require("parentCreditCode", licence != null, "licence", "所属企业须持有有效的快递业务经营许可证，方可办理分支机构备案");
			if (licence != null && region != null) {
				v.require("regionCode", licence.scope().covers(licence.regionCode(), region), "outside-licence-area",
						outsideArea(licence, region));
			}
		}
		v.throwIfInvalid();
		// two filings at once are ordered: the second one's check sees the first (a 409, not the unique key's 500); names
		// compared as every twin rule compares them (Text.textKey: "竞态分部!" and "竞态分部!!!!" are one), as the
		// branch_filing_name_text_key index (V349) holds them
		LicenceApplications.holdApplicant(jdbc, code);
		if (branches.exists(parent.id(), Text.name(data.name())) || jdbc.sql(
				"SELECT count(*) FROM branch_filing WHERE parent_credit_code = :code AND text_key(name) = text_key(:name)")
			.param("code", code).param("name", Text.name(data.name())).query(Long.class).single() > 0) {
			throw DomainException.duplicate("name", Wording.of("licensing.refusal.branchNameTaken", Text.name(data.name())),
					"该企业已有名为“" + Text.name(data.name()) + "”的分支机构");
		}
		// the registry's one computation of the period, so the filing and the branch it records agree on lateness
		LocalDate due = branches.filingDue(licensed, region);
		boolean late = branches.filedLate(licensed, filedOn, region);
		Map<String, Object> p = new HashMap<>();
		p.put("code", code);
		p.put("parent", parent.legalName());
		p.put("licence", licence.number());
		p.put("name", Text.name(data.name()));
		p.put("region", region);
		p.put("address", Text.line(data.address()));
		p.put("head", Text.name(data.headName()));
		p.put("licensed", licensed);
		p.put("filed", filedOn);
		p.put("due", due);
		p.put("late", late);
		p.put("channel", clerk.enterprise() ? "PORTAL" : "PAPER");
		p.put("by", clerk.name());
		p.put("now", OffsetDateTime.now(clock));
		long id = jdbc.sql("""
				INSERT INTO branch_filing (parent_credit_code, parent_name, licence_number, name, region_code, address,
				    head_name, business_licence_date, filed_on, due_on, late, channel, filed_by, created_at)
				VALUES (:code, :parent, :licence, :name, :region, :address, :head, :licensed, :filed, :due, :late, :channel,
				    :by, :now)
				RETURNING id""")
			.params(p)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("licensing.branch-filing", "branch_filing", id, parent.legalName() + "分支机构备案“"
				+ Text.name(data.name()) + "”" + (late ? "（逾期备案，应于" + ChineseText.day(due) + "前备案）" : "")).inRegion(region));
		events.publishEvent(new BranchFiled(id, code, licence.number(), Text.name(data.name()), region, Text.line(data.address()),
				Text.name(data.headName()), licensed, filedOn, false));
		return id;
	}

	/**
	 * Why a branch at {@code region} is refused: it lies outside the area of the parent's licence — the city for 同城,
	 * the province for 省内 (跨省 and 国际 cover all of China).
	 */
	private String outsideArea(LicenceView licence, String region) {
		String area = licence.scope().territory(licence.regionCode());
		return "分支机构所在地" + regions.fullName(region) + "不在所属企业许可证" + licence.number()
				+ "的经营地域内：该许可证业务范围为" + licence.scope().label() + "，只能在" + regions.fullName(area)
				+ "范围内设立分支机构；在此以外设立的，应先申请变更许可证的业务范围（变更许可）";
	}

	/** The orders the filings list may be sorted by (request name → column); the id, newest first, breaks ties. */
	static final Map<String, String> SORTS = Map.of("filed_on", "f.filed_on", "name", "f.name", "parent_name",
			"f.parent_name", "business_licence_date", "f.business_licence_date", "licence_number", "f.licence_number");

	/**
	 * One filing in the caller's scope (an enterprise its own; staff by the branch's region), as the list shows it.
	 * @throws DomainException not found (404) otherwise
	 */
	public Filing get(DataScope scope, long id) {
		return Listing.from("FROM branch_filing f")
			.scope(scope, "f.parent_credit_code", "f.region_code")
			.where("f.id = :id", Map.of("id", id))
			.one(jdbc, "SELECT f.*", Rows.of(Filing.class))
			.orElseThrow(() -> DomainException.notFound("分支机构备案", id));
	}

	/**
	 * The filings in the caller's scope (an enterprise its own; staff by the branch's region): {@code late} (null for
	 * any) keeps the late or timely ones; the search finds the parent's credit code exactly or any word in the branch's
	 * name or address, the parent's name or credit code or the licence number ({@link Listing#search}); in a
	 * whitelisted order ({@link #SORTS}; an unknown key is 400 on {@code sort}; latest filed first by default).
	 */
	public PageResult<Filing> list(DataScope scope, Boolean late, PageQuery page) {
		return Listing.from("FROM branch_filing f")
			.scope(scope, "f.parent_credit_code", "f.region_code")
			.where(late != null, "f.late = :late", "late", Boolean.TRUE.equals(late))
			.search(page, "f.parent_credit_code = :exact", Map.of("exact", page.identifier().toUpperCase()), "f.name",
					"f.address", "f.parent_name", "f.parent_credit_code", "f.licence_number")
			.sorts(SORTS, "filed_on", true, "f.id DESC")
			.page(jdbc, "SELECT f.*", page, Rows.of(Filing.class));
	}
}
