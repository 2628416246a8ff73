package org.youguan.registry;

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
class Brand {

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

	static Brand create(String name, String shortName, boolean demo, Instant now) {
		Brand b = new Brand();
		b.name = name;
		b.shortName = shortName;
		b.demo = demo;
		b.createdAt = now;
		return b;
	}

	void rename(String name, String shortName) {
		this.name = name;
		this.shortName = shortName;
	}

	Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("shortName", shortName);
		m.put("hqEnterpriseId", hqEnterpriseId);
		return m;
	}

	void headquarteredAt(Long enterpriseId) {
		this.hqEnterpriseId = enterpriseId;
	}

	Long id() {
		return id;
	}

	String name() {
		return name;
	}

	String shortName() {
		return shortName;
	}
}
