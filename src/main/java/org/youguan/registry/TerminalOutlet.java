package org.youguan.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;

/**
 * A terminal outlet (末端网点): a fixed site serving users directly, filed (备案) rather than licensed. The manager's ID
 * number and phone are kept for the bureau's checks, encrypted at rest (个人信息保护法 art.51: encryption of personal
 * information), with a masked copy for lists; never shown or logged in full.
 */
@Table("terminal_outlet")
class TerminalOutlet {

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

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	TerminalOutlet() {
	}

	/** The manager's ID number and phone as stored: encrypted (key outside the database) and masked. */
	record Manager(byte[] idCipher, String idMasked, byte[] phoneCipher, String phoneMasked) {
	}

	static TerminalOutlet register(OutletData data, Manager manager, String operatorCreditCode, Long brandId,
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

	void apply(OutletData data, Manager manager) {
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
	static TerminalOutlet filed(long id, SealedOutletData data, String filingNumber, String operatorCreditCode,
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

	/** An approved change (name, cooperation, location, manager, facilities); the operator stays. */
	void apply(SealedOutletData data) {
		if (status == OutletStatus.CLOSED) {
			throw DomainException.illegalTransition("网点已关闭，不能再变更");
		}
		apply(new OutletData(data.name(), enterpriseId, branchId, data.cooperation(), data.address(), data.regionCode(),
				data.longitude(), data.latitude(), data.managerName(), null, null, data.storageArea(),
				data.hasCommunications(), data.hasShelving(), data.hasSurveillance(), data.hasSignage(), data.openedOn()),
				new Manager(data.managerIdCipher(), data.managerIdMasked(), data.managerPhoneCipher(),
						data.managerPhoneMasked()));
	}

	/** The bureau files the outlet: it gets its filing number and becomes active in the registry. */
	void markFiled(String number) {
		if (status != OutletStatus.PENDING) {
			throw DomainException.illegalTransition("只有待备案的网点可以备案，当前为“" + status.label() + "”");
		}
		filingNumber = number;
		status = OutletStatus.FILED;
	}

	void close() {
		if (status == OutletStatus.CLOSED) {
			throw DomainException.illegalTransition("网点已关闭");
		}
		status = OutletStatus.CLOSED;
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

	OutletStatus status() {
		return status;
	}

	long enterpriseId() {
		return enterpriseId;
	}

	Long branchId() {
		return branchId;
	}

	String address() {
		return address;
	}

	byte[] managerIdCipher() {
		return managerIdCipher;
	}

	byte[] managerPhoneCipher() {
		return managerPhoneCipher;
	}

	Map<String, Object> snapshot() {
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
		m.put("facilities", java.util.List.of(hasCommunications, hasShelving, hasSurveillance, hasSignage));
		m.put("openedOn", openedOn.toString());
		m.put("filingNumber", filingNumber);
		m.put("status", status);
		return m;
	}
}
