package org.youguan.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.internal.branches.Branch;
import org.youguan.registry.internal.branches.BranchRepository;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * Branches (分支机构). A branch filed after the statutory period from its business licence (20 days) is flagged late.
 */
@Service
public class Branches {

	/** The orders a list may ask for: request name → column. */
	static final Map<String, String> SORTS = Map.of("name", "b.name", "filed_on", "b.filed_on", "region_code",
			"b.region_code");

	private static final String COLUMNS = """
			SELECT b.id, b.name, b.enterprise_id, e.legal_name AS enterprise_name, b.licence_id, l.number AS licence_number,
			       b.region_code, r.name AS region_name, b.address, b.head_name, b.business_licence_date, b.filed_on,
			       b.filed_late""";

	private static final String FROM = """
			FROM branch b JOIN enterprise e ON e.id = b.enterprise_id JOIN region_name r ON r.code = b.region_code
			LEFT JOIN express_licence l ON l.id = b.licence_id""";

	private static final String SELECT = COLUMNS + " " + FROM;

	private final BranchRepository branches;

	private final Enterprises enterprises;

	private final Regions regions;

	private final StatutoryRules rules;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Branches(BranchRepository branches, Enterprises enterprises, Regions regions, StatutoryRules rules, JdbcClient jdbc,
			AuditTrail audit, Clock clock) {
		this.branches = branches;
		this.enterprises = enterprises;
		this.regions = regions;
		this.rules = rules;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A page of branches in the caller's scope, searched by branch or enterprise name; late filings only on request. */
	public PageResult<BranchView> list(DataScope scope, Boolean lateOnly, PageQuery page) {
		return Listing.from(FROM)
			.countFrom("FROM branch b JOIN enterprise e ON e.id = b.enterprise_id")
			.scope(scope, "e.credit_code", "b.region_code")
			.search(page, "b.name", "e.legal_name", "e.credit_code", "b.region_code")
			.where(Boolean.TRUE.equals(lateOnly), "b.filed_late", "lateOnly", true)
			.sorts(SORTS, "filed_on", "b.id")
			.page(jdbc, COLUMNS, page, Rows.of(BranchView.class));
	}

	public BranchView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE b.id = :id AND " + scope.enterprisePredicate("e.credit_code", "b.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(BranchView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("分支机构", id));
	}

	/**
	 * Every branch in the region {@code prefix} ("" for all), of the brand's enterprises when {@code brandId} is given,
	 * in id order — one query, for populations (no scope: the caller checks that the region is its own).
	 */
	public List<RegisteredPlace> places(String prefix, Long brandId) {
		return jdbc.sql("""
				SELECT b.id, b.name, e.credit_code AS enterprise_credit_code, e.legal_name AS enterprise_name, b.region_code
				FROM branch b JOIN enterprise e ON e.id = b.enterprise_id
				WHERE e.status = 'NORMAL' AND (CAST(:brand AS bigint) IS NULL OR e.brand_id = :brand) AND\s"""
				+ RegionPrefix.of(prefix).predicate("b.region_code") + " ORDER BY b.id")
			.param("brand", brandId)
			.query(Rows.of(RegisteredPlace.class))
			.list();
	}

	/**
	 * The branches among {@code ids} the caller may read, by id, in one query (the audit trail titles a listed page
	 * with it); ids out of the caller's scope or unknown are left out.
	 */
	public Map<Long, BranchView> readable(DataScope scope, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " WHERE b.id IN (:ids) AND " + scope.enterprisePredicate("e.credit_code", "b.region_code"))
			.params(scope.params())
			.param("ids", ids)
			.query(Rows.of(BranchView.class))
			.list()
			.stream()
			.collect(Collectors.toMap(BranchView::id, Function.identity()));
	}

	/** Files a branch; whether it was filed late is decided here, from the statutory period on the calendar. */
	@Transactional
	public long file(DataScope scope, BranchData data, boolean demo) {
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		BranchData clean = check(scope, data);
		boolean late = late(clean);
		Branch b = branches.save(Branch.file(clean, late, demo, clock.instant()));
		audit.record(AuditEntry.of("branch.file", "Branch", b.id(), "分支机构备案“" + b.name() + "”" + lateNote(clean, late))
			.states(null, b.snapshot())
			.inRegion(b.regionCode()));
		return b.id();
	}

	/** Corrects a branch's record; the late flag is decided again from the corrected dates. */
	@Transactional
	public void update(DataScope scope, long id, BranchData data) {
		Branch b = branches.findById(id).orElseThrow(() -> DomainException.notFound("分支机构", id));
		scope.requireRegion(b.regionCode(), "分支机构", id);
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		enterprises.load(scope, b.enterpriseId());
		BranchData clean = validate(scope, new BranchData(b.enterpriseId(), data.licenceId(), data.name(), data.regionCode(),
				data.address(), data.headName(), data.businessLicenceDate(), data.filedOn()), true, id);
		var before = b.snapshot();
		boolean late = late(clean);
		b.apply(clean, late);
		branches.save(b);
		audit.record(AuditEntry.of("branch.update", "Branch", id, "修改分支机构“" + b.name() + "”" + lateNote(clean, late))
			.states(before, b.snapshot())
			.inRegion(b.regionCode()));
	}

	/**
	 * Checks branch data as {@link #file} would, without saving: the parent in scope, the licence (if any) held by the
	 * parent, the place in scope, the dates in order. Returns it cleaned.
	 */
	public BranchData check(DataScope scope, BranchData data) {
		enterprises.load(scope, data.enterpriseId());
		return validate(scope, data, true, null);
	}

	/**
	 * The branch rules of every field but the parent enterprise, for an import row whose enterprise cell already failed:
	 * the row's other bad cells are reported with it, not hidden behind it. The parent is not looked at (nor whether the
	 * licence is the parent's); nothing is saved.
	 * @return the data cleaned, its enterprise as given — never to be filed
	 * @throws org.youguan.kernel.InvalidValueException every field error at once
	 */
	public BranchData checkFields(DataScope scope, BranchData data) {
		return validate(scope, data, false, null);
	}

	/**
	 * The branch rules; with the parent known, a second branch of the parent whose name is a twin of another's than
	 * {@code selfId} ({@link Text#textKey}: spaces, punctuation and full width aside) is refused on {@code name} (rule
	 * {@code unique}) — for every path that files or corrects one (page, API, import, the licensing filing's record).
	 * Two requests at once are ordered by a transaction lock on the parent and the key.
	 */
	private BranchData validate(DataScope scope, BranchData data, boolean parentKnown, Long selfId) {
		Validation v = new Validation();
		v.name("name", "分支机构名称", data.name(), 200);
		if (parentKnown && !v.hasError("name")) {
			String name = Text.name(data.name());
			TransactionLocks.hold(jdbc, "branch:" + data.enterpriseId() + "|" + Text.textKey(name));
			v.require("name", !jdbc.sql("SELECT EXISTS (SELECT 1 FROM branch WHERE enterprise_id = :enterprise "
					+ "AND text_key(name) = text_key(:name) AND id <> :self)")
				.param("enterprise", data.enterpriseId())
				.param("name", name)
				.param("self", selfId == null ? 0L : selfId)
				.query(Boolean.class)
				.single(), "unique", Wording.of("registry.refusal.branchNameTaken", name), "该企业已有同名分支机构：" + name);
		}
		v.required("address", "地址", data.address()).address("address", "地址", data.address(), 300);
		v.name("headName", "负责人", data.headName(), 60).personName("headName", "负责人", data.headName());
		if (parentKnown && data.licenceId() != null) {
			Long holder = jdbc.sql("SELECT enterprise_id FROM express_licence WHERE id = :id")
				.param("id", data.licenceId())
				.query(Long.class)
				.optional()
				.orElse(null);
			v.require("licenceId", holder != null && holder == data.enterpriseId(), "held-by-parent", Wording.of("registry.refusal.licenceNotParents"), "该许可证不属于所属企业");
		}
		RegionCode region = v.check("regionCode", () -> regions.require("regionCode", data.regionCode()));
		if (region != null) {
			// an import row's error on its column, beside its other cells (a step refused such a region before: 404)
			scope.requireWithin(v, "regionCode", region.value(), "分支机构所在地");
			regions.addressWithin(v, "address", "地址", data.address(), region.value(), "分支机构所在地");
			if (parentKnown) {
				withinLicenceArea(v, data, region.value());
			}
		}
		v.require("businessLicenceDate", data.businessLicenceDate() != null, "required", Wording.of("refusal.please.40"), "请填写营业执照日期");
		v.require("filedOn", data.filedOn() != null, "required", Wording.of("refusal.please.16"), "请填写备案日期");
		// both days are of what already happened — a licence issued, a filing received —, never in the future (attack: an
		// import took 营业执照日期 2099-12-31), as the branch filing itself (BranchFilings) and a licence's 发证日期 are
		LocalDate today = LocalDate.now(clock);
		v.within("businessLicenceDate", "营业执照日期", data.businessLicenceDate(), Validation.EARLIEST_RECORD, today);
		v.require("filedOn", data.filedOn() == null || !data.filedOn().isAfter(today), "not-future", Wording.of("registry.refusal.filedOnFuture"), "备案日期不能晚于今天");
		if (data.businessLicenceDate() != null && data.filedOn() != null) {
			v.require("filedOn", !data.filedOn().isBefore(data.businessLicenceDate()), "after-licence",
					Wording.of("registry.refusal.filedBeforeBusinessLicence"), "备案日期不能早于营业执照日期");
		}
		v.throwIfInvalid();
		return new BranchData(data.enterpriseId(), data.licenceId(), Text.name(data.name()), region.value(),
				Text.line(data.address()), Text.strip(data.headName()), data.businessLicenceDate(), data.filedOn());
	}

	/** A licence's number, scope and region (its holder's seat), for the area its branches may lie in. */
	private record Area(String number, LicenceScope scope, String regionCode) {
	}

	/**
	 * A branch lies within the area of the licence it operates under (快递业务经营许可管理办法; 邮政法(2015) art.53): the
	 * city of a 同城 licence, the province of a 省内 one, anywhere for 跨省 and 国际 (rule {@code outside-licence-area}).
	 * The licence is the one named, else the parent's in force; a parent without one is not judged here.
	 */
	private void withinLicenceArea(Validation v, BranchData data, String region) {
		String sql = "SELECT l.number, l.scope, l.region_code FROM express_licence l WHERE "
				+ (data.licenceId() != null ? "l.id = :licence"
						: "l.enterprise_id = :enterprise AND " + Licences.STATUS_SQL + " = 'VALID' ORDER BY l.expires_on DESC LIMIT 1");
		jdbc.sql(sql)
			.param("licence", data.licenceId() == null ? -1L : data.licenceId())
			.param("enterprise", data.enterpriseId())
			.param("today", LocalDate.now(clock))
			.query((rs, i) -> new Area(rs.getString(1), LicenceScope.valueOf(rs.getString(2)), rs.getString(3)))
			.optional()
			.ifPresent(l -> v.require("regionCode", l.scope().covers(l.regionCode(), region), "outside-licence-area",
					Wording.of("registry.refusal.branchOutsideLicenceArea", regions.fullName(region), l.number(), l.scope(),
							regions.fullName(l.scope().territory(l.regionCode()))),
					"分支机构所在地" + regions.fullName(region) + "不在许可证" + l.number() + "的经营地域内：业务范围为" + l.scope().label()
							+ "的许可证只能在" + regions.fullName(l.scope().territory(l.regionCode())) + "范围内设立分支机构"));
	}

	/**
	 * Whether the enterprise already has a branch of this name, compared as every twin rule compares names
	 * ({@code Text.textKey}, SQL {@code text_key}: spaces, punctuation and full width aside).
	 */
	public boolean exists(long enterpriseId, String name) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM branch WHERE enterprise_id = :enterprise AND text_key(name) = text_key(:name))")
			.param("enterprise", enterpriseId)
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The last day to file a branch (分支机构备案) whose business licence was issued on {@code businessLicenceDate}, in
	 * {@code regionCode}: rule {@link StatutoryRule#BRANCH_FILING} (20 days, 快递业务经营许可管理办法(2019)) counted on the
	 * working-day calendar, a last day off moved to the next working day ({@link StatutoryRules#deadline}). The one
	 * computation of the period: the registry's record and licensing's filing both count with it.
	 * @param businessLicenceDate the day the branch's business licence was issued
	 * @param regionCode the branch's county, whose value of the rule applies
	 * @return the last day a filing is on time
	 */
	public LocalDate filingDue(LocalDate businessLicenceDate, String regionCode) {
		return rules.deadline(StatutoryRule.BRANCH_FILING, businessLicenceDate, regionCode);
	}

	/**
	 * Whether a branch filed on {@code filedOn} was filed late: after {@link #filingDue} of its business licence.
	 * @param businessLicenceDate the day the branch's business licence was issued
	 * @param filedOn the day the filing was received
	 * @param regionCode the branch's county
	 */
	public boolean filedLate(LocalDate businessLicenceDate, LocalDate filedOn, String regionCode) {
		return filedOn.isAfter(filingDue(businessLicenceDate, regionCode));
	}

	private LocalDate due(BranchData data) {
		return filingDue(data.businessLicenceDate(), data.regionCode());
	}

	private boolean late(BranchData data) {
		return filedLate(data.businessLicenceDate(), data.filedOn(), data.regionCode());
	}

	private String lateNote(BranchData data, boolean late) {
		return late ? "（逾期备案，应于" + ChineseText.day(due(data)) + "前备案）" : "";
	}
}
