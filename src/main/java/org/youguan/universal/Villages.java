package org.youguan.universal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.Actors;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Text;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.Region;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityView;

/**
 * The 建制村 register: every 村委会 of the region module's village list (a 建制村 is a 村委会 row; DOMAIN.md "Universal
 * service") with its 通邮 profile — delivery mode, deliveries a week, serving post office, handover point — and its last
 * check. Staff see the villages of their region; the postal enterprise sees and keeps its own profiles and may start the
 * profile of a village nobody keeps yet in its city (邮政法(2015) art.15, 19: the postal enterprise provides the
 * universal service, the bureau supervises it).
 */
@Service
public class Villages {

	/** The most deliveries a week a village profile or a check records (twice a day, every day). */
	public static final int MAX_DELIVERIES_PER_WEEK = 14;

	/** What makes a village-level region row a 建制村 (the acceptance check counts the same rows). */
	static final String VILLAGE_COMMITTEE = "v.level = 'VILLAGE' AND v.name LIKE '%村委会%'";

	private static final String FROM = """
			FROM region_name v LEFT JOIN village_profile p ON p.village_code = v.code
			LEFT JOIN LATERAL (SELECT c.checked_on, c.standard_delivery FROM village_check c WHERE c.village_code = v.code
			    ORDER BY c.checked_on DESC, c.id DESC LIMIT 1) lc ON TRUE""";

	private static final Map<String, String> SORTS = Map.of("code", "v.code", "name", "v.name", "mode", "p.delivery_mode",
			"deliveries", "p.deliveries_per_week", "last_check", "lc.checked_on");

	/** The filters of the register: region (any level), delivery mode or 未登记, below the standard. */
	public record Filter(String region, DeliveryMode mode, boolean unregistered, boolean belowStandard) {

		public static final Filter NONE = new Filter(null, null, false, false);
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Enterprises enterprises;

	private final Facilities facilities;

	private final DeliveryStandards standards;

	private final AuditTrail audit;

	private final Clock clock;

	Villages(JdbcClient jdbc, Regions regions, Enterprises enterprises, Facilities facilities,
			DeliveryStandards standards, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.enterprises = enterprises;
		this.facilities = facilities;
		this.standards = standards;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A page of the register within the caller's scope (staff: their region; an enterprise: its own profiles and the
	 * villages of its city nobody keeps yet), searched by village, post office or handover address.
	 * @throws InvalidValueException (field {@code region}) for a region filter that is no whole region
	 * @throws AccessRefusedException (403, field {@code region}) for a region outside a bureau's ({@link DataScope#regionFilter})
	 */
	public PageResult<VillageView> list(DataScope scope, Filter filter, PageQuery page) {
		String region = scope.regionFilter(filter.region(), "region");
		String minimum = minimumExpression(scope, region);
		Listing listing = Listing.from(FROM)
			.countFrom("FROM region_name v LEFT JOIN village_profile p ON p.village_code = v.code")
			.where(VILLAGE_COMMITTEE);
		listing = scoped(listing, scope);
		listing = listing.where(RegionPrefix.of(region).predicate("v.code"))
			.where(filter.mode() != null, "p.delivery_mode = :mode", "mode", filter.mode() == null ? "" : filter.mode().name());
		if (filter.unregistered()) {
			listing = listing.where("p.village_code IS NULL");
		}
		if (filter.belowStandard()) {
			listing = listing.where("p.deliveries_per_week < " + minimum);
		}
		// the post office and handover address are shown masked to every reader: a number is found only where the list
		// shows it, never typed whole (Listing.Masked, read in full by nobody), so no search confirms a masked number;
		// the village code and the post-office enterprise's credit code the list and export show are searched as shown
		return listing.search(page, jdbc, "CAST(v.code AS bigint)", List.of(Listing.Masked.numbers("p.post_office_name"),
				Listing.Masked.numbers("p.handover_address")), "v.name", "v.code", "p.enterprise_credit_code")
			.sorts(SORTS, "code", "v.code")
			.page(jdbc, select(minimum), page, Rows.of(VillageView.class));
	}

	/**
	 * One village of the register with its profile.
	 * @throws DomainException not found (404) when the code is no 建制村 or lies outside the caller's scope
	 */
	public VillageView get(DataScope scope, String typed) {
		String code = RegionCode.typed(typed);
		if (code == null || !code.matches("\\d{12}")) {
			throw DomainException.notFound("建制村", code);
		}
		Listing listing = scoped(Listing.from(FROM).where(VILLAGE_COMMITTEE), scope).where("v.code = :code",
				Map.of("code", code));
		return jdbc.sql(select(minimumExpression(scope, code)) + " " + FROM + listing.whereClause())
			.params(listing.params())
			.query(Rows.of(VillageView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("建制村", code));
	}

	/** The number of 建制村 (村委会 rows of the region list) in a region, {@code ""} for the whole country. */
	public long count(String region) {
		return jdbc.sql("SELECT count(*) FROM region_name v WHERE " + VILLAGE_COMMITTEE + " AND "
				+ RegionPrefix.of(region).predicate("v.code")).query(Long.class).single();
	}

	/**
	 * A profile checked as it would be saved: the village a 建制村 in the caller's scope, which an enterprise may keep
	 * (its own profile, or one nobody keeps in its city), the mode, 0–14 deliveries a week, the serving post office a
	 * registered 邮政普遍服务营业场所 when an id is given, the keeping enterprise a registered postal enterprise (for
	 * staff: named, or the one keeping the profile already; for an enterprise: itself), a handover address unless the
	 * mode is 直接通邮; no ID or mobile number in the post office's name, the handover type or address (rule
	 * {@code personal-number}).
	 * @throws InvalidValueException naming every field that fails (villageCode, deliveryMode, deliveriesPerWeek,
	 *         postOfficeFacilityId, postOfficeName, handoverType, handoverAddress, enterpriseCreditCode)
	 */
	public Profile check(DataScope scope, VillageProfileData data) {
		return check(scope, data, List.of());
	}

	/**
	 * A profile checked as {@link #check(DataScope, VillageProfileData)} does, continuing the failures of the form that
	 * read it ({@link Validation#after}: a number of deliveries or a post office's number it could not read), so one
	 * answer names every bad field.
	 * @param earlier the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	public Profile check(DataScope scope, VillageProfileData data, List<FieldError> earlier) {
		Validation v = Validation.after(earlier);
		String code = RegionCode.typed(data.villageCode());
		Optional<Region> village = committee(v, code);
		Optional<String> owner = code == null || village.isEmpty() ? Optional.empty() : owner(code);
		String enterpriseCode;
		// a code that cannot be one is told on this field by the rule it breaks, not looked up as an enterprise's
		boolean malformed = CreditCode.checked(v, "enterpriseCreditCode", data.enterpriseCreditCode()) == null
				&& clean(data.enterpriseCreditCode()) != null;
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			enterpriseCode = scope.enterpriseCreditCode();
			// an enterprise keeps its own profiles only: a row naming another enterprise is refused, never re-read as
			// the signed-in one's (a sheet of the city's villages copied from another enterprise's list)
			String named = clean(data.enterpriseCreditCode());
			v.require("enterpriseCreditCode", malformed || named == null || CreditCode.written(named).equals(enterpriseCode), "own-enterprise", "统一社会信用代码" + named + "不是本企业的（本企业为" + enterpriseCode
						+ "），企业只能维护本企业的建制村通邮信息，请删除该列或填写本企业的代码");
			if (village.isPresent()) {
				v.require("villageCode", owner.map(enterpriseCode::equals).orElseGet(() -> inCityOf(enterpriseCode, code)),
						"owner", "该建制村的通邮信息由其他邮政企业维护或不在本企业服务的城市，您只能维护本企业的建制村通邮信息");
			}
		}
		else {
			// a profile someone keeps already stays with that enterprise unless the row names another
			enterpriseCode = Optional.ofNullable(CreditCode.written(data.enterpriseCreditCode())).or(() -> owner).orElse(null);
			if (village.isPresent()) {
				// a village outside the scope is not there (404), before any other field is told
				scope.refuseWithin("villageCode", code, "建制村" + code);
			}
		}
		Optional<EnterpriseView> enterprise = enterpriseCode == null || enterpriseCode.isEmpty() ? Optional.empty()
				: enterprises.findByCreditCode(enterpriseCode);
		if (enterpriseCode == null || enterpriseCode.isEmpty()) {
			v.require("enterpriseCreditCode", false, "required", "请填写维护该建制村通邮信息的邮政企业的统一社会信用代码");
		}
		else if (!malformed || scope.kind() == DataScope.Kind.ENTERPRISE) {
			v.require("enterpriseCreditCode", enterprise.filter(e -> e.type() == EnterpriseType.POSTAL).isPresent(),
					"postal", "邮政企业（统一社会信用代码" + enterpriseCode + "）未在市场主体中登记为邮政企业");
		}
		DeliveryMode mode = DeliveryMode.parse(data.deliveryMode());
		if (data.deliveryMode() == null || Text.isBlank(data.deliveryMode())) {
			v.require("deliveryMode", false, "required", "请选择通邮方式");
		}
		else {
			v.require("deliveryMode", mode != null, "dictionary", "通邮方式应为直接通邮、邮乐购站、村邮站、其他交接点之一");
		}
		Integer perWeek = data.deliveriesPerWeek();
		v.require("deliveriesPerWeek", perWeek != null, "required", "请填写每周投递频次");
		if (perWeek != null) {
			v.require("deliveriesPerWeek", perWeek >= 0 && perWeek <= MAX_DELIVERIES_PER_WEEK, "range",
					"每周投递频次应在0至" + MAX_DELIVERIES_PER_WEEK + "次之间");
			// 直接通邮 is mail delivered to the village: none a week contradicts it (attack 71 B3). A frequency below the
			// province's standard (rules catalogue universal.delivery.village, 邮政法(2015) art.19) is recorded as it is
			// and flagged 低于标准 on the list, never refused: the register must show a village served too rarely
			v.require("deliveriesPerWeek", mode != DeliveryMode.DIRECT || perWeek != 0, "direct-delivery",
					"通邮方式为直接通邮时每周投递频次应至少1次（每周不投递即未直接通邮）；低于本省标准的照实填写，列表标为低于标准");
		}
		String postOffice = Text.name(clean(data.postOfficeName()));
		Long facilityId = data.postOfficeFacilityId();
		if (facilityId != null && code != null && village.isPresent()) {
			// one of the post offices the form offers
			Optional<FacilityView> facility = postOffices(scope, code).stream()
				.filter(f -> f.id() == facilityId)
				.findFirst();
			v.require("postOfficeFacilityId", facility.isPresent(), "one-of", "服务邮政局所（设施编号" + facilityId
					+ "）不是可选的邮政普遍服务营业场所：请从本" + (scope.kind() == DataScope.Kind.ENTERPRISE ? "企业" : "辖区")
					+ "在该建制村所在城市登记的、未撤除的邮政营业场所中选择");
			if (facility.isPresent()) {
				postOffice = facility.get().name();
			}
		}
		// the form, the list and the export show a text stored before personal numbers were refused masked: sent back
		// so, unchanged, it keeps the stored text (not its masked form) and passes as stored
		Map<String, Object> stored = code == null || village.isEmpty() ? null : snapshot(code);
		String storedName = stored == null ? null : (String) stored.get("postOfficeName");
		String storedType = stored == null ? null : (String) stored.get("handoverType");
		String storedAddress = stored == null ? null : (String) stored.get("handoverAddress");
		postOffice = Masking.keptIfSentBackMasked(postOffice, storedName);
		String handoverType = Masking.keptIfSentBackMasked(Text.line(data.handoverType()), storedType);
		String handoverAddress = Masking.keptIfSentBackMasked(Text.line(data.handoverAddress()), storedAddress);
		v.maxLength("postOfficeName", "服务邮政局所", postOffice, 100)
			.name("postOfficeName", "服务邮政局所", postOffice)
			.line("handoverType", "交接点类型", handoverType, 50)
			.address("handoverAddress", "交接点地址", handoverAddress, 200);
		if (village.isPresent()) {
			// the handover point is where the village's mail is handed over: in the village's county, not another place
			regions.addressWithinFixed(v, "handoverAddress", "交接点地址", handoverAddress, village.get().code().substring(0, 6),
					"建制村所在县（区）");
		}
		// the profile is listed, exported and shown on the village's page: a contact's ID or mobile number typed into
		// a name or address would be shown to every reader (older profiles are shown masked, VillageView)
		PersonalNumbers.refuse(v, "postOfficeName", "服务邮政局所", postOffice, storedName);
		PersonalNumbers.refuse(v, "handoverType", "交接点类型", handoverType, storedType);
		PersonalNumbers.refuse(v, "handoverAddress", "交接点地址", handoverAddress, storedAddress);
		if (mode != null && mode != DeliveryMode.DIRECT) {
			v.require("handoverAddress", handoverAddress != null && !handoverAddress.isEmpty(), "required",
					"通邮方式为" + mode.label() + "时请填写交接点地址");
		}
		v.throwIfInvalid();
		return new Profile(code, mode, perWeek, facilityId, emptyToNull(postOffice), emptyToNull(handoverType),
				emptyToNull(handoverAddress), enterpriseCode, owner.isPresent());
	}

	/**
	 * The post offices a village's profile may name as its serving 局所, as the profile form offers them: the
	 * registered 邮政普遍服务营业场所, not removed, that the caller may read (a bureau its region's, an enterprise its
	 * own) in the village's city (邮政法(2015) art.15: the postal enterprise serves through its own offices), and the
	 * one the profile names already when it is not among them (a county keeps what its city chose).
	 * @param villageCode the 建制村's 12-digit code
	 * @return by region and name, the profile's own last when added
	 */
	public List<FacilityView> postOffices(DataScope scope, String villageCode) {
		String code = RegionCode.typed(villageCode);
		if (code == null || code.length() < 4 || !code.chars().allMatch(Character::isDigit)) {
			return List.of();
		}
		List<FacilityView> offices = new ArrayList<>(facilities.postOffices(scope, code.substring(0, 4)));
		Long saved = savedPostOffice(code);
		if (saved != null && offices.stream().noneMatch(f -> f.id() == saved)) {
			offices.addAll(facilities.readable(DataScope.all(), List.of(saved)).values());
		}
		return offices;
	}

	private Long savedPostOffice(String code) {
		return jdbc.sql("SELECT post_office_facility_id FROM village_profile WHERE village_code = :code"
				+ " AND post_office_facility_id IS NOT NULL")
			.param("code", code)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** A checked profile, ready to save ({@link #check}). */
	public record Profile(String villageCode, DeliveryMode mode, int deliveriesPerWeek, Long postOfficeFacilityId,
			String postOfficeName, String handoverType, String handoverAddress, String enterpriseCreditCode,
			boolean exists) {
	}

	/**
	 * Saves a village's profile (new or changed) and records the change in the audit trail with before and after.
	 * @throws AccessRefusedException (403, field villageCode) when an enterprise changes a profile another enterprise
	 *         keeps, or a village outside its city
	 * @throws DomainException not found (404) for a code that is no 建制村 (whoever asks), or a staff member's village
	 *         outside their region
	 * @throws InvalidValueException naming every field that fails ({@link #check})
	 */
	@Transactional
	public void saveProfile(DataScope scope, VillageProfileData data, boolean demo) {
		saveProfile(scope, data, demo, List.of());
	}

	/**
	 * Saves a village's profile as {@link #saveProfile(DataScope, VillageProfileData, boolean)} does, its checks
	 * continuing the failures of the form that read it ({@link #check(DataScope, VillageProfileData, List)}).
	 * @param earlier the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public void saveProfile(DataScope scope, VillageProfileData data, boolean demo, List<FieldError> earlier) {
		String code = RegionCode.typed(data.villageCode());
		if (code != null && code.matches(CODE_FORM)) {
			requireProfileStep(scope, code);
		}
		save(check(scope, data, earlier), demo);
	}

	/** A 建制村's code as the addresses of its steps write it: 12 ASCII digits. */
	public static final String CODE_FORM = "[0-9]{12}";

	/**
	 * Refuses the caller the profile of village {@code code} (12 digits), before any of the profile's values is read:
	 * what {@link #saveProfile} decides first, asked by the web shell before a profile form or body is read
	 * ({@link org.youguan.kernel.StepAccess}).
	 * @throws DomainException not found (404) for a code that is no 建制村 (whoever asks) or a staff member's village
	 *         outside their region
	 * @throws AccessRefusedException (403, field villageCode) for an enterprise's village another enterprise keeps, or
	 *         one outside its city that nobody keeps
	 */
	public void requireProfileStep(DataScope scope, String code) {
		// 403 says "it exists, but is not yours": a code that is no 建制村 is not found, for everyone (attack round 15:
		// an enterprise was told 403 for a village that does not exist)
		if (committee(new Validation(), code).isEmpty()) {
			throw DomainException.notFound("建制村", code);
		}
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			Optional<String> owner = owner(code);
			if (owner.isPresent() ? !owner.get().equals(scope.enterpriseCreditCode())
					: !inCityOf(scope.enterpriseCreditCode(), code)) {
				throw new AccessRefusedException("villageCode", "该建制村的通邮信息由其他邮政企业维护或不在本企业服务的城市，您只能维护本企业的建制村通邮信息");
			}
		}
		else if (!scope.containsRegion(code)) {
			throw DomainException.notFound("建制村", code);
		}
	}

	/** Writes checked profiles (the import's commit; each audited). */
	@Transactional
	public void save(List<Profile> profiles, boolean demo) {
		profiles.forEach(p -> save(p, demo));
	}

	private void save(Profile p, boolean demo) {
		Map<String, Object> before = snapshot(p.villageCode());
		jdbc.sql("""
				INSERT INTO village_profile (village_code, delivery_mode, deliveries_per_week, post_office_facility_id,
				    post_office_name, handover_type, handover_address, enterprise_credit_code, updated_at, updated_by, demo)
				VALUES (:code, :mode, :perWeek, :facility, :office, :type, :address, :enterprise, :at, :by, :demo)
				ON CONFLICT (village_code) DO UPDATE SET delivery_mode = EXCLUDED.delivery_mode,
				    deliveries_per_week = EXCLUDED.deliveries_per_week, post_office_facility_id = EXCLUDED.post_office_facility_id,
				    post_office_name = EXCLUDED.post_office_name, handover_type = EXCLUDED.handover_type,
				    handover_address = EXCLUDED.handover_address, enterprise_credit_code = EXCLUDED.enterprise_credit_code,
				    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.param("code", p.villageCode())
			.param("mode", p.mode().name())
			.param("perWeek", p.deliveriesPerWeek())
			.param("facility", p.postOfficeFacilityId())
			.param("office", p.postOfficeName())
			.param("type", p.handoverType())
			.param("address", p.handoverAddress())
			.param("enterprise", p.enterpriseCreditCode())
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actors.currentName())
			.param("demo", demo)
			.update();
		Map<String, Object> after = snapshot(p.villageCode());
		audit.record(AuditEntry.of(before == null ? "village.profile.create" : "village.profile.update", "VillageProfile",
				p.villageCode(), (before == null ? "登记" : "修改") + "建制村“" + regions.name(p.villageCode()) + "”通邮信息："
						+ p.mode().label() + "，每周投递" + p.deliveriesPerWeek() + "次")
			.states(before, after)
			.inRegion(p.villageCode()));
	}

	private Map<String, Object> snapshot(String code) {
		return jdbc.sql("""
				SELECT delivery_mode, deliveries_per_week, post_office_facility_id, post_office_name, handover_type,
				    handover_address, enterprise_credit_code FROM village_profile WHERE village_code = :code""")
			.param("code", code)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("deliveryMode", rs.getString("delivery_mode"));
				m.put("deliveriesPerWeek", rs.getInt("deliveries_per_week"));
				m.put("postOfficeFacilityId", rs.getObject("post_office_facility_id"));
				m.put("postOfficeName", rs.getString("post_office_name"));
				m.put("handoverType", rs.getString("handover_type"));
				m.put("handoverAddress", rs.getString("handover_address"));
				m.put("enterpriseCreditCode", rs.getString("enterprise_credit_code"));
				return m;
			})
			.optional()
			.orElse(null);
	}

	/**
	 * The postal enterprise serving a village, whose inspection a 通邮 check is (邮政法(2015) art.15: the postal
	 * enterprise provides the universal service): the enterprise operating the profile's serving post office when the
	 * profile names a registered one, else the postal enterprise keeping the profile; empty while the village has no
	 * profile (未登记).
	 * @return the enterprise's 统一社会信用代码
	 */
	public Optional<String> servingEnterprise(VillageView village) {
		if (village.postOfficeFacilityId() != null) {
			Optional<String> operator = facilities.readable(DataScope.all(), List.of(village.postOfficeFacilityId()))
				.values()
				.stream()
				.findFirst()
				.flatMap(f -> enterprises.find(DataScope.all(), f.enterpriseId()))
				.map(EnterpriseView::creditCode);
			if (operator.isPresent()) {
				return operator;
			}
		}
		return Optional.ofNullable(village.enterpriseCreditCode());
	}

	/** The credit code of the enterprise keeping the village's profile, if it has one. */
	Optional<String> owner(String code) {
		return jdbc.sql("SELECT enterprise_credit_code FROM village_profile WHERE village_code = :code")
			.param("code", code)
			.query(String.class)
			.optional();
	}

	/** Whether the village lies in the city (first four digits) where the enterprise is registered. */
	private boolean inCityOf(String creditCode, String villageCode) {
		return enterpriseCity(creditCode).map(villageCode::startsWith).orElse(false);
	}

	private Optional<String> enterpriseCity(String creditCode) {
		return enterprises.findByCreditCode(creditCode)
			.map(EnterpriseView::regionCode)
			.filter(r -> r != null && r.length() >= 4)
			.map(r -> r.substring(0, 4));
	}

	/** Staff by region; an enterprise its own profiles and the villages of its city nobody keeps yet. */
	private Listing scoped(Listing listing, DataScope scope) {
		if (scope.kind() != DataScope.Kind.ENTERPRISE) {
			return listing.scope(scope, "v.code");
		}
		String city = enterpriseCity(scope.enterpriseCreditCode()).orElse(null);
		String unkept = city == null ? "FALSE" : "(p.village_code IS NULL AND " + RegionPrefix.of(city).predicate("v.code") + ")";
		return listing.where("(p.enterprise_credit_code = :scopeEnterprise OR " + unkept + ")", scope.params());
	}

	private static String select(String minimum) {
		return """
				SELECT v.code, v.name, (SELECT s.name FROM region_name s WHERE s.code = v.parent_code) AS street_name,
				    substr(v.code, 1, 6) AS county_code,
				    (SELECT c.name FROM region_name c WHERE c.code = substr(v.code, 1, 6)) AS county_name,
				    p.delivery_mode, p.deliveries_per_week, p.post_office_facility_id, p.post_office_name, p.handover_type,
				    p.handover_address, p.enterprise_credit_code, lc.checked_on AS last_checked_on,
				    lc.standard_delivery AS last_check_standard,
				    COALESCE(p.deliveries_per_week < %s, FALSE) AS below_standard""".formatted(minimum);
	}

	/**
	 * The village standard as SQL for the rows of a list: one number when the list lies inside one province, else a
	 * CASE over the provinces (each province's value written in as digits, as {@link RegionPrefix} writes codes).
	 */
	private String minimumExpression(DataScope scope, String region) {
		String within = region != null && region.length() >= 2 ? region
				: scope.kind() == DataScope.Kind.REGION && scope.regionPrefix().length() >= 2 ? scope.regionPrefix()
				: scope.kind() == DataScope.Kind.ENTERPRISE ? enterpriseCity(scope.enterpriseCreditCode()).orElse("") : "";
		if (within.length() >= 2) {
			return Integer.toString(standards.villageMinimum(RegionPrefix.of(within).code()));
		}
		StringJoiner cases = new StringJoiner(" ", "CASE substr(v.code, 1, 2) ", " ELSE "
				+ standards.villageMinimum("0") + " END");
		for (Region province : regions.children("0")) {
			if (province.code().matches("\\d{2}")) {
				cases.add("WHEN '" + province.code() + "' THEN " + standards.villageMinimum(province.code()));
			}
		}
		return cases.toString();
	}

	/**
	 * The 建制村 a code names, checked on the field {@code villageCode}: required, 12 digits, a 村委会 of the region list.
	 * The code is read as every region code is, by the caller ({@link RegionCode#typed}: full-width digits, the spaces
	 * around it), so a code reads the same on the form, the API, an import and the village's own page.
	 * @return the village, or empty with the failure added to {@code v}
	 */
	Optional<Region> committee(Validation v, String code) {
		if (code == null || code.isEmpty()) {
			v.require("villageCode", false, "required", "请填写建制村代码（村委会的12位行政区划代码）");
			return Optional.empty();
		}
		if (!code.matches("\\d{12}")) {
			v.require("villageCode", false, "format", Wording.of("universal.invalid.villageCode", code), "建制村代码应为12位数字：" + code);
			return Optional.empty();
		}
		Optional<Region> village = regions.find(code).filter(r -> r.name().contains("村委会") && r.code().length() == 12);
		v.require("villageCode", village.isPresent(), "exists", "建制村代码不是行政区划中的村委会：" + code);
		return village;
	}

	/**
	 * Inspectors as people list them in one box or cell — separated by 、 , ， ; ； or a line break, never a space ("王 普服"
	 * is one inspector: {@link Text#personNames}); the team is then counted by {@link PersonNames#key}. Empty for null.
	 */
	public static List<String> names(String text) {
		return Text.personNames(text);
	}

	/** The text without the spaces around it; null when blank. */
	static String clean(String s) {
		return s == null ? null : Text.blankToNull(s.replace('\u3000', ' '));
	}

	private static String emptyToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

}
