package org.youguan.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;

/**
 * A postal facility (邮政设施). Its status changes only through suspend / resume / remove; removal is final.
 */
@Table("facility")
class Facility {

	@Id
	private Long id;

	private FacilityKind kind;

	private String name;

	private Long enterpriseId;

	private String operatorCreditCode;

	private String regionCode;

	private String address;

	private FacilityStatus status;

	private Integer compartments;

	private String serialNumber;

	private String services;

	private LocalDate commissionedOn;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	Facility() {
	}

	static Facility register(FacilityData data, String operatorCreditCode, boolean demo, Instant now) {
		Facility f = new Facility();
		f.kind = data.kind();
		f.operatorCreditCode = operatorCreditCode;
		f.enterpriseId = data.enterpriseId();
		f.apply(data);
		f.status = FacilityStatus.IN_SERVICE;
		f.demo = demo;
		f.createdAt = now;
		return f;
	}

	/** Corrects the record; the kind and the owner stay. */
	void apply(FacilityData data) {
		name = data.name();
		regionCode = data.regionCode();
		address = data.address();
		compartments = kind.hasCompartments() ? data.compartments() : null;
		serialNumber = kind.hasSerialNumber() ? data.serialNumber() : null;
		services = kind.hasServices() ? data.services() : null;
		commissionedOn = data.commissionedOn();
	}

	void suspend() {
		require(FacilityStatus.IN_SERVICE, "停用");
		status = FacilityStatus.SUSPENDED;
	}

	void resume() {
		require(FacilityStatus.SUSPENDED, "恢复使用");
		status = FacilityStatus.IN_SERVICE;
	}

	void remove() {
		if (status == FacilityStatus.REMOVED) {
			throw DomainException.illegalTransition("设施已撤除");
		}
		status = FacilityStatus.REMOVED;
	}

	private void require(FacilityStatus expected, String action) {
		if (status != expected) {
			throw DomainException.illegalTransition("当前为“" + status.label() + "”，不能" + action);
		}
	}

	Long id() {
		return id;
	}

	FacilityKind kind() {
		return kind;
	}

	String name() {
		return name;
	}

	String regionCode() {
		return regionCode;
	}

	Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("kind", kind);
		m.put("name", name);
		m.put("enterpriseId", enterpriseId);
		m.put("regionCode", regionCode);
		m.put("address", address);
		m.put("status", status);
		m.put("compartments", compartments);
		m.put("serialNumber", serialNumber);
		m.put("services", services);
		m.put("commissionedOn", commissionedOn == null ? null : commissionedOn.toString());
		return m;
	}
}
