package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
import org.youguan.registry.OutletView;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRule;

/**
 * The ledger of third-party screening contractors (委托第三方安检企业, 快递暂行条例(2025) art.33: an enterprise may entrust
 * 过机安检 to a qualified third party): the contractor, the entrusting enterprise, the contract period and the outlets of
 * the enterprise it covers. Staff keep it for their region (the entrusting enterprise's, or a covered outlet's); an
 * enterprise reads its own contracts; staff correct a contract ({@link Corrections}). Audited
 * ({@code safety.contractor.create|correct}).
 */
@Service
public class Contractors {

	static final String AUDIT_TYPE = "SafetyContractor";

	private static final Corrections.Ledger LEDGER = new Corrections.Ledger("safety_contractor", AUDIT_TYPE,
			"safety.contractor.correct", "委托安检合同", null, null, "name");

	private static final Map<String, String> SORTS = Map.of("name", "c.name", "enterprise", "c.enterprise_name",
			"contract_to", "c.contract_to", "contract_from", "c.contract_from");

	private static final String SELECT = """
			SELECT c.id, c.name, c.credit_code, c.enterprise_id, c.enterprise_credit_code, c.enterprise_name, c.region_code,
			    (SELECT r.name FROM region_name r WHERE r.code = c.region_code) AS region_name, c.contract_from, c.contract_to,
			    (:today BETWEEN c.contract_from AND c.contract_to) AS active,
			    (SELECT count(*) FROM safety_contractor_outlet o WHERE o.contractor_id = c.id) AS outlets""";

	/** An outlet a contract covers. */
	public record CoveredOutlet(long outletId, String outletName, String regionCode) {
	}

	private final JdbcClient jdbc;

	private final Placement placement;

	private final Corrections corrections;

	private final Clock clock;

	/** How far back a contract may start (the safety ledgers' look-back). */
	private final LedgerDays days;

	Contractors(JdbcClient jdbc, Placement placement, Corrections corrections, Clock clock, LedgerDays days) {
		this.days = days;
		this.corrections = corrections;
		this.jdbc = jdbc;
		this.placement = placement;
		this.clock = clock;
	}

	/** A page of contracts in the caller's scope, searched by contractor or enterprise; {@code activeOnly}: today's. */
	public PageResult<ContractorView> list(DataScope scope, boolean activeOnly, PageQuery page) {
		LocalDate today = LocalDate.now(clock);
		return Listing.from("FROM safety_contractor c")
			.scope(scope, "c.enterprise_credit_code", "c.region_code")
			.where(activeOnly, ":today BETWEEN c.contract_from AND c.contract_to", "today", today)
			.bind("today", today)
			.search(page, "c.name", "c.credit_code", "c.enterprise_name")
			.sorts(SORTS, "contract_to", true, "c.id")
			.page(jdbc, SELECT, page, Rows.of(ContractorView.class));
	}

	/**
	 * One contract in the caller's scope.
	 * @throws DomainException not found (404) otherwise
	 */
	public ContractorView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " FROM safety_contractor c WHERE c.id = :id AND "
				+ scope.enterprisePredicate("c.enterprise_credit_code", "c.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("today", LocalDate.now(clock))
			.query(Rows.of(ContractorView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("委托安检合同", id));
	}

	/** The outlets a contract covers (the caller must have read it with {@link #get}). */
	public List<CoveredOutlet> outlets(long id) {
		return jdbc.sql("SELECT outlet_id, outlet_name, region_code FROM safety_contractor_outlet WHERE contractor_id = :id"
				+ " ORDER BY outlet_name, outlet_id")
			.param("id", id)
			.query(Rows.of(CoveredOutlet.class))
			.list();
	}

	/** Outlet id → contractor name, for the outlets covered by a contract active on {@code day}. */
	Map<Long, String> coveredOn(LocalDate day) {
		Map<Long, String> result = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT o.outlet_id, c.name FROM safety_contractor_outlet o JOIN safety_contractor c ON c.id = o.contractor_id
				WHERE :day BETWEEN c.contract_from AND c.contract_to ORDER BY c.name""")
			.param("day", day)
			.query((rs, n) -> result.putIfAbsent(rs.getLong(1), rs.getString(2)))
			.list();
		return result;
	}

	/**
	 * The longest contract period recorded at once, in years (a product bound, no law sets one: a contract entered to
	 * 2099 counted its outlets as screened for ever); a contract renewed is recorded again.
	 */
	static final int LONGEST_CONTRACT_YEARS = 5;

	/**
	 * Records a contract (staff): the contractor's name (≤ 200) and a valid credit code other than the entrusting
	 * enterprise's own (rule {@code self}: a third party), the entrusting enterprise in the caller's region, the period
	 * (last day not before the first, at most {@link #LONGEST_CONTRACT_YEARS} years), at least one outlet, each the
	 * enterprise's, not closed and in the caller's region.
	 * @return the new contract's id
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException naming every failing field: name, creditCode, enterpriseCreditCode, contractFrom,
	 *         contractTo, outletIds (none, an empty element, an outlet not the enterprise's, closed — rule closed — or
	 *         outside the caller's region — rule scope)
	 */
	@Transactional
	public long create(DataScope scope, ContractorData data, boolean demo) {
		Checked c = check(scope, data, Placement.Kept.NONE);
		Map<String, Object> state = Corrections.state(c.facts().columns());
		state.put("outletIds", c.outletIds());
		long id = corrections.record(LEDGER, "safety.contractor.create", "登记委托安检：", c.facts(), demo, x -> state);
		writeOutlets(id, c);
		return id;
	}

	/**
	 * Corrects a contract (staff of its region), checked as {@link #create}, its covered outlets included; audited
	 * ({@code safety.contractor.correct}) with the changed facts before and after.
	 * @return the changed facts (empty: nothing changed)
	 * @throws DomainException not found (404) outside the caller's scope
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException as {@link #create}
	 */
	@Transactional
	public Map<String, Object[]> correct(DataScope scope, long id, ContractorData data) {
		get(scope, id);
		List<Long> before = outlets(id).stream().map(CoveredOutlet::outletId).sorted().toList();
		return corrections.correct(scope, LEDGER, id, () -> {
			Checked c = check(scope, data, new Placement.Kept(before, null));
			List<Long> after = c.outletIds().stream().sorted().toList();
			return new Corrections.Facts(c.facts().region(), c.facts().summary(), c.facts().columns(),
					Map.of("outletIds", before), Map.of("outletIds", after), () -> {
						jdbc.sql("DELETE FROM safety_contractor_outlet WHERE contractor_id = :id").param("id", id).update();
						writeOutlets(id, c);
					});
		});
	}

	/** A contract's checked facts and the outlets it covers. */
	private record Checked(Corrections.Facts facts, List<Long> outletIds, Map<Long, OutletView> outlets) {
	}

	/** The checked contract; {@code kept} are the outlets the corrected contract covers now (accepted once closed). */
	private Checked check(DataScope scope, ContractorData data, Placement.Kept kept) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("enterpriseCreditCode", "委托安检台账由邮政管理部门登记");
		}
		Validation v = new Validation();
		String name = Text.name(Hazards.clean(data.name()));
		v.name("name", "安检企业名称", name, 200);
		CreditCode code = v.check("creditCode", () -> CreditCode.of(data.creditCode() == null ? "" : Text.strip(data.creditCode())));
		var place = placement.resolve(scope, v, data.enterpriseCreditCode(), null, null);
		LocalDate from = v.date("contractFrom", "合同开始日期", data.contractFrom());
		LocalDate to = v.date("contractTo", "合同结束日期", data.contractTo());
		// a contract may be signed ahead, but not start before the ledgers' look-back (a year typed 1950 for 2050)
		if (from != null && place.isPresent()) {
			LocalDate earliest = days.earliest(place.get().regionCode());
			v.require("contractFrom", !from.isBefore(earliest), "range", "合同开始日期不能早于" + ChineseText.day(earliest)
					+ "（安全台账的追溯年限，"
					+ StatutoryRule.SAFETY_LEDGER_LOOKBACK.basisFor(Audience.OUTSIDE) + "）");
		}
		v.require("contractFrom", data.contractFrom() != null && !Text.isBlank(data.contractFrom()), "required", "请填写合同开始日期");
		v.require("contractTo", data.contractTo() != null && !Text.isBlank(data.contractTo()), "required", "请填写合同结束日期");
		if (from != null && to != null) {
			v.require("contractTo", !to.isBefore(from), "range", "合同结束日期不能早于开始日期" + ChineseText.day(from));
			v.require("contractTo", !to.isAfter(from.plusYears(LONGEST_CONTRACT_YEARS)), "range",
					"委托安检合同期限不能超过" + LONGEST_CONTRACT_YEARS + "年（结束日期最晚" + ChineseText.day(from.plusYears(LONGEST_CONTRACT_YEARS))
							+ "）：到期续签后另行登记");
		}
		if (code != null && place.isPresent()) {
			v.require("creditCode", !code.value().equals(place.get().enterpriseCreditCode()), "self",
					"受托安检企业不能是委托企业自身：企业自行过机安检的，请登记其安检机");
		}
		List<Long> sent = data.outletIds() == null ? List.of() : data.outletIds();
		// a JSON null (or a blank form value) in the list names no outlet: refused, not skipped
		boolean blank = sent.stream().anyMatch(Objects::isNull);
		v.require("outletIds", !blank, "required", "网点编号不能为空（outletIds中有空值）");
		List<Long> ids = sent.stream().filter(Objects::nonNull).toList();
		v.require("outletIds", !ids.isEmpty() || blank, "required", "请选择委托安检覆盖的网点");
		// each outlet the delegating enterprise's and in the caller's region, else refused as unknown (never named);
		// one named twice is refused, not collapsed
		Map<Long, OutletView> found = placement.outlets(scope, v, "outletIds", place.map(Placement.Place::enterpriseId)
			.orElse(null), "委托企业", ids, kept);
		v.throwIfInvalid();
		var p = place.orElseThrow();
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", name);
		columns.put("credit_code", code.value());
		columns.putAll(Placement.columns(p, false, false));
		columns.put("contract_from", from);
		columns.put("contract_to", to);
		return new Checked(new Corrections.Facts(p.regionCode(), p.enterpriseName() + "委托" + name + "，" + ChineseText.day(from) + "至" + ChineseText.day(to)
				+ "，覆盖网点" + ids.size() + "个", columns), ids, found);
	}

	private void writeOutlets(long id, Checked c) {
		for (Long outlet : c.outletIds()) {
			OutletView o = c.outlets().get(outlet);
			jdbc.sql("INSERT INTO safety_contractor_outlet (contractor_id, outlet_id, outlet_name, region_code)"
					+ " VALUES (:id, :outlet, :name, :region)")
				.param("id", id)
				.param("outlet", outlet)
				.param("name", o.name())
				.param("region", o.regionCode())
				.update();
		}
	}
}
