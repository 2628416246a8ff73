package org.youguan.inspections;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.inspections.internal.JsonLists;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.HanVariants;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WholeIn;
import org.youguan.kernel.Wording;
import org.youguan.platform.ChinaTime;
import org.youguan.region.RegionCode;
import org.youguan.registry.Branches;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Outlets;
import org.youguan.registry.RegisteredPlace;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 双随机 plans, step by step, each audited: create (name, period, items, population filter — object type, region,
 * brand, enterprise type, credit classes —, sampling as a count, a ratio or a ratio per credit class, inspectors per
 * team) → freeze the population (the registry's enterprises, branches or outlets in the plan's region, sorted, with
 * their SHA-256), the roster (certificates valid on the first day, of the plan's bureau and below), the conflicts and
 * the draw's secret, of which only the commitment is shown → record the seed with its operator and witnesses → draw
 * ({@link RandomDraw}, by seed ‖ secret; the secret is shown from then on) → publish → publish the results, each
 * within the configured working days after its check. Steps run for the plan's bureau and those above it only.
 * Credit classes do not exist yet: every object is 未评定 until the credit module supplies them.
 */
@Service
public class InspectionPlans {

	/** The credit class of every candidate until the credit module exists. */
	public static final String UNRATED = "未评定";

	/** The longest seed (characters): it is typed before witnesses, published and retyped to verify the draw. */
	public static final int MAX_SEED = 200;

	/** The credit classes of 快递业信用管理暂行办法 (守信 / 失信 / 信用异常) and 未评定 for an object not yet rated. */
	public static final List<String> CREDIT_CLASSES = List.of("守信", "失信", "信用异常", UNRATED);

	/**
	 * Checks that every class a sampling by credit class names is one of {@link #CREDIT_CLASSES} (rule {@code one-of} on
	 * {@code ratioByClass}): a class no object has would draw nothing from it, silently — the plan's form and the public
	 * verification of a draw refuse it alike.
	 * @param v the validation the refusal is added to
	 * @param ratioByClass the ratios by class as sent, or null
	 * @return {@code v}
	 */
	public static Validation ratioClasses(Validation v, Map<String, BigDecimal> ratioByClass) {
		if (ratioByClass != null) {
			for (String c : ratioByClass.keySet()) {
				v.require("ratioByClass", c == null || CREDIT_CLASSES.contains(Text.strip(c)), "one-of",
						"按信用等级的抽取比例：信用等级应为" + String.join("、", CREDIT_CLASSES) + "之一，收到“"
								+ Text.excerpt(c, 20) + "”");
			}
		}
		return v;
	}

	/** The kinds of object a plan draws from (检查对象名录库): 快递企业, 分支机构, 末端网点. */
	public static final List<String> OBJECT_TYPES = List.of("ENTERPRISE", "BRANCH", "OUTLET");

	/**
	 * The refusal of an object type not among {@link #OBJECT_TYPES}, each with the label the forms show
	 * ({@code inspection.objectType.*}) and the value to send, as {@link org.youguan.kernel.Choice#listed} lists an enum's.
	 */
	public static final String OBJECT_TYPES_LISTED = "检查对象类型应为快递企业（ENTERPRISE）、分支机构（BRANCH）、"
			+ "末端网点（OUTLET）之一";

	/**
	 * A plan to create.
	 * @param regionCode the population's region (inside the caller's scope; blank: the caller's own region)
	 * @param enterpriseType POSTAL, EXPRESS or OTHER, or null for every type (enterprises only)
	 * @param ratioByClass per credit class (e.g. 失信 → 0.5), or null
	 * @param objectType ENTERPRISE (default), BRANCH or OUTLET ({@link #OBJECT_TYPES})
	 * @param brandId only objects of this brand (an enterprise's or a branch's enterprise's brand, an outlet's own), or
	 * null for every brand
	 * @param creditClasses only objects of these credit classes ({@link #CREDIT_CLASSES}), or null/empty for all
	 */
	public record PlanData(String name, LocalDate periodFrom, LocalDate periodTo,
			@JsonDeserialize(using = JsonLists.Strings.class) List<String> items,
			String regionCode, String enterpriseType, @WholeIn(min = 1, max = RandomDraw.MAX_TARGETS) Integer sampleCount,
			BigDecimal sampleRatio, Map<String, BigDecimal> ratioByClass,
			@WholeIn(min = 2, max = RandomDraw.MAX_TEAM) Integer teamSize, String objectType, Long brandId,
			@JsonDeserialize(using = JsonLists.Strings.class) List<String> creditClasses) {

		/** A plan over enterprises of every brand and credit class (the shape before branches and outlets). */
		public PlanData(String name, LocalDate periodFrom, LocalDate periodTo, List<String> items, String regionCode,
				String enterpriseType, Integer sampleCount, BigDecimal sampleRatio, Map<String, BigDecimal> ratioByClass,
				Integer teamSize) {
			this(name, periodFrom, periodTo, items, regionCode, enterpriseType, sampleCount, sampleRatio, ratioByClass,
					teamSize, null, null, null);
		}
	}

	/**
	 * Where the result of one target stands: not inspected yet; inspected and due for publication by {@code dueOn};
	 * past that day unpublished (overdue); published (on time or late).
	 */
	public enum ResultState {
		NOT_INSPECTED, DUE, OVERDUE, PUBLISHED, PUBLISHED_LATE
	}

	/**
	 * A target with its check and the publication of its result.
	 * @param inspectedOn the day of the check (see {@link InspectionPlans#results}), or null
	 * @param outcome that inspection's outcome (NONE, INTERVIEW, RECTIFICATION, LEAD), or null
	 * @param dueOn the last day to publish the result: {@code inspectedOn} plus the configured working days
	 * @param dueOnProvisional {@code dueOn} lies in a year whose holiday notice is not loaded
	 * ({@link WorkingCalendar#isProvisional(LocalDate)}): 暂定
	 */
	public record TargetResult(InspectionPlan.Target target, LocalDate inspectedOn, String outcome, LocalDate dueOn,
			boolean dueOnProvisional, ResultState state) {
	}

	static final String COLUMNS = """
			SELECT p.id, p.bureau_id, p.region_code, p.name, p.period_from, p.period_to, p.items, p.enterprise_type,
			       p.sample_count, p.sample_ratio, p.ratio_by_class, p.team_size, p.status, p.snapshot, p.snapshot_hash,
			       p.population, p.roster, p.conflicts, p.seed, p.seed_operator, p.seed_witnesses, p.seed_recorded_at,
			       p.drawn_at, p.published_at, p.object_type, p.brand_id, p.credit_classes, p.results_published_at,
			       coalesce(rn.name, p.region_code) AS region_name, p.secret_commitment, p.committed_at,
			       CASE WHEN p.status IN ('DRAWN', 'PUBLISHED') THEN p.draw_secret END AS draw_secret
			FROM inspection_plan p LEFT JOIN region_name rn ON rn.code = p.region_code""";

	private final JdbcClient jdbc;

	private final Enterprises enterprises;

	private final Inspectors inspectors;

	private final InspectionItems items;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final Clock clock;

	private final Branches branches;

	private final Outlets outlets;

	private final Brands brands;

	private final WorkingCalendar calendar;

	private final Bureaus bureaus;

	InspectionPlans(JdbcClient jdbc, Enterprises enterprises, Inspectors inspectors, InspectionItems items,
			StatutoryRules rules, AuditTrail audit, Clock clock, Branches branches, Outlets outlets, Brands brands,
			WorkingCalendar calendar, Bureaus bureaus) {
		this.bureaus = bureaus;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.inspectors = inspectors;
		this.items = items;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
		this.branches = branches;
		this.outlets = outlets;
		this.brands = brands;
		this.calendar = calendar;
	}

	/**
	 * The working days after a check within which its result is published, for a plan of {@code regionCode}: the rule
	 * catalogue's {@link StatutoryRule#INSPECTION_RESULT_PUBLICATION} there (20 by default, local practice; a bureau may
	 * shorten it) — the one source of the period, as the rules page shows it.
	 */
	public int resultWorkingDays(String regionCode) {
		return rules.intValue(StatutoryRule.INSPECTION_RESULT_PUBLICATION, regionCode);
	}

	/**
	 * Creates a plan in DRAFT.
	 * @param callerRegion the region used when the plan names none
	 * @return the plan's id
	 * @throws InvalidValueException naming each broken field (team smaller than the statutory
	 * minimum, sampling not exactly one of count / ratio / ratios, period reversed, unknown items)
	 * @throws DomainException not found (404, in place of any field error) for a region outside the caller's scope
	 */
	@Transactional
	public long create(DataScope scope, long bureauId, String callerRegion, String actor, PlanData data, boolean demo) {
		return create(scope, bureauId, callerRegion, actor, data, demo, List.of());
	}

	/**
	 * As {@link #create(DataScope, long, String, String, PlanData, boolean)} for a form that read its values first:
	 * {@code formErrors} (a date or number it could not read) are answered together with every failure of the plan's
	 * own checks, in one {@link InvalidValueException}, and nothing is saved while any exists.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public long create(DataScope scope, long bureauId, String callerRegion, String actor, PlanData data, boolean demo,
			List<FieldError> formErrors) {
		// access before fields: a plan of a region outside the caller's is not there (404), whatever else was sent
		scope.refuseRegionOutside("regionCode", data.regionCode());
		Validation v = Validation.after(formErrors);
		v.name("name", "计划名称", data.name(), 200);
		v.require("name", !Masking.holdsPersonalNumber(data.name()), "personal-number", "计划名称不能含身份证号或手机号：计划名称随计划公示");
		v.require("periodFrom", data.periodFrom() != null, "required", "检查期间起始日期不能为空");
		v.require("periodTo", data.periodTo() != null, "required", "检查期间截止日期不能为空");
		v.require("periodTo", data.periodFrom() == null || data.periodTo() == null || !data.periodTo().isBefore(data.periodFrom()),
				"after-from", "检查期间截止日期不能早于起始日期");
		// a plan is made for the work of this year, the next or (recording it late) the last: 1990 or 2099 is a typing
		// error, not a plan
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate earliest = LocalDate.of(today.getYear() - 1, 1, 1);
		LocalDate latest = LocalDate.of(today.getYear() + 1, 12, 31);
		v.within("periodFrom", "检查期间起始日期", data.periodFrom(), earliest, latest);
		v.within("periodTo", "检查期间截止日期", data.periodTo(), earliest, latest);
		String region = Text.blankToNull(data.regionCode()) == null ? callerRegion : RegionCode.typed(data.regionCode());
		// a code in the one form of a region's (2, 4, 6, 9 or 12 digits): "320" is told on the field, never as a region
		boolean regionCode = region != null && !region.equals("0") && DataScope.isRegionCode(region);
		v.require("regionCode", regionCode, "format", "抽查区域应为行政区划代码（2、4、6、9或12位数字）");
		if (regionCode) {
			// a region outside the caller's (also the caller's own one, for a caller with none) is not there (404)
			scope.refusePlace("regionCode", region);
		}
		String objectType = Text.blankToNull(data.objectType()) == null ? "ENTERPRISE" : Text.strip(data.objectType());
		v.require("objectType", OBJECT_TYPES.contains(objectType), "one-of", OBJECT_TYPES_LISTED);
		if (data.enterpriseType() != null && !Text.isBlank(data.enterpriseType())) {
			v.require("enterpriseType", List.of("POSTAL", "EXPRESS", "OTHER").contains(data.enterpriseType()), "one-of",
					"企业类型应为POSTAL、EXPRESS或OTHER");
			v.require("enterpriseType", objectType.equals("ENTERPRISE"), "objects", "企业类型只适用于检查对象为快递企业的计划");
		}
		if (data.brandId() != null) {
			v.require("brandId", brands.all().stream().anyMatch(b -> b.id() == data.brandId()), "exists", "品牌不存在");
		}
		List<String> classes = data.creditClasses() == null ? List.of()
				: data.creditClasses().stream().filter(c -> c != null && !Text.isBlank(c)).map(Text::strip).distinct().toList();
		for (String c : classes) {
			v.require("creditClasses", CREDIT_CLASSES.contains(c), "one-of",
					"信用等级应为" + String.join("、", CREDIT_CLASSES) + "之一");
		}
		ratioClasses(v, data.ratioByClass());
		int min = rules.intValue(StatutoryRule.INSPECTION_MIN_INSPECTORS, region);
		v.given("teamSize", "每组检查人员数", data.teamSize());
		v.require("teamSize", data.teamSize() == null || data.teamSize() >= min && data.teamSize() <= RandomDraw.MAX_TEAM,
				"range", "每组检查人员应为" + min + "至" + RandomDraw.MAX_TEAM + "人（" + Provision.POSTAL_INSPECTORS + "、" + Provision.PENALTY_TWO_OFFICERS + "）");
		v.require("sampleCount", data.sampleCount() == null || data.sampleCount() <= RandomDraw.MAX_TARGETS, "max-targets",
				"抽取数量不得超过" + RandomDraw.MAX_TARGETS + "个：更大的抽查请按区域分为几个计划");
		try {
			new RandomDraw.Sampling(data.sampleCount(), data.sampleRatio(), data.ratioByClass());
		}
		catch (InvalidValueException ex) {
			// a way of sampling refused (none or two chosen, out of range, a ratio with more digits than the plan holds),
			// named as this body calls it
			ex.renamed("ratio", "sampleRatio").renamed("count", "sampleCount").fieldErrors().forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
		}
		catch (DomainException ex) {
			// named with the other failures, not answered alone
			v.require("sampleCount", false, "sampling", ex.getMessage());
		}
		List<String> chosen = null;
		try {
			chosen = items.require(scope, data.items(), "items");
		}
		catch (DomainException ex) {
			ex.fieldErrors().forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
		}
		v.throwIfInvalid();
		refuseSameName(bureauId, data.name());
		long id = jdbc.sql("""
				INSERT INTO inspection_plan (bureau_id, region_code, name, period_from, period_to, items, enterprise_type,
				    sample_count, sample_ratio, ratio_by_class, team_size, status, demo, created_by, created_at, object_type,
				    brand_id, credit_classes)
				VALUES (:bureau, :region, :name, :from, :to, :items, :type, :count, :ratio, :ratios, :team, 'DRAFT', :demo,
				    :actor, :now, :objectType, :brand, :classes) RETURNING id""")
			.param("objectType", objectType)
			.param("brand", data.brandId())
			.param("classes", classes.isEmpty() ? null : classes.toArray(String[]::new))
			.param("bureau", bureauId)
			.param("region", region)
			.param("name", Text.name(data.name()))
			.param("from", data.periodFrom())
			.param("to", data.periodTo())
			.param("items", chosen.toArray(String[]::new))
			.param("type", Text.blankToNull(data.enterpriseType()))
			.param("count", data.sampleCount())
			.param("ratio", data.sampleRatio())
			.param("ratios", ratios(data.ratioByClass()))
			.param("team", data.teamSize())
			.param("demo", demo)
			.param("actor", actor)
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("inspection-plan.create", "inspection-plan", id, "新建双随机抽查计划：" + Text.name(data.name()))
			.inRegion(region));
		return id;
	}

	/**
	 * Refuses a second plan of the bureau under the same name (compared by the one twin key {@link Text#textKey}:
	 * full-width letters, spaces, punctuation and brackets do not make another name) — the name is how a plan is found,
	 * published and cited. Two requests at once are ordered by a transaction lock on the bureau and the key; the unique
	 * index {@code inspection_plan_name_text_key} (V354) holds the rule should one pass the check (409).
	 * @throws DomainException duplicate (409, field {@code name})
	 */
	private void refuseSameName(long bureauId, String name) {
		TransactionLocks.hold(jdbc, "inspection_plan:" + bureauId + "|" + Text.textKey(name));
		jdbc.sql("SELECT id FROM inspection_plan WHERE bureau_id = :bureau AND text_key(name) = text_key(:name) ORDER BY id LIMIT 1")
			.param("bureau", bureauId)
			.param("name", Text.name(name))
			.query(Long.class)
			.optional()
			.ifPresent(other -> {
				throw DomainException.duplicate("name", Wording.of("inspections.refusal.planNameTaken", Text.name(name), other),
						"本单位已有名称为“" + Text.name(name) + "”的抽查计划（第" + other
						+ "号）：同一单位的抽查计划名称不能重复");
			});
	}

	/**
	 * Freezes the population, the roster and the conflicts: the plan's objects in its region (快递企业 of its type, not
	 * suspended or cancelled; 分支机构 of normal enterprises; 末端网点 not closed — of its brand and credit classes when
	 * set) as sorted lines {@code TYPE:id|creditClass|region} with their SHA-256; the inspectors drawable on the first
	 * day of the period among the plan's bureau and those below it (a county draws from its own roster only); as
	 * conflicts each inspector's avoidance list (declared relations, by the responsible enterprise) and the inspectors of
	 * each enterprise's previous inspection. Draws the secret of the draw ({@link RandomDraw#newSecret}) and keeps its
	 * commitment beside the snapshot: the seed typed next cannot be chosen for what it draws.
	 * @throws DomainException unless the plan is a DRAFT, or when the population is empty
	 */
	@Transactional
	public void freeze(DataScope scope, long id) {
		InspectionPlan plan = require(scope, id, "DRAFT", "只有草稿计划才能冻结名单");
		Map<String, String> enterpriseOf = new HashMap<>();
		List<RandomDraw.Candidate> population = new ArrayList<>();
		for (PopulationObject o : population(plan.regionCode(), plan.objectType(), plan.brandId(), plan.enterpriseType(),
				plan.creditClasses())) {
			population.add(new RandomDraw.Candidate(o.key(), o.creditClass(), o.regionCode()));
			enterpriseOf.put(o.key(), o.enterpriseCreditCode());
		}
		if (population.isEmpty()) {
			throw DomainException.rule("抽查区域内没有符合条件的检查对象（对象类型、品牌、信用等级），无法冻结名单");
		}
		List<Inspector> roster = inspectors.drawable(plan.regionCode(), plan.periodFrom(), bureauRegion(plan.bureauId()));
		Set<String> conflicts = new TreeSet<>();
		Map<String, List<String>> keysOf = new HashMap<>();
		enterpriseOf.forEach((k, code) -> keysOf.computeIfAbsent(code, c -> new ArrayList<>()).add(k));
		for (Inspector i : roster) {
			i.avoidCreditCodes().stream()
				.flatMap(code -> keysOf.getOrDefault(code, List.of()).stream())
				.forEach(k -> conflicts.add(k + "|" + i.certificateNumber()));
		}
		record Previous(String code, String certificate) {
		}
		jdbc.sql("""
				SELECT p.enterprise_credit_code AS code, t.certificate_number AS certificate
				FROM (SELECT DISTINCT ON (r.enterprise_credit_code) r.enterprise_credit_code, r.id
				      FROM inspection_record r WHERE\s""" + RegionPrefix.of(plan.regionCode()).predicate("r.region_code") + """
				      ORDER BY r.enterprise_credit_code, r.inspected_on DESC, r.id DESC) p
				JOIN inspection_record_inspector t ON t.record_id = p.id""")
			.query(Rows.of(Previous.class))
			.list()
			.forEach(p -> keysOf.getOrDefault(p.code(), List.of()).forEach(k -> conflicts.add(k + "|" + p.certificate())));
		String snapshot = RandomDraw.snapshot(population);
		String hash = RandomDraw.sha256(snapshot);
		// commit–reveal: the secret decides the draw with the seed typed later, so no seed can be tried out for the
		// targets it draws; only its commitment is shown until the draw
		String secret = RandomDraw.newSecret();
		String commitment = RandomDraw.commitment(secret);
		int frozen = jdbc.sql("""
				UPDATE inspection_plan SET status = 'FROZEN', snapshot = :snapshot, snapshot_hash = :hash,
				    population = :population, roster = :roster, conflicts = :conflicts, draw_secret = :secret,
				    secret_commitment = :commitment, committed_at = :now WHERE id = :id AND status = 'DRAFT'""")
			.param("secret", secret)
			.param("commitment", commitment)
			.param("now", OffsetDateTime.now(clock))
			.param("snapshot", snapshot)
			.param("hash", hash)
			.param("population", population.size())
			.param("roster", String.join("\n", roster.stream().map(i -> i.certificateNumber() + "|" + i.regionCode()).toList()))
			.param("conflicts", String.join("\n", conflicts))
			.param("id", id)
			.update();
		moved(frozen, scope, id, "只有草稿计划才能冻结名单");
		audit.record(AuditEntry.of("inspection-plan.freeze", "inspection-plan", id, "冻结检查对象名单：" + population.size()
				+ "个对象，SHA-256 " + hash + "；可抽检查人员" + roster.size() + "人；抽取密钥承诺值 " + commitment)
			.inRegion(plan.regionCode()));
	}

	/**
	 * One object of the 检查对象名录库: an enterprise, a branch or an outlet of the registry, with the enterprise
	 * answering for it and its credit class.
	 * @param key the snapshot key: {@code ENTERPRISE:<credit code>}, {@code BRANCH:<id>} or {@code OUTLET:<id>}
	 * @param objectType ENTERPRISE, BRANCH or OUTLET
	 * @param name the enterprise's, branch's or outlet's name
	 * @param creditClass 守信, 失信, 信用异常 or 未评定 (every object is 未评定 until a credit module rates enterprises)
	 */
	public record PopulationObject(String key, String objectType, String name, String enterpriseCreditCode,
			String enterpriseName, String regionCode, String creditClass) {
	}

	/**
	 * The 检查对象名录库 of a region, as a plan's population is frozen from it: the registry's normal enterprises (of an
	 * enterprise type when given), the branches of normal enterprises, or the outlets not closed, inside
	 * {@code regionPrefix}, of the brand when given, of the credit classes when given (null or empty: all); in the
	 * registry's order. No scope check: the caller checks that the region is its own.
	 */
	public List<PopulationObject> population(String regionPrefix, String objectType, Long brandId, String enterpriseType,
			Collection<String> creditClasses) {
		Set<String> classes = creditClasses == null || creditClasses.isEmpty() ? null : Set.copyOf(creditClasses);
		List<PopulationObject> objects = new ArrayList<>();
		Consumer<PopulationObject> add = o -> {
			if (classes == null || classes.contains(o.creditClass())) {
				objects.add(o);
			}
		};
		switch (objectType == null ? "ENTERPRISE" : objectType) {
			case "BRANCH" -> branches.places(regionPrefix, brandId)
				.forEach(b -> add.accept(new PopulationObject("BRANCH:" + b.id(), "BRANCH", b.name(), b.enterpriseCreditCode(),
						b.enterpriseName(), b.regionCode(), creditClass(b.enterpriseCreditCode()))));
			case "OUTLET" -> outlets.places(regionPrefix, brandId)
				.forEach(o -> add.accept(new PopulationObject("OUTLET:" + o.id(), "OUTLET", o.name(), o.enterpriseCreditCode(),
						o.enterpriseName(), o.regionCode(), creditClass(o.enterpriseCreditCode()))));
			default -> {
				EnterpriseType type = enterpriseType == null ? null : EnterpriseType.valueOf(enterpriseType);
				for (int page = 0;; page++) {
					PageResult<EnterpriseView> result = enterprises.list(DataScope.region(regionPrefix),
							new Enterprises.Filter(type, brandId, EnterpriseStatus.NORMAL),
							PageQuery.of(null, page, PageQuery.MAX_SIZE, null, null));
					result.items().forEach(e -> add.accept(new PopulationObject(key(e.creditCode()), "ENTERPRISE",
							e.legalName(), e.creditCode(), e.legalName(), e.regionCode(), creditClass(e.creditCode()))));
					if (!result.hasNext()) {
						break;
					}
				}
			}
		}
		return objects;
	}

	/**
	 * Records the seed before the draw, with the operator and at least one witness; a plan frozen before secrets existed
	 * gets its secret and commitment now.
	 * @throws DomainException 409 on {@code seed} (rule {@code recorded}) when a seed is recorded already, 409 unless
	 * the plan is FROZEN; InvalidValueException for a blank seed or no witness, and on {@code witnesses} (rule
	 * {@code not-operator}) when the operator names himself as a witness
	 */
	@Transactional
	public void recordSeed(DataScope scope, long id, String seed, String operator, String witnesses) {
		// locked before the first read: a seed waiting on a freeze or another seed reads the plan as they left it
		lock(id);
		InspectionPlan plan = get(scope, id);
		if (plan.seedRecordedAt() != null) {
			throw seedRecorded(plan);
		}
		plan = require(scope, id, "FROZEN", "须先冻结名单，再确定随机种子");
		Validation v = new Validation();
		// the seed is published and retyped by whoever verifies the draw: one line of visible characters, no personal
		// number (it is shown in full on the public page)
		v.required("seed", "随机种子", seed).line("seed", "随机种子", seed, MAX_SEED);
		v.require("seed", !Masking.holdsPersonalNumber(seed), "personal-number", "随机种子不能含身份证号或手机号：种子随计划公示");
		v.required("witnesses", "见证人", witnesses).maxLength("witnesses", "见证人", witnesses, 300)
			.personNames("witnesses", "见证人", witnesses);
		v.require("witnesses", !Masking.holdsPersonalNumber(witnesses), "personal-number", "见证人不能含身份证号或手机号：只填写姓名");
		// a witness watches the operator: the one who records the seed cannot witness it himself (separation of duties)
		String operatorKey = HanVariants.personKey(Text.strip(operator));
		v.require("witnesses", operatorKey == null || Text.personNames(witnesses).stream().map(HanVariants::personKey)
			.noneMatch(operatorKey::equals), "not-operator", "见证人不能是操作人本人（" + operator + "）：随机种子须由操作人以外的人见证");
		v.throwIfInvalid();
		OffsetDateTime now = OffsetDateTime.now(clock);
		// a plan frozen before secrets existed gets its secret now, after the seed was typed: whoever typed it could not
		// know the secret either (its commitment is shown from now on, its secret after the draw)
		String secret = plan.secretCommitment() == null ? RandomDraw.newSecret() : null;
		int updated = jdbc.sql("""
				UPDATE inspection_plan SET status = 'SEEDED', seed = :seed, seed_operator = :operator,
				    seed_witnesses = :witnesses, seed_recorded_at = :now,
				    draw_secret = coalesce(draw_secret, :secret), secret_commitment = coalesce(secret_commitment, :commitment),
				    committed_at = coalesce(committed_at, :now)
				WHERE id = :id AND status = 'FROZEN'""")
			.param("seed", Text.strip(seed)).param("operator", operator).param("witnesses", Text.strip(witnesses))
			.param("secret", secret).param("commitment", secret == null ? null : RandomDraw.commitment(secret))
			.param("now", now).param("id", id).update();
		if (updated == 0) {
			// another request recorded a seed in the meantime
			throw seedRecorded(get(scope, id));
		}
		audit.record(AuditEntry.of("inspection-plan.seed", "inspection-plan", id, "确定随机种子：" + Text.strip(seed) + "（操作人"
				+ operator + "，见证人" + Text.strip(witnesses) + "）"
				+ (secret == null ? "" : "；抽取密钥承诺值 " + RandomDraw.commitment(secret))).inRegion(plan.regionCode()));
	}

	/** The 409 for a second seed: the seed is recorded already (when), not a missing freeze. */
	private static DomainException seedRecorded(InspectionPlan plan) {
		String when = plan.seedRecordedAt() == null ? ""
				: "于" + ChineseText.dayTime(plan.seedRecordedAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime());
		// the moment in the reader's terms: 于2026年3月5日 10:15 in Chinese, on 2026-03-05 10:15 in English
		Wording whenWords = plan.seedRecordedAt() == null ? Wording.of("inspections.refusal.seedWhenUnknown")
				: Wording.of("inspections.refusal.seedWhen", plan.seedRecordedAt().atZoneSameInstant(ChinaTime.ZONE)
					.toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
		return DomainException.illegalTransition("seed", "recorded", Wording.of("inspections.refusal.seedRecorded", whenWords,
				statusLabel(plan.status())),
				"随机种子已" + when + "记录，不能再次确定（当前状态："
				+ statusLabel(plan.status()) + "）");
	}

	/**
	 * Draws the targets and their teams from what was frozen and the recorded seed — unless another plan is drawn and
	 * not yet published over an overlapping population (same object type, one region inside the other; period, bureau,
	 * brand, credit classes and items not considered): every draw of a population is published before the next one of
	 * it is made, so a drawer cannot draw several plans and publish the draw they like (双随机一公开:
	 * 国务院办公厅关于推广随机抽查规范事中事后监管的通知, 国办发〔2015〕58号). Two draws at once are ordered by a transaction
	 * lock.
	 * @throws DomainException unless the plan is SEEDED; 409 on {@code id} (rule {@code unpublished-draw}) naming the
	 * plan drawn and not published; when a target has too few inspectors free of conflict
	 */
	@Transactional
	public List<InspectionPlan.Target> draw(DataScope scope, long id) {
		// a plan drawn already is told so, not sent back to a seed it has
		InspectionPlan plan = require(scope, id, "SEEDED", current -> DRAWN_ALREADY.contains(current)
				? "该计划已完成随机抽取，不能再次抽取" : "须先记录随机种子，再进行抽取");
		refuseUnpublishedDraw(scope, plan);
		String secret = jdbc.sql("SELECT draw_secret FROM inspection_plan WHERE id = :id").param("id", id)
			.query(String.class).optional().orElse(null);
		RandomDraw.Result result;
		try {
			result = draw(plan, secret);
		}
		catch (DomainException ex) {
			// the draw names its inputs as the public verification calls them; the plan calls them so
			throw renamed(ex);
		}
		Map<Long, RegisteredPlace> places = new HashMap<>();
		// names as the registry has them now; an object gone since the freeze keeps its key as its name
		if (plan.objectType().equals("BRANCH")) {
			branches.places(plan.regionCode(), null).forEach(b -> places.put(b.id(), b));
		}
		else if (plan.objectType().equals("OUTLET")) {
			outlets.places(plan.regionCode(), null).forEach(o -> places.put(o.id(), o));
		}
		List<InspectionPlan.Target> targets = new ArrayList<>();
		for (RandomDraw.Target t : result.targets()) {
			String type = t.key().substring(0, t.key().indexOf(':'));
			String ref = t.key().substring(t.key().indexOf(':') + 1);
			String code;
			String name;
			String objectName = null;
			if (type.equals("ENTERPRISE")) {
				code = ref;
				name = enterprises.findByCreditCode(code).map(EnterpriseView::legalName).orElse(code);
			}
			else {
				RegisteredPlace place = places.getOrDefault(Long.valueOf(ref), new RegisteredPlace(0, t.key(), "", t.key(), ""));
				code = place.enterpriseCreditCode();
				name = place.enterpriseName();
				objectName = place.name();
			}
			targets.add(new InspectionPlan.Target(t.rank(), t.key(), code, name, t.regionCode(), t.inspectors(), type,
					objectName, null, null, null));
			jdbc.sql("""
					INSERT INTO inspection_plan_target (plan_id, rank, target_key, enterprise_credit_code, enterprise_name,
					    region_code, certificates, object_type, object_name)
					VALUES (:plan, :rank, :key, :code, :name, :region, :certificates, :type, :objectName)""")
				.param("plan", id).param("rank", t.rank()).param("key", t.key()).param("code", code).param("name", name)
				.param("region", t.regionCode()).param("certificates", t.inspectors().toArray(String[]::new))
				.param("type", type).param("objectName", objectName).update();
		}
		moved(jdbc.sql("UPDATE inspection_plan SET status = 'DRAWN', drawn_at = :now WHERE id = :id AND status = 'SEEDED'")
			.param("now", OffsetDateTime.now(clock)).param("id", id).update(), scope, id, "须先记录随机种子，再进行抽取");
		audit.record(AuditEntry.of("inspection-plan.draw", "inspection-plan", id, "随机抽取：从" + plan.population() + "个对象中抽中"
				+ targets.size() + "个，每组" + plan.teamSize() + "人" + (secret == null ? "" : "；公开抽取密钥 " + secret))
			.inRegion(plan.regionCode()));
		return targets;
	}

	/**
	 * Dates the steps of a demo plan (the demo city's past quarters) on {@code on}, China time, as if the plan had been
	 * made, frozen, seeded, drawn and published in that order when its period began — created 08:30, committed 09:00,
	 * seed 09:10, drawn 09:20, published 09:30 (each only when the step was taken) — so that its drawn checks, made in
	 * the period, are not before the draw ({@link #drawnCheckProblems}, rule {@code after-draw}) and its public page reads
	 * in order. Only a demo plan already drawn, and only to an earlier day: a real plan keeps the moments its steps were
	 * taken.
	 * @throws IllegalStateException for a plan that is not a drawn demo plan, or a day not before its draw
	 */
	@Transactional
	public void dateDemoPlan(long id, LocalDate on) {
		IntFunction<OffsetDateTime> at = minutes -> on.atTime(8, 30).plusMinutes(minutes)
			.atZone(ChinaTime.ZONE).toOffsetDateTime();
		int updated = jdbc.sql("""
				UPDATE inspection_plan SET created_at = :created, committed_at = CASE WHEN committed_at IS NULL THEN NULL ELSE :committed END,
				    seed_recorded_at = CASE WHEN seed_recorded_at IS NULL THEN NULL ELSE :seeded END, drawn_at = :drawn,
				    published_at = CASE WHEN published_at IS NULL THEN NULL ELSE :published END
				WHERE id = :id AND demo AND drawn_at > :drawn""")
			.param("created", at.apply(0)).param("committed", at.apply(30)).param("seeded", at.apply(40))
			.param("drawn", at.apply(50)).param("published", at.apply(60)).param("id", id).update();
		if (updated != 1) {
			throw new IllegalStateException("只能把已抽取的演示计划的各步骤日期提前：" + id);
		}
	}

	/**
	 * Refuses the draw of {@code plan} while another plan — of any bureau — is DRAWN (drawn, not published) over an
	 * overlapping population: the same object type, one region code a prefix of the other. The period is not compared:
	 * every plan draws from the registry as it stands when frozen, so two plans of one region and type draw from the
	 * same objects whatever periods they name (attack round 8: moving the period a day re-rolled the draw); nor the
	 * bureau: a city may draw a county's plan and one of its own over the county. Draws are ordered by one transaction
	 * lock.
	 * @throws DomainException 409 on {@code id}, rule {@code unpublished-draw}, naming that plan when the caller may open
	 * it, else only the region of the bureau above that drew it (its name and number are not the caller's to read)
	 */
	private void refuseUnpublishedDraw(DataScope scope, InspectionPlan plan) {
		TransactionLocks.hold(jdbc, "inspection_plan_draw");
		record Drawn(long id, String name, String regionCode) {
		}
		jdbc.sql("""
				SELECT id, name, region_code FROM inspection_plan
				WHERE id <> :id AND status = 'DRAWN' AND object_type = :type
				  AND (starts_with(region_code, :region) OR starts_with(:region, region_code))
				ORDER BY id LIMIT 1""")
			.param("id", plan.id()).param("type", plan.objectType()).param("region", plan.regionCode())
			.query((rs, n) -> new Drawn(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.ifPresent(other -> {
				String named = scope.containsRegion(other.regionCode())
						? "第" + other.id() + "号计划“" + Masking.personalNumbersIn(other.name()) + "”"
						: "上级部门（区域代码" + other.regionCode() + "）的一个抽查计划";
				String regions = other.regionCode().equals(plan.regionCode()) ? "相同" : "相互包含";
				String first = scope.containsRegion(other.regionCode()) ? "请先公示该计划" : "请联系该部门先行公示";
				throw DomainException.illegalTransition("id", "unpublished-draw", Wording.of("inspections.refusal.overlappingDraw", named, regions, first),
						named + "已抽取、尚未公示，其检查对象与本计划重叠（同类对象、区域" + regions + "）：" + first + "，再抽取本计划"
						+ "——同一批对象的每次抽取都须公示，不能多次抽取后择一公示");
			});
	}

	/** Publishes a drawn plan and its targets on the public page. @throws DomainException unless DRAWN */
	@Transactional
	public void publish(DataScope scope, long id) {
		InspectionPlan plan = require(scope, id, "DRAWN", "只有已抽取的计划才能公示");
		moved(jdbc.sql("UPDATE inspection_plan SET status = 'PUBLISHED', published_at = :now WHERE id = :id AND status = 'DRAWN'")
			.param("now", OffsetDateTime.now(clock)).param("id", id).update(), scope, id, "只有已抽取的计划才能公示");
		audit.record(AuditEntry.of("inspection-plan.publish", "inspection-plan", id, "公示双随机抽查计划：" + plan.name())
			.inRegion(plan.regionCode()));
	}

	/**
	 * Publishes the results of a published plan's targets that have been inspected and whose results are not yet
	 * published (the day of the check and the outcome, no personal data), today; may be run again as more checks are
	 * done. Results are due within {@link #resultWorkingDays} working days after the check (working-day calendar).
	 * @return how many results were published
	 * @throws DomainException unless the plan is PUBLISHED, or when no inspected target awaits publication
	 */
	@Transactional
	public int publishResults(DataScope scope, long id) {
		return publishResults(scope, id, LocalDate.now(clock));
	}

	/**
	 * Publishes, as of the day {@code on}, the results awaiting publication of the targets checked on or before that
	 * day — a publication made on an earlier day (a bureau bringing its history, the demo city) keeps its real day, so
	 * "published within the deadline" stays true to what happened. Audited ({@code inspection-plan.publish-results},
	 * naming the day and the late ones).
	 * @param on the day of publication: not in the future
	 * @return how many results were published
	 * @throws InvalidValueException (400, field {@code on}) for a day in the future; DomainException unless the plan is
	 * PUBLISHED, or when no target checked by that day awaits publication
	 */
	@Transactional
	public int publishResults(DataScope scope, long id, LocalDate on) {
		LocalDate today = LocalDate.now(clock);
		if (on == null || on.isAfter(today)) {
			throw new InvalidValueException("on", "range", Wording.of("inspections.refusal.publishedOnFuture"), "检查结果公示日期不能晚于今天");
		}
		InspectionPlan plan = require(scope, id, "PUBLISHED", "须先公示抽查计划，再公示检查结果");
		int published = 0;
		int late = 0;
		for (TargetResult r : results(plan)) {
			if ((r.state() == ResultState.DUE || r.state() == ResultState.OVERDUE) && !r.inspectedOn().isAfter(on)) {
				jdbc.sql("""
						UPDATE inspection_plan_target SET result_inspected_on = :on, result_outcome = :outcome,
						    result_published_on = :published WHERE plan_id = :plan AND rank = :rank""")
					.param("on", r.inspectedOn()).param("outcome", r.outcome()).param("published", on)
					.param("plan", id).param("rank", r.target().rank()).update();
				published++;
				late += on.isAfter(r.dueOn()) ? 1 : 0;
			}
		}
		if (published == 0) {
			throw DomainException.rule("没有已检查且尚未公示结果的抽中对象");
		}
		jdbc.sql("UPDATE inspection_plan SET results_published_at = :now WHERE id = :id")
			.param("now", OffsetDateTime.now(clock)).param("id", id).update();
		audit.record(AuditEntry.of("inspection-plan.publish-results", "inspection-plan", id, "公示检查结果：" + published
				+ "个对象" + (on.equals(today) ? "" : "（公示日期" + ChineseText.day(on) + "）")
				+ (late > 0 ? "（其中" + late + "个超过" + resultWorkingDays(plan.regionCode()) + "个工作日的公示期限）" : ""))
			.inRegion(plan.regionCode()));
		return published;
	}

	/**
	 * Why an inspection cannot be the check of a plan's drawn target — 双随机 means random objects <em>and</em> random
	 * inspectors (国务院办公厅关于推广随机抽查规范事中事后监管的通知, 国办发〔2015〕58号), so the draw's team is no suggestion —,
	 * each problem as a {@link FieldError} in Chinese naming the field a form shows it on; none when it can be:
	 * <ul>
	 * <li>{@code inspectedOn} (rule {@code period}): the day lies within the plan's period, {@code periodFrom} to
	 * {@code periodTo}, both included. The period is published with the plan as when its targets are inspected: a check
	 * before it was no check of this draw, and one after it is not taken either — a target left unchecked by the end of
	 * the period is drawn again in a later plan rather than checked late by whoever is at hand;</li>
	 * <li>{@code inspectedOn} (rule {@code after-draw}): the day is not before the day of the draw ({@code drawnAt} in
	 * China's time): the target and its team are known only from the draw, so a visit before it — though in the period —
	 * was no check of this draw;</li>
	 * <li>{@code inspectors} (rule {@code drawn-team}): every certificate the draw gave the target is on the team;</li>
	 * <li>{@code inspectors} (rule {@code conflict}): no other member of the team is excluded from the target by the
	 * conflicts frozen with the plan (回避: declared relations, the previous inspection's team) — an extra inspector
	 * (the team may be larger than drawn, e.g. a trainee) is allowed only when free of conflict;</li>
	 * <li>{@code planId} (rule {@code bureau}): the inspection is made by the plan's bureau or one above it
	 * ({@code recorder} contains the region of the plan's bureau), as only they run the plan's steps — a county does not
	 * supply the result of its city's plan.</li>
	 * </ul>
	 * The field record form checks a 双随机 record by it ({@link InspectionFieldRecords#record}) and {@link #results}
	 * takes only the inspections it finds no problem with, however they were recorded (the API, an import).
	 * @param target the drawn target the inspection would be the check of
	 * @param inspectedOn the day of the inspection (null: not checked here, the record's own check reports it)
	 * @param certificates the team's 执法证号 (any form: compared as {@link Inspectors#certificateNumber} writes them)
	 * @param recorder the scope of whoever records the inspection ({@link DataScope#all()} for a national or system one)
	 * @return the problems, in the order above; empty when the inspection may be the target's check
	 */
	public List<FieldError> drawnCheckProblems(InspectionPlan plan, InspectionPlan.Target target, LocalDate inspectedOn,
			Collection<String> certificates, DataScope recorder) {
		return drawnCheckProblems(plan, bureauRegion(plan.bureauId()), target, inspectedOn, certificates, recorder);
	}

	/**
	 * Why a 双随机 inspection record (kind RANDOM) cannot name {@code planId} as its plan: the plan must be one the caller
	 * sees ({@code planId}, rule {@code exists}) that drew the enterprise ({@code enterpriseCreditCode}, rule
	 * {@code drawn}) and, when a branch or outlet is named, that object ({@code objectId}, rule {@code drawn}); and the
	 * inspection must be able to be the check of one of those targets ({@link #drawnCheckProblems}: in the period, not
	 * before the draw, by the drawn team free of conflicts, by the plan's bureau or one above) — when none fits, the
	 * problems of the first are given. Every path that records an inspection (the field form, the API, the import)
	 * checks a 双随机 record by it.
	 * @param creditCode the inspected enterprise's 统一社会信用代码 as read (null or blank: reported by the record's own check)
	 * @param objectKey {@code BRANCH:<id>} or {@code OUTLET:<id>} when one is named, else null (the enterprise itself:
	 * any of its drawn objects will do)
	 * @param inspectedOn the day of the inspection (null: reported by the record's own check)
	 * @param certificates the team's 执法证号
	 * @return the problems, each a {@link FieldError} in Chinese; empty when the record may be that plan's check
	 */
	public List<FieldError> drawnRecordProblems(DataScope scope, long planId, String creditCode, String objectKey,
			LocalDate inspectedOn, Collection<String> certificates) {
		InspectionPlan plan;
		try {
			plan = get(scope, planId);
		}
		catch (DomainException ex) {
			return List.of(new FieldError("planId", "exists", "抽查计划不存在或不在您的辖区：" + planId));
		}
		List<FieldError> problems = new ArrayList<>();
		String code = creditCode == null ? "" : creditCode;
		List<InspectionPlan.Target> ofEnterprise = targets(planId).stream()
			.filter(t -> t.enterpriseCreditCode().equalsIgnoreCase(code)).toList();
		if (ofEnterprise.isEmpty()) {
			problems.add(new FieldError("enterpriseCreditCode", "drawn", "被检查企业不是该抽查计划的抽中对象"));
			return problems;
		}
		List<InspectionPlan.Target> candidates = ofEnterprise.stream()
			.filter(t -> objectKey == null || t.targetKey().equals(objectKey)).toList();
		if (candidates.isEmpty()) {
			problems.add(new FieldError("objectId", "drawn", "检查对象不是该抽查计划的抽中对象"));
			return problems;
		}
		String planBureau = bureauRegion(plan.bureauId());
		List<List<FieldError>> each = candidates.stream()
			.map(t -> drawnCheckProblems(plan, planBureau, t, inspectedOn, certificates, scope)).toList();
		return each.stream().anyMatch(List::isEmpty) ? List.of() : each.get(0);
	}

	/** The day (China's time) the plan was drawn, or null before its draw. */
	static LocalDate drawnOn(InspectionPlan plan) {
		return plan.drawnAt() == null ? null : plan.drawnAt().atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
	}

	/** {@link #drawnCheckProblems} with the region of the plan's bureau read already (results check many records). */
	private static List<FieldError> drawnCheckProblems(InspectionPlan plan, String planBureauRegion,
			InspectionPlan.Target target, LocalDate inspectedOn, Collection<String> certificates, DataScope recorder) {
		List<FieldError> problems = new ArrayList<>();
		LocalDate drawnOn = drawnOn(plan);
		if (inspectedOn != null && (inspectedOn.isBefore(plan.periodFrom()) || inspectedOn.isAfter(plan.periodTo()))) {
			problems.add(new FieldError("inspectedOn", "period", "检查日期" + ChineseText.day(inspectedOn) + "不在抽查计划的检查期间（"
					+ ChineseText.day(plan.periodFrom()) + "至" + ChineseText.day(plan.periodTo()) + "）内：双随机抽查须在计划公示的检查期间内实施"));
		}
		else if (inspectedOn != null && drawnOn != null && inspectedOn.isBefore(drawnOn)) {
			// the target and its team exist only from the draw: an earlier visit was no check of this draw
			problems.add(new FieldError("inspectedOn", "after-draw", "检查日期" + ChineseText.day(inspectedOn) + "早于抽查计划的抽取日期（"
					+ ChineseText.day(drawnOn) + "）：双随机抽查的对象和检查人员在抽取时才确定，抽取之前的检查不是本次抽查的检查"));
		}
		Set<String> team = new TreeSet<>();
		certificates.stream().map(Inspectors::certificateNumber).filter(c -> c != null).forEach(team::add);
		List<String> drawn = target.certificates().stream().map(Inspectors::certificateNumber).toList();
		List<String> missing = drawn.stream().filter(c -> !team.contains(c)).toList();
		if (!missing.isEmpty()) {
			problems.add(new FieldError("inspectors", "drawn-team", "检查人员须包括抽查计划为该对象随机抽中的执法人员（执法证号"
					+ String.join("、", drawn) + "），缺少" + String.join("、", missing) + "：双随机抽查的检查人员随机产生，不能换人"));
		}
		Set<String> excluded = conflicts(lines(plan.conflicts())).getOrDefault(target.targetKey(), Set.of());
		List<String> conflicting = team.stream().filter(c -> !drawn.contains(c))
			.filter(c -> excluded.stream().anyMatch(x -> c.equals(Inspectors.certificateNumber(x)))).toList();
		if (!conflicting.isEmpty()) {
			problems.add(new FieldError("inspectors", "conflict", "检查人员执法证号" + String.join("、", conflicting)
					+ "与该抽中对象有回避关系（冻结名单时确定），不能参加该对象的双随机抽查"));
		}
		if (!recorder.containsRegion(planBureauRegion)) {
			problems.add(new FieldError("planId", "bureau", "抽查计划第" + plan.id()
					+ "号由上级单位制定，其抽中对象的检查只能由制定计划的单位或其上级单位登记"));
		}
		return problems;
	}

	/**
	 * Each drawn target of a plan with its check and where the publication of its result stands. A target's check is an
	 * inspection of its enterprise recorded for this plan, or else a 双随机 inspection (kind RANDOM) of that enterprise
	 * within the plan's period — either only when {@link #drawnCheckProblems} finds no problem with it (in the period,
	 * by the drawn team free of conflicts, by the plan's bureau or one above); each inspection counts for one target
	 * only (targets in rank order take the earliest inspection left, a branch or outlet preferring the one whose place
	 * is its name). The result is due {@link #resultWorkingDays} working days after the check (working-day calendar),
	 * overdue after that day while unpublished. Call after {@link #get}.
	 */
	public List<TargetResult> results(InspectionPlan plan) {
		record Check(long id, String code, LocalDate inspectedOn, String outcome, String place, String objectKey,
				List<String> certificates, String bureauRegion) {
		}
		Map<String, List<Check>> checks = new HashMap<>();
		jdbc.sql("""
				SELECT r.id, r.enterprise_credit_code AS code, r.inspected_on, r.outcome, r.place,
				       CASE WHEN r.object_id IS NOT NULL THEN r.object_type || ':' || r.object_id END AS object_key,
				       ARRAY(SELECT t.certificate_number::text FROM inspection_record_inspector t WHERE t.record_id = r.id
				             ORDER BY t.position) AS certificates,
				       b.region_code AS bureau_region
				FROM inspection_record r LEFT JOIN bureau_name b ON b.id = r.bureau_id
				WHERE r.enterprise_credit_code IN (SELECT enterprise_credit_code FROM inspection_plan_target WHERE plan_id = :plan)
				  AND (r.plan_id = :plan OR (r.plan_id IS NULL AND r.kind = 'RANDOM'))
				  AND r.inspected_on BETWEEN :from AND :to
				ORDER BY (r.plan_id IS NULL), r.inspected_on, r.id""")
			.param("plan", plan.id()).param("from", plan.periodFrom()).param("to", plan.periodTo())
			.query(Rows.of(Check.class))
			.list()
			.forEach(c -> checks.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c));
		// a record of no bureau was made by a national or system caller, above every plan's bureau
		String planBureau = bureauRegion(plan.bureauId());
		BiPredicate<InspectionPlan.Target, Check> fits = (t, c) -> drawnCheckProblems(plan, planBureau, t,
				c.inspectedOn(), c.certificates(),
				c.bureauRegion() == null ? DataScope.all() : DataScope.region(c.bureauRegion())).isEmpty();
		LocalDate today = LocalDate.now(clock);
		int resultWorkingDays = resultWorkingDays(plan.regionCode());
		List<InspectionPlan.Target> targets = targets(plan.id());
		// published results keep the inspection they were published with
		for (InspectionPlan.Target t : targets) {
			if (t.resultPublishedOn() != null) {
				List<Check> left = checks.getOrDefault(t.enterpriseCreditCode(), new ArrayList<>());
				left.stream().filter(c -> c.inspectedOn().equals(t.resultInspectedOn())).findFirst().ifPresent(left::remove);
			}
		}
		List<TargetResult> results = new ArrayList<>();
		for (InspectionPlan.Target t : targets) {
			if (t.resultPublishedOn() != null) {
				LocalDate due = calendar.plusWorkingDays(t.resultInspectedOn(), resultWorkingDays);
				results.add(new TargetResult(t, t.resultInspectedOn(), t.resultOutcome(), due, calendar.isProvisional(due),
						t.resultPublishedOn().isAfter(due) ? ResultState.PUBLISHED_LATE : ResultState.PUBLISHED));
				continue;
			}
			List<Check> left = checks.getOrDefault(t.enterpriseCreditCode(), new ArrayList<>());
			// the record naming the drawn branch or outlet, else (records made before they named it) one whose place
			// is its name, else the enterprise's earliest check left — never a record naming another branch or outlet
			// and only a check by the drawn team, in the period, by the plan's bureau or one above
			List<Check> fitting = left.stream().filter(c -> fits.test(t, c)).toList();
			Check check = fitting.stream().filter(c -> t.targetKey().equals(c.objectKey())).findFirst()
				.or(() -> fitting.stream().filter(c -> c.objectKey() == null && t.objectName() != null
						&& t.objectName().equals(c.place())).findFirst())
				.or(() -> fitting.stream().filter(c -> c.objectKey() == null || c.objectKey().equals(t.targetKey())).findFirst())
				.orElse(null);
			if (check == null) {
				results.add(new TargetResult(t, null, null, null, false, ResultState.NOT_INSPECTED));
				continue;
			}
			left.remove(check);
			LocalDate due = calendar.plusWorkingDays(check.inspectedOn(), resultWorkingDays);
			results.add(new TargetResult(t, check.inspectedOn(), check.outcome(), due, calendar.isProvisional(due),
					today.isAfter(due) ? ResultState.OVERDUE : ResultState.DUE));
		}
		return results;
	}

	/**
	 * The plan, if in the caller's scope, with any ID or mobile number in its name, operator and witnesses masked
	 * ({@link InspectionPlan#masked}: plans made before such numbers were refused there are shown as the lists show them).
	 * @throws DomainException not-found otherwise
	 */
	public InspectionPlan get(DataScope scope, long id) {
		return jdbc.sql(COLUMNS + " WHERE p.id = :id AND " + scope.regionPredicate("p.region_code"))
			.params(scope.params()).param("id", id)
			.query(Rows.of(InspectionPlan.class))
			.optional()
			.map(InspectionPlan::masked)
			.orElseThrow(() -> DomainException.notFound("抽查计划", id));
	}

	/**
	 * Whether the caller may open plan {@code id}'s page ({@link #get}: the plan in its region) — a county's record of a
	 * city's 双随机 plan names the plan, but links it only where the page answers.
	 */
	public boolean opens(DataScope scope, long id) {
		return jdbc.sql("SELECT count(*) FROM inspection_plan p WHERE p.id = :id AND " + scope.regionPredicate("p.region_code"))
			.params(scope.params()).param("id", id)
			.query(Long.class).single() > 0;
	}

	/**
	 * The name of plan {@code id} as a record made under it names the plan — also where its page does not answer (a
	 * county's record of a city's plan, {@link #opens}): a plan's name is published with it (双随机一公开) and holds no
	 * personal number ({@link #create} refuses one). Null when there is no such plan.
	 */
	public String name(long id) {
		return jdbc.sql("SELECT name FROM inspection_plan WHERE id = :id").param("id", id)
			.query(String.class).optional().orElse(null);
	}

	/** A page of the plans in the caller's scope, newest period first. */
	public PageResult<InspectionPlan> list(DataScope scope, PageQuery page) {
		return list(scope, Filter.NONE, page);
	}

	/** The states of a plan in their order ({@link InspectionPlan#status}). */
	public static final List<String> STATUSES = List.of("DRAFT", "FROZEN", "SEEDED", "DRAWN", "PUBLISHED");

	/**
	 * The plan list's filters, each null (or false) for all.
	 * @param resultsPending only the published plans with inspected targets whose results await publication
	 * @param status one of {@link #STATUSES}
	 * @param objectType one of {@link #OBJECT_TYPES}
	 * @param handling only the plans of the caller's own bureau ({@link InspectingBureau#OF_PLAN}, the inbox's queue and
	 *        its link {@code handling=true}) — a bureau above reads a county's plan and takes none of its steps
	 */
	public record Filter(boolean resultsPending, String status, String objectType, boolean handling) {

		/** No filter: every plan of the scope. */
		public static final Filter NONE = new Filter(false, null, null);

		/** The filters without {@code handling}: every plan of the caller's scope, those of the bureaus below too. */
		public Filter(boolean resultsPending, String status, String objectType) {
			this(resultsPending, status, objectType, false);
		}

		/**
		 * The filters as a page or the API sends them, blank meaning all.
		 * @throws InvalidValueException (400) naming {@code status} or {@code objectType} when it is not one of the
		 * known codes
		 */
		public Filter {
			status = Text.blankToNull(status);
			objectType = Text.blankToNull(objectType);
			if (status != null && !STATUSES.contains(status)) {
				throw new InvalidValueException("status", "one-of", "状态应为"
						+ Choice.listed(STATUSES, InspectionPlans::statusLabel) + "之一");
			}
			if (objectType != null && !OBJECT_TYPES.contains(objectType)) {
				throw new InvalidValueException("objectType", "one-of", OBJECT_TYPES_LISTED);
			}
		}
	}

	/**
	 * Published plans with a drawn target that was inspected and whose result is not yet published (SQL: a candidate
	 * check exists — an inspection of the target's enterprise in the plan's period, for the plan or a 双随机 one; whether
	 * it is the target's check, {@link #drawnCheckProblems}, is decided per target by {@link #results}).
	 */
	static final String RESULTS_PENDING = """
			p.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM inspection_plan_target t WHERE t.plan_id = p.id
			    AND t.result_published_on IS NULL AND EXISTS (SELECT 1 FROM inspection_record r
			        WHERE r.enterprise_credit_code = t.enterprise_credit_code AND r.inspected_on BETWEEN p.period_from AND p.period_to
			            AND (r.plan_id = p.id OR (r.plan_id IS NULL AND r.kind = 'RANDOM'))))""";

	/**
	 * A page of the plans in the caller's scope that pass the filter (search by name; sorts period_from — the
	 * default, newest first —, name, status, population), their free text masked ({@link InspectionPlan#masked}); with
	 * {@link Filter#resultsPending} only the published plans with inspected targets whose results await publication.
	 * The page, the API list and the export read it alike.
	 */
	public PageResult<InspectionPlan> list(DataScope scope, Filter filter, PageQuery page) {
		if (!filter.resultsPending()) {
			return candidates(scope, filter, page);
		}
		// the SQL finds candidates (a check of a target's enterprise exists); whether a target's result is due is
		// decided per target as the inbox counts it (a check of another outlet of the same enterprise is not this
		// target's), so the list and the inbox's count agree
		List<InspectionPlan> due = pendingResults(scope, filter, page).stream().map(PendingResults::plan).toList();
		int from = (int) Math.min(due.size(), (long) page.page() * page.size());
		return new PageResult<>(due.subList(from, Math.min(due.size(), from + page.size())), page.page(), page.size(),
				due.size());
	}

	private PageResult<InspectionPlan> candidates(DataScope scope, Filter filter, PageQuery page) {
		return Listing.from("FROM inspection_plan p")
			.scope(scope, "p.region_code")
			.where(filter.resultsPending(), RESULTS_PENDING, "resultsPending", true)
			.where(filter.status() != null, "p.status = :status", "status", filter.status())
			.where(filter.objectType() != null, "p.object_type = :objectType", "objectType", filter.objectType())
			.where(filter.handling() ? InspectingBureau.ownedHere(bureaus, scope, InspectingBureau.OF_PLAN) : "TRUE")
			.search(page, jdbc, "p.id", List.of(Masked.numbers("p.name")))
			.sorts(Map.of("period_from", "p.period_from", "name", "p.name", "status", "p.status", "population",
					"p.population"), "period_from", true, "p.id")
			.joinedToPage("LEFT JOIN region_name rn ON rn.code = p.region_code")
			.page(jdbc, COLUMNS.substring(0, COLUMNS.indexOf("FROM")), page, Rows.of(InspectionPlan.class))
			.map(InspectionPlan::masked);
	}

	/**
	 * A plan whose results await publication: how many are due, how many of them are overdue, and the earliest
	 * deadline among them.
	 */
	public record PendingResults(InspectionPlan plan, int awaiting, int overdue, LocalDate nearestDue) {
	}

	/**
	 * The plans of the caller's own bureau ({@link Filter#handling}: not those of a bureau below, which it reads) with
	 * results awaiting publication ({@link ResultState#DUE} or {@link ResultState#OVERDUE}), the most overdue, then the
	 * earliest deadline first — the inbox's queue, which lists as {@code results=pending&handling=true}.
	 */
	public List<PendingResults> pendingResults(DataScope scope) {
		List<PendingResults> pending = pendingResults(scope, new Filter(false, null, null, true),
				PageQuery.of(null, 0, PageQuery.MAX_SIZE, null, null));
		pending.sort(Comparator.comparing((PendingResults p) -> p.overdue() == 0)
			.thenComparing(PendingResults::nearestDue));
		return pending;
	}

	/** The plans with results awaiting publication, in the order (and with the search) {@code page} asks for. */
	private List<PendingResults> pendingResults(DataScope scope, Filter filter, PageQuery page) {
		List<PendingResults> pending = new ArrayList<>();
		// every candidate, page after page: a province's or the nation's inbox may hold more than one page of them
		List<InspectionPlan> candidates = new ArrayList<>();
		for (int p = 0;; p++) {
			List<InspectionPlan> read = candidates(scope,
					new Filter(true, filter.status(), filter.objectType(), filter.handling()),
					new PageQuery(page.q(), p, PageQuery.MAX_SIZE, page.sort(), page.descending())).items();
			candidates.addAll(read);
			if (read.size() < PageQuery.MAX_SIZE) {
				break;
			}
		}
		for (InspectionPlan plan : candidates) {
			int awaiting = 0;
			int overdue = 0;
			LocalDate nearest = null;
			for (TargetResult r : results(plan)) {
				if (r.state() == ResultState.DUE || r.state() == ResultState.OVERDUE) {
					awaiting++;
					overdue += r.state() == ResultState.OVERDUE ? 1 : 0;
					nearest = nearest == null || r.dueOn().isBefore(nearest) ? r.dueOn() : nearest;
				}
			}
			if (awaiting > 0) {
				pending.add(new PendingResults(plan, awaiting, overdue, nearest));
			}
		}
		return pending;
	}

	/**
	 * The published plans in the region {@code prefix} ("" for all), newest first — public, no personal data (their
	 * free text masked: {@link InspectionPlan#masked}).
	 */
	public List<InspectionPlan> published(String prefix) {
		return jdbc.sql(COLUMNS + " WHERE p.status = 'PUBLISHED' AND " + RegionPrefix.of(prefix).predicate("p.region_code")
				+ " ORDER BY p.period_from DESC, p.id DESC LIMIT 200")
			.query(Rows.of(InspectionPlan.class))
			// list(), never stream(): a query's stream holds its connection until closed, and outside a transaction (the
			// public portal) an unclosed one leaked a pool connection per request until sign-in failed too
			.list()
			.stream()
			.map(this::forThePublic)
			.toList();
	}

	/**
	 * A published plan (public; its free text masked; its secret — and what else would let its targets be computed —
	 * withheld until its draw is revealed, {@link #drawRevealed}). @throws DomainException not-found unless published
	 */
	public InspectionPlan publishedPlan(long id) {
		return jdbc.sql(COLUMNS + " WHERE p.status = 'PUBLISHED' AND p.id = :id").param("id", id)
			.query(Rows.of(InspectionPlan.class))
			.optional()
			.map(this::forThePublic)
			.orElseThrow(() -> DomainException.notPublished("已公示的抽查计划", id));
	}

	/** A published plan as the public reads it: masked, and {@link InspectionPlan#withheld} until its draw is revealed. */
	private InspectionPlan forThePublic(InspectionPlan p) {
		InspectionPlan masked = p.masked();
		return drawRevealed(p.id()) ? masked : masked.withheld();
	}

	/**
	 * Whether the public may repeat plan {@code planId}'s draw: it drew targets and every one's result is published
	 * (双随机一公开: the targets are published with their results). Until then the secret is withheld, only its
	 * SHA-256 commitment published ({@link InspectionPlan#withheld}): with the snapshot, the seed and the secret anyone
	 * would compute the targets — and their inspectors — before the checks (the enterprise warned, the inspectors
	 * approached); afterwards the secret hashes to the commitment published at freezing, and the draw is repeated.
	 */
	public boolean drawRevealed(long planId) {
		return jdbc.sql("""
				SELECT count(*) > 0 AND count(*) = count(result_published_on) FROM inspection_plan_target
				WHERE plan_id = :id""")
			.param("id", planId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Refuses to repeat the draw of plan {@code planId} for the public before it is revealed ({@link #drawRevealed}).
	 * @throws DomainException (409, field {@code planId}, rule {@code not-revealed})
	 */
	public void requireDrawRevealed(long planId) {
		if (!drawRevealed(planId)) {
			throw DomainException.illegalTransition("planId", "not-revealed", Wording.of("inspections.refusal.drawNotRevealed"),
					"该计划的抽中对象尚未全部公示检查结果：抽取密钥在全部"
					+ "检查结果公示后公开，届时可用公示的名单快照、随机种子和密钥复核抽取；现在可核对密钥承诺值（SHA-256）和名单快照摘要");
		}
	}

	/** The drawn targets of a plan in rank order (no scope check: call after {@link #get} or {@link #publishedPlan}). */
	public List<InspectionPlan.Target> targets(long planId) {
		return jdbc.sql("""
				SELECT rank, target_key, enterprise_credit_code, enterprise_name, region_code, certificates, object_type,
				       object_name, result_inspected_on, result_outcome, result_published_on
				FROM inspection_plan_target WHERE plan_id = :id ORDER BY rank""")
			.param("id", planId)
			.query(Rows.of(InspectionPlan.Target.class))
			.list();
	}

	/**
	 * The targets of a published plan the public sees: only those whose check's result is published
	 * ({@link InspectionPlan.Target#resultPublishedOn}) — 双随机一公开 publishes the results, and a target with its
	 * inspectors' 执法证号 goes public once its check is done, never while the check may still come (the enterprise
	 * would be warned, the inspectors approached). In the order drawn.
	 * @param planId a published plan
	 */
	public List<InspectionPlan.Target> publicTargets(long planId) {
		return targets(planId).stream().filter(t -> t.resultPublishedOn() != null).toList();
	}

	/**
	 * Repeats the draw of a drawn plan from what it stored and shows (snapshot, roster, conflicts, seed, the revealed
	 * secret, sampling).
	 * @throws DomainException (409, field {@code secret}, rule {@code commitment}) when the revealed secret does not
	 * hash to the commitment published at freezing
	 */
	public static RandomDraw.Result draw(InspectionPlan plan) {
		requireCommitted(plan.secretCommitment(), plan.drawSecret());
		return draw(plan, plan.drawSecret());
	}

	/**
	 * Checks a secret against the commitment published when the population was frozen: SHA-256(secret) must equal it.
	 * A plan frozen before secrets existed has neither and passes (it draws by its seed alone).
	 * @throws DomainException (409) naming {@code secret}: rule {@code required} when a committed plan's secret is
	 * missing, {@code commitment} when it does not hash to the commitment, {@code uncommitted} for a secret without one
	 */
	public static void requireCommitted(String commitment, String secret) {
		String given = secret == null || Text.isBlank(secret) ? null : Text.strip(secret);
		if (commitment == null) {
			if (given != null) {
				throw DomainException.illegalTransition("secret", "uncommitted",
						"该计划冻结名单时没有抽取密钥承诺值，抽取只用随机种子，不应提供抽取密钥");
			}
			return;
		}
		if (given == null) {
			throw DomainException.illegalTransition("secret", "required",
					"该计划冻结名单时公布了抽取密钥承诺值，复核须提供抽取后公开的抽取密钥");
		}
		if (!RandomDraw.commitment(given).equals(commitment.strip())) {
			throw DomainException.illegalTransition("secret", "commitment", Wording.of("inspections.refusal.keyMismatch", commitment.strip()),
					"抽取密钥的SHA-256与冻结名单时公布的承诺值"
					+ commitment.strip() + "不符");
		}
	}

	private static RandomDraw.Result draw(InspectionPlan plan, String secret) {
		return RandomDraw.draw(lines(plan.snapshot()).stream().map(RandomDraw.Candidate::parse).toList(), plan.seed(),
				secret, new RandomDraw.Sampling(plan.sampleCount(), plan.sampleRatio(), parseRatios(plan.ratioByClass())),
				lines(plan.roster()).stream().map(InspectionPlans::examiner).toList(), conflicts(lines(plan.conflicts())),
				plan.teamSize());
	}

	/** A failure of the draw named by the plan's fields (sampleCount, sampleRatio) instead of the draw's own. */
	private static DomainException renamed(DomainException ex) {
		if (ex.fieldErrors().isEmpty()) {
			return ex;
		}
		List<FieldError> errors = ex.fieldErrors().stream()
			.map(e -> new FieldError(switch (e.field()) {
				case "count" -> "sampleCount";
				case "ratio" -> "sampleRatio";
				default -> e.field();
			}, e.rule(), e.message()))
			.toList();
		return new DomainException(ex.code(), ex.wording(), ex.getMessage(), errors, ex.wordings());
	}

	/** A roster line {@code certificate|region} as the draw sees it. */
	public static RandomDraw.Examiner examiner(String line) {
		String[] parts = line.split("\\|", -1);
		if (parts.length != 2 || parts[0].isBlank()) {
			throw new InvalidValueException("roster", "format", "检查人员名单的行格式应为“执法证号|区划代码”："
					+ Text.excerpt(line, 60));
		}
		return new RandomDraw.Examiner(parts[0], parts[1]);
	}

	/** Conflict lines {@code key|certificate} grouped by key. */
	public static Map<String, Set<String>> conflicts(List<String> lines) {
		Map<String, Set<String>> map = new HashMap<>();
		for (String line : lines) {
			int bar = line.lastIndexOf('|');
			if (bar <= 0) {
				throw new InvalidValueException("conflicts", "format", "回避关系的行格式应为“对象标识|执法证号”："
						+ Text.excerpt(line, 60));
			}
			map.computeIfAbsent(line.substring(0, bar), k -> new HashSet<>()).add(line.substring(bar + 1));
		}
		return map;
	}

	/** The lines of a stored text, none for null or blank. */
	public static List<String> lines(String text) {
		return text == null || Text.isBlank(text) ? List.of() : List.of(text.split("\n"));
	}

	static String key(String creditCode) {
		return "ENTERPRISE:" + creditCode;
	}

	private static String ratios(Map<String, BigDecimal> ratios) {
		if (ratios == null || ratios.isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		new TreeMap<>(ratios).forEach((k, r) -> parts.add(k + "=" + r.toPlainString()));
		return String.join(";", parts);
	}

	private static Map<String, BigDecimal> parseRatios(String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		for (String part : text.split(";")) {
			String[] kv = part.split("=");
			map.put(kv[0], new BigDecimal(kv[1]));
		}
		return map;
	}

	/**
	 * The credit class of an enterprise's objects: 未评定 for every enterprise until the credit module rates them
	 * (快递业信用管理暂行办法; the class is already part of each snapshot line and of the filters).
	 */
	static String creditClass(String enterpriseCreditCode) {
		return UNRATED;
	}

	private String bureauRegion(long bureauId) {
		return jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id").param("id", bureauId)
			.query(String.class).single();
	}

	/**
	 * Refuses the step whose compare-and-set UPDATE ({@code ... WHERE status = <the step's from>}) moved no row: another
	 * request moved the plan first; its state is named, the step's transaction (and its audit entry) rolls back.
	 * @param updated the rows the UPDATE changed
	 * @throws DomainException illegal transition (409) when {@code updated} is not 1
	 */
	private void moved(int updated, DataScope scope, long id, String message) {
		if (updated != 1) {
			String now = statusLabel(get(scope, id).status());
			throw DomainException.illegalTransition(Wording.of("inspections.refusal.planState", message, now),
					message + "（当前状态：" + now + "）");
		}
	}

	/** A plan status in the words its page uses (the 409 a caller reads names 草稿, not DRAFT). */
	static String statusLabel(String status) {
		return switch (status) {
			case "DRAFT" -> "草稿";
			case "FROZEN" -> "名单已冻结";
			case "SEEDED" -> "种子已确定";
			case "DRAWN" -> "已抽取";
			case "PUBLISHED" -> "已公示";
			default -> status;
		};
	}

	/**
	 * Whether {@code me} takes plan's steps (冻结, 种子, 抽取, 公示, 公示结果) — a 处室工作人员 of the bureau that made it
	 * ({@link Bureaus#takesSteps}), the rule every step refuses others by ({@link #require}, 403): the plan's page offers
	 * its step forms by it.
	 * @param me the signed-in user (null takes none)
	 * @param plan a plan read by {@link #get}
	 */
	public boolean takesSteps(CurrentUser me, InspectionPlan plan) {
		return bureaus.takesSteps(me, bureauRegion(plan.bureauId()));
	}

	/**
	 * Whether {@code me} may record the check of one of plan's drawn targets — a 处室工作人员 of the plan's bureau or
	 * one above it, the rule {@link #drawnRecordProblems} refuses a record by ({@code planId}, rule {@code bureau}):
	 * the plan's page offers 登记检查 by it, so a county's clerk reading a city's plan is not sent to a form whose post
	 * is refused.
	 * @param me the signed-in user (null records none)
	 * @param plan a plan read by {@link #get}
	 */
	public boolean recordsChecks(CurrentUser me, InspectionPlan plan) {
		return me != null && me.isStaff() && me.caseHandler() && me.scope().containsRegion(bureauRegion(plan.bureauId()));
	}

	/**
	 * Refuses the signed-in caller plan {@code id}'s steps as every step does ({@link #require}: the plan's bureau's),
	 * without the lock or the status — for {@link InspectionStepAccess}, before the step's form or body is read.
	 * @throws DomainException not-found outside the caller's scope
	 * @throws AccessRefusedException (403) naming the plan's bureau, for staff of another bureau
	 */
	void requireStep(DataScope scope, long id) {
		bureaus.requireHandling(bureauRegion(get(scope, id).bureauId()), "抽查计划");
	}

	/** Locks the plan's row until the transaction ends (no row: nothing to lock, the read that follows answers 404). */
	private void lock(long id) {
		jdbc.sql("SELECT id FROM inspection_plan WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
	}

	/**
	 * The plan in the caller's scope in {@code status}, for a step, its row locked until the step commits: only the
	 * staff of the bureau that made it run a plan's steps ({@link Bureaus#requireHandling}: a bureau above reads it, a
	 * county reads a city plan of its county but does not draw it).
	 * @throws AccessRefusedException (403) naming the plan's bureau, for staff of another bureau
	 * @throws DomainException illegal transition (409) when the plan is in another status
	 */
	/** The states of a plan whose draw is made: a second draw is refused as such. */
	private static final Set<String> DRAWN_ALREADY = Set.of("DRAWN", "PUBLISHED");

	private InspectionPlan require(DataScope scope, long id, String status, String message) {
		return require(scope, id, status, current -> message);
	}

	/** As {@link #require(DataScope, long, String, String)}, the refusal's words chosen by the state the plan is in. */
	private InspectionPlan require(DataScope scope, long id, String status, Function<String, String> message) {
		// the row stays locked until the step commits: a second request for the same step (a double click, a retried
		// call, a seed typed while the freeze runs) waits for the first and then finds the plan moved on
		lock(id);
		InspectionPlan plan = get(scope, id);
		// a plan is its bureau's (the one that made it) as a case is its handling bureau's: a bureau above reads it
		bureaus.requireHandling(bureauRegion(plan.bureauId()), "抽查计划");
		if (!plan.status().equals(status)) {
			String sentence = message.apply(plan.status());
			String now = statusLabel(plan.status());
			throw DomainException.illegalTransition(Wording.of("inspections.refusal.planState", sentence, now),
					sentence + "（当前状态：" + now + "）");
		}
		return plan;
	}
}
