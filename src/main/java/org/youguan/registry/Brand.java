package org.youguan.registry;

import java.time.Instant;

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
