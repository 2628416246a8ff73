package org.youguan.registry;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.audit.AuditedMemory;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.BureauLevel;
import org.youguan.org.Role;
import org.youguan.platform.ChinaTime;
import org.youguan.platform.Secrets;
import org.youguan.region.Region;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.internal.enterprises.Enterprise;
import org.youguan.registry.internal.outlets.TerminalOutlet;
import org.youguan.registry.internal.outlets.TerminalOutletRepository;

/**
 * Terminal outlets. The search understands words that name a brand ("中通") or a place ("吴中") as filters and looks
 * the other words up in the outlet name (trigram index from three characters on; a shorter word reads the rows in
 * scope) or as a filing number, so "中通 吴中" finds 中通's outlets in 吴中区 and "菜鸟" every 菜鸟驿站; digits (and the
 * stars of a masked number) also in the manager's ID number and phone as the list shows them (5678 of 139****5678; the
 * hidden digits, and a whole number typed, find nothing there).
 */
@Service
public class Outlets {

	/**
	 * What a list of outlets is narrowed to; every part null (or blank) for none.
	 * @param brandId the brand's id
	 * @param status the outlets of this status
	 * @param region a region code: its outlets and those of the regions below it
	 * @param cooperation the cooperation's dictionary code
	 * @param enterpriseId the operating enterprise's id (a form's choices among one enterprise's outlets)
	 */
	public record Filter(Long brandId, OutletStatus status, String region, String cooperation, Long enterpriseId) {

		public static final Filter NONE = new Filter(null, null, null, null);

		/** The filter of the list pages and the API, which do not narrow by enterprise. */
		public Filter(Long brandId, OutletStatus status, String region, String cooperation) {
			this(brandId, status, region, cooperation, null);
		}

		/** Every outlet of one enterprise (of any status), as far as the caller's scope reaches. */
		public static Filter ofEnterprise(long enterpriseId) {
			return new Filter(null, null, null, null, enterpriseId);
		}
	}

	/** The orders a list may ask for: request name → column. */
	static final Map<String, String> SORTS = Map.of("name", "o.name", "opened_on", "o.opened_on", "region_code",
			"o.region_code", "filing_number", "o.filing_number");

	static final String FILING_NUMBER_TYPE = "网点备案";

	/** Lists count matches up to this many; beyond it the page says "more than …" (counting every match is slow). */
	static final long COUNT_CAP = 1_000;

	private static final String COLUMNS = """
			SELECT o.id, o.name, o.enterprise_id, e.legal_name AS enterprise_name, o.branch_id, br.name AS branch_name,
			       o.brand_id, b.short_name AS brand_name, o.cooperation, d.label AS cooperation_label, o.address,
			       o.region_code, (SELECT r.name FROM region_name r WHERE r.code = o.region_code COLLATE "default")
			       AS region_name, o.longitude, o.latitude, o.manager_name, o.manager_id_masked, o.manager_phone_masked,
			       o.storage_area, o.has_communications, o.has_shelving, o.has_surveillance, o.has_signage, o.opened_on,
			       o.filing_number, o.status, o.demo, o.closed_on, o.closed_reason""";

	/**
	 * The names an outlet is shown with (each join keeps every outlet once: foreign keys, unique codes). The region's
	 * name is a subquery of {@link #COLUMNS} that probes the region's key for each row: {@code o.region_code} is
	 * collated "C" and the key is not, so a join could not use the key's index and read all 5,000-odd regions for a page
	 * of 20 outlets (issue 12); the subquery compares in the key's collation, which for equality is the same (both
	 * compare bytes).
	 */
	private static final String NAMES = """
			JOIN enterprise e ON e.id = o.enterprise_id
			LEFT JOIN branch br ON br.id = o.branch_id LEFT JOIN brand b ON b.id = o.brand_id
			LEFT JOIN registry_dictionary d ON d.kind = 'cooperation' AND d.code = o.cooperation""";

	private static final String FROM = "FROM terminal_outlet o " + NAMES;

	private static final String SELECT = COLUMNS + " " + FROM;

	private final TerminalOutletRepository outlets;

	private final Enterprises enterprises;

	private final Brands brands;

	private final Regions regions;

	private final BusinessNumbers numbers;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcTemplate jdbcTemplate;

	private final Secrets secrets;

	private final JdbcAggregateTemplate aggregates;

	/** The contexts the manager's numbers are encrypted under (a ciphertext opens only in its own column). */
	public static final String MANAGER_ID = "terminal_outlet.manager_id";


	/** The key context under which an outlet manager's phone is encrypted. */
	public static final String MANAGER_PHONE = "terminal_outlet.manager_phone";

	/**
	 * The roles that decide an outlet filing (准予, 一次性告知, 不予备案: the filing pages' handlers) — a bureau with no
	 * enabled account holding one of them files no outlets; its city's bureau does ({@link #filingBureauRegion}).
	 */
	public static final Set<Role> FILING_TAKERS = Set.of(Role.SYSTEM_ADMIN, Role.BUREAU_ADMIN, Role.STAFF);

	private final Bureaus bureaus;

	private final SearchWords searchWords;

	/** Pages people and integrations ask for, remembered until the next audited change ({@link #browse}). */
	private final AuditedMemory pages;

	Outlets(TerminalOutletRepository outlets, Enterprises enterprises, Brands brands, Regions regions, Bureaus bureaus,
			BusinessNumbers numbers, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
			AuditTrail audit, Clock clock, Secrets secrets, JdbcAggregateTemplate aggregates, SearchWords searchWords,
			@Value("${youguan.registry.list-memory:PT20S}") Duration listMemory) {
		this.pages = new AuditedMemory(audit::latestEventId, clock, listMemory, 1_000);
		this.searchWords = searchWords;
		this.aggregates = aggregates;
		this.bureaus = bureaus;
		this.jdbcTemplate = jdbcTemplate;
		this.secrets = secrets;
		this.outlets = outlets;
		this.enterprises = enterprises;
		this.brands = brands;
		this.regions = regions;
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A search word that may be part of a masked number as a list shows it: at least 3 digits or stars, digits among them. */
	private static final Pattern SHOWN_DIGITS = Pattern.compile("(?=.*[0-9])[0-9*Xx]{3,18}");

	/**
	 * The outlets of a list or search, the query's words read as described on the class; {@code names} are the joins
	 * that name a page's rows (joined to the page only, see {@link Listing#joinedToPage}).
	 */
	Listing criteria(String names, DataScope scope, Filter filter, String query) {
		Map<String, Object> params = new HashMap<>(scope.params());
		StringBuilder where = new StringBuilder(scope.enterprisePredicate("o.operator_credit_code", "o.region_code"));
		Long brand = filter.brandId();
		String region = filter.region();
		List<String> words = new ArrayList<>();
		SearchWords.View named = searchWords.now();
		// the blocks of one number typed with spaces (139 **** 5678) are one word, as every list with masked columns
		// reads them (Listing.numberRuns)
		for (String word : Listing.numberRuns(new PageQuery(query, 0, 1, null, false).words()).stream()
			.map(run -> String.join(" ", run))
			.toList()) {
			// a credit code typed in lower case or full width is the code the registry stores (upper case, ASCII)
			String code = Text.identifier(word).toUpperCase();
			if (code.matches("[0-9A-Z]{18}")) {
				where.append(" AND o.operator_credit_code = :operator");
				params.put("operator", code);
				continue;
			}
			var asBrand = brand == null ? named.brand(word) : Optional.<Brands.BrandView>empty();
			if (asBrand.isPresent()) {
				brand = asBrand.get().id();
				continue;
			}
			if (region == null && word.length() >= 2 && !word.matches("\\d+")) {
				Optional<Region> place = named.place(scope.regionPrefix() == null ? "0" : scope.regionPrefix(), word);
				if (place.isPresent()) {
					region = place.get().code();
					continue;
				}
			}
			words.add(word);
		}
		for (int i = 0; i < words.size(); i++) {
			// pg_trgm takes no trigram from a word of one or two characters ("菜鸟"), so its index would hand every row
			// over for the LIKE to recheck; a statement planned once for every word (PostgreSQL's generic plan, chosen
			// after five executions) still took that path, at twice the cost of reading the rows in scope. Such a word
			// is compared on an expression the index does not serve (issue 12)
			String name = words.get(i).codePointCount(0, words.get(i).length()) < 3 ? "(o.name || '')" : "o.name";
			where.append(" AND (").append(name).append(" LIKE :w").append(i).append(" ESCAPE '\\' OR o.filing_number = :x")
				.append(i);
			// a mask typed in full width (１９９－＊＊＊＊－１６９５) is the ASCII one
			String shown = Listing.withoutJoiners(java.text.Normalizer.normalize(words.get(i), java.text.Normalizer.Form.NFKC));
			if (SHOWN_DIGITS.matcher(shown).matches()) {
				// the manager's ID number and phone as the list shows them (stored masked: 139****5678, 0512-****1234):
				// the digits shown find the outlet, the hidden ones cannot — a whole number typed is not in the masked
				// copy; a mask typed with other separators than stored (139-****-5678, 0512****1234) is the same mask
				where.append(" OR ").append(Listing.withoutJoinersSql("o.manager_phone_masked")).append(" LIKE :m").append(i)
					.append(" ESCAPE '\\' OR ").append(Listing.withoutJoinersSql("o.manager_id_masked")).append(" LIKE :m")
					.append(i).append(" ESCAPE '\\'");
				params.put("m" + i, PageQuery.likePattern(shown));
			}
			where.append(")");
			params.put("w" + i, new PageQuery(words.get(i), 0, 1, null, false).likePattern());
			// a 备案编号 typed with other dashes, full-width digits or no padding is looked for as the series wrote it
			params.put("x" + i, Text.identifier(words.get(i)));
		}
		if (brand != null) {
			where.append(" AND o.brand_id = :brand");
			params.put("brand", brand);
		}
		if (region != null && !Text.isBlank(region)) {
			// a region outside a bureau's is refused (403), not answered with an empty page (DataScope#regionFilter)
			where.append(" AND ").append(RegionPrefix.of(scope.regionFilter(RegionCode.of(region).value(), "region"))
				.predicate("o.region_code"));
		}
		if (filter.status() != null) {
			where.append(" AND o.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.cooperation() != null && !Text.isBlank(filter.cooperation())) {
			where.append(" AND o.cooperation = :cooperation");
			params.put("cooperation", filter.cooperation());
		}
		if (filter.enterpriseId() != null) {
			where.append(" AND o.enterprise_id = :enterprise");
			params.put("enterprise", filter.enterpriseId());
		}
		// the query's words are read here (a brand, a place, a credit code, a name or number): the listing's search
		return Listing.from("FROM terminal_outlet o").joinedToPage(names).where(where.toString(), params).searchesItself();
	}

	/**
	 * The page {@link #list} gives, for the outlet list page and the API (issue 12): remembered under the scope, the
	 * filter, the page asked for and the newest audit event id ({@link AuditedMemory}), as the public lookup remembers
	 * its pages. Every change of an outlet (registration, filing decision, change, closure, import) and of the brands
	 * and places a search word can name is audited in its transaction, so the first read after any change — on any
	 * node — reads afresh, and every read before it costs one index probe instead of the search's statement (a
	 * two-character word has no trigram to look up: the statement reads every outlet in scope).
	 * {@code youguan.registry.list-memory} (ISO-8601, default 20 s; {@code PT0S} turns it off) bounds how long a change
	 * that writes no audit entry takes to show. Callers that page through everything (exports, demo data, the safety
	 * module's references) use {@link #list}, which reads every time.
	 */
	public PageResult<OutletView> browse(DataScope scope, Filter filter, PageQuery page) {
		return pages.get(pages.head(), List.of(scope, filter, page), () -> {
			PageResult<OutletView> read = list(scope, filter, page);
			return new PageResult<>(List.copyOf(read.items()), read.page(), read.size(), read.total(), read.capped());
		});
	}

	/** A page of outlets in the caller's scope (the search reads brand and place words, see the class). */
	public PageResult<OutletView> list(DataScope scope, Filter filter, PageQuery page) {
		return criteria(NAMES, scope, filter, page.q()).countUpTo(COUNT_CAP)
			.sorts(SORTS, "region_code", "o.id")
			.page(jdbc, COLUMNS, page, (rs, i) -> view(rs));
	}

	public OutletView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE o.id = :id AND " + scope.enterprisePredicate("o.operator_credit_code", "o.region_code"))
			.params(scope.params())
			.param("id", id)
			.query((rs, i) -> view(rs))
			.optional()
			.orElseThrow(() -> DomainException.notFound("末端网点", id));
	}

	/**
	 * Every outlet not closed in the region {@code prefix} ("" for all), of the brand when {@code brandId} is given, in
	 * id order — one query, for populations (no scope: the caller checks that the region is its own).
	 */
	public List<RegisteredPlace> places(String prefix, Long brandId) {
		return jdbc.sql("""
				SELECT o.id, o.name, e.credit_code AS enterprise_credit_code, e.legal_name AS enterprise_name, o.region_code
				FROM terminal_outlet o JOIN enterprise e ON e.id = o.enterprise_id
				WHERE o.status <> 'CLOSED' AND (CAST(:brand AS bigint) IS NULL OR o.brand_id = :brand) AND\s"""
				+ RegionPrefix.of(prefix).predicate("o.region_code") + " ORDER BY o.id")
			.param("brand", brandId)
			.query(Rows.of(RegisteredPlace.class))
			.list();
	}

	/**
	 * The outlets among {@code ids} the caller may read, by id, in one query (the audit trail titles a listed page with
	 * it); ids out of the caller's scope or unknown are left out.
	 */
	public Map<Long, OutletView> readable(DataScope scope, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " WHERE o.id IN (:ids) AND " + scope.enterprisePredicate("o.operator_credit_code", "o.region_code"))
			.params(scope.params())
			.param("ids", ids)
			.query((rs, i) -> view(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(OutletView::id, Function.identity()));
	}

	public List<Dictionary> cooperationTypes() {
		return jdbc.sql("SELECT code, label FROM registry_dictionary WHERE kind = 'cooperation' AND active ORDER BY sort_order")
			.query(Rows.of(Dictionary.class))
			.list();
	}

	public record Dictionary(String code, String label) {
	}

	/** Registers an outlet as pending (待备案); filing makes it active. */
	@Transactional
	public long register(DataScope scope, OutletData data, boolean demo) {
		Enterprise operator = enterprises.load(scope, data.enterpriseId());
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		OutletData clean = validate(scope, data);
		refuseTwin(clean, true);
		TerminalOutlet o = outlets.save(TerminalOutlet.register(clean, manager(clean), operator.creditCode(),
				operator.brandId(), demo, clock.instant()));
		audit.record(AuditEntry.of("outlet.register", "TerminalOutlet", o.id(), "登记末端网点“" + o.name() + "”")
			.states(null, o.snapshot())
			.inRegion(o.regionCode()));
		return o.id();
	}

	/** An outlet for a bulk load: filed on a day (null: pending), possibly closed since (recorded as closed from the load's day). */
	public record Loaded(OutletData data, LocalDate filedOn, boolean closed) {
	}

	/**
	 * Registers many outlets at once (the demo city, migrations of a bureau's records): each checked as
	 * {@link #register} checks it, filed ones numbered from a block reserved per county and year, inserted in batches,
	 * one audit event for the load.
	 */
	@Transactional
	public int load(DataScope scope, List<Loaded> rows, boolean demo, String note) {
		Map<Long, Enterprise> operators = new HashMap<>();
		Map<String, List<Integer>> toNumber = new LinkedHashMap<>();
		// bureaus sit no lower than the county: one look-up per county for the series of its outlets
		Map<String, String> seriesOfCounty = new HashMap<>();
		List<OutletData> clean = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Loaded row = rows.get(i);
			operators.computeIfAbsent(row.data().enterpriseId(), id -> enterprises.load(scope, id));
			OutletData c = validate(scope, row.data());
			clean.add(c);
			if (row.filedOn() != null) {
				String series = seriesOfCounty.computeIfAbsent(county(c.regionCode()), this::filingSeries);
				toNumber.computeIfAbsent(series + "|" + row.filedOn().getYear(), k -> new ArrayList<>()).add(i);
			}
		}
		String[] filingNumbers = new String[rows.size()];
		toNumber.forEach((key, indexes) -> {
			String series = key.substring(0, key.indexOf('|'));
			int year = Integer.parseInt(key.substring(key.indexOf('|') + 1));
			long first = numbers.reserve(FILING_NUMBER_TYPE, series, year, indexes.size());
			for (int k = 0; k < indexes.size(); k++) {
				filingNumbers[indexes.get(k)] = BusinessNumbers.format(FILING_NUMBER_TYPE, series, year, first + k);
			}
		});
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			OutletData d = clean.get(i);
			Enterprise operator = operators.get(d.enterpriseId());
			String status = rows.get(i).filedOn() == null ? "PENDING" : rows.get(i).closed() ? "CLOSED" : "FILED";
			TerminalOutlet.Manager manager = manager(d);
			batch.add(new Object[] { d.name(), d.enterpriseId(), d.branchId(), operator.creditCode(), operator.brandId(),
					d.cooperation(), d.address(), d.regionCode(), d.longitude(), d.latitude(), d.managerName(),
					manager.idCipher(), manager.idMasked(), manager.phoneCipher(), manager.phoneMasked(), d.storageArea(), d.hasCommunications(), d.hasShelving(),
					d.hasSurveillance(), d.hasSignage(), Date.valueOf(d.openedOn()), filingNumbers[i], status, demo,
					now, "CLOSED".equals(status) ? Date.valueOf(today()) : null });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO terminal_outlet (name, enterprise_id, branch_id, operator_credit_code, brand_id, cooperation, address,
				    region_code, longitude, latitude, manager_name, manager_id_cipher, manager_id_masked, manager_phone_cipher,
				    manager_phone_masked, storage_area, has_communications, has_shelving, has_surveillance, has_signage,
				    opened_on, filing_number, status, demo, created_at, closed_on)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
		audit.record(AuditEntry.of("outlet.load", "TerminalOutlet", null, "批量登记末端网点" + rows.size() + "个（" + note + "）"));
		return rows.size();
	}

	/**
	 * Registers an outlet on a bureau's record: pending, or — with the number it was filed under before YouGuan — filed.
	 */
	@Transactional
	public long registerOnRecord(DataScope scope, OutletData data, String existingFilingNumber) {
		long id = register(scope, data, false);
		if (existingFilingNumber != null && !Text.isBlank(existingFilingNumber)) {
			recordFiled(scope, id, existingFilingNumber);
		}
		return id;
	}

	/**
	 * Why a filing number typed or imported for an outlet filed before YouGuan cannot be recorded, or null when it can:
	 * a number in the form YouGuan issues itself ({@value #FILING_NUMBER_TYPE}-region-year-sequence,
	 * {@link BusinessNumbers#hasSeriesForm}) would sooner or later be issued again by the sequence to an outlet approved
	 * here, and that approval could then not add its outlet. The region is the filing bureau's: a county's 6 digits, or
	 * a city's 4 where the city bureau files ({@link #reserveNew}); a sequence past 999999 has more digits. The number is
	 * read as {@link Text#identifier} writes it (full-width digits, other dashes, missing padding) and by its key
	 * ({@link Text#identifierKey}: letter case, spaces, dashes and underscores folded), so a number of the form typed
	 * another way ("网点备案 320506 2026 000999", "网点备案3205062026000999") is refused as well. Historic numbers come from the bureau's earlier system in its own form.
	 */
	public static String historicNumberRefusal(String filingNumber) {
		String written = Text.identifier(filingNumber);
		return BusinessNumbers.hasSeriesForm(FILING_NUMBER_TYPE, written)
				? "备案编号“" + written + "”是本系统签发的编号格式，只能由系统在备案通过时生成；登记已有网点请填写其原备案编号"
				: null;
	}

	/**
	 * The rules a 备案编号 given before YouGuan is held to on every path that records one (the register's form and API,
	 * {@link #recordFiled}; the outlet import): at most {@value #FILING_NUMBER_LENGTH} characters, written only with
	 * what filing numbers are written with ({@link Validation#filingNumber}, rule {@code filing-number}), and not of the
	 * form YouGuan issues ({@link #historicNumberRefusal}, rule {@code issued-form}).
	 * @param v the checks to add to, returned
	 * @param field the field or column the failures are reported on
	 * @param typed the number as typed or imported
	 */
	public static Validation checkFiledNumber(Validation v, String field, String typed) {
		v.maxLength(field, "备案编号", typed, FILING_NUMBER_LENGTH).filingNumber(field, "备案编号", typed);
		// told beside a character refused: "网点备案　320506…" is the series' number whatever else is wrong with it
		String refusal = typed == null ? null : historicNumberRefusal(typed);
		return v.require(field, refusal == null, "issued-form",
				Wording.of("registry.refusal.filingNumberIssuedForm", Text.identifier(typed)), refusal);
	}

	/** The most characters a 备案编号 has ({@code terminal_outlet.filing_number}). */
	static final int FILING_NUMBER_LENGTH = 40;

	/**
	 * Whether an outlet holds this filing number or a look-alike of it ({@link UniqueIdentifiers}: letter case, spaces,
	 * dashes and underscores folded — "WDBA 320506 2026 000999" is the number "WDBA-320506-2026-000999" already given).
	 */
	private boolean filingNumberTaken(String number) {
		return UniqueIdentifiers.taken(jdbc, "terminal_outlet", "filing_number", number, "", Map.of());
	}

	/**
	 * The facilities of the five a terminal outlet must have (快递末端网点备案暂行规定(2018): 存储场地, 通信设备, 货架,
	 * 视频监控, 品牌标识) that {@code d} lacks, by name, in that order; empty when it has them all. A storage area counts
	 * when it is above 0 ㎡.
	 */
	public static List<String> missingFacilities(OutletData d) {
		return missingFacilities(d.storageArea(), d.hasCommunications(), d.hasShelving(), d.hasSurveillance(), d.hasSignage());
	}

	/** As {@link #missingFacilities(OutletData)}, of an outlet on the register. */
	public static List<String> missingFacilities(OutletView o) {
		return missingFacilities(o.storageArea(), o.hasCommunications(), o.hasShelving(), o.hasSurveillance(), o.hasSignage());
	}

	private static List<String> missingFacilities(BigDecimal storageArea, boolean communications, boolean shelving,
			boolean surveillance, boolean signage) {
		List<String> missing = new ArrayList<>();
		if (storageArea == null || storageArea.signum() <= 0) {
			missing.add("存储场地");
		}
		if (!communications) {
			missing.add("通信设备");
		}
		if (!shelving) {
			missing.add("货架");
		}
		if (!surveillance) {
			missing.add("视频监控");
		}
		if (!signage) {
			missing.add("品牌标识");
		}
		return missing;
	}

	/** The refusal of a filed outlet lacking {@code missing} facilities: 422 {@code facilities}/{@code incomplete}. */
	public static DomainException incompleteFacilities(List<String> missing, String remedy) {
		return DomainException.rule("facilities", "incomplete", Wording.of("registry.refusal.outletIncomplete", String.join("、", missing), remedy),
				"网点缺少" + String.join("、", missing)
				+ "，不符合末端网点备案条件：" + remedy);
	}

	/**
	 * Whether region {@code to} lies in the county of region {@code from}: a filed outlet stays in its county — the
	 * county's bureau filed it and its filing number is the county's — so one that moves to another county is closed
	 * where it was (撤销备案) and filed anew where it goes, never moved from one bureau's register into another's.
	 */
	public static boolean sameCounty(String from, String to) {
		return to == null || to.length() < 6 || from == null || from.length() < 6
				|| to.substring(0, 6).equals(from.substring(0, 6));
	}

	/**
	 * The bureau that files the outlets of the county of a region, by name ({@link Bureaus#nearestName} of the county,
	 * "苏州市吴中区邮政管理局") as a refusal names it — never by a region code.
	 * @param regionCode a GB/T 2260 code; its first 6 digits are the county
	 */
	public String countyBureau(String regionCode) {
		return bureaus.staffedName(regionCode.substring(0, Math.min(6, regionCode.length())), FILING_TAKERS);
	}

	/**
	 * The refusal of a filed outlet moved to another county ({@link #sameCounty}): field {@code regionCode}, naming the
	 * county and its bureau ({@link #countyBureau}) where the outlet is closed.
	 */
	public FieldError otherCounty(String from) {
		String county = from.substring(0, Math.min(6, from.length()));
		return new FieldError("regionCode", "other-county", "网点迁往其他县（区）的，不能更改其所在地：请在原所在地（"
				+ regions.fullName(county) + "）向" + countyBureau(county) + "办理撤销备案，并向迁入地邮政管理部门申请新的备案");
	}

	/**
	 * Whether an outlet's new data takes it out of the county of {@code from}: its region lies in another county
	 * ({@link #sameCounty}), or its address names a place outside that county ({@link Regions#namedOutside}: "苏州市姑苏区
	 * 人民路1号" for an outlet of 吴中区). Such data is refused by {@link #otherCounty} — close the outlet where it is and
	 * file it anew where it goes — rather than by the address check's general words, which would only say the address
	 * does not match the region chosen.
	 * @param from the outlet's recorded (or filed) region, any level down from the county
	 * @param regionCode the region typed; blank or not a code is left to the region check
	 * @param address the address typed; null names none
	 */
	public boolean leavesCounty(String from, String regionCode, String address) {
		String to = regionCode == null ? null : Text.strip(regionCode);
		boolean otherRegion = to != null && to.matches("\\d{6,12}") && !sameCounty(from, to);
		return otherRegion || from != null && from.length() >= 6 && regions.namedOutside(address, from.substring(0, 6)).isPresent();
	}

	/**
	 * Adds the refusal of data moving a filed outlet to another county ({@link #leavesCounty}), in place of the address
	 * check's general one on the same data ({@code address-region}) — the specific refusal says what to do.
	 * @param errors the errors collected so far; changed in place
	 * @param refusal the other-county refusal to add ({@link #otherCounty}, or a 补正's own words)
	 */
	public static void movedAway(List<FieldError> errors, FieldError refusal) {
		errors.removeIf(e -> "address-region".equals(e.rule()));
		errors.removeIf(e -> "other-county".equals(e.rule()));
		errors.add(0, refusal);
	}

	/** The id and filing number an approved new outlet will carry in the registry, reserved at the decision. */
	public record Reservation(long outletId, String filingNumber) {
	}

	/**
	 * Reserves, for a new outlet the bureau approves, its registry id and the filing number in the series of the bureau
	 * that files it ({@link #filingSeries}: the county's bureau, else the city's) for the year of {@code filedOn}, so
	 * the decision can name both before the registry adds the outlet on hearing
	 * {@link OutletFilingDecision.NewOutletApproved}.
	 */
	@Transactional
	public Reservation reserveNew(String regionCode, LocalDate filedOn) {
		String series = filingSeries(regionCode);
		long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('terminal_outlet', 'id'))").query(Long.class).single();
		String number = numbers.next(FILING_NUMBER_TYPE, series, filedOn.getYear());
		// numbers recorded before historicNumberRefusal existed may hold a number of the sequence: pass over them
		while (filingNumberTaken(number)) {
			number = numbers.next(FILING_NUMBER_TYPE, series, filedOn.getYear());
		}
		return new Reservation(id, number);
	}

	/**
	 * The region of the bureau that files the outlets of a region ({@link Bureaus#staffed} with {@link #FILING_TAKERS}:
	 * the county's bureau, else — a county without a bureau on the platform, or whose bureau has no account to decide a
	 * filing — its city's), 6 or 4 digits: the one rule by which an outlet filing is served ({@code served}), numbered
	 * (受理编号, 备案编号), queued, decided and named on the enterprise's page.
	 * @param regionCode a GB/T 2260 code (6 to 12 digits)
	 * @return empty where only the province (or no bureau) on the platform covers the region: no bureau below provincial
	 *         level there files outlets here (快递暂行条例(2025) art.19) — or where neither the county's nor the city's
	 *         bureau has an account to decide a filing, and the province's, which has, takes it
	 */
	public Optional<String> filingBureauRegion(String regionCode) {
		return bureaus.staffed(regionCode, FILING_TAKERS)
			.filter(b -> b.level() == BureauLevel.CITY || b.level() == BureauLevel.COUNTY)
			.map(BureauView::regionCode);
	}

	/**
	 * The number series (the region written into 受理编号 and 备案编号) of the outlets of a region: the region of the bureau
	 * that files them ({@link #filingBureauRegion}); where none below the province does (an outlet a provincial bureau
	 * records on its register), the county's 6 digits as before.
	 * @param regionCode a GB/T 2260 code (6 to 12 digits)
	 */
	public String filingSeries(String regionCode) {
		return filingBureauRegion(regionCode).orElse(county(regionCode));
	}

	private static String county(String regionCode) {
		return regionCode.length() >= 6 ? regionCode.substring(0, 6) : regionCode;
	}

	/**
	 * Seals checked outlet data (from {@link #check}) for a decision event: the manager's numbers encrypted under the
	 * registry's keys and masked, nothing in clear.
	 */
	public SealedOutletData seal(OutletData clean) {
		TerminalOutlet.Manager m = manager(clean);
		return new SealedOutletData(clean.name(), clean.enterpriseId(), clean.branchId(), clean.cooperation(),
				clean.address(), clean.regionCode(), clean.longitude(), clean.latitude(), clean.managerName(), m.idCipher(),
				m.idMasked(), m.phoneCipher(), m.phoneMasked(), clean.storageArea(), clean.hasCommunications(),
				clean.hasShelving(), clean.hasSurveillance(), clean.hasSignage(), clean.openedOn());
	}

	/**
	 * Applies the bureau's decision on a filing: adds an approved new outlet as filed (once: a redelivered event finds it
	 * there), applies an approved change, closes an outlet whose closure was approved; a rejection changes nothing.
	 * Recorded in the audit trail as the registry's own change.
	 */
	@Transactional
	void apply(OutletFilingDecision decision) {
		if (decision instanceof OutletFilingDecision.NewOutletApproved d) {
			if (outlets.existsById(d.outletId())) {
				return;
			}
			Enterprise operator = enterprises.load(DataScope.all(), d.outlet().enterpriseId());
			TerminalOutlet o = aggregates.insert(TerminalOutlet.filed(d.outletId(), d.outlet(), d.filingNumber(),
					operator.creditCode(), operator.brandId(), clock.instant()));
			audit.record(AuditEntry.of("outlet.file", "TerminalOutlet", o.id(), "末端网点“" + o.name() + "”备案，编号"
					+ d.filingNumber()).states(null, o.snapshot()).inRegion(o.regionCode()));
		}
		else if (decision instanceof OutletFilingDecision.ChangeApproved d) {
			TerminalOutlet o = load(DataScope.all(), d.outletId());
			var before = o.snapshot();
			o.apply(d.outlet());
			outlets.save(o);
			audit.record(AuditEntry.of("outlet.amend", "TerminalOutlet", o.id(), "末端网点“" + o.name() + "”信息变更")
				.states(before, o.snapshot())
				.inRegion(o.regionCode()));
		}
		else if (decision instanceof OutletFilingDecision.ClosureApproved d
				&& load(DataScope.all(), d.outletId()).status() != OutletStatus.CLOSED) {
			close(DataScope.all(), d.outletId(), d.closedOn() == null ? today() : d.closedOn(), d.reason());
		}
		// a rejection changes nothing: the proposal never reached the registry
	}

	/**
	 * Refuses (409 on {@code name}) an outlet of the name at the address registered already, quoting its name as stored.
	 * @param ordered whether to wait for and hold the lock on the name and address first (inside a transaction), so a
	 *        twin submitted at once is refused here, beside the name, and not by the unique index
	 */
	private void refuseTwin(OutletData clean, boolean ordered) {
		if (ordered) {
			TransactionLocks.hold(jdbc, "terminal_outlet:" + Text.textKey(clean.name()) + "|" + Text.folded(clean.address()));
		}
		outlets.findTwinName(clean.name(), clean.address()).ifPresent(twin -> {
			throw DomainException.duplicate("name", Wording.of("registry.refusal.outletTwin", twin), "同一地址已有同名网点：" + twin);
		});
	}

	/** Whether an outlet of this name is registered at this address already. */
	public boolean exists(String name, String address) {
		return outlets.existsByNameAndAddress(name, address);
	}

	/**
	 * Records an outlet that was filed before YouGuan (import of a bureau's existing list) with its existing filing
	 * number, written as {@link Text#identifier} writes it (full-width digits, other dashes and an automatic number's
	 * missing padding normalised), so a number of the series' form typed another way is refused as such.
	 * @throws InvalidValueException ({@link #checkFiledNumber}) rule {@code issued-form} for a number of the form YouGuan
	 *         issues, {@code filing-number} for a character no filing number is written with, {@code max-length} beyond 40
	 * @throws DomainException duplicate when another outlet holds the number or one of its look-alikes
	 *         ({@link Text#identifierKey})
	 */
	@Transactional
	public void recordFiled(DataScope scope, long id, String typedNumber) {
		// the outlet before its fields: one outside the scope is 404 whatever number was sent
		TerminalOutlet o = load(scope, id);
		checkFiledNumber(new Validation(), "filingNumber", typedNumber).throwIfInvalid();
		String filingNumber = Text.identifier(typedNumber);
		if (filingNumberTaken(filingNumber)) {
			throw DomainException.duplicate("filingNumber", Wording.of("registry.refusal.filingNumberTaken", filingNumber),
					"备案编号已存在：" + filingNumber);
		}
		List<String> missing = missingFacilities(get(scope, id));
		if (!missing.isEmpty()) {
			throw incompleteFacilities(missing, "备案编号只登记在设施齐全的网点上；设施不全的网点请不填备案编号（待备案）");
		}
		var before = o.snapshot();
		o.markFiled(filingNumber);
		outlets.save(o);
		audit.record(AuditEntry.of("outlet.record-filed", "TerminalOutlet", id, "导入已备案网点“" + o.name() + "”，备案编号" + filingNumber)
			.states(before, o.snapshot())
			.inRegion(o.regionCode()));
	}

	/**
	 * Corrects the register entry (a bureau's data maintenance, not the enterprise's change filing). The operator stays;
	 * a blank manager ID number or phone, or the masked one sent back unchanged, keeps the recorded one, as the page
	 * shows them masked ({@link Masking#keptUnlessRetyped}). A filed outlet keeps its county ({@link #sameCounty}: 400
	 * {@code regionCode}/{@code other-county}) and every facility it had (422 {@code facilities}/{@code incomplete}).
	 */
	@Transactional
	public void correct(DataScope scope, long id, OutletData data) {
		TerminalOutlet o = load(scope, id);
		if (o.status() == OutletStatus.CLOSED) {
			throw DomainException.illegalTransition(Wording.of("refusal.registry.outletClosedEdit"), "网点已关闭，不能再修改登记信息");
		}
		if (o.status() == OutletStatus.FILED) {
			if (!sameCounty(o.regionCode(), data.regionCode() == null ? null : Text.strip(data.regionCode()))
					|| leavesCounty(o.regionCode(), null, data.address())) {
				FieldError e = otherCounty(o.regionCode());
				throw new InvalidValueException(e.field(), e.rule(), e.message());
			}
			// a correction does not take from a filed outlet a facility it was filed with
			List<String> had = missingFacilities(get(scope, id));
			List<String> removed = missingFacilities(data).stream().filter(f -> !had.contains(f)).toList();
			if (!removed.isEmpty()) {
				throw incompleteFacilities(removed, "已备案网点的设施不能更正为缺失；确已撤除的，应由企业办理变更备案或撤销备案");
			}
		}
		apply(scope, id, new OutletData(data.name(), o.enterpriseId(), o.branchId(), data.cooperation(), data.address(),
				data.regionCode(), data.longitude(), data.latitude(), data.managerName(),
				kept(data.managerIdNumber(), o.managerIdCipher(), MANAGER_ID, Masking::idNumber),
				kept(data.managerPhone(), o.managerPhoneCipher(), MANAGER_PHONE, Masking::phone),
				data.storageArea(),
				data.hasCommunications(), data.hasShelving(), data.hasSurveillance(), data.hasSignage(), data.openedOn()),
				"outlet.correct", "登记信息更正");
	}

	private void apply(DataScope scope, long id, OutletData data, String action, String what) {
		TerminalOutlet o = load(scope, id);
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		OutletData clean = validate(scope, data);
		if (!samePlace(clean, o)) {
			refuseTwin(clean, true);
		}
		var before = o.snapshot();
		o.apply(clean, manager(clean));
		outlets.save(o);
		audit.record(AuditEntry.of(action, "TerminalOutlet", id, "末端网点“" + o.name() + "”" + what)
			.states(before, o.snapshot())
			.inRegion(o.regionCode()));
	}

	/** The manager's numbers (checked and normalised) as stored: encrypted, and masked for lists and audit entries. */
	private TerminalOutlet.Manager manager(OutletData clean) {
		return new TerminalOutlet.Manager(secrets.encrypt(clean.managerIdNumber(), MANAGER_ID),
				Masking.idNumber(clean.managerIdNumber()), secrets.encrypt(clean.managerPhone(), MANAGER_PHONE),
				Masking.phone(clean.managerPhone()));
	}

	/**
	 * The data with the outlet's recorded manager ID number and phone where the form left them blank or sent the masked
	 * values back ({@link Masking#keptUnlessRetyped}), as the staff correction keeps them — for an enterprise's change
	 * filing of the outlet, whose form shows them masked and says 不修改请留空.
	 * @throws DomainException NOT_FOUND outside the caller's scope
	 */
	public OutletData withRecordedManager(DataScope scope, long id, OutletData data) {
		get(scope, id); // in the caller's scope: an enterprise its own outlets (load checks regions only)
		TerminalOutlet o = outlets.findById(id).orElseThrow(() -> DomainException.notFound("末端网点", id));
		return new OutletData(data.name(), data.enterpriseId(), data.branchId(), data.cooperation(), data.address(),
				data.regionCode(), data.longitude(), data.latitude(), data.managerName(),
				kept(data.managerIdNumber(), o.managerIdCipher(), MANAGER_ID, Masking::idNumber),
				kept(data.managerPhone(), o.managerPhoneCipher(), MANAGER_PHONE, Masking::phone), data.storageArea(),
				data.hasCommunications(), data.hasShelving(), data.hasSurveillance(), data.hasSignage(), data.openedOn());
	}

	/** The manager's number a correction saves: the recorded one unless a new one is typed. */
	private String kept(String typed, byte[] cipher, String context, UnaryOperator<String> mask) {
		return Masking.keptUnlessRetyped(typed, secrets.decrypt(cipher, context), mask);
	}

	/**
	 * The usual reasons an outlet closes, offered on the closure forms (the enterprise's 撤销备案, the bureau's 关闭) to
	 * choose from; any other can be written.
	 */
	public static final List<String> CLOSURE_REASONS = List.of("网点停止经营", "经营场所拆迁或租约到期", "合作到期或终止合作",
			"并入其他网点", "经营者变更，由新经营者另行备案");

	/**
	 * Checks and cleans why an outlet closes: required, at most 200 characters, one line of text
	 * ({@link Validation#line}) — a reason is shown on one line of the outlet's record, the filing's list and the audit
	 * trail, so a line break inside ("拆迁\n搬走") is refused, as in an address; brackets （）, commas and the other
	 * punctuation are taken. Zero-width and bidirectional characters are removed as from any free text
	 * ({@link Text#freeText}), and spaces inside are stored as one ({@link Text#line}).
	 * @param field the form's field ({@code reason})
	 * @return the reason as stored
	 * @throws InvalidValueException on {@code field}: {@code required}, {@code max-length}, {@code line-break},
	 * {@code invisible-character} (a tab), {@code combining-mark}, {@code look-alike-character}
	 */
	public static String closureReason(String field, String reason) {
		return closureReason(field, "关闭原因", reason);
	}

	/**
	 * {@link #closureReason(String, String)} with the form's own label in its refusals: the enterprise's 撤销备案 form asks
	 * for a 撤销原因, the bureau's 关闭 form for a 关闭原因.
	 * @param label the form's label of the reason ("撤销原因", "关闭原因")
	 */
	public static String closureReason(String field, String label, String reason) {
		String clean = Text.freeText(reason);
		new Validation().required(field, label, clean).line(field, label, clean, 200).throwIfInvalid();
		return Text.line(clean);
	}

	/**
	 * Closes an outlet today (the bureau records that it stopped operating) for the reason given — one of
	 * {@link #CLOSURE_REASONS} or written ({@link #closureReason}), kept on its record and audited: from today on,
	 * parcel records naming it are refused.
	 * @throws InvalidValueException on {@code reason} when blank, over 200 characters or not one line
	 *         ({@link #closureReason})
	 * @throws DomainException NOT_FOUND outside the caller's scope, ILLEGAL_TRANSITION when it is closed already
	 */
	@Transactional
	public void close(DataScope scope, long id, String reason) {
		close(scope, id, today(), closureReason("reason", reason));
	}

	private void close(DataScope scope, long id, LocalDate day, String reason) {
		TerminalOutlet o = load(scope, id);
		var before = o.snapshot();
		o.close(day, reason);
		outlets.save(o);
		audit.record(AuditEntry.of("outlet.close", "TerminalOutlet", id, "末端网点“" + o.name() + "”关闭（" + ChineseText.day(day) + "起）："
				+ (reason == null ? "未注明原因" : reason)).states(before, o.snapshot()).inRegion(o.regionCode()).masked());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
	}

	/**
	 * The filing numbers of an enterprise's filed outlets, each with the China-time day it closed ({@link Optional#empty()}
	 * while it is open) — one query, for checks on a hot path that cache it (the parcel records' outlet rule). Outlets
	 * without a filing number (pending) are left out.
	 *
	 * @param enterpriseCreditCode the operator's 统一社会信用代码
	 * @return filing number → closing day, if closed
	 */
	public Map<String, Optional<LocalDate>> filedOutlets(String enterpriseCreditCode) {
		Map<String, Optional<LocalDate>> filed = new HashMap<>();
		jdbc.sql("""
				SELECT filing_number, closed_on FROM terminal_outlet
				WHERE operator_credit_code = :operator AND filing_number IS NOT NULL""")
			.param("operator", enterpriseCreditCode)
			.query((rs, i) -> filed.put(rs.getString("filing_number").strip(),
					Optional.ofNullable(rs.getObject("closed_on", LocalDate.class))))
			.list();
		return filed;
	}

	TerminalOutlet load(DataScope scope, long id) {
		TerminalOutlet o = outlets.findById(id).orElseThrow(() -> DomainException.notFound("末端网点", id));
		scope.requireRegion(o.regionCode(), "末端网点", id);
		return o;
	}

	/**
	 * Filed outlets for the public: name, brand, operator, address, region and filing number — no personal data —, those
	 * matching the search {@code page.q()} (every word in the outlet's name, address, 备案编号 or operator's credit code,
	 * or the whole text in its operator's name) when there is one.
	 * @throws InvalidValueException 400 naming {@code region} for an unreadable region code, {@code brand} (rule
	 * {@code one-of}) for a brand that is not a registered brand's short name, {@code sort} for an order other than
	 * {@code region_code}
	 */
	public PageResult<PublicOutlet> publicList(String region, String brand, PageQuery page) {
		// the public searches the public fields only: the outlet's name, address and 备案编号, its operator's name and
		// credit code — never the manager's numbers the staff's search reads masked
		String regionCode;
		try {
			regionCode = region == null || Text.isBlank(region) ? null : RegionCode.of(region).value();
		}
		catch (InvalidValueException ex) {
			throw ex.forField("region");
		}
		Filter filter = new Filter(null, OutletStatus.FILED, regionCode, null);
		String query = brand == null ? "" : Text.strip(brand);
		if (!query.isEmpty() && brands.findByShortName(query).isEmpty()) {
			// an unknown brand is a typing error, not a brand without outlets (attack: brand=999 answered 200, empty)
			throw new InvalidValueException("brand", "one-of", Wording.of("registry.refusal.brandShortNameUnknown", Text.excerpt(query, 20)),
					"品牌“" + Text.excerpt(query, 20) + "”不是已登记的品牌简称");
		}
		return criteria("JOIN enterprise e ON e.id = o.enterprise_id "
				+ "JOIN region_name r ON r.code = o.region_code COLLATE \"default\" LEFT JOIN brand b ON b.id = o.brand_id",
				DataScope.all(), filter, query)
			.search(page, "EXISTS (SELECT 1 FROM enterprise oe WHERE oe.id = o.enterprise_id AND oe.legal_name ILIKE :operatorName"
					+ " ESCAPE '\\')", Map.of("operatorName", page.likePattern()), "o.name", "o.address", "o.filing_number",
					"o.operator_credit_code")
			.sorts(Map.of("region_code", "o.region_code"), "region_code", "o.id")
			.page(jdbc, """
					SELECT o.name, b.short_name AS brand, e.legal_name AS operator, o.address, o.region_code,
					       r.name AS region_name, o.filing_number, o.opened_on""", page,
					(rs, i) -> new PublicOutlet(rs.getString("name"), rs.getString("brand"), rs.getString("operator"),
							rs.getString("address"), rs.getString("region_code"), rs.getString("region_name"),
							rs.getString("filing_number")));
	}

	/**
	 * A filed outlet as the public sees it. The API gives its status as the Chinese label ({@link #filingStatus()});
	 * a page shows {@code enum.OutletStatus.FILED} in the reader's language.
	 */
	public record PublicOutlet(String name, String brand, String operator, String address, String regionCode,
			String regionName, String filingNumber) {

		/** The status's Chinese label (已备案): the public sees filed outlets only. */
		@JsonProperty
		public String filingStatus() {
			return OutletStatus.FILED.label();
		}
	}

	/** Checks outlet data as {@link #register} would, without saving; returns it cleaned. */
	public OutletData check(DataScope scope, OutletData data) {
		return validate(scope, data);
	}

	/**
	 * The registry's outlet rules, the one check a proposal passes (the filing module calls it at submission): the
	 * fields as {@link #check} checks them, and no other outlet of the same name at the same address — {@code outletId}
	 * is the outlet a change proposal is for (its own name and address do not count), null for a new one.
	 * @throws InvalidValueException every field error at once
	 * @throws DomainException DUPLICATE (field {@code name}) for a twin outlet
	 */
	public OutletData check(DataScope scope, OutletData data, Long outletId) {
		OutletData clean = validate(scope, data);
		boolean own = outletId != null && outlets.findById(outletId)
			.map(o -> samePlace(clean, o))
			.orElse(false);
		if (!own) {
			refuseTwin(clean, false);
		}
		return clean;
	}

	/** Whether the branch is one of the enterprise's own. */
	private boolean ownBranch(long enterpriseId, long branchId) {
		return jdbc.sql("SELECT count(*) FROM branch WHERE id = :branch AND enterprise_id = :enterprise")
			.param("branch", branchId)
			.param("enterprise", enterpriseId)
			.query(Long.class)
			.single() > 0;
	}

	/** The storage area's column holds numeric(8, 2) square metres. */
	private static final BigDecimal MAX_STORAGE_AREA = BigDecimal.valueOf(1_000_000);

	private OutletData validate(DataScope scope, OutletData d) {
		Validation v = new Validation();
		v.name("name", "网点名称", d.name(), 200);
		// an outlet run through a branch is run through one of its operator's own branches (attack round 16: another
		// enterprise's branch was taken)
		v.require("branchId", d.branchId() == null || ownBranch(d.enterpriseId(), d.branchId()), "own-branch",
				Wording.of("registry.refusal.outletOwnBranch", String.valueOf(d.branchId())), "所选分支机构不是本企业已备案的分支机构（编号" + d.branchId() + "），请选择本企业的分支机构或不选");
		v.required("address", "地址", d.address()).address("address", "地址", d.address(), 300);
		v.require("cooperation", cooperationTypes().stream().anyMatch(t -> t.code().equals(d.cooperation())), "dictionary",
				Wording.of("refusal.please.54"), "请选择合作方式（自营、加盟或合作）");
		RegionCode region = v.check("regionCode", () -> regions.require("regionCode", d.regionCode()));
		if (region != null) {
			v.require("regionCode", region.value().length() >= 9, "street-level", Wording.of("registry.refusal.outletStreetLevel"), "网点所在地应具体到乡镇/街道（9位）或村/社区（12位）");
			// an import row's error on its column, beside its other cells (a step refused such a region before: 404)
			scope.requireWithin(v, "regionCode", region.value(), "网点所在地");
			regions.addressWithin(v, "address", "地址", d.address(), region.value(), "网点所在地");
			// a region scope lies within its own bureau's region; only an unbounded caller (an enterprise's filing) can
			// name a place no bureau on the platform serves
			// and an outlet is filed with the bureau below provincial level (条例(2025) art.19): a place only the province
			// covers on the platform has no bureau to file it with, to number it or to keep its register
			v.require("regionCode", scope.kind() != DataScope.Kind.ALL
					|| bureaus.nearestBelowProvince(region.value()).isPresent(),
					"served", Wording.of("registry.refusal.outletNotServed"),
					"网点所在地的市（地）、县级邮政管理部门尚未使用本平台，无法在此办理该地的网点登记或备案");
		}
		v.require("longitude", d.longitude() == null || (d.longitude().doubleValue() >= OutletForm.LONGITUDE_MIN
				&& d.longitude().doubleValue() <= OutletForm.LONGITUDE_MAX), "range", OutletForm.NumberField.LONGITUDE.range());
		v.require("latitude", d.latitude() == null || (d.latitude().doubleValue() >= OutletForm.LATITUDE_MIN
				&& d.latitude().doubleValue() <= OutletForm.LATITUDE_MAX), "range", OutletForm.NumberField.LATITUDE.range());
		// numeric(9, 6) and numeric(8, 6): a coordinate of more decimals is refused, not rounded to the column's scale
		// (every form, body and sheet reads it by these digits already: OutletForm.longitude)
		v.fits("longitude", "经度", d.longitude(), OutletForm.LONGITUDE_INTEGER_DIGITS, OutletForm.COORDINATE_FRACTION_DIGITS)
			.fits("latitude", "纬度", d.latitude(), OutletForm.LATITUDE_INTEGER_DIGITS, OutletForm.COORDINATE_FRACTION_DIGITS);
		// a point needs both coordinates: one alone is no location (it was stored and shown as a half point)
		v.require(d.longitude() == null ? "longitude" : "latitude", (d.longitude() == null) == (d.latitude() == null),
				"pair",
				Wording.of(d.longitude() == null ? "registry.refusal.longitudeMissing" : "registry.refusal.latitudeMissing"),
				d.longitude() == null ? "填写了纬度时也应填写经度（经纬度须同时填写或同时不填）"
						: "填写了经度时也应填写纬度（经纬度须同时填写或同时不填）");
		v.name("managerName", "负责人姓名", d.managerName(), 60).personName("managerName", "负责人姓名", d.managerName());
		IdCardNumber id = v.check("managerIdNumber", () -> IdCardNumber.of(d.managerIdNumber(), LocalDate.now(clock)));
		// the manager is reached at the outlet or on a mobile: any telephone
		Telephone phone = v.check("managerPhone", () -> Telephone.of(d.managerPhone(), "负责人电话"));
		v.given("storageArea", "存储场地面积", d.storageArea());
		v.require("storageArea", d.storageArea() == null || d.storageArea().signum() > 0, "positive", Wording.of("registry.refusal.storageAreaPositive"), "存储场地面积应大于0");
		v.require("storageArea", d.storageArea() == null || d.storageArea().compareTo(MAX_STORAGE_AREA) < 0, "range",
				Wording.of("registry.refusal.storageAreaRange"), "存储场地面积应小于1000000平方米");
		// stored to the hundredth of a square metre: more is refused, never rounded (999999.999 would round past the limit)
		v.require("storageArea", d.storageArea() == null || d.storageArea().stripTrailingZeros().scale() <= 2, "scale",
				Wording.of("registry.refusal.storageAreaScale", d.storageArea() == null ? "" : d.storageArea().toPlainString()),
				"存储场地面积最多两位小数：" + (d.storageArea() == null ? "" : d.storageArea().toPlainString()));
		v.require("openedOn", d.openedOn() != null, "required", Wording.of("refusal.please.20"), "请填写开办日期");
		v.within("openedOn", "开办日期", d.openedOn(), Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		v.require("openedOn", d.openedOn() == null || !d.openedOn().isAfter(LocalDate.now(clock)), "not-future", Wording.of("registry.refusal.openedOnFuture"), "开办日期不能晚于今天");
		v.throwIfInvalid();
		return new OutletData(Text.name(d.name()), d.enterpriseId(), d.branchId(), d.cooperation(), Text.line(d.address()),
				region.value(), d.longitude(), d.latitude(), Text.strip(d.managerName()), id.value(), phone.value(),
				d.storageArea(), d.hasCommunications(), d.hasShelving(), d.hasSurveillance(), d.hasSignage(), d.openedOn());
	}

	private static OutletView view(ResultSet rs) throws SQLException {
		return new OutletView(rs.getLong("id"), rs.getString("name"), rs.getLong("enterprise_id"),
				rs.getString("enterprise_name"), (Long) rs.getObject("branch_id"), rs.getString("branch_name"),
				(Long) rs.getObject("brand_id"), rs.getString("brand_name"), rs.getString("cooperation"),
				rs.getString("cooperation_label"), rs.getString("address"), rs.getString("region_code"),
				rs.getString("region_name"), rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"),
				rs.getString("manager_name"), rs.getString("manager_id_masked"), rs.getString("manager_phone_masked"),
				rs.getBigDecimal("storage_area"),
				rs.getBoolean("has_communications"), rs.getBoolean("has_shelving"), rs.getBoolean("has_surveillance"),
				rs.getBoolean("has_signage"), rs.getObject("opened_on", LocalDate.class), rs.getString("filing_number"),
				OutletStatus.valueOf(rs.getString("status")), rs.getBoolean("demo"), rs.getObject("closed_on", LocalDate.class),
				// a written reason may name a person's number: shown masked, as free text is on every list
				Masking.personalNumbersIn(rs.getString("closed_reason")));
	}

	/**
	 * Whether the data names the outlet's own place, as the duplicate rule compares it: the name under
	 * {@link Text#textKey}, the address under {@link Text#folded}.
	 */
	private static boolean samePlace(OutletData data, TerminalOutlet outlet) {
		return Text.textKey(data.name()).equals(Text.textKey(outlet.name()))
				&& Text.folded(data.address()).equals(Text.folded(outlet.address()));
	}

}
