package org.youguan.universal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.inspections.RandomDraw;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;

/**
 * 通邮检查计划: a bureau picks the 建制村 it will check on site — at random with the inspections module's public draw
 * ({@link RandomDraw#rank}: the population frozen as a snapshot and fingerprinted, the seed recorded, each village
 * ranked by SHA-256(seed ‖ code), so anyone can repeat the draw; 快递市场管理办法(2023) art.42 双随机 as the model) or
 * by criteria (below the province's village delivery standard, not checked for N months, not directly served; 邮政法
 * (2015) art.19). The criteria also narrow a random draw's population. A planned village counts as checked by its first
 * {@link VillageChecks} record on or after the plan's day; checks are recorded with the village's ordinary check form.
 */
@Service
public class VillageCheckPlans {

	/** The longest look-back of the criterion 若干月未检查, in months. */
	public static final int MAX_UNCHECKED_MONTHS = 120;

	/** The most villages a plan draws or selects. */
	public static final int MAX_SAMPLE = 10_000;

	/** A plan in the list: how many villages it holds and how many were checked. */
	public record Summary(long id, String name, String regionCode, String regionName, String method,
			LocalDate plannedOn, int villages, int checked) {
	}

	private static final SecureRandom SEEDS = new SecureRandom();

	private final JdbcClient jdbc;

	private final Regions regions;

	private final DeliveryStandards standards;

	private final AuditTrail audit;

	private final Clock clock;

	VillageCheckPlans(JdbcClient jdbc, Regions regions, DeliveryStandards standards, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.standards = standards;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Picks the villages and saves the plan with its snapshot, seed and picks; audited. A random draw ranks by
	 * SHA-256(seed ‖ secret ‖ code) with a secret drawn here, after the seed was typed ({@link RandomDraw#newSecret}),
	 * kept with its commitment; the commitment is shown (and audited) at once, the secret only once the draw is revealed
	 * ({@link #drawRevealed}).
	 * @param bureauId the planning bureau (null for a system caller)
	 * @return the plan's id
	 * @throws InvalidValueException naming every field that fails: name (required, ≤ 100), regionCode (required, a
	 *         region of the list, province or below), method (RANDOM or CRITERIA),
	 *         uncheckedMonths (1–120), sampleCount (1–10000; required for RANDOM), seed (≤ 100, one line of visible characters, no ID or mobile number), criteria (CRITERIA
	 *         needs at least one)
	 * @throws DomainException (rule) when no village matches the criteria; not found for an enterprise caller, and for
	 *         a region outside the caller's (404 in place of any field error, {@link DataScope#refusePlace});
	 *         duplicate (409, field name) when the region already has a plan of that name ({@link Text#folded})
	 */
	@Transactional
	public long create(DataScope scope, Long bureauId, VillageCheckPlanData data, boolean demo) {
		return create(scope, bureauId, data, demo, List.of());
	}

	/**
	 * As {@link #create(DataScope, Long, VillageCheckPlanData, boolean)}, continuing the checks of a form that could not
	 * read some of its numbers ({@code kernel.FormBinding}): one refusal names those fields with every other bad field
	 * (a 500-character name beside an unreadable 抽取数量), never the numbers alone.
	 * @param earlier the form's failures (fields it could not read, null in {@code data}), or an empty list
	 */
	@Transactional
	public long create(DataScope scope, Long bureauId, VillageCheckPlanData data, boolean demo, List<FieldError> earlier) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE || scope.kind() == DataScope.Kind.NONE) {
			throw DomainException.notFound("通邮检查计划", "new");
		}
		Validation v = Validation.after(earlier);
		String name = Text.name(Villages.clean(data.name()));
		v.require("name", name != null, "required", "请填写计划名称");
		v.maxLength("name", "计划名称", name, 100).name("name", "计划名称", name);
		v.require("name", !Masking.holdsPersonalNumber(name), "personal-number", "计划名称不能含身份证号或手机号");
		String region = RegionCode.typed(data.regionCode());
		if (region == null) {
			v.require("regionCode", false, "required", "请选择检查的区域");
		}
		else if (!region.matches("\\d{2,12}") || regions.find(region).isEmpty()) {
			v.require("regionCode", false, "exists", "区域代码不是行政区划中的地区：" + region);
		}
		else {
			// a region outside the caller's is not there (404), whatever the other fields hold
			scope.refusePlace("regionCode", region);
		}
		String method = data.method() == null ? "" : Text.strip(data.method()).toUpperCase();
		v.require("method", method.equals("RANDOM") || method.equals("CRITERIA"), "dictionary",
				"请选择选取方式：随机抽取或按条件选取");
		Integer months = data.uncheckedMonths();
		v.require("uncheckedMonths", months == null || months >= 1 && months <= MAX_UNCHECKED_MONTHS, "range",
				"未检查月数应在1至" + MAX_UNCHECKED_MONTHS + "之间");
		Integer count = data.sampleCount();
		v.require("sampleCount", count == null || count >= 1 && count <= MAX_SAMPLE, "range", "抽取数量应在1至" + MAX_SAMPLE + "之间");
		v.require("sampleCount", !method.equals("RANDOM") || count != null, "required", "随机抽取时请填写抽取数量");
		boolean anyCriterion = data.belowStandard() || months != null || data.notDirect();
		v.require("criteria", !method.equals("CRITERIA") || anyCriterion, "required",
				"按条件选取时请至少选择一个条件（低于频次标准、若干月未检查、未直接通邮）");
		String seed = Villages.clean(data.seed());
		// published with the plan and retyped to repeat the draw: one line of visible characters, no personal number
		v.line("seed", "随机种子", seed, 100);
		v.require("seed", !Masking.holdsPersonalNumber(seed), "personal-number", "随机种子不能含身份证号或手机号：种子随计划公开");
		v.throwIfInvalid();
		refuseSameName(region, name);
		LocalDate today = LocalDate.now(clock);
		List<String> population = population(region, data.belowStandard(), months, data.notDirect(), today);
		if (population.isEmpty()) {
			throw DomainException.rule("该区域没有符合所选条件的建制村，无法制定检查计划");
		}
		List<RandomDraw.Candidate> candidates = population.stream().map(c -> new RandomDraw.Candidate(c, "", c)).toList();
		String snapshot = RandomDraw.snapshot(candidates);
		List<String> picked = new ArrayList<>();
		String secret = null;
		if (method.equals("RANDOM")) {
			if (seed == null) {
				seed = HexFormat.of().formatHex(SEEDS.generateSeed(8));
			}
			// commit–reveal as the 双随机 plans: the seed came with the request, the secret is drawn only now that
			// the population is fixed, so whoever typed the seed could not try seeds out for the villages they draw;
			// the plan is drawn at once, so its secret is shown with it
			secret = RandomDraw.newSecret();
			RandomDraw.rank(candidates, seed, secret, new RandomDraw.Sampling(count, null, null))
				.targets()
				.forEach(t -> picked.add(t.key()));
		}
		else {
			seed = null;
			picked.addAll(count == null ? population : population.subList(0, Math.min(count, population.size())));
		}
		String criteria = criteria(data.belowStandard(), months, data.notDirect());
		long id = jdbc.sql("""
				INSERT INTO village_check_plan (name, region_code, method, below_standard, unchecked_months, not_direct,
				    sample_count, seed, snapshot, snapshot_hash, population, planned_on, bureau_id, created_at, created_by, demo,
				    draw_secret, secret_commitment)
				VALUES (:name, :region, :method, :below, :months, :notDirect, :count, :seed, :snapshot, :hash, :population,
				    :today, :bureau, :at, :by, :demo, :secret, :commitment) RETURNING id""")
			.param("secret", secret)
			.param("commitment", secret == null ? null : RandomDraw.commitment(secret))
			.param("name", name)
			.param("region", region)
			.param("method", method)
			.param("below", data.belowStandard())
			.param("months", months)
			.param("notDirect", data.notDirect())
			.param("count", count)
			.param("seed", seed)
			.param("snapshot", snapshot)
			.param("hash", RandomDraw.sha256(snapshot))
			.param("population", population.size())
			.param("today", today)
			.param("bureau", bureauId)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actors.currentName())
			.param("demo", demo)
			.query(Long.class)
			.single();
		for (int i = 0; i < picked.size(); i++) {
			jdbc.sql("INSERT INTO village_check_plan_village (plan_id, village_code, rank) VALUES (:plan, :code, :rank)")
				.param("plan", id)
				.param("code", picked.get(i))
				.param("rank", i + 1)
				.update();
		}
		audit.record(AuditEntry.of("village.plan.create", "VillageCheckPlan", id, "制定通邮检查计划“" + name + "”（"
				+ (method.equals("RANDOM") ? "随机抽取" : "按条件选取") + "，" + criteria + "，从" + population.size() + "个建制村中选取"
				+ picked.size() + "个）")
			.states(null, Map.of("regionCode", region, "method", method, "criteria", criteria, "seed",
					seed == null ? "" : seed, "secretCommitment", secret == null ? "" : RandomDraw.commitment(secret),
					"snapshotHash", RandomDraw.sha256(snapshot),
					"villages", picked))
			.inRegion(region));
		return id;
	}

	/**
	 * Refuses a second plan of the region under the same name (compared by {@link Text#textKey}, as every twin rule
	 * compares names: spaces, punctuation and full width aside; the name says the
	 * period it covers, e.g. 2026年第二季度…): two plans of one name would plan the same checks twice or be mistaken
	 * for each other. Two requests at once are ordered by a transaction lock on the region and the folded name.
	 * @throws DomainException duplicate (409, field name) naming the plan already made
	 */
	private void refuseSameName(String region, String name) {
		TransactionLocks.hold(jdbc, "village_check_plan:" + region + "|" + Text.textKey(name));
		record Same(long id, LocalDate plannedOn) {
		}
		jdbc.sql("SELECT id, planned_on FROM village_check_plan WHERE region_code = :region AND text_key(name) = text_key(:name)"
				+ " ORDER BY id LIMIT 1")
			.param("region", region)
			.param("name", name)
			.query((rs, n) -> new Same(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.optional()
			.ifPresent(plan -> {
				throw DomainException.duplicate("name", Wording.of("universal.refusal.checkPlanTwice", regions.fullName(region), name, plan.id(), plan.plannedOn()),
						"检查区域" + regions.fullName(region) + "已有名称为“" + name + "”的通邮检查计划（第"
						+ plan.id() + "号，" + ChineseText.day(plan.plannedOn()) + "制定）：同一区域的计划名称不能重复，请改用原计划或修改名称");
			});
	}

	/**
	 * The 建制村 of a region that the criteria leave, ordered for a criteria pick: never checked first, then the longest
	 * unchecked, then by code.
	 * @param region a region code of 2–12 digits
	 * @param belowStandard only villages whose profile is below the province's village standard
	 * @param uncheckedMonths only villages without a check after {@code today} minus so many months (null: any)
	 * @param notDirect only villages not directly served (another mode, or no profile)
	 */
	public List<String> population(String region, boolean belowStandard, Integer uncheckedMonths, boolean notDirect,
			LocalDate today) {
		StringBuilder sql = new StringBuilder("""
				SELECT v.code FROM region_name v LEFT JOIN village_profile p ON p.village_code = v.code
				LEFT JOIN LATERAL (SELECT max(c.checked_on) AS last FROM village_check c WHERE c.village_code = v.code) lc ON TRUE
				WHERE""").append(' ').append(Villages.VILLAGE_COMMITTEE).append(" AND ").append(RegionPrefix.of(region).predicate("v.code"));
		if (belowStandard) {
			sql.append(" AND p.deliveries_per_week < ").append(standards.villageMinimum(region));
		}
		if (uncheckedMonths != null) {
			sql.append(" AND (lc.last IS NULL OR lc.last <= :since)");
		}
		if (notDirect) {
			sql.append(" AND (p.delivery_mode IS NULL OR p.delivery_mode <> 'DIRECT')");
		}
		sql.append(" ORDER BY lc.last NULLS FIRST, v.code");
		var statement = jdbc.sql(sql.toString());
		if (uncheckedMonths != null) {
			statement = statement.param("since", today.minusMonths(uncheckedMonths));
		}
		return statement.query(String.class).list();
	}

	/** The plans of the caller's region, newest first (at most 200), for the plans page. */
	public List<Summary> list(DataScope scope) {
		return new ArrayList<>(list(scope, new PageQuery("", 0, PageQuery.MAX_SIZE, null, false)).items());
	}

	/** A plan's ways of choosing villages: RANDOM (随机抽取) and CRITERIA (按条件选取). */
	public static final List<String> METHODS = List.of("RANDOM", "CRITERIA");

	/**
	 * The plan list's filters, each null for all.
	 * @param method one of {@link #METHODS}
	 * @param year the year the plan was made in (planned_on)
	 */
	public record Filter(String method, Integer year) {

		/** Every plan of the scope. */
		public static final Filter NONE = new Filter(null, null);

		/**
		 * The filters as the page sends them, blank meaning all.
		 * @throws InvalidValueException (400) naming {@code selection} (the list's parameter) when it is not one of
		 * {@link #METHODS}
		 */
		public Filter {
			method = method == null || Text.isBlank(method) ? null : Text.strip(method);
			if (method != null && !METHODS.contains(method)) {
				throw new InvalidValueException("selection", "one-of", "选取方式只能是RANDOM（随机抽取）或CRITERIA（按条件选取）");
			}
		}
	}

	/**
	 * A page of the plans of the caller's region (none for an enterprise), newest first by default (sorts: planned_on,
	 * name, region); the search box looks in the name. Each with its villages planned and checked so far.
	 */
	public PageResult<Summary> list(DataScope scope, PageQuery page) {
		return list(scope, Filter.NONE, page);
	}

	/**
	 * One page of the plans of the caller's region (none for an enterprise) that pass the filter, the page, API and
	 * export alike: searched by name or region name, sorted by planned_on (default, newest first), name, region,
	 * method, villages or checked (an unknown sort: the default), each with its villages planned and checked so far,
	 * names with personal numbers masked ({@link Masking#personalNumbersIn}).
	 * @throws InvalidValueException 400 on {@code year} (rule {@code range}) for a year no query may ask for
	 *         ({@link FiguresPeriod#year}: 2000 to next year)
	 */
	public PageResult<Summary> list(DataScope scope, Filter filter, PageQuery page) {
		if (filter.year() != null) {
			FiguresPeriod.year("year", filter.year(), LocalDate.now(clock));
		}
		if (scope.kind() == DataScope.Kind.ENTERPRISE || scope.kind() == DataScope.Kind.NONE) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		String villages = "(SELECT count(*) FROM village_check_plan_village pv WHERE pv.plan_id = p.id)";
		String checked = """
				(SELECT count(*) FROM village_check_plan_village pv WHERE pv.plan_id = p.id AND EXISTS (
				    SELECT 1 FROM village_check c WHERE c.village_code = pv.village_code
				    AND c.checked_on >= p.planned_on))""";
		return Listing.from("FROM village_check_plan p")
			.scope(scope, "p.region_code")
			.where(filter.method() != null, "p.method = :method", "method", filter.method())
			.where(filter.year() != null, "extract(year FROM p.planned_on) = :year", "year", filter.year())
			.search(page, "p.name", "(SELECT r.name FROM region_name r WHERE r.code = p.region_code)")
			.sorts(Map.of("planned_on", "p.planned_on", "name", "p.name", "region", "p.region_code", "method", "p.method",
					"villages", villages, "checked", checked), "planned_on", true, "p.id DESC")
			.joinedToPage("LEFT JOIN region_name r ON r.code = p.region_code")
			.page(jdbc, "SELECT p.id, p.name, p.region_code, r.name AS region_name, p.method, p.planned_on, " + villages
					+ " AS villages, " + checked + " AS checked", page,
					(rs, n) -> new Summary(rs.getLong("id"), Masking.personalNumbersIn(rs.getString("name")),
							rs.getString("region_code"), rs.getString("region_name"), rs.getString("method"),
							rs.getObject("planned_on", LocalDate.class), rs.getInt("villages"), rs.getInt("checked")));
	}

	/**
	 * One plan with its villages and their checks.
	 * @throws DomainException not found (404) when there is no such plan in the caller's region
	 */
	public VillageCheckPlan get(DataScope scope, long id) {
		record Head(String name, String regionCode, String method, boolean below, Integer months, boolean notDirect,
				Integer count, String seed, String hash, int population, LocalDate plannedOn, String createdBy,
				String commitment, String secret) {
		}
		Head h = jdbc.sql("""
				SELECT name, region_code, method, below_standard, unchecked_months, not_direct, sample_count, seed,
				    snapshot_hash, population, planned_on, created_by, secret_commitment, draw_secret
				FROM village_check_plan WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					(Integer) rs.getObject(5, Integer.class), rs.getBoolean(6), (Integer) rs.getObject(7, Integer.class),
					rs.getString(8), rs.getString(9), rs.getInt(10), rs.getObject(11, LocalDate.class), rs.getString(12),
					rs.getString(13), rs.getString(14)))
			.optional()
			.filter(p -> scope.containsRegion(p.regionCode()))
			.orElseThrow(() -> DomainException.notFound("通邮检查计划", id));
		List<VillageCheckPlan.Planned> villages = jdbc.sql("""
				SELECT pv.rank, pv.village_code, v.name, s.name AS street_name, fc.id AS check_id, fc.checked_on,
				    fc.standard_delivery
				FROM village_check_plan_village pv JOIN region_name v ON v.code = pv.village_code
				LEFT JOIN region_name s ON s.code = v.parent_code
				LEFT JOIN LATERAL (SELECT c.id, c.checked_on, c.standard_delivery FROM village_check c
				    WHERE c.village_code = pv.village_code AND c.checked_on >= :planned ORDER BY c.checked_on, c.id LIMIT 1) fc ON TRUE
				WHERE pv.plan_id = :id ORDER BY pv.rank""")
			.param("id", id)
			.param("planned", h.plannedOn())
			.query((rs, n) -> new VillageCheckPlan.Planned(rs.getInt("rank"), rs.getString("village_code"),
					rs.getString("name"), rs.getString("street_name"), (Long) rs.getObject("check_id", Long.class),
					rs.getObject("checked_on", LocalDate.class), (Boolean) rs.getObject("standard_delivery", Boolean.class)))
			.list();
		List<VillageCheckPlan.OtherDraw> others = "RANDOM".equals(h.method()) ? otherDraws(scope, id, h.regionCode(),
				h.plannedOn()) : List.of();
		// a name typed before personal numbers were refused there is shown as the list shows it
		return new VillageCheckPlan(id, Masking.personalNumbersIn(h.name()), h.regionCode(), regions.fullName(h.regionCode()), h.method(),
				criteria(h.below(), h.months(), h.notDirect()), h.count(), h.seed(), h.hash(), h.population(),
				h.plannedOn(), h.createdBy(), villages, h.commitment(), drawRevealed(villages) ? h.secret() : null, others);
	}

	/**
	 * Whether a random plan's draw secret is shown (its page, the API): once every village it drew has been checked under
	 * it — as a 双随机 plan's secret is published only with the results of every target it drew
	 * ({@code InspectionPlans#drawRevealed}). Until then only its SHA-256 commitment is shown: with the snapshot, the seed
	 * and the secret the draw could be repeated and its villages told to whoever is to be checked before the checks;
	 * afterwards the secret hashes to the commitment kept when the plan was drawn, and anyone repeats the draw.
	 */
	static boolean drawRevealed(List<VillageCheckPlan.Planned> villages) {
		return !villages.isEmpty() && villages.stream().allMatch(VillageCheckPlan.Planned::checked);
	}

	/**
	 * The other random plans in the caller's scope made in the calendar year of {@code plannedOn} over a region that
	 * is {@code region}, above it or below it, oldest first (at most 50): the draws a re-roll under another name would
	 * add, shown beside each other.
	 */
	private List<VillageCheckPlan.OtherDraw> otherDraws(DataScope scope, long id, String region, LocalDate plannedOn) {
		return jdbc.sql("""
				SELECT p.id, p.name, p.region_code, p.planned_on, p.created_by,
				    (SELECT count(*) FROM village_check_plan_village v WHERE v.plan_id = p.id) AS villages
				FROM village_check_plan p
				WHERE p.id <> :id AND p.method = 'RANDOM' AND p.planned_on BETWEEN :from AND :to
				  AND (starts_with(p.region_code, :region) OR starts_with(:region, p.region_code))
				""" + " AND " + scope.regionPredicate("p.region_code") + " ORDER BY p.planned_on, p.id LIMIT 50")
			.params(scope.params())
			.param("id", id)
			.param("region", region)
			.param("from", plannedOn.withDayOfYear(1))
			.param("to", plannedOn.withDayOfYear(plannedOn.lengthOfYear()))
			.query((rs, n) -> new VillageCheckPlan.OtherDraw(rs.getLong("id"), Masking.personalNumbersIn(rs.getString("name")),
					regions.fullName(rs.getString("region_code")), rs.getObject("planned_on", LocalDate.class),
					rs.getString("created_by"), rs.getInt("villages")))
			.list();
	}

	/** The snapshot of a plan's population (one village code line per candidate), for repeating the draw. */
	public String snapshot(DataScope scope, long id) {
		get(scope, id);
		return jdbc.sql("SELECT snapshot FROM village_check_plan WHERE id = :id").param("id", id).query(String.class).single();
	}

	private static String criteria(boolean below, Integer months, boolean notDirect) {
		StringJoiner j = new StringJoiner("；");
		if (below) {
			j.add("低于频次标准");
		}
		if (months != null) {
			j.add(months + "个月未检查");
		}
		if (notDirect) {
			j.add("未直接通邮");
		}
		return j.length() == 0 ? "全部建制村" : j.toString();
	}

}
