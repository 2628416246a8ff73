package org.youguan.registry.internal.outlets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Wording;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.SealedOutletData;

/**
 * A terminal outlet (末端网点): a fixed site serving users directly, filed (备案) rather than licensed. The manager's ID
 * number and phone are kept for the bureau's checks, encrypted at rest (个人信息保护法 art.51: encryption of personal
 * information), with a masked copy for lists; never shown or logged in full.
 */
@Table("terminal_outlet")
public class TerminalOutlet {

	@Id
	private Long id;

	private String name;

	private Long enterpriseId;

	private Long branchId;

	private String operatorCreditCode;

	private Long brandId;

	private String cooperation;

	private String address;

	private String regionCode;

	private BigDecimal longitude;

	private BigDecimal latitude;

	private String managerName;

	private byte[] managerIdCipher;

	private String managerIdMasked;

	private byte[] managerPhoneCipher;

	private String managerPhoneMasked;

	private BigDecimal storageArea;

	private boolean hasCommunications;

	private boolean hasShelving;

	private boolean hasSurveillance;

	private boolean hasSignage;

	private LocalDate openedOn;

	private String filingNumber;

	private OutletStatus status;

	/** The China-time day the outlet closed (its filing withdrawn, 撤销备案, or closed by the bureau); null while open. */
	private LocalDate closedOn;

	/** Why it closed (the 撤销备案's reason, the bureau's, or the enterprise's cancellation); null while open or before V279. */
	private String closedReason;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	TerminalOutlet() {
	}

	/** The manager's ID number and phone as stored: encrypted (key outside the database) and masked. */
	public record Manager(byte[] idCipher, String idMasked, byte[] phoneCipher, String phoneMasked) {
	}

	/** A newly registered outlet (not yet saved) from checked data and the encrypted manager numbers. */
	public static TerminalOutlet register(OutletData data, Manager manager, String operatorCreditCode, Long brandId,
			boolean demo, Instant now) {
		TerminalOutlet o = new TerminalOutlet();
		o.enterpriseId = data.enterpriseId();
		o.branchId = data.branchId();
		o.operatorCreditCode = operatorCreditCode;
		o.brandId = brandId;
		o.apply(data, manager);
		o.status = OutletStatus.PENDING;
		o.demo = demo;
		o.createdAt = now;
		return o;
	}

	/** Replaces the outlet data (checked) and the encrypted manager numbers. */
	public void apply(OutletData data, Manager manager) {
		name = data.name();
		cooperation = data.cooperation();
		address = data.address();
		regionCode = data.regionCode();
		longitude = data.longitude();
		latitude = data.latitude();
		managerName = data.managerName();
		managerIdCipher = manager.idCipher();
		managerIdMasked = manager.idMasked();
		managerPhoneCipher = manager.phoneCipher();
		managerPhoneMasked = manager.phoneMasked();
		storageArea = data.storageArea();
		hasCommunications = data.hasCommunications();
		hasShelving = data.hasShelving();
		hasSurveillance = data.hasSurveillance();
		hasSignage = data.hasSignage();
		openedOn = data.openedOn();
	}

	/**
	 * An outlet whose filing the bureau approved: added as filed, under the id and number reserved at approval (the
	 * filing owned the proposal until then).
	 */
	public static TerminalOutlet filed(long id, SealedOutletData data, String filingNumber, String operatorCreditCode,
			Long brandId, Instant now) {
		TerminalOutlet o = new TerminalOutlet();
		o.id = id;
		o.enterpriseId = data.enterpriseId();
		o.branchId = data.branchId();
		o.operatorCreditCode = operatorCreditCode;
		o.brandId = brandId;
		o.apply(data);
		o.filingNumber = filingNumber;
		o.status = OutletStatus.FILED;
		o.createdAt = now;
		return o;
	}

	/**
	 * An approved change (name, cooperation, location, manager, facilities, the branch it is run through — null: the
	 * enterprise itself); the operator and the opening day stay — the opening day is no item of a change (条例(2025)
	 * art.19) and moving it would wash out a late filing. A new outlet ({@link #filed}) takes the proposal's opening day.
	 */
	public void apply(SealedOutletData data) {
		if (status == OutletStatus.CLOSED) {
			throw DomainException.illegalTransition(Wording.of("refusal.registry.outletClosedChange"), "网点已关闭，不能再变更");
		}
		branchId = data.branchId();
		apply(new OutletData(data.name(), enterpriseId, branchId, data.cooperation(), data.address(), data.regionCode(),
				data.longitude(), data.latitude(), data.managerName(), null, null, data.storageArea(),
				data.hasCommunications(), data.hasShelving(), data.hasSurveillance(), data.hasSignage(),
				openedOn == null ? data.openedOn() : openedOn),
				new Manager(data.managerIdCipher(), data.managerIdMasked(), data.managerPhoneCipher(),
						data.managerPhoneMasked()));
	}

	/** The bureau files the outlet: it gets its filing number and becomes active in the registry. */
	public void markFiled(String number) {
		if (status != OutletStatus.PENDING) {
			throw DomainException.illegalTransition(Wording.of("registry.refusal.outletFileOnlyPending", status),
					"只有待备案的网点可以备案，当前为“" + status.label() + "”");
		}
		filingNumber = number;
		status = OutletStatus.FILED;
	}

	/**
	 * Closes the outlet as of {@code day} (China time): parcels it accepts from that day on are refused in the
	 * real-name records; {@code reason} is why (checked by the caller). Refused when already closed
	 * ({@code DomainException}).
	 */
	public void close(LocalDate day, String reason) {
		if (status == OutletStatus.CLOSED) {
			throw DomainException.illegalTransition(Wording.of("refusal.registry.outletClosed"), "网点已关闭");
		}
		status = OutletStatus.CLOSED;
		closedOn = day;
		closedReason = reason;
	}

	/** The day the outlet closed, or null while it is open. */
	public LocalDate closedOn() {
		return closedOn;
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

	/** The current status. */
	public OutletStatus status() {
		return status;
	}

	/** The id of the enterprise it belongs to. */
	public long enterpriseId() {
		return enterpriseId;
	}

	/** The branch it belongs to, or null. */
	public Long branchId() {
		return branchId;
	}

	/** The street address. */
	public String address() {
		return address;
	}

	/** The manager's ID number, encrypted. */
	public byte[] managerIdCipher() {
		return managerIdCipher;
	}

	/** The manager's phone, encrypted. */
	public byte[] managerPhoneCipher() {
		return managerPhoneCipher;
	}

	/** The fields the audit trail records as the before and after states of a change. */
	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("enterpriseId", enterpriseId);
		m.put("branchId", branchId);
		m.put("cooperation", cooperation);
		m.put("address", address);
		m.put("regionCode", regionCode);
		m.put("managerName", managerName);
		m.put("managerIdNumber", managerIdMasked);
		m.put("managerPhone", managerPhoneMasked);
		m.put("storageArea", storageArea);
		m.put("facilities", List.of(hasCommunications, hasShelving, hasSurveillance, hasSignage));
		m.put("openedOn", openedOn.toString());
		m.put("filingNumber", filingNumber);
		m.put("status", status);
		if (closedOn != null) {
			m.put("closedOn", closedOn.toString());
		}
		if (closedReason != null) {
			m.put("closedReason", closedReason);
		}
		return m;
	}
}
