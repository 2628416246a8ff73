package org.youguan.registry.internal.branches;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.registry.BranchData;

/**
 * A branch (分支机构) of a licensed enterprise, filed with the bureau; flagged when filed after the statutory period
 * from its business licence.
 */
@Table("branch")
public class Branch {

	@Id
	private Long id;

	private Long enterpriseId;

	private Long licenceId;

	private String name;

	private String regionCode;

	private String address;

	private String headName;

	private LocalDate businessLicenceDate;

	private LocalDate filedOn;

	private boolean filedLate;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	Branch() {
	}

	/** A newly filed branch (not yet saved), late or not as the caller decided from the statutory period. */
	public static Branch file(BranchData data, boolean filedLate, boolean demo, Instant now) {
		Branch b = new Branch();
		b.enterpriseId = data.enterpriseId();
		b.apply(data, filedLate);
		b.demo = demo;
		b.createdAt = now;
		return b;
	}

	/** Corrects the record; the parent enterprise stays. */
	public void apply(BranchData data, boolean filedLate) {
		licenceId = data.licenceId();
		name = data.name();
		regionCode = data.regionCode();
		address = data.address();
		headName = data.headName();
		businessLicenceDate = data.businessLicenceDate();
		filedOn = data.filedOn();
		this.filedLate = filedLate;
	}

	/** The database id (null until first saved). */
	public Long id() {
		return id;
	}

	/** The name as registered. */
	public String name() {
		return name;
	}

	/** The administrative region code the entry is scoped by. */
	public String regionCode() {
		return regionCode;
	}

	/** The id of the enterprise it belongs to. */
	public long enterpriseId() {
		return enterpriseId;
	}

	/** The fields the audit trail records as the before and after states of a change. */
	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("enterpriseId", enterpriseId);
		m.put("licenceId", licenceId);
		m.put("regionCode", regionCode);
		m.put("address", address);
		m.put("headName", headName);
		m.put("businessLicenceDate", businessLicenceDate.toString());
		m.put("filedOn", filedOn.toString());
		m.put("filedLate", filedLate);
		return m;
	}
}
