package org.youguan.registry;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;
import org.youguan.registry.internal.brands.Brand;
import org.youguan.registry.internal.brands.BrandRepository;

/**
 * Brands: a short national list, readable by every staff user.
 */
@Service
public class Brands {

	public record BrandView(long id, String name, String shortName, Long hqEnterpriseId, String hqEnterpriseName,
			String hqCreditCode) {
	}

	/** A brand with its enterprises and terminal outlets counted within one data scope. */
	public record BrandFigures(BrandView brand, long enterprises, long outlets) {
	}

	/** What an administrator enters for a brand; the headquarters enterprise by its credit code (optional). */
	public record BrandData(String name, String shortName, String hqCreditCode) {
	}

	private final BrandRepository brands;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Brands(BrandRepository brands, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.brands = brands;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every brand (the brand list is national), for pickers; no counts. */
	public List<BrandView> all() {
		return jdbc.sql("""
				SELECT b.id, b.name, b.short_name, b.hq_enterprise_id, e.legal_name AS hq_enterprise_name,
				       e.credit_code AS hq_credit_code
				FROM brand b LEFT JOIN enterprise e ON e.id = b.hq_enterprise_id ORDER BY b.id""")
			.query(Rows.of(BrandView.class))
			.list();
	}

	/**
	 * Every brand with its enterprises and outlets counted within the caller's scope: a county sees its county's
	 * counts, never the national ones.
	 */
	public List<BrandFigures> figures(DataScope scope) {
		Map<Long, long[]> counts = new HashMap<>();
		jdbc.sql("SELECT brand_id, count(*) FROM enterprise e WHERE brand_id IS NOT NULL AND "
				+ scope.enterprisePredicate("e.credit_code", "e.region_code") + " GROUP BY brand_id")
			.params(scope.params())
			.query((rs, i) -> counts.computeIfAbsent(rs.getLong(1), k -> new long[2])[0] = rs.getLong(2))
			.list();
		jdbc.sql("SELECT o.brand_id, count(*) FROM terminal_outlet o WHERE o.brand_id IS NOT NULL AND "
				+ scope.regionPredicate("o.region_code") + " GROUP BY o.brand_id")
			.params(scope.params())
			.query((rs, i) -> counts.computeIfAbsent(rs.getLong(1), k -> new long[2])[1] = rs.getLong(2))
			.list();
		return all().stream().map(b -> {
			long[] c = counts.getOrDefault(b.id(), new long[2]);
			return new BrandFigures(b, c[0], c[1]);
		}).toList();
	}

	/**
	 * One page of the brand dictionary (national: every brand is listed to every staff user) with its enterprises and
	 * outlets counted within the caller's scope only — the page and its export alike: searched by name, short name or
	 * the headquarters' name or credit code; sorted by id (default), name, short name or either count.
	 */
	public PageResult<BrandFigures> page(DataScope scope, PageQuery page) {
		String enterprises = "(SELECT count(*) FROM enterprise x WHERE x.brand_id = b.id AND "
				+ scope.enterprisePredicate("x.credit_code", "x.region_code") + ")";
		String outlets = "(SELECT count(*) FROM terminal_outlet o WHERE o.brand_id = b.id AND "
				+ scope.regionPredicate("o.region_code") + ")";
		Listing listing = Listing.from("FROM brand b LEFT JOIN enterprise e ON e.id = b.hq_enterprise_id")
			.search(page, "b.name", "b.short_name", "e.legal_name", "e.credit_code")
			.sorts(Map.of("id", "b.id", "name", "b.name", "short_name", "b.short_name", "enterprises", enterprises,
					"outlets", outlets), "id", "b.id");
		scope.params().forEach(listing::bind);
		return listing.page(jdbc, "SELECT b.id, b.name, b.short_name, b.hq_enterprise_id, e.legal_name AS hq_enterprise_name, "
				+ "e.credit_code AS hq_credit_code, " + enterprises + " AS enterprises, " + outlets + " AS outlets", page,
				(rs, i) -> new BrandFigures(new BrandView(rs.getLong("id"), rs.getString("name"), rs.getString("short_name"),
						rs.getObject("hq_enterprise_id", Long.class), rs.getString("hq_enterprise_name"),
						rs.getString("hq_credit_code")), rs.getLong("enterprises"), rs.getLong("outlets")));
	}

	/** A brand by its short name or full name ("中通" or "中通快递"), without its headquarters' name. */
	public Optional<BrandView> findByShortName(String shortName) {
		return jdbc.sql("""
				SELECT b.id, b.name, b.short_name, b.hq_enterprise_id, NULL AS hq_enterprise_name, NULL AS hq_credit_code
				FROM brand b WHERE b.short_name = :name OR b.name = :name""")
			.param("name", shortName)
			.query(Rows.of(BrandView.class))
			.optional();
	}

	public BrandView get(long id) {
		return all().stream().filter(b -> b.id() == id).findFirst().orElseThrow(() -> DomainException.notFound("品牌", id));
	}

	@Transactional
	public long create(BrandData data, boolean demo) {
		// two brands of one name (or short name) submitted at once: the second waits and is refused beside the name
		TransactionLocks.hold(jdbc, NAMES_LOCK);
		Checked clean = check(data, null);
		Brand brand = Brand.create(clean.name(), clean.shortName(), demo, clock.instant());
		brand.headquarteredAt(clean.hqEnterpriseId());
		brand = brands.save(brand);
		audit.record(AuditEntry.of("brand.create", "Brand", brand.id(), "新建品牌“" + brand.name() + "”")
			.states(null, brand.snapshot())
			.installationWide());
		return brand.id();
	}

	@Transactional
	public void update(long id, BrandData data) {
		Brand brand = brands.findById(id).orElseThrow(() -> DomainException.notFound("品牌", id));
		TransactionLocks.hold(jdbc, NAMES_LOCK);
		Checked clean = check(data, id);
		var before = brand.snapshot();
		brand.rename(clean.name(), clean.shortName());
		brand.headquarteredAt(clean.hqEnterpriseId());
		brands.save(brand);
		audit.record(AuditEntry.of("brand.update", "Brand", id, "修改品牌“" + brand.name() + "”")
			.states(before, brand.snapshot())
			.installationWide());
	}

	@Transactional
	public void setHeadquarters(long brandId, long enterpriseId) {
		Brand brand = brands.findById(brandId).orElseThrow(() -> DomainException.notFound("品牌", brandId));
		var before = brand.snapshot();
		brand.headquarteredAt(enterpriseId);
		brands.save(brand);
		audit.record(AuditEntry.of("brand.headquarters", "Brand", brandId, "设置品牌“" + brand.name() + "”的总部企业")
			.states(before, brand.snapshot())
			.installationWide());
	}

	/** Brand data checked: names present, short and unique (other than {@code selfId}), the HQ enterprise known. */
	public record Checked(String name, String shortName, Long hqEnterpriseId) {
	}

	/** Checks brand data as {@link #create} and {@link #update} would, without saving; throws {@code InvalidValueException} naming each field that fails. */
	public Checked check(BrandData d, Long selfId) {
		Validation v = new Validation();
		v.name("name", "品牌名称", d.name(), 60);
		v.name("shortName", "简称", d.shortName(), 20);
		String name = d.name() == null ? "" : Text.name(d.name());
		String shortName = d.shortName() == null ? "" : Text.name(d.shortName());
		// the twin quoted as stored, not as typed
		twin("name", name, selfId).ifPresent(t -> v.require("name", false, "unique", Wording.of("registry.refusal.brandNameTaken", t), "品牌名称已存在：" + t));
		twin("short_name", shortName, selfId).ifPresent(t -> v.require("shortName", false, "unique", Wording.of("registry.refusal.brandShortNameTaken", t), "品牌简称已存在：" + t));
		Long hq = null;
		// a code that cannot be one is told by the rule it breaks, not as no enterprise having it
		String hqCode = CreditCode.checked(v, "hqCreditCode", d.hqCreditCode());
		if (hqCode != null) {
			hq = jdbc.sql("SELECT id FROM enterprise WHERE credit_code = :code")
				.param("code", hqCode)
				.query(Long.class)
				.optional()
				.orElse(null);
			v.require("hqCreditCode", hq != null, "exists", Wording.of("registry.refusal.noEnterpriseWithCode"), "没有该统一社会信用代码的企业");
		}
		v.throwIfInvalid();
		return new Checked(name, shortName, hq);
	}

	/**
	 * The value as stored of another brand's {@code column} (than {@code selfId}) equal to {@code value} under the one
	 * twin key ({@link Text#textKey}, SQL {@code text_key}: "顺 丰", "顺·丰" and "顺丰。" are 顺丰), if any; the unique
	 * indexes of V353 hold the rule when two requests race past this check (409 on the field).
	 */
	private Optional<String> twin(String column, String value, Long selfId) {
		return jdbc.sql("SELECT " + column + " FROM brand WHERE text_key(" + column + ") = text_key(:value) AND id <> :self LIMIT 1")
			.param("value", value)
			.param("self", selfId == null ? -1 : selfId)
			.query(String.class)
			.optional();
	}

	/** The transaction lock ordering the brands' creations and renamings (few, installation-wide). */
	private static final String NAMES_LOCK = "brand_names";
}
