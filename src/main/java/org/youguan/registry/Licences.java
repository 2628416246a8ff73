package org.youguan.registry;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauLevel;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.region.Regions;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.registry.internal.RegistrySettings;
import org.youguan.registry.internal.enterprises.Enterprise;
import org.youguan.registry.internal.licences.ExpressLicence;
import org.youguan.registry.internal.licences.ExpressLicenceRepository;

/**
 * Express licences as records: issued through licensing ({@link LicenceGranted}), or entered and imported from a
 * bureau's licence book by its issuing authority ({@link IssuingAuthority}: the provincial bureau for 同城 and 省内,
 * 国家邮政局 for 跨省 and 国际 — 邮政法(2015) art.53), who alone corrects, cancels (注销) or revokes (吊销) one. Status is
 * derived: 已注销 / 已吊销 by event, 已过期 after the expiry date, 有效 otherwise.
 */
@Service
public class Licences {

	public record Filter(LicenceStatus status, LicenceScope scope, Long enterpriseId) {

		public static final Filter NONE = new Filter(null, null, null);
	}

	/** The orders a list may ask for: request name → column. */
	static final Map<String, String> SORTS = Map.of("number", "l.number", "issued_on", "l.issued_on", "expires_on",
			"l.expires_on");

	/**
	 * The first day of a licence's current term in SQL ({@link ExpressLicence#termStarts} with
	 * {@link ExpressLicence#TERM_YEARS}): the day after its expiry, the term earlier, or its day of issue when later.
	 */
	private static final String TERM_STARTS_SQL = "GREATEST(l.issued_on, (l.expires_on + 1 - interval '"
			+ ExpressLicence.TERM_YEARS + " years')::date)";

	/**
	 * Whether an active licence is in force on {@code :day} past or up to its expiry: to its last valid day, or after it
	 * while a renewal accepted in its current term, on or before that day, is undecided (视为准予延续, 行政许可法(2019)
	 * art.50; {@link RenewalAccepted}) — an acceptance dated before the term began renewed an earlier one
	 * ({@link ExpressLicence#status}).
	 */
	private static final String IN_FORCE_SQL = "(l.expires_on >= %1$s OR l.renewal_accepted_on <= l.expires_on AND l.renewal_accepted_on >= "
			+ TERM_STARTS_SQL + ")";

	/** The status rule of {@link ExpressLicence#status} in SQL, with :today bound. */
	static final String STATUS_SQL = "CASE l.state WHEN 'CANCELLED' THEN 'CANCELLED' WHEN 'REVOKED' THEN 'REVOKED' "
			+ "ELSE CASE WHEN " + IN_FORCE_SQL.formatted(":today") + " THEN 'VALID' ELSE 'EXPIRED' END END";

	private static final String COLUMNS = "SELECT l.id, l.number, l.enterprise_id, e.legal_name AS enterprise_name, "
			+ "e.credit_code, l.scope, l.issuing_bureau_name, l.issued_on, l.expires_on, " + STATUS_SQL
			+ " AS status, l.state_reason, l.region_code, l.issuing_region_code";

	private static final String FROM = "FROM express_licence l JOIN enterprise e ON e.id = l.enterprise_id";

	private static final String SELECT = COLUMNS + " " + FROM;

	private final ExpressLicenceRepository licences;

	private final Enterprises enterprises;

	private final Bureaus bureaus;

	private final Regions regions;

	private final RegistrySettings settings;

	private final StatutoryRules rules;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ObjectProvider<PenaltyDecisionRegister> decisions;

	private final ObjectProvider<PendingLicenceGrants> pendingGrants;

	private final ApplicationEventPublisher events;

	Licences(ExpressLicenceRepository licences, Enterprises enterprises, Bureaus bureaus, Regions regions,
			RegistrySettings settings, StatutoryRules rules, JdbcClient jdbc, AuditTrail audit, Clock clock,
			ObjectProvider<PenaltyDecisionRegister> decisions, ObjectProvider<PendingLicenceGrants> pendingGrants,
			ApplicationEventPublisher events) {
		this.decisions = decisions;
		this.pendingGrants = pendingGrants;
		this.events = events;
		this.licences = licences;
		this.enterprises = enterprises;
		this.bureaus = bureaus;
		this.regions = regions;
		this.settings = settings;
		this.rules = rules;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A page of licences in the caller's scope, searched by number, enterprise name or exact credit code, filtered by
	 * derived status, scope and enterprise.
	 */
	public PageResult<LicenceView> list(DataScope scope, Filter filter, PageQuery page) {
		return Listing.from(FROM)
			.scope(scope, "e.credit_code", "l.region_code")
			.bind("today", LocalDate.now(clock))
			.search(page, "e.credit_code = :code", Map.of("code", page.identifier().toUpperCase()), "l.number",
					"e.legal_name", "e.credit_code")
			.where(filter.status() != null, STATUS_SQL + " = :status", "status", filter.status() == null ? "" : filter.status().name())
			.where(filter.scope() != null, "l.scope = :licenceScope", "licenceScope", filter.scope() == null ? "" : filter.scope().name())
			.where(filter.enterpriseId() != null, "l.enterprise_id = :enterprise", "enterprise",
					filter.enterpriseId() == null ? 0L : filter.enterpriseId())
			.sorts(SORTS, "expires_on", "l.id")
			.page(jdbc, COLUMNS, page, Rows.of(LicenceView.class));
	}

	public LicenceView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE l.id = :id AND " + scope.enterprisePredicate("e.credit_code", "l.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("today", LocalDate.now(clock))
			.query(Rows.of(LicenceView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("许可证", id));
	}

	/**
	 * The licences among {@code ids} the caller may read, by id, in one query (the audit trail titles a listed page
	 * with it); ids out of the caller's scope or unknown are left out.
	 */
	public Map<Long, LicenceView> readable(DataScope scope, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " WHERE l.id IN (:ids) AND " + scope.enterprisePredicate("e.credit_code", "l.region_code"))
			.params(scope.params())
			.param("ids", ids)
			.param("today", LocalDate.now(clock))
			.query(Rows.of(LicenceView.class))
			.list()
			.stream()
			.collect(Collectors.toMap(LicenceView::id, Function.identity()));
	}

	/** A licence number as typed, written as the registry stores it ({@link Text#identifier}); "" for none. */
	private static String typed(String number) {
		String n = Text.identifier(number);
		return n == null ? "" : n;
	}

	/**
	 * The names the issuing authority of a licence of {@code scope} held in {@code holderRegion} goes by, the first the
	 * one a refusal names: the bureau of that region as the organisation register names it, and the
	 * statutory name ("国家邮政局", "江苏省邮政管理局") — as licensing names the issuer of the licences it grants.
	 */
	private List<String> issuerNames(LicenceScope scope, String holderRegion) {
		String region = IssuingAuthority.of(scope).bureauRegion(holderRegion);
		String statutory = "0".equals(region) ? IssuingAuthority.NATIONAL.label() : regions.fullName(region) + "邮政管理局";
		return bureaus.findByRegion(region).map(BureauView::name).filter(n -> !n.equals(statutory))
			.map(n -> List.of(n, statutory)).orElse(List.of(statutory));
	}

	/**
	 * The last day of validity of an express licence whose term starts on {@code startsOn} (its issue day, or for a
	 * renewal the day after the previous term ends), held in {@code holderRegion}: {@link #lastValidDay(LocalDate, int)}
	 * with the statutory validity the rule catalogue gives there ({@link StatutoryRule#LICENCE_VALIDITY}, 5 years,
	 * 快递业务经营许可管理办法(2019)).
	 * @param startsOn the first day of the term
	 * @param holderRegion the holder's region, whose value of the rule applies
	 * @return the last day the licence is in force
	 */
	public LocalDate lastValidDay(LocalDate startsOn, String holderRegion) {
		return lastValidDay(startsOn, rules.intValue(StatutoryRule.LICENCE_VALIDITY, holderRegion));
	}

	/**
	 * The last day of validity of an express licence whose term of {@code validityYears} years starts on
	 * {@code startsOn}: the day before the anniversary (issued 2026-03-01 for 5 years: valid until 2031-02-28; issued on
	 * 29 February: the anniversary is 28 February, so the 27th). The one computation of a licence's term — the registry
	 * recording a licence and judging a typed expiry, and licensing granting or renewing one, all count with it.
	 * @param startsOn the first day of the term
	 * @param validityYears the validity in years, as the catalogue gives it ({@link StatutoryRule#LICENCE_VALIDITY})
	 * @return the last day the licence is in force
	 */
	public static LocalDate lastValidDay(LocalDate startsOn, int validityYears) {
		return startsOn.plusYears(validityYears).minusDays(1);
	}

	/**
	 * Whether {@code by} may correct licence {@code l} (the page's 更正 button): its issuing authority, or a system
	 * administrator (邮政法(2015) art.53); a cancelled or revoked licence by nobody.
	 */
	public boolean mayCorrect(Registrar by, LicenceView l) {
		return by.records(l.scope(), l.regionCode()) && !ended(l);
	}

	/**
	 * Whether licence {@code l} has ended (cancelled or revoked), so that the licensing decision {@code decisionNumber} of
	 * application {@code applicationId} is not applied to it; if so, publishes {@link LicenceDecisionNotApplied} for
	 * licensing to record that the decision never took effect.
	 */
	private boolean ended(LicenceView l, long applicationId, String decisionNumber) {
		if (!ended(l)) {
			return false;
		}
		events.publishEvent(new LicenceDecisionNotApplied(applicationId, l.number(), decisionNumber, l.status(), l.stateReason()));
		return true;
	}

	private static boolean ended(LicenceView l) {
		return l.status() == LicenceStatus.CANCELLED || l.status() == LicenceStatus.REVOKED;
	}

	/**
	 * Whether {@code by} may cancel (注销) or revoke (吊销) licence {@code l} (the page's buttons): its issuing authority
	 * only (行政许可法(2019) art.70, 行政处罚法(2021) art.9, 邮政法(2015) art.53).
	 */
	public boolean mayEnd(Registrar by, LicenceView l) {
		return mayEnd(by, l.scope(), l.regionCode());
	}

	/**
	 * The one rule of who ends a licence of {@code scope} held in {@code holderRegion}: its issuing authority
	 * ({@link IssuingAuthority}: the provincial bureau whose province holds it for 同城 and 省内, 国家邮政局 for 跨省 and
	 * 国际), whatever path the 注销 or 吊销 takes — the registry's page, licensing's 注销 ({@link #requireMayCancel}).
	 */
	private static boolean mayEnd(Registrar by, LicenceScope scope, String holderRegion) {
		return by.issues(scope, holderRegion);
	}

	/**
	 * Refuses a 注销 of licence {@code l} by {@code by} unless it is the licence's issuing authority ({@link #mayEnd}):
	 * the check and the refusal of the registry's own 注销 ({@link #cancel}), for a module that cancels a licence by its
	 * own procedure (licensing's 注销许可证), so that the authority and the answer are the same on every path.
	 * @throws AccessRefusedException (403) naming who cancels a licence of that scope and why {@code by} may not
	 */
	public void requireMayCancel(Registrar by, LicenceView l) {
		requireCanceller(by, l.scope(), l.regionCode());
	}

	private static void requireCanceller(Registrar by, LicenceScope scope, String holderRegion) {
		if (!mayEnd(by, scope, holderRegion)) {
			throw new AccessRefusedException(null, Wording.of("registry.refusal.cancelByIssuer", IssuingAuthority.whoFor(scope), IssuingAuthority.BASIS, by.described()),
					IssuingAuthority.whoFor(scope) + "注销（" + Provision.LICENSING_CANCELLATION + "，" + IssuingAuthority.BASIS
					+ "）；" + by.described() + "不能注销");
		}
	}

	/**
	 * Whether the bureau deciding in {@code deciderRegion} may impose 吊销许可证 on enterprise {@code creditCode} as a
	 * penalty: only the authority that issued its licence revokes it (行政许可法(2019) art.70(四) with 行政处罚法(2021)
	 * art.9; 邮政法(2015) art.53 — {@link IssuingAuthority} of the licence's scope for the holder's region, as
	 * {@link #mayEnd} and {@link #revoke} apply it). The licence judged is the enterprise's licence in force, else the one
	 * issued to it last (a past decision imported after the licence ended); where the registry holds none of it, any
	 * bureau of an issuing level (a provincial bureau or 国家邮政局) may, a city or county bureau never. The one statement
	 * of the rule for a penalty decided (enforcement) and carried out ({@link #revokedBy}).
	 * @param deciderRegion the deciding bureau's region, or a region it handles ({@link #decidingBureau}); "" or
	 *        {@code 0} for 国家邮政局
	 * @param creditCode the penalised enterprise's 统一社会信用代码
	 * @return empty when that bureau may revoke; otherwise why not, to head a refusal: "省内快递业务经营许可证（苏邮000137）由
	 *         省邮政管理局颁发，办案机关（市局）不是发证机关"
	 */
	public Optional<String> revocationRefused(String deciderRegion, String creditCode) {
		Registrar decider = decidingBureau(deciderRegion);
		Optional<LicenceView> licence = enterprises.findByCreditCode(creditCode).flatMap(e -> jdbc.sql(SELECT
				+ " WHERE l.enterprise_id = :enterprise ORDER BY (" + STATUS_SQL + " = 'VALID') DESC, l.issued_on DESC, l.id DESC LIMIT 1")
			.param("enterprise", e.id())
			.param("today", LocalDate.now(clock))
			.query(Rows.of(LicenceView.class))
			.optional());
		String notIssuer = "，办案机关（" + decider.level().label() + "）不是发证机关";
		if (licence.isEmpty()) {
			return decider.issuingLevel() ? Optional.empty() : Optional.of("快递业务经营许可证由" + IssuingAuthority.PROVINCE.label() + "或"
					+ IssuingAuthority.NATIONAL.label() + "颁发" + notIssuer);
		}
		LicenceView l = licence.get();
		return revokedBy(deciderRegion, l) ? Optional.empty() : Optional.of(l.scope().label() + "快递业务经营许可证（" + l.number()
				+ "）由" + IssuingAuthority.of(l.scope()).label() + "颁发" + notIssuer);
	}

	/**
	 * Whether a penalty decision of the bureau deciding in {@code deciderRegion} ({@link #decidingBureau}) revokes
	 * licence {@code l}: that bureau is its issuing authority ({@link Registrar#issues}; 行政许可法(2019) art.70(四),
	 * 邮政法(2015) art.53).
	 */
	public boolean revokedBy(String deciderRegion, LicenceView l) {
		return decidingBureau(deciderRegion).issues(l.scope(), l.regionCode());
	}

	/**
	 * The bureau that decides for {@code region} as a registrar: the bureau on the platform whose region is the longest
	 * prefix of it (a case's handling bureau), or, where the organisation register holds none, a bureau of the level the
	 * code's length names ({@link BureauLevel#regionCodeLength}); "" or {@code 0} is 国家邮政局.
	 */
	private Registrar decidingBureau(String region) {
		String r = region == null || Text.isBlank(region) ? "0" : Text.strip(region);
		return bureaus.nearest(r).map(b -> Registrar.bureau(b.level(), b.regionCode()))
			.orElseGet(() -> Registrar.bureau(Arrays.stream(BureauLevel.values())
				.filter(level -> r.length() <= level.regionCodeLength()).findFirst().orElse(BureauLevel.COUNTY), r));
	}

	/**
	 * Refuses a registrar who registers no licence of any scope (a city or county bureau; 403).
	 * @throws AccessRefusedException unless a provincial bureau, 国家邮政局 or the installation's administrator ({@link Registrar})
	 */
	public static void requireRecorder(Registrar by) {
		if (!by.recordsAny()) {
			throw new AccessRefusedException(null, Wording.of("registry.refusal.licenceByIssuer", IssuingAuthority.PROVINCE, IssuingAuthority.NATIONAL, IssuingAuthority.BASIS, by.described()),
					"快递业务经营许可证由" + IssuingAuthority.PROVINCE.label() + "或"
					+ IssuingAuthority.NATIONAL.label() + "颁发（" + IssuingAuthority.BASIS + "），在企业名录中由发证机关登记、更正；"
					+ by.described() + "可以查看，不能登记或更正许可证");
		}
	}

	/**
	 * A licence in scope by its number as typed, read as {@link Text#identifier} writes it (full-width digits, other
	 * dashes, an automatic number's missing padding), the form the registry stores it in.
	 */
	public Optional<LicenceView> findByNumber(DataScope scope, String number) {
		return jdbc.sql(SELECT + " WHERE l.number = :number AND " + scope.enterprisePredicate("e.credit_code", "l.region_code"))
			.params(scope.params())
			.param("number", typed(number))
			.param("today", LocalDate.now(clock))
			.query(Rows.of(LicenceView.class))
			.optional();
	}

	/**
	 * Waits for and holds the row lock of the licence numbered {@code number} (if any) until the transaction ends: an event
	 * handler that reads the licence's status and then writes it by plain SQL (no {@code version} check) takes it first,
	 * so a revocation or cancellation committed meanwhile is the status it reads, not one it overwrites.
	 */
	private void lockByNumber(String number) {
		jdbc.sql("SELECT id FROM express_licence WHERE number = :number FOR UPDATE").param("number", typed(number))
			.query(Long.class).list();
	}

	/**
	 * The licence, of any holder and status, whose number is {@code number} or a look-alike of it
	 * ({@link Text#identifierKey}: letter case, spaces, dashes and underscores folded — "苏邮 000322" is "苏邮000322"):
	 * for a module that must not record one enterprise's licence number under another.
	 */
	public Optional<LicenceView> findLookAlike(String number) {
		String key = Text.identifierKey(typed(number));
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " WHERE " + Text.identifierKeySql("l.number") + " = :key ORDER BY l.id LIMIT 1")
			.param("key", key)
			.param("today", LocalDate.now(clock))
			.query(Rows.of(LicenceView.class))
			.optional();
	}

	/**
	 * Records a licence issued by a bureau, entered by its issuing authority or the installation's administrator (邮政法(2015)
	 * art.53). Without an expiry date it runs for the statutory validity ({@link StatutoryRule#LICENCE_VALIDITY}, 5
	 * years) from issue, ending the day before the anniversary; a longer one, an issuer other than the scope's, or a
	 * second licence in force of the holder is refused ({@link #check}) — a licence granted to it on the platform whose
	 * {@link LicenceGranted} the registry has not recorded yet included ({@link PendingLicenceGrants}); the holder's lock
	 * ({@link OneLicence#hold}), which the grant's recording and the licensing approval take too, orders the two.
	 * @throws AccessRefusedException (403) for a city or county bureau
	 * @throws org.youguan.kernel.InvalidValueException (400) the field errors; {@link DomainException} 409 for a second
	 *         licence in force alone
	 */
	@Transactional
	public long record(DataScope scope, Registrar by, LicenceData data, boolean demo) {
		requireRecorder(by);
		Enterprise enterprise = enterprises.load(scope, data.enterpriseId());
		OneLicence.hold(jdbc, enterprise.creditCode());
		LicenceData clean = validate(data, null, enterprise.regionCode(), by);
		ExpressLicence l = licences.save(ExpressLicence.record(clean, enterprise.regionCode(), demo, clock.instant()));
		audit.record(AuditEntry.of("licence.record", "ExpressLicence", l.id(),
				"登记许可证" + l.number() + "（" + enterprise.legalName() + "）").states(null, l.snapshot()).inRegion(l.regionCode()));
		return l.id();
	}

	/**
	 * Records the licence a licensing decision granted ({@link LicenceGranted}), registering the holder first when the
	 * registry does not know its credit code. Idempotent: a licence number already recorded is left as it is (a
	 * repeated delivery of the event). The number is stored as {@link Text#identifier} writes it, as every number the
	 * registry records and looks up (a past application's number was typed). Holds the holder's lock first
	 * ({@link OneLicence#hold}): a licence recorded by hand at the same moment waits for this one and is then refused as a
	 * second licence in force, rather than passing its check before this one is written.
	 * @return the licence's id
	 */
	@Transactional
	public long issue(LicenceGranted granted) {
		OneLicence.hold(jdbc, granted.applicant().creditCode());
		String number = typed(granted.licenceNumber());
		Optional<ExpressLicence> existing = licences.findByNumber(number);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		EnterpriseData applicant = granted.applicant();
		long enterpriseId = enterprises.findByCreditCode(applicant.creditCode())
			.map(EnterpriseView::id)
			.orElseGet(() -> enterprises.register(DataScope.all(), applicant, granted.demo()));
		Enterprise enterprise = enterprises.load(DataScope.all(), enterpriseId);
		LicenceData data = new LicenceData(enterpriseId, number, granted.scope(),
				granted.issuingBureauName(), granted.issuingRegionCode(), granted.issuedOn(), granted.expiresOn());
		ExpressLicence l = licences.save(ExpressLicence.record(data, enterprise.regionCode(), granted.demo(), clock.instant()));
		if (granted.terms() != null) {
			writeTerms(l.id(), granted.terms());
		}
		audit.record(AuditEntry.of("licence.issue", "ExpressLicence", l.id(), "颁发许可证" + l.number() + "（" + enterprise.legalName()
				+ "，许可申请" + granted.applicationId() + "准予许可）").states(null, l.snapshot()).inRegion(l.regionCode()));
		return l.id();
	}

	/**
	 * The licences in the caller's scope that were in force on {@code day}: issued on or before it, expiring on or after
	 * it, and neither cancelled nor revoked (the holders who owe that year's 年度报告), by holder name.
	 */
	public List<LicenceView> inForceOn(DataScope scope, LocalDate day) {
		return jdbc.sql(SELECT + " WHERE l.state = 'ACTIVE' AND l.issued_on <= :day AND " + IN_FORCE_SQL.formatted(":day") + " AND "
				+ scope.enterprisePredicate("e.credit_code", "l.region_code") + " ORDER BY e.legal_name, l.id")
			.params(scope.params())
			.param("day", day)
			.param("today", LocalDate.now(clock))
			.query(Rows.of(LicenceView.class))
			.list();
	}

	/**
	 * The terms recorded on licence {@code number} (registered capital, service area, branches), if the licence exists.
	 */
	public Optional<LicenceTerms> terms(String number) {
		return jdbc.sql("SELECT registered_capital, service_area, licensed_branches FROM express_licence WHERE number = :n")
			.param("n", typed(number))
			.query((rs, i) -> new LicenceTerms(rs.getBigDecimal(1), rs.getString(2), lines(rs.getString(3))))
			.optional();
	}

	private static List<String> lines(String text) {
		return text == null || Text.isBlank(text) ? List.of() : List.of(text.split("\n"));
	}

	private void writeTerms(long id, LicenceTerms t) {
		jdbc.sql("""
				UPDATE express_licence SET registered_capital = :capital, service_area = :area, licensed_branches = :branches,
				    version = version + 1 WHERE id = :id""")
			.param("capital", t.registeredCapital())
			.param("area", t.serviceArea())
			.param("branches", t.branches() == null || t.branches().isEmpty() ? null : String.join("\n", t.branches()))
			.param("id", id)
			.update();
	}

	/** The licence's fields an approved change may touch, for the audit's before and after states. */
	private Map<String, Object> changeSnapshot(long id) {
		return jdbc.sql("""
				SELECT l.number, e.legal_name, e.legal_representative, e.address, l.region_code, l.registered_capital, l.scope,
				       l.issuing_bureau_name,
				       l.service_area, l.licensed_branches, l.issued_on, l.expires_on
				FROM express_licence l JOIN enterprise e ON e.id = l.enterprise_id WHERE l.id = :id""")
			.param("id", id)
			.query((rs, i) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("number", rs.getString("number"));
				m.put("legalName", rs.getString("legal_name"));
				m.put("legalRepresentative", rs.getString("legal_representative"));
				m.put("address", rs.getString("address"));
				m.put("regionCode", rs.getString("region_code"));
				m.put("registeredCapital", rs.getBigDecimal("registered_capital") == null ? null
						: rs.getBigDecimal("registered_capital").toPlainString());
				m.put("scope", rs.getString("scope"));
				m.put("issuingBureauName", rs.getString("issuing_bureau_name"));
				m.put("serviceArea", rs.getString("service_area"));
				m.put("branches", rs.getString("licensed_branches"));
				m.put("issuedOn", rs.getObject("issued_on", LocalDate.class).toString());
				m.put("expiresOn", rs.getObject("expires_on", LocalDate.class).toString());
				return m;
			})
			.single();
	}

	/**
	 * Applies an approved licence change ({@link LicenceChanged}) to the licence in force: its scope (a scope of the other
	 * level with that level's authority as the issuer, {@link IssuingAuthority}), registered capital, service area,
	 * branches and premises (its region: {@link #moveLicence}), and the holder's name and legal representative (null
	 * items stay) — every item the decision and its certificate print — audited before →
	 * after with the decision as the basis. A licence unknown is left as it is; one no longer active (revoked or cancelled
	 * before the decision was heard) too, and licensing is told the decision never took effect
	 * ({@link LicenceDecisionNotApplied}); a repeated delivery finds nothing to change and records nothing.
	 */
	@Transactional
	public void applyChange(LicenceChanged changed) {
		lockByNumber(changed.licenceNumber());
		Optional<LicenceView> found = findByNumber(DataScope.all(), changed.licenceNumber());
		if (found.isEmpty() || ended(found.get(), changed.applicationId(), changed.decisionNumber())) {
			return;
		}
		LicenceView l = found.get();
		Map<String, Object> before = changeSnapshot(l.id());
		String basis = "许可变更决定" + (changed.decisionNumber() == null ? "" : changed.decisionNumber());
		if (changed.legalName() != null || changed.legalRepresentative() != null) {
			enterprises.changeByLicensing(l.enterpriseId(), changed.legalName(), changed.legalRepresentative(), basis);
		}
		LicenceTerms t = terms(l.number()).orElseThrow();
		writeTerms(l.id(), new LicenceTerms(
				changed.registeredCapital() != null ? changed.registeredCapital() : t.registeredCapital(),
				changed.serviceArea() != null ? changed.serviceArea() : t.serviceArea(),
				changed.branches() != null ? changed.branches() : t.branches()));
		if (changed.scope() != null) {
			// a scope of the other level is the other authority's licence from now on (邮政法(2015) art.53): who corrects,
			// cancels and revokes it, and what the public verification names as its issuer
			// the holder's region from now on: a move decided with the scope takes the licence to the new county's issuer
			String region = changed.regionCode() != null ? changed.regionCode() : l.regionCode();
			IssuingAuthority authority = IssuingAuthority.of(changed.scope());
			boolean otherLevel = authority != IssuingAuthority.of(l.scope());
			jdbc.sql("""
					UPDATE express_licence SET scope = :scope, issuing_region_code = :issuerRegion,
					    issuing_bureau_name = :issuer WHERE id = :id""")
				.param("scope", changed.scope().name())
				.param("issuerRegion", otherLevel ? authority.bureauRegion(region) : l.issuingRegionCode())
				.param("issuer", otherLevel ? issuerNames(changed.scope(), region).get(0) : l.issuingBureauName())
				.param("id", l.id()).update();
		}
		if (changed.regionCode() != null) {
			// read again: a scope changed above decides who issues the licence in the new county
			moveLicence(findByNumber(DataScope.all(), l.number()).orElseThrow(), changed.premisesAddress(), changed.regionCode(),
					basis);
		}
		Map<String, Object> after = changeSnapshot(l.id());
		if (after.equals(before)) {
			return;
		}
		String items = after.keySet().stream().filter(k -> !Objects.equals(before.get(k), after.get(k)))
			.map(k -> CHANGE_ITEMS.getOrDefault(k, k)).distinct().collect(Collectors.joining("、"));
		// recorded in the licence's region as it now stands: a move is seen by the new county's bureaus
		audit.record(AuditEntry.of("licence.change", "ExpressLicence", l.id(), "按" + basis + "变更许可证" + l.number() + "（许可申请"
				+ changed.applicationId() + "）：" + items).states(before, after).inRegion(String.valueOf(after.get("regionCode"))));
	}

	/** The names of the items of {@link #changeSnapshot}, as the audit of a change lists those it changed. */
	private static final Map<String, String> CHANGE_ITEMS = Map.ofEntries(Map.entry("legalName", "企业名称"),
			Map.entry("legalRepresentative", "法定代表人"), Map.entry("address", "经营场所"), Map.entry("regionCode", "经营场所"),
			Map.entry("registeredCapital", "注册资本"), Map.entry("scope", "业务范围"), Map.entry("issuingBureauName", "发证机关"),
			Map.entry("serviceArea", "服务地域"), Map.entry("branches", "分支机构"));

	/**
	 * Moves licence {@code l} to premises {@code address} in county {@code region} (an approved change of the 经营场所):
	 * the licence's region becomes the new county — so the bureaus there supervise it and the old county's no longer
	 * see it — and, moved to another province, a provincially issued licence has that province's bureau as its issuer
	 * (邮政法(2015) art.53: the bureau that approved the move). The holder's address and county follow
	 * ({@link Enterprises#moveByLicensing}, audited there; its accounts follow its region). Nothing else of the licence
	 * changes; the caller audits the licence before → after.
	 */
	private void moveLicence(LicenceView l, String address, String region, String basis) {
		IssuingAuthority authority = IssuingAuthority.of(l.scope());
		String issuerRegion = authority.bureauRegion(region);
		boolean otherIssuer = !issuerRegion.equals(l.issuingRegionCode());
		jdbc.sql("""
				UPDATE express_licence SET region_code = :region, issuing_region_code = :issuerRegion,
				    issuing_bureau_name = :issuer, version = version + 1 WHERE id = :id""")
			.param("region", region)
			.param("issuerRegion", otherIssuer ? issuerRegion : l.issuingRegionCode())
			.param("issuer", otherIssuer ? issuerNames(l.scope(), region).get(0) : l.issuingBureauName())
			.param("id", l.id())
			.update();
		enterprises.moveByLicensing(l.enterpriseId(), address, region, basis);
	}

	/**
	 * Extends the licence in force to the renewed expiry ({@link LicenceRenewed}), audited before → after; no new
	 * licence is recorded. A licence unknown, or already running as long, is left as it is; one no longer active (revoked
	 * or cancelled before the renewal was heard) too — an ended licence is not renewed — and licensing is told that its
	 * 准予延续 never took effect ({@link LicenceDecisionNotApplied}).
	 */
	@Transactional
	public void renew(LicenceRenewed renewed) {
		lockByNumber(renewed.licenceNumber());
		Optional<LicenceView> found = findByNumber(DataScope.all(), renewed.licenceNumber());
		if (found.isEmpty() || ended(found.get(), renewed.applicationId(), renewed.decisionNumber())
				|| !renewed.expiresOn().isAfter(found.get().expiresOn())) {
			return;
		}
		LicenceView l = found.get();
		Map<String, Object> before = changeSnapshot(l.id());
		// the row is locked and read ACTIVE above; the guard keeps a licence ended meanwhile as it ended all the same
		int extended = jdbc.sql("""
				UPDATE express_licence SET expires_on = :until, renewal_accepted_on = NULL, version = version + 1
				WHERE id = :id AND state = 'ACTIVE'""")
			.param("until", renewed.expiresOn()).param("id", l.id()).update();
		if (extended == 0) {
			return;
		}
		audit.record(AuditEntry.of("licence.renew", "ExpressLicence", l.id(), "按许可延续决定" + renewed.decisionNumber() + "延续许可证"
				+ l.number() + "有效期至" + ChineseText.day(renewed.expiresOn()) + "（原至" + ChineseText.day(l.expiresOn()) + "）")
			.states(before, changeSnapshot(l.id())).inRegion(l.regionCode()));
	}

	/**
	 * Records that a renewal of the licence was accepted on {@link RenewalAccepted#acceptedOn} ({@code renewal_accepted_on}):
	 * past its expiry the licence reads 有效 while that renewal is undecided, if it was accepted on or before the last valid
	 * day (视为准予延续, 行政许可法(2019) art.50). Audited when it changes what is recorded; a licence unknown, cancelled or
	 * revoked, or a repeated delivery, is left as it is. An acceptance belongs to the term it was accepted in: one
	 * accepted before the licence's current term began (its expiry less the statutory validity,
	 * {@link StatutoryRule#LICENCE_VALIDITY}, or its day of issue when later: {@link #termStarted}) renewed an earlier term — a late or repeated delivery after
	 * {@link LicenceRenewed} — and is ignored, else it would keep the licence 有效 past its next expiry for ever.
	 */
	@Transactional
	public void renewalAccepted(RenewalAccepted accepted) {
		findByNumber(DataScope.all(), accepted.licenceNumber()).ifPresent(l -> {
			if (accepted.acceptedOn().isBefore(termStarted(l.issuedOn(), l.expiresOn(), l.regionCode()))) {
				return;
			}
			// the expiry read is the one judged: a renewal recorded meanwhile leaves the acceptance out
			int changed = jdbc.sql("""
					UPDATE express_licence SET renewal_accepted_on = :on, version = version + 1
					WHERE id = :id AND state = 'ACTIVE' AND expires_on = :expires AND renewal_accepted_on IS DISTINCT FROM :on""")
				.param("on", accepted.acceptedOn()).param("id", l.id()).param("expires", l.expiresOn()).update();
			if (changed > 0) {
				audit.record(AuditEntry.of("licence.renewal-accepted", "ExpressLicence", l.id(), "许可证" + l.number()
						+ "的延续申请已于" + ChineseText.day(accepted.acceptedOn()) + "受理（有效期至" + ChineseText.day(l.expiresOn()) + "）"
						+ (accepted.acceptedOn().isAfter(l.expiresOn()) ? "" : "；届满前未作出决定的，视为准予延续（"
								+ StatutoryRule.LICENCE_RENEWAL_DECISION.basis() + "）"))
					.inRegion(l.regionCode()));
			}
		});
	}

	/**
	 * The first day of the current term of a licence issued on {@code issuedOn}, valid until {@code expiresOn}, held in
	 * {@code holderRegion} ({@link ExpressLicence#termStarts} with the statutory validity there,
	 * {@link StatutoryRule#LICENCE_VALIDITY}; the inverse of {@link #lastValidDay(LocalDate, int)}).
	 */
	private LocalDate termStarted(LocalDate issuedOn, LocalDate expiresOn, String holderRegion) {
		return ExpressLicence.termStarts(issuedOn, expiresOn, rules.intValue(StatutoryRule.LICENCE_VALIDITY, holderRegion));
	}

	/**
	 * Records that the renewal of the licence was refused ({@link RenewalRefused}): no renewal keeps it in force past its
	 * expiry any more. Audited when it changes what is recorded; otherwise nothing changes.
	 */
	@Transactional
	public void renewalRefused(RenewalRefused refused) {
		findByNumber(DataScope.all(), refused.licenceNumber()).ifPresent(l -> {
			int changed = jdbc.sql("""
					UPDATE express_licence SET renewal_accepted_on = NULL, version = version + 1
					WHERE id = :id AND renewal_accepted_on IS NOT NULL""")
				.param("id", l.id()).update();
			if (changed > 0) {
				audit.record(AuditEntry.of("licence.renewal-refused", "ExpressLicence", l.id(), "许可证" + l.number()
						+ "的延续申请（许可申请" + refused.applicationId() + "）不予延续，有效期至" + ChineseText.day(l.expiresOn()))
					.inRegion(l.regionCode()));
			}
		});
	}

	/**
	 * Revokes the licence a penalty decision revoked ({@link LicenceRevoked}); a licence unknown or no longer active is
	 * left as it is (a repeated delivery).
	 */
	@Transactional
	public void revokeByDecision(LicenceRevoked revoked) {
		Optional<LicenceView> found = findByNumber(DataScope.all(), revoked.licenceNumber());
		if (found.isEmpty() || found.get().status() == LicenceStatus.REVOKED || found.get().status() == LicenceStatus.CANCELLED) {
			return;
		}
		end(load(DataScope.all(), found.get().id()), revoked.reason(), ExpressLicence::revoke, "licence.revoke", "吊销");
	}

	/**
	 * Whether the licence stands revoked by the penalty decision {@code decisionNumber}: its status is 吊销 and its
	 * recorded reason is the one every revocation by a decision records — "依据行政处罚决定书{文号}吊销", on delivery
	 * ({@link LicenceRevoked}) or entered by hand ({@link #revoke}).
	 */
	public static boolean revokedByDecision(LicenceView l, String decisionNumber) {
		String prefix = "依据行政处罚决定书";
		String reason = l.stateReason();
		if (l.status() != LicenceStatus.REVOKED || reason == null || decisionNumber == null || !reason.startsWith(prefix)
				|| reason.indexOf("吊销", prefix.length()) < 0) {
			return false;
		}
		// the 文号 as typed by hand may differ in case, spaces or dashes from the decision's: compared as identifiers are
		String named = reason.substring(prefix.length(), reason.indexOf("吊销", prefix.length()));
		return Text.identifierKey(named).equals(Text.identifierKey(decisionNumber));
	}

	/**
	 * Restores a licence whose revoking penalty decision was annulled or changed away from revocation
	 * ({@link LicenceRestored}) to its state before the revocation: valid until its expiry date — or, when that date has
	 * passed meanwhile, expired, which the audit entry says (a revocation lifted does not itself extend a term). The
	 * renewals approved meanwhile that the revocation kept from taking effect ({@link LicenceRestored#renewals}) are
	 * applied next, in the same transaction ({@link #renew}, each audited {@code licence.renew}), then the changes and
	 * branch decisions it kept out ({@link LicenceRestored#changes}, {@link #applyChange}, each audited
	 * {@code licence.change}): the revocation is void from the start once annulled (行政复议法(2023) art.64,
	 * 行政诉讼法(2017) art.70) and the 准予 decisions stand.
	 * Audited with the reason. A licence unknown or not revoked by that decision ({@link #revokedByDecision}: a repeated
	 * delivery, one cancelled or revoked otherwise) is left as it is, and so are its renewals.
	 */
	@Transactional
	public void restoreByDecision(LicenceRestored restored) {
		Optional<LicenceView> found = findByNumber(DataScope.all(), restored.licenceNumber());
		if (found.isEmpty() || !revokedByDecision(found.get(), restored.decisionNumber())) {
			return;
		}
		ExpressLicence l = load(DataScope.all(), found.get().id());
		var before = l.snapshot();
		l.restore();
		licences.save(l);
		LocalDate today = LocalDate.now(clock);
		LocalDate until = restored.restoredUntil(l.expiresOn());
		String renewed = until.equals(l.expiresOn()) ? "" : "，准予延续决定随之生效";
		String after = until.isBefore(today)
				? "；有效期已于" + ChineseText.day(until) + "届满" + renewed + "，恢复后为已过期（不因吊销被撤销而延长）"
				: "，恢复为有效（有效期至" + ChineseText.day(until) + renewed + "）";
		audit.record(AuditEntry.of("licence.restore", "ExpressLicence", l.id(), "恢复许可证" + l.number() + "：" + restored.reason()
				+ after).states(before, l.snapshot()).inRegion(l.regionCode()));
		// the renewals the revocation kept out, oldest term first: each extends the restored licence as when approved
		restored.renewals().stream().sorted(Comparator.comparing(LicenceRenewed::expiresOn)).forEach(this::renew);
		// then the changes and branch decisions it kept out, in the order they were decided (each audited licence.change)
		restored.changes().forEach(this::applyChange);
	}

	/**
	 * Cancels the licence the issuing bureau cancelled ({@link LicenceCancelled}); a licence unknown or no longer active
	 * is left as it is (a repeated delivery).
	 */
	@Transactional
	public void cancelByDecision(LicenceCancelled cancelled) {
		Optional<LicenceView> found = findByNumber(DataScope.all(), cancelled.licenceNumber());
		if (found.isEmpty() || found.get().status() == LicenceStatus.REVOKED || found.get().status() == LicenceStatus.CANCELLED) {
			return;
		}
		end(load(DataScope.all(), found.get().id()), cancelled.reason().length() > 200 ? cancelled.reason().substring(0, 200)
				: cancelled.reason(), ExpressLicence::cancel, "licence.cancel", "注销");
	}

	/**
	 * Corrects a licence record entered wrongly (number, scope, issuer, dates — all of it the licence's legal content);
	 * the holder stays the same. Only the licence's issuing authority or the installation's administrator corrects it (邮政法(2015)
	 * art.53), and to a scope of the other issuing level nobody but the authority of both ({@link Registrar#corrects},
	 * rule {@code issuing-level}: the level decides who cancels and revokes it); the corrected record meets the rules of a
	 * new one ({@link #check}), its term only when its dates change (a renewed licence runs on from its first issue).
	 * @throws AccessRefusedException (403) for anyone else — a city or county bureau reads the licence only
	 * @throws DomainException 409 for a licence cancelled or revoked: it keeps the record it ended with
	 * @throws org.youguan.kernel.InvalidValueException (400) the field errors
	 */
	@Transactional
	public void correct(DataScope scope, Registrar by, long id, LicenceData data) {
		ExpressLicence l = load(scope, id);
		requireCorrector(by, l.scope(), l.regionCode());
		OneLicence.hold(jdbc, creditCodeOf(l.enterpriseId()));
		l.requireActive("更正登记信息"); // before the fields: what was typed is not the question
		LicenceData clean = validate(new LicenceData(l.enterpriseId(), data.number(), data.scope(), data.issuingBureauName(),
				data.issuingRegionCode(), data.issuedOn(), data.expiresOn()), l, l.regionCode(), by);
		var before = l.snapshot();
		l.correct(clean);
		// an expiry corrected to a later term leaves an acceptance of the earlier one behind (RenewalAccepted: it belongs
		// to the term it was accepted in); the daily re-announcement of open renewals records a current one again
		l.forgetRenewalAcceptedBefore(termStarted(l.issuedOn(), l.expiresOn(), l.regionCode()));
		licences.save(l);
		audit.record(AuditEntry.of("licence.correct", "ExpressLicence", id, "更正许可证" + l.number() + "的登记信息")
			.states(before, l.snapshot())
			.inRegion(l.regionCode()));
	}

	/**
	 * Checks a new licence as {@link #record} would, without saving: the number's pattern and uniqueness, the dates, the
	 * holder in scope; the scope one {@code by} records (rule {@code issuing-level}) and the issuer its authority (rule
	 * {@code issuer}, 邮政法(2015) art.53; the issuing region derived from it); the term at most the
	 * statutory validity (rule {@code statutory-term}); no second licence in force of the holder ({@link OneLicence}).
	 * Returns it cleaned, with the expiry filled in from the statutory validity when blank.
	 */
	public LicenceData check(DataScope scope, Registrar by, LicenceData d) {
		Enterprise enterprise = enterprises.load(scope, d.enterpriseId());
		return validate(d, null, enterprise.regionCode(), by);
	}

	/**
	 * Refuses anyone but licence {@code l}'s issuing authority or the installation's administrator, and a licence cancelled or
	 * revoked, as {@link #correct} does (the correction form).
	 * @throws AccessRefusedException (403) naming the issuing authority
	 * @throws DomainException 409 for a licence cancelled or revoked
	 */
	public static void requireCorrector(Registrar by, LicenceView l) {
		requireCorrector(by, l.scope(), l.regionCode());
		if (ended(l)) {
			String ended = l.status() == LicenceStatus.CANCELLED ? "注销" : "吊销";
			throw DomainException.illegalTransition(Wording.of("registry.refusal.licenceEnded", ended),
					"许可证已" + ended + "，不能再更正登记信息");
		}
	}

	/** Refuses (403) anyone but the issuing authority of a licence of {@code scope} held in {@code holderRegion}, or the installation's administrator. */
	private static void requireCorrector(Registrar by, LicenceScope scope, String holderRegion) {
		if (!by.records(scope, holderRegion)) {
			throw new AccessRefusedException(null, Wording.of("registry.refusal.correctByIssuer", IssuingAuthority.whoFor(scope), IssuingAuthority.BASIS, by.described()),
					IssuingAuthority.whoFor(scope) + "颁发，其登记信息（编号、业务范围、发证机关、日期）只能由发证机关更正（"
					+ IssuingAuthority.BASIS + "）；" + by.described() + "可以查看，不能更正");
		}
	}

	/**
	 * The licence rules of every field but the holder, for an import row whose holder cell already failed: the row's
	 * other bad cells are reported with it, not hidden behind it. The holder is not looked at, so a blank expiry is not
	 * derived from its region's statutory validity; nothing is saved.
	 * @return the data cleaned, its enterprise as given — never to be recorded
	 * @throws org.youguan.kernel.InvalidValueException every field error at once
	 */
	public LicenceData checkFields(LicenceData d) {
		return validate(d, null, null, null);
	}

	/**
	 * The registry's format of a licence number ({@code youguan.registry.licence-number-pattern}), the one rule of every
	 * path that records a number — this registry's form and import, and licensing's import of past applications, whose
	 * licence is registered here later and would otherwise hold a number the registry refuses: {@code typed} read as
	 * {@link Text#identifier} reads it (full-width forms folded), then matched; a mismatch is rule {@code pattern} on
	 * {@code field}, its message stating the format in words ({@code licence-number-format}), never the expression.
	 * Null or blank passes (whether a number is required is the caller's).
	 * @return {@code v}, for chaining
	 */
	public Validation numberFormat(Validation v, String field, String typed) {
		String number = Text.identifier(typed);
		return v.require(field, number == null || numberMatches(number), "pattern", settings.licenceNumberMessage());
	}

	/**
	 * Whether {@code number}, as stored ({@link Text#identifier}), has the registry's format
	 * ({@code youguan.registry.licence-number-pattern}) — the test of {@link #numberFormat}, for a number already stored
	 * elsewhere (licensing's past applications imported before the check).
	 * @param number the number as stored; null does not match
	 */
	public boolean numberMatches(String number) {
		return number != null && settings.licenceNumber().matcher(number).matches();
	}

	/**
	 * Whether a licence other than {@code selfId} bears this number or a look-alike of it ({@link UniqueIdentifiers}:
	 * letter case, spaces, dashes and underscores folded).
	 */
	private boolean numberTaken(String number, Long selfId) {
		return UniqueIdentifiers.taken(jdbc, "express_licence", "number", number, "id <> :self",
				Map.of("self", selfId == null ? 0L : selfId));
	}

	/**
	 * The field rules; {@code holderRegion} (null: unknown — the holder's own rules are then left out) gives the statutory
	 * validity and the issuing authority; {@code previous} is the record being corrected (null: a new one), {@code by}
	 * who records it.
	 */
	private LicenceData validate(LicenceData d, ExpressLicence previous, String holderRegion, Registrar by) {
		Long selfId = previous == null ? null : previous.id();
		// stored as Text writes it and compared by its key, so the number typed another way (full-width digits, other
		// dashes, spaces, letter case) is the same one
		String number = Text.identifier(d.number());
		Validation v = new Validation();
		v.required("number", "许可证编号", number);
		numberFormat(v, "number", number);
		v.require("number", number == null || !numberTaken(number, selfId), "unique", Wording.of("registry.refusal.licenceNumberTaken", number), "许可证编号已存在：" + number);
		v.require("scope", d.scope() != null, "required", Wording.of("refusal.please.50"), "请选择业务范围");
		v.name("issuingBureauName", "发证机关", d.issuingBureauName(), 100);
		LocalDate issuedOn = d.issuedOn();
		v.require("issuedOn", issuedOn != null, "required", Wording.of("refusal.please.9"), "请填写发证日期");
		v.require("issuedOn", issuedOn == null || !issuedOn.isAfter(LocalDate.now(clock)), "not-future", Wording.of("registry.refusal.issuedOnFuture"), "发证日期不能晚于今天");
		v.within("issuedOn", "发证日期", issuedOn, Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		v.within("expiresOn", "有效期至", d.expiresOn(), Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		LocalDate expiry = d.expiresOn() != null ? d.expiresOn() : issuedOn == null || holderRegion == null ? null
				: lastValidDay(issuedOn, holderRegion);
		v.require("expiresOn", expiry == null || issuedOn == null || expiry.isAfter(issuedOn), "after-issue",
				Wording.of("registry.refusal.expiryAfterIssue"), "有效期至应晚于发证日期");
		String issuer = Text.strip(d.issuingBureauName());
		String issuingRegion = d.issuingRegionCode();
		if (holderRegion != null && d.scope() != null) {
			IssuingAuthority authority = IssuingAuthority.of(d.scope());
			issuingRegion = authority.bureauRegion(holderRegion);
			// a scope of the other level: the form's choice is wrong, not the user's page (400, the form again)
			// a correction to the other level would hand the licence to another authority, who then cancels or revokes it
			boolean otherLevel = previous != null && IssuingAuthority.of(previous.scope()) != authority;
			boolean allowed = by == null || (previous == null ? by.records(d.scope(), holderRegion)
					: by.corrects(previous.scope(), d.scope(), holderRegion));
			v.require("scope", allowed, "issuing-level", otherLevel
					? Wording.of("registry.refusal.issuingLevelCorrection", previous.scope(), IssuingAuthority.of(previous.scope()),
							d.scope(), authority)
					: Wording.of("registry.refusal.issuingLevelNotYours", d.scope(), authority, by == null ? "" : by.described()),
					otherLevel ? IssuingAuthority.whoFor(previous.scope()) + "颁发，更正为"
					+ d.scope().label() + "将改由" + authority.label() + "注销、吊销（" + IssuingAuthority.BASIS + "）：发证层级不能以更正"
					+ "登记信息改变，业务范围的变化依许可变更决定办理"
					: IssuingAuthority.whoFor(d.scope()) + "颁发（" + IssuingAuthority.BASIS + "），" + (by == null ? "" : by.described())
							+ "不能登记或更正该业务范围的许可证");
			List<String> names = issuerNames(d.scope(), holderRegion);
			v.require("issuingBureauName", issuer == null || names.contains(issuer), "issuer",
					Wording.of("registry.refusal.issuerName", d.scope(), authority, names.get(0), issuer),
					IssuingAuthority.whoFor(d.scope()) + "颁发（" + IssuingAuthority.BASIS + "）：发证机关应为“" + names.get(0)
							+ "”，不是“" + issuer + "”");
			boolean datesKept = previous != null && previous.issuedOn().equals(issuedOn) && previous.expiresOn().equals(expiry);
			if (issuedOn != null && expiry != null && !datesKept) {
				StatutoryRule rule = StatutoryRule.LICENCE_VALIDITY;
				int years = rules.intValue(rule, holderRegion);
				LocalDate latest = lastValidDay(issuedOn, years);
				v.require("expiresOn", !expiry.isAfter(latest), "statutory-term", Wording.of("registry.refusal.expiryBeyondTerm",
						latest.toString(), String.valueOf(years), issuedOn.toString(), rule), "有效期至不能晚于" + ChineseText.day(latest) + "：快递业务经营许可证"
						+ "有效期为" + years + "年，自发证日期" + ChineseText.day(issuedOn) + "起算" + Text.bracketed(rule.citedFor(Audience.BUREAU))
						+ "；延续的许可证记其延续后的发证日期");
			}
		}
		boolean judged = !(holderRegion == null || expiry == null || expiry.isBefore(LocalDate.now(clock))
				|| previous != null && !previous.active());
		Optional<LicenceView> held = judged ? heldBeside(d.enterpriseId(), selfId) : Optional.empty();
		// with other failures the second licence is named among them (400); alone it is a conflict (409), as in licensing
		String second = held.map(h -> "企业" + OneLicence.held(h.number(), h.scope(), h.expiresOn()) + "，" + OneLicence.STATED
				+ "：不能再登记一份有效的许可证；许可事项有变化的办理变更许可，有效期将届满的办理延续")
			.or(() -> judged ? grantOnTheWay(d.enterpriseId(), number) : Optional.empty())
			.orElse(null);
		boolean others = v.hasErrors();
		v.require("creditCode", second == null || !others, OneLicence.RULE, second);
		v.throwIfInvalid();
		if (second != null) {
			throw DomainException.illegalTransition("creditCode", OneLicence.RULE, second);
		}
		return new LicenceData(d.enterpriseId(), number, d.scope(), issuer, issuingRegion, issuedOn, expiry);
	}

	/**
	 * The refusal of a licence recorded by hand for an enterprise that a licensing approval granted a licence the
	 * registry has not recorded yet ({@link PendingLicenceGrants}; its {@link LicenceGranted} is on its way): that licence
	 * is in force from its decision, so a second one is refused as {@link OneLicence} refuses one the registry shows. A
	 * record of that very number (the grant entered by hand) is refused too: the registry records it from the decision —
	 * unless the grant is a past approval imported in licensing ({@link PendingLicenceGrants.Grant#imported}), which
	 * publishes nothing: that licence is recorded here by hand, and only a licence of another number is refused.
	 */
	private Optional<String> grantOnTheWay(long enterpriseId, String number) {
		PendingLicenceGrants grants = pendingGrants.getIfAvailable();
		if (grants == null) {
			return Optional.empty();
		}
		Optional<PendingLicenceGrants.Grant> pending = grants.pendingFor(creditCodeOf(enterpriseId));
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		PendingLicenceGrants.Grant g = pending.get();
		boolean same = number != null && Text.identifierKey(g.licenceNumber()).equals(Text.identifierKey(number));
		if (g.imported() && same) {
			return Optional.empty();
		}
		String granted = g.imported() ? "：许可申请中已导入" + ChineseText.day(g.decidedOn()) + "准予的新设许可，尚未登记入企业名录，"
				: "：已于" + ChineseText.day(g.decidedOn()) + "准予许可（准予许可决定书" + g.decisionNumber() + "），正在登记入企业名录，";
		String instead = same ? "；该许可证由准予许可决定自动登记，无需手工登记"
				: g.imported() ? "；应登记的是该许可证（编号" + g.licenceNumber() + "）"
						: "；许可事项有变化的办理变更许可，有效期将届满的办理延续";
		return Optional.of("企业" + OneLicence.held(g.licenceNumber(), g.scope(), g.expiresOn()) + granted + OneLicence.STATED
				+ "：不能再登记一份有效的许可证" + instead);
	}

	/** The credit code of enterprise {@code enterpriseId} (null for none). */
	private String creditCodeOf(long enterpriseId) {
		return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterpriseId).query(String.class)
			.optional().orElse(null);
	}

	/** The licence in force of enterprise {@code enterpriseId} other than {@code selfId}, if any. */
	private Optional<LicenceView> heldBeside(long enterpriseId, Long selfId) {
		return list(DataScope.all(), new Filter(LicenceStatus.VALID, null, enterpriseId), PageQuery.of(null, 0, 2, "expires_on", "desc"))
			.items().stream().filter(l -> selfId == null || l.id() != selfId).findFirst();
	}

	private ExpressLicence load(DataScope scope, long id) {
		ExpressLicence l = licences.findById(id).orElseThrow(() -> DomainException.notFound("许可证", id));
		scope.requireRegion(l.regionCode(), "许可证", id);
		return l;
	}

	/**
	 * 注销 entered in the registry (a cancellation decided off the platform; licensing's 注销许可证 page tells the registry
	 * by {@link LicenceCancelled}): by the licence's issuing authority only, as its recorded scope names it — the organ
	 * that granted it cancels it (行政许可法(2019) art.70; 邮政法(2015) art.53) — on one of the grounds of art.70 as
	 * licensing's cancellation, with the same rules ({@link CancellationGround#requireApplies}: 有效期届满 only for an
	 * expired licence, 超过6个月未经营 only for one older than that). The reason recorded is the ground's label and the
	 * note ({@link CancellationGround#reason}). Audited.
	 * @param ground a {@link CancellationGround} name, required
	 * @param note the 说明, required for {@link CancellationGround#OTHER}; with the ground's label at most 200 characters
	 * @throws AccessRefusedException (403) for anyone else — a city or county bureau, a province for 国家邮政局's licence
	 * @throws org.youguan.kernel.InvalidValueException (400) no or unknown ground, a ground that does not fit the licence
	 *         (rules {@code not-expired}, {@code too-young}), the note missing or too long, or not one line (rule
	 *         {@code line-break}: it is shown on one line as the licence's status reason)
	 * @throws DomainException not found (404) out of scope; 409 when no longer active
	 */
	@Transactional
	public void cancel(DataScope scope, Registrar by, long id, String ground, String note) {
		note = Text.freeText(note);
		ExpressLicence l = load(scope, id);
		requireCanceller(by, l.scope(), l.regionCode());
		// access → state → fields: a licence no longer active is 409 whatever ground was sent
		l.requireActive("注销");
		Validation v = new Validation();
		CancellationGround g = null;
		if (Text.isBlank(ground)) {
			v.require("ground", false, "required", Wording.of("refusal.please.70"), "请选择注销情形");
		}
		else {
			g = Arrays.stream(CancellationGround.values()).filter(c -> c.name().equalsIgnoreCase(Text.strip(ground)))
				.findFirst().orElse(null);
			v.require("ground", g != null, "one-of", Wording.of("registry.refusal.groundOneOf", Arrays.stream(
					CancellationGround.values()).map(CancellationGround::name).collect(Collectors.joining(", "))), "注销情形应为" + Arrays.stream(CancellationGround.values())
				.map(CancellationGround::label).collect(Collectors.joining("、")) + "之一");
		}
		if (g != null && g.needsNote()) {
			v.required("reason", "注销说明", note);
		}
		// one line, as the licence's status reason shows it (rule line-break)
		v.line("reason", "注销说明", note, 200 - (g == null ? 0 : g.label(rules, l.regionCode()).length() + 1));
		v.throwIfInvalid();
		g.requireApplies(l.number(), l.issuedOn(), l.expiresOn(), l.status(LocalDate.now(clock)), l.regionCode(),
				LocalDate.now(clock), rules);
		end(l, g.reason(note, rules, l.regionCode()), ExpressLicence::cancel, "licence.cancel", "注销");
	}

	/**
	 * 吊销 entered in the registry: a penalty decision revokes a licence (行政处罚法(2021) art.9), taken by the authority
	 * that issued it (行政许可法(2019) art.70(四); 邮政法(2015) art.53) — on the platform through enforcement's decision,
	 * delivered and heard by licensing ({@link LicenceRevoked}); here for a decision taken off the platform, by the issuing
	 * authority only, naming the decision. The reason recorded is "依据行政处罚决定书{文号}吊销：{reason}". Audited.
	 * A 文号 of a decision on the platform ({@link PenaltyDecisionRegister}) must be a decision against this licence's
	 * holder (rule {@code decision-party}) that revokes the licence as it stands (rule {@code decision-penalty},
	 * 行政处罚法(2021) art.9 — a penalty changed away from 吊销 by 复议, 诉讼 or correction revokes nothing) and is in effect
	 * (rule {@code decision-not-in-effect}: art.61, on delivery the platform revokes the licence itself; art.75, a
	 * decision revoked or confirmed invalid since is in effect no more); a 文号 in the form of the platform's automatic numbers that no decision carries is refused (rule
	 * {@code decision-unknown}); any other 文号 is a decision taken off the platform, which the registry cannot check.
	 * @param decisionNumber the penalty decision's 文号, required
	 * @throws AccessRefusedException (403) for anyone but the issuing authority
	 * @throws org.youguan.kernel.InvalidValueException (400) no decision number or reason, or too long together, or a
	 *         reason not on one line (rule {@code line-break}); a 文号
	 *         that names no revocation of this licence's holder in effect (rules above, field {@code decisionNumber})
	 * @throws DomainException not found (404) out of scope; 409 when no longer active
	 */
	@Transactional
	public void revoke(DataScope scope, Registrar by, long id, String decisionNumber, String reason) {
		reason = Text.freeText(reason);
		ExpressLicence l = load(scope, id);
		if (!mayEnd(by, l.scope(), l.regionCode())) {
			throw new AccessRefusedException(null, Wording.of("registry.refusal.revokeByIssuer", IssuingAuthority.whoFor(l.scope()), IssuingAuthority.BASIS, by.described()),
					IssuingAuthority.whoFor(l.scope()) + "依行政处罚决定吊销：吊销许可证件是发证机关作出的行政处罚"
					+ "（" + Provision.LICENSING_CANCELLATION_REVOKED + "，" + Provision.PENALTY_KINDS + "，" + IssuingAuthority.BASIS + "）；" + by.described() + "不能吊销");
		}
		// access → state → fields: a licence no longer active is 409 whatever decision was sent
		l.requireActive("吊销");
		String decision = Text.strip(decisionNumber);
		String head = "依据行政处罚决定书" + (decision == null ? "" : decision) + "吊销：";
		Validation v = new Validation();
		v.required("decisionNumber", "行政处罚决定书文号", decisionNumber).maxLength("decisionNumber", "行政处罚决定书文号", decisionNumber, 60)
			.documentNumber("decisionNumber", "行政处罚决定书文号", decisionNumber);
		v.required("reason", "吊销原因", reason).line("reason", "吊销原因", reason, 200 - head.length());
		v.throwIfInvalid();
		decisionRevokes(v, decision, get(DataScope.all(), id));
		v.throwIfInvalid();
		end(l, head + Text.strip(reason), ExpressLicence::revoke, "licence.revoke", "吊销");
	}

	/** The checks of {@link #revoke} on the decision a 文号 names, against licence {@code l}'s holder. */
	private void decisionRevokes(Validation v, String decision, LicenceView l) {
		PenaltyDecisionRegister register = decisions.getIfAvailable();
		if (register == null) {
			return;
		}
		Optional<PenaltyDecisionRegister.KnownDecision> known = register.find(decision);
		if (known.isEmpty()) {
			v.require("decisionNumber", !register.automaticForm(decision), "decision-unknown",
					Wording.of("registry.refusal.decisionUnknown", decision), "行政处罚决定书文号" + decision
					+ "是本平台自动编号的形式，但平台没有这一文号的行政处罚决定：请核对文号（平台外作出的决定填写纸质决定书上的文号）");
			return;
		}
		PenaltyDecisionRegister.KnownDecision d = known.get();
		if (!d.enterpriseCreditCode().equals(l.creditCode())) {
			v.require("decisionNumber", false, "decision-party", Wording.of("registry.refusal.decisionParty",
					d.decisionNumber(), d.enterpriseName(), l.number(), l.enterpriseName()), "行政处罚决定书" + d.decisionNumber() + "的当事人是" + d.enterpriseName()
					+ "，不是许可证" + l.number() + "的持有人" + l.enterpriseName() + "：不能依据该决定吊销本许可证");
		}
		else if (!d.revokesLicence()) {
			v.require("decisionNumber", false, "decision-penalty",
					Wording.of("registry.refusal.decisionNoRevocation", d.decisionNumber()), "行政处罚决定书" + d.decisionNumber()
					+ "没有作出吊销许可证件的处罚（" + Provision.PENALTY_KINDS + "）：不能依据该决定吊销许可证");
		}
		else if (d.annulledOn() != null) {
			v.require("decisionNumber", false, "decision-not-in-effect", Wording.of("registry.refusal.decisionAnnulled",
					d.decisionNumber(), d.annulledOn().toString()), "行政处罚决定书" + d.decisionNumber() + "已于" + ChineseText.day(d.annulledOn())
					+ "被撤销或确认无效，不再有效（" + Provision.PENALTY_SUPERVISION + "）：不能依据该决定吊销许可证");
		}
		else if (!d.inEffect()) {
			v.require("decisionNumber", false, "decision-not-in-effect",
					Wording.of("registry.refusal.decisionNotServed", d.decisionNumber()), "行政处罚决定书" + d.decisionNumber()
					+ "尚未送达当事人，还未生效（" + Provision.PENALTY_DELIVERY + "）：送达后平台依该决定吊销许可证，无需手工登记");
		}
	}

	/** Ends licence {@code l} by {@code transition} with {@code reason} recorded on it, audited as {@code action}. */
	private void end(ExpressLicence l, String reason, BiConsumer<ExpressLicence, String> transition,
			String action, String verb) {
		var before = l.snapshot();
		transition.accept(l, reason);
		licences.save(l);
		audit.record(AuditEntry.of(action, "ExpressLicence", l.id(), verb + "许可证" + l.number() + "：" + reason)
			.states(before, l.snapshot())
			.inRegion(l.regionCode()));
	}

	/** 查询 for the public: by enterprise name fragment, exact credit code or licence number. */
	public List<PublicLicence> publicSearch(String query, int limit) {
		String q = query == null ? "" : Text.searchText(query);
		if (q.length() < 2) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT e.legal_name AS enterprise_name, e.credit_code, l.number AS licence_number, l.scope,
				       %s AS status, l.expires_on AS valid_until, l.issuing_bureau_name AS issuing_bureau
				FROM express_licence l JOIN enterprise e ON e.id = l.enterprise_id
				WHERE e.legal_name LIKE :like ESCAPE '\\' OR e.credit_code = :exact OR l.number = :exact
				ORDER BY e.legal_name, l.issued_on DESC LIMIT :limit""".formatted(STATUS_SQL))
			.param("like", new PageQuery(q, 0, 1, null, false).likePattern())
			.param("exact", Text.identifier(q).toUpperCase())
			.param("today", LocalDate.now(clock))
			.param("limit", limit)
			.query((rs, i) -> new PublicLicence(rs.getString("enterprise_name"), rs.getString("credit_code"),
					rs.getString("licence_number"), LicenceScope.valueOf(rs.getString("scope")),
					LicenceStatus.valueOf(rs.getString("status")), rs.getObject("valid_until", LocalDate.class),
					rs.getString("issuing_bureau")))
			.list();
	}

	/**
	 * A licence as the public sees it: no personal data. The API gives scope and status as their Chinese labels
	 * ({@link #scope()}, {@link #status()}); a page shows {@link #scopeKind()} and {@link #statusKind()} in the reader's
	 * language ({@code @labels.of}).
	 */
	public record PublicLicence(String enterpriseName, String creditCode, String licenceNumber,
			@JsonIgnore LicenceScope scopeKind, @JsonIgnore LicenceStatus statusKind, LocalDate validUntil,
			String issuingBureau) {

		/** The scope's Chinese label (业务范围). */
		@JsonProperty
		public String scope() {
			return scopeKind.label();
		}

		/** The status's Chinese label. */
		@JsonProperty
		public String status() {
			return statusKind.label();
		}
	}
}
