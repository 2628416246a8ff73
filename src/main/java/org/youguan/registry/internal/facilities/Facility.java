package org.youguan.registry.internal.facilities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.StepRefusal;
import org.youguan.kernel.Wording;
import org.youguan.kernel.Workflow;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.FacilityStatus;

/**
 * A postal facility (邮政设施). Its status changes only through suspend / resume / remove; removal is final.
 */
@Table("facility")
public class Facility {

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

	/** A newly registered facility (not yet saved), in use, operated by the enterprise with this credit code. */
	public static Facility register(FacilityData data, String operatorCreditCode, boolean demo, Instant now) {
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
	public void apply(FacilityData data) {
		name = data.name();
		regionCode = data.regionCode();
		address = data.address();
		compartments = kind.hasCompartments() ? data.compartments() : null;
		serialNumber = kind.hasSerialNumber() ? data.serialNumber() : null;
		services = kind.hasServices() ? data.services() : null;
		commissionedOn = data.commissionedOn();
	}

	/** Takes the facility out of use for a while; refused unless it is in use ({@code DomainException}). */
	public void suspend() {
		requireSuspendable();
		status = FacilityStatus.SUSPENDED;
	}

	/** Refuses 停用 unless in use (409) — asked before the step's reason is read (state before fields). */
	public void requireSuspendable() {
		require(FacilityStatus.IN_SERVICE, FacilityStatus.SUSPENDED, "停用");
	}

	/** Puts a suspended facility back in use; refused otherwise ({@code DomainException}). */
	public void resume() {
		require(FacilityStatus.SUSPENDED, FacilityStatus.IN_SERVICE, "恢复使用");
		status = FacilityStatus.IN_SERVICE;
	}

	/** Removes the facility for good; refused when already removed ({@code DomainException}). */
	public void remove() {
		requireRemovable();
		status = FacilityStatus.REMOVED;
	}

	/** Refuses 撤除 of a facility removed already (409) — asked before the step's reason is read (state before fields). */
	public void requireRemovable() {
		if (status == FacilityStatus.REMOVED) {
			throw DomainException.illegalTransition(Wording.of("refusal.registry.facilityRemoved"), "设施已撤除");
		}
	}

	/**
	 * Refuses (409) {@code action} unless the facility is {@code expected}: past it or before it as the facility's moves
	 * tell ({@link #FLOW}).
	 */
	private void require(FacilityStatus expected, FacilityStatus to, String action) {
		if (status != expected) {
			throw StepRefusal.of("设施", "设施", status.label(), action,
					FLOW.past(status, Set.of(expected), to, status == FacilityStatus.REMOVED));
		}
	}

	/** A facility's moves: 停用 and 恢复使用 back and forth, 撤除 from either, for good. */
	private static final Workflow<FacilityStatus> FLOW = Workflow.of(FacilityStatus.class)
		.move(FacilityStatus.IN_SERVICE, FacilityStatus.SUSPENDED)
		.move(FacilityStatus.SUSPENDED, FacilityStatus.IN_SERVICE)
		.move(Set.of(FacilityStatus.IN_SERVICE, FacilityStatus.SUSPENDED), FacilityStatus.REMOVED);

	/** The database id (null until first saved). */
	public Long id() {
		return id;
	}

	/** The kind of facility. */
	public FacilityKind kind() {
		return kind;
	}

	/** The name as registered. */
	public String name() {
		return name;
	}

	/** The administrative region code the entry is scoped by. */
	public String regionCode() {
		return regionCode;
	}

	/** The fields the audit trail records as the before and after states of a change. */
	public Map<String, Object> snapshot() {
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
