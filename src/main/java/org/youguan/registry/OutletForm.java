package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.youguan.kernel.Validation;

/**
 * The outlet fields of a form as typed (the enterprise's filing forms, the staff register and correction forms): text
 * fields parsed here, each parse failure named by its field.
 */
public record OutletForm(String name, String cooperation, String address, String regionCode, String longitude,
		String latitude, String managerName, String managerIdNumber, String managerPhone, String storageArea,
		boolean hasCommunications, boolean hasShelving, boolean hasSurveillance, boolean hasSignage, String openedOn) {

	public static OutletForm empty() {
		return new OutletForm("", "FRANCHISE", "", "", "", "", "", "", "", "", true, true, true, true, "");
	}

	/** A filed outlet as the starting point of a change (the manager's numbers must be entered again). */
	public static OutletForm of(OutletView o) {
		return new OutletForm(o.name(), o.cooperation(), o.address(), o.regionCode(), text(o.longitude()),
				text(o.latitude()), o.managerName(), "", "", text(o.storageArea()), o.hasCommunications(), o.hasShelving(),
				o.hasSurveillance(), o.hasSignage(), o.openedOn().toString());
	}

	/**
	 * An outlet as filed (a filing's proposal) as the starting point of its 补正: the manager's numbers are not shown
	 * (blank keeps the filed ones).
	 */
	public static OutletForm of(OutletData d) {
		return new OutletForm(d.name(), d.cooperation(), d.address(), d.regionCode(), text(d.longitude()),
				text(d.latitude()), d.managerName(), "", "", text(d.storageArea()), d.hasCommunications(), d.hasShelving(),
				d.hasSurveillance(), d.hasSignage(), d.openedOn() == null ? "" : d.openedOn().toString());
	}

	public OutletData toData(long enterpriseId, Validation v) {
		return new OutletData(name, enterpriseId, null, cooperation, address, regionCode,
				v.decimal("longitude", "经度", longitude), v.decimal("latitude", "纬度", latitude), managerName,
				managerIdNumber, managerPhone, storageArea(v, storageArea), hasCommunications,
				hasShelving, hasSurveillance, hasSignage, v.date("openedOn", "开办日期", openedOn));
	}

	/** The integer digits of a storage area (㎡): its column, numeric(8,2), holds less than 1000000. */
	public static final int STORAGE_AREA_INTEGER_DIGITS = 6;

	/** The fraction digits of a storage area: to the hundredth of a square metre. */
	public static final int STORAGE_AREA_FRACTION_DIGITS = 2;

	/**
	 * A storage area (存储场地面积) as typed — on a form or as a JSON body's number or text — read by its own digits
	 * ({@link #STORAGE_AREA_INTEGER_DIGITS}, {@link #STORAGE_AREA_FRACTION_DIGITS}): {@code 1E400} is refused on
	 * {@code storageArea} naming that limit («存储场地面积超出允许的位数（最多6位整数、2位小数）»), with every other
	 * error of the form or body, not a body reader's bound alone.
	 * @param v where a refusal is collected (rule {@code number} or {@code digits})
	 * @param text the area as typed; blank for none
	 * @return the area, or null when blank or refused
	 */
	public static BigDecimal storageArea(Validation v, String text) {
		return v.decimal("storageArea", "存储场地面积", text, STORAGE_AREA_INTEGER_DIGITS, STORAGE_AREA_FRACTION_DIGITS);
	}

	private static String text(BigDecimal d) {
		return d == null ? "" : d.toPlainString();
	}
}
