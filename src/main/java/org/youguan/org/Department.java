package org.youguan.org;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;

/**
 * A department (处室) of a bureau.
 */
@Table("department")
class Department {

	@Id
	private Long id;

	private Long bureauId;

	private String name;

	private String duties;

	private int sortOrder;

	private boolean active;

	private Instant createdAt;

	@Version
	private Integer version;

	Department() {
	}

	static Department create(long bureauId, String name, String duties, int sortOrder, Instant now) {
		Department d = new Department();
		d.bureauId = bureauId;
		d.name = name;
		d.duties = duties;
		d.sortOrder = sortOrder;
		d.active = true;
		d.createdAt = now;
		return d;
	}

	void rename(String name, String duties, int sortOrder) {
		this.name = name;
		this.duties = duties;
		this.sortOrder = sortOrder;
	}

	void deactivate() {
		if (!active) {
			throw DomainException.illegalTransition("处室已停用");
		}
		active = false;
	}

	void activate() {
		if (active) {
			throw DomainException.illegalTransition("处室已是启用状态");
		}
		active = true;
	}

	Long id() {
		return id;
	}

	Long bureauId() {
		return bureauId;
	}

	String name() {
		return name;
	}

	boolean active() {
		return active;
	}

	Map<String, Object> snapshot() {
		return Map.of("name", name, "duties", duties == null ? "" : duties, "sortOrder", sortOrder,
				"active", active);
	}
}
