package org.youguan.org;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A postal administration bureau, bound to one region and to the bureau above it.
 */
@Table("bureau")
class Bureau {

	@Id
	private Long id;

	private String name;

	private String shortName;

	private BureauLevel level;

	private String regionCode;

	private Long parentId;

	private String address;

	private String phone;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	Bureau() {
	}

	static Bureau create(BureauData data, boolean demo, Instant now) {
		Bureau b = new Bureau();
		b.apply(data);
		b.level = data.level();
		b.regionCode = data.regionCode();
		b.demo = demo;
		b.createdAt = now;
		return b;
	}

	/** Name, contact and parent may change; level and region define the bureau and do not. */
	void apply(BureauData data) {
		this.name = data.name();
		this.shortName = data.shortName();
		this.parentId = data.parentId();
		this.address = data.address();
		this.phone = data.phone();
	}

	/** Hangs this bureau under another (a bureau created between it and its parent takes it over). */
	void moveUnder(long parentId) {
		this.parentId = parentId;
	}

	Long id() {
		return id;
	}

	String name() {
		return name;
	}

	BureauLevel level() {
		return level;
	}

	String regionCode() {
		return regionCode;
	}

	Long parentId() {
		return parentId;
	}

	Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("shortName", shortName);
		m.put("level", level);
		m.put("regionCode", regionCode);
		m.put("parentId", parentId);
		m.put("address", address);
		m.put("phone", phone);
		return m;
	}
}
