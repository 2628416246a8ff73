package org.youguan.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A branch (分支机构) of a licensed enterprise, filed with the bureau; flagged when filed after the statutory period
 * from its business licence.
 */
@Table("branch")
class Branch {

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

	static Branch file(BranchData data, boolean filedLate, boolean demo, Instant now) {
		Branch b = new Branch();
		b.enterpriseId = data.enterpriseId();
		b.apply(data, filedLate);
		b.demo = demo;
		b.createdAt = now;
		return b;
	}

	/** Corrects the record; the parent enterprise stays. */
	void apply(BranchData data, boolean filedLate) {
		licenceId = data.licenceId();
		name = data.name();
		regionCode = data.regionCode();
		address = data.address();
		headName = data.headName();
		businessLicenceDate = data.businessLicenceDate();
		filedOn = data.filedOn();
		this.filedLate = filedLate;
	}

	Long id() {
		return id;
	}

	String name() {
		return name;
	}

	String regionCode() {
		return regionCode;
	}

	long enterpriseId() {
		return enterpriseId;
	}

	Map<String, Object> snapshot() {
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
