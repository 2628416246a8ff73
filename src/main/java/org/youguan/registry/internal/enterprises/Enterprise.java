package org.youguan.registry.internal.enterprises;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Wording;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.EnterpriseType;

/**
 * A regulated enterprise (企业), identified by its unified social credit code.
 */
@Table("enterprise")
public class Enterprise {

	@Id
	private Long id;

	private String legalName;

	private String creditCode;

	private EnterpriseType type;

	private Long brandId;

	private String legalRepresentative;

	private String address;

	private String regionCode;

	private String contactName;

	private String contactPhone;

	private EnterpriseStatus status;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	Enterprise() {
	}

	/** A newly registered enterprise (not yet saved), in business, from checked data. */
	public static Enterprise register(EnterpriseData data, boolean demo, Instant now) {
		Enterprise e = new Enterprise();
		e.creditCode = data.creditCode();
		e.apply(data);
		e.status = EnterpriseStatus.NORMAL;
		e.demo = demo;
		e.createdAt = now;
		return e;
	}

	/** Everything but the credit code (the enterprise's identity) may be corrected. */
	public void apply(EnterpriseData data) {
		legalName = data.legalName();
		type = data.type();
		brandId = data.brandId();
		legalRepresentative = data.legalRepresentative();
		address = data.address();
		regionCode = data.regionCode();
		contactName = data.contactName();
		contactPhone = data.contactPhone();
	}

	/** 停业: a normal enterprise suspends business. */
	public void suspend() {
		requireSuspendable();
		status = EnterpriseStatus.SUSPENDED;
	}

	/**
	 * Refuses 停业 unless the enterprise is 正常 — asked before the step's reason is read (state before fields).
	 * @throws DomainException illegal transition (409) otherwise
	 */
	public void requireSuspendable() {
		if (status != EnterpriseStatus.NORMAL) {
			throw DomainException.illegalTransition(Wording.of("registry.refusal.suspendActiveOnly", status),
					"只有状态为“正常”的企业可以登记停业，当前为“" + status.label() + "”");
		}
	}

	/** Resumes business; only a suspended enterprise can ({@code DomainException} otherwise). */
	public void resume() {
		if (status != EnterpriseStatus.SUSPENDED) {
			throw DomainException.illegalTransition(Wording.of("registry.refusal.resumeSuspendedOnly", status),
					"只有停业的企业可以恢复营业，当前为“" + status.label() + "”");
		}
		status = EnterpriseStatus.NORMAL;
	}

	/** 注销 is final. */
	public void cancel() {
		requireCancellable();
		status = EnterpriseStatus.CANCELLED;
	}

	/**
	 * Refuses 注销 of an enterprise cancelled already — asked before the step's reason is read (state before fields).
	 * @throws DomainException illegal transition (409) when cancelled
	 */
	public void requireCancellable() {
		if (status == EnterpriseStatus.CANCELLED) {
			throw DomainException.illegalTransition(Wording.of("refusal.registry.enterpriseCancelled"), "企业已注销");
		}
	}

	/** The database id (null until first saved). */
	public Long id() {
		return id;
	}

	/** The legal name as registered. */
	public String legalName() {
		return legalName;
	}

	/** The unified social credit code (统一社会信用代码). */
	public String creditCode() {
		return creditCode;
	}

	/** The contact phone as recorded (canonical form), or null. */
	public String contactPhone() {
		return contactPhone;
	}

	/** The administrative region code the entry is scoped by. */
	public String regionCode() {
		return regionCode;
	}

	/** The brand the enterprise belongs to, or null. */
	public Long brandId() {
		return brandId;
	}

	/** Its business status: a cancelled (注销) enterprise is no owner of new records. */
	public EnterpriseStatus status() {
		return status;
	}

	/** The fields the audit trail records as the before and after states of a change. */
	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("legalName", legalName);
		m.put("creditCode", creditCode);
		m.put("type", type);
		m.put("brandId", brandId);
		m.put("legalRepresentative", legalRepresentative);
		m.put("address", address);
		m.put("regionCode", regionCode);
		m.put("contactName", contactName);
		m.put("contactPhone", Masking.phone(contactPhone));
		m.put("status", status);
		return m;
	}
}
