package org.youguan.registry.internal.brands;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A brand (品牌) under which enterprises and outlets operate.
 */
@Table("brand")
public class Brand {

	@Id
	private Long id;

	private String name;

	private String shortName;

	private Long hqEnterpriseId;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	Brand() {
	}

	/** A new brand (not yet saved) with checked names. */
	public static Brand create(String name, String shortName, boolean demo, Instant now) {
		Brand b = new Brand();
		b.name = name;
		b.shortName = shortName;
		b.demo = demo;
		b.createdAt = now;
		return b;
	}

	/** Changes the full and short names (already checked). */
	public void rename(String name, String shortName) {
		this.name = name;
		this.shortName = shortName;
	}

	/** The fields the audit trail records as the before and after states of a change. */
	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("shortName", shortName);
		m.put("hqEnterpriseId", hqEnterpriseId);
		return m;
	}

	/** Sets the headquarters enterprise, or clears it with null. */
	public void headquarteredAt(Long enterpriseId) {
		this.hqEnterpriseId = enterpriseId;
	}

	/** The database id (null until first saved). */
	public Long id() {
		return id;
	}

	/** The name as registered. */
	public String name() {
		return name;
	}

	String shortName() {
		return shortName;
	}
}
