package org.youguan.registry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Validation;

/**
 * Brands: a short national list, readable by every staff user.
 */
@Service
public class Brands {

	public record BrandView(long id, String name, String shortName, Long hqEnterpriseId, String hqEnterpriseName,
			long enterprises, long outlets) {
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

	public List<BrandView> all() {
		return jdbc.sql("""
				SELECT b.id, b.name, b.short_name, b.hq_enterprise_id, e.legal_name AS hq_enterprise_name,
				       (SELECT count(*) FROM enterprise x WHERE x.brand_id = b.id) AS enterprises,
				       (SELECT count(*) FROM terminal_outlet o WHERE o.brand_id = b.id) AS outlets
				FROM brand b LEFT JOIN enterprise e ON e.id = b.hq_enterprise_id ORDER BY b.id""")
			.query(BrandView.class)
			.list();
	}

	/** A brand by its short name or full name ("中通" or "中通快递"), without the counts of {@link #all()}. */
	public Optional<BrandView> findByShortName(String shortName) {
		return jdbc.sql("""
				SELECT b.id, b.name, b.short_name, b.hq_enterprise_id, NULL AS hq_enterprise_name, 0 AS enterprises,
				       0 AS outlets
				FROM brand b WHERE b.short_name = :name OR b.name = :name""")
			.param("name", shortName)
			.query(BrandView.class)
			.optional();
	}

	@Transactional
	public long create(String name, String shortName, boolean demo) {
		new Validation().required("name", "品牌名称", name)
			.maxLength("name", "品牌名称", name, 60)
			.required("shortName", "简称", shortName)
			.maxLength("shortName", "简称", shortName, 20)
			.throwIfInvalid();
		if (brands.existsByName(name.strip()) || brands.existsByShortName(shortName.strip())) {
			throw DomainException.duplicate("name", "品牌已存在：" + name.strip());
		}
		Brand brand = brands.save(Brand.create(name.strip(), shortName.strip(), demo, clock.instant()));
		audit.record(AuditEntry.of("brand.create", "Brand", brand.id(), "新建品牌“" + brand.name() + "”").inRegion("0"));
		return brand.id();
	}

	@Transactional
	public void setHeadquarters(long brandId, long enterpriseId) {
		Brand brand = brands.findById(brandId).orElseThrow(() -> DomainException.notFound("品牌", brandId));
		brand.headquarteredAt(enterpriseId);
		brands.save(brand);
		audit.record(AuditEntry.of("brand.headquarters", "Brand", brandId, "设置品牌“" + brand.name() + "”的总部企业")
			.inRegion("0"));
	}
}
