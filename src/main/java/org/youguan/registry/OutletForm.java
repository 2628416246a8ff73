package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

/**
 * The outlet fields of a form as typed (the enterprise's filing forms, the staff register and correction forms): text
 * fields parsed here, each parse failure named by its field.
 */
public record OutletForm(String name, String cooperation, String address, String regionCode, String longitude,
		String latitude, String managerName, String managerIdNumber, String managerPhone, String storageArea,
		boolean hasCommunications, boolean hasShelving, boolean hasSurveillance, boolean hasSignage, String openedOn) {

	/**
	 * The labels of the fields a form binds itself (the check boxes), naming a value that cannot be bound
	 * ({@code kernel.FormBinding}: "品牌标识应为是或否…" for a tampered {@code hasSignage=maybe}).
	 */
	public static final Map<String, String> LABELS = Map.of("hasCommunications", "通信设备", "hasShelving", "货架",
			"hasSurveillance", "视频监控", "hasSignage", "品牌标识");

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
				longitude(v, longitude), latitude(v, latitude), managerName,
				managerIdNumber, managerPhone, storageArea(v, storageArea), hasCommunications,
				hasShelving, hasSurveillance, hasSignage, v.date("openedOn", "开办日期", openedOn));
	}

	/** The least longitude (degrees east) an outlet in China has. */
	public static final int LONGITUDE_MIN = 73;

	/** The greatest longitude (degrees east) an outlet in China has. */
	public static final int LONGITUDE_MAX = 136;

	/** The least latitude (degrees north) an outlet in China has. */
	public static final int LATITUDE_MIN = 3;

	/** The greatest latitude (degrees north) an outlet in China has. */
	public static final int LATITUDE_MAX = 54;

	/** The integer digits of a longitude: its column, numeric(9,6), holds 73 … 136 degrees. */
	public static final int LONGITUDE_INTEGER_DIGITS = 3;

	/** The integer digits of a latitude: its column, numeric(8,6), holds 3 … 54 degrees. */
	public static final int LATITUDE_INTEGER_DIGITS = 2;

	/** The fraction digits a coordinate keeps (numeric(p,6)): a millionth of a degree. */
	public static final int COORDINATE_FRACTION_DIGITS = 6;

	/** The integer digits of a storage area (㎡): its column, numeric(8,2), holds less than 1000000. */
	public static final int STORAGE_AREA_INTEGER_DIGITS = 6;

	/** The fraction digits of a storage area: to the hundredth of a square metre. */
	public static final int STORAGE_AREA_FRACTION_DIGITS = 2;

	/**
	 * A longitude (经度, degrees) as typed — on a form, as a JSON body's number or text, or in a spreadsheet's cell
	 * (a number cell by its digits, a text cell as typed: full-width digits, a thousands comma in its place, − U+2212 as
	 * minus) — read by its column's digits ({@link #LONGITUDE_INTEGER_DIGITS}, {@link #COORDINATE_FRACTION_DIGITS}):
	 * the one reader of every path that takes an outlet's longitude, so each tells the same refusal
	 * («经度超出允许的位数（最多3位整数、6位小数）：120.1234567», never rounded to the column). Its range (73 … 136) is
	 * the outlet rules' ({@link Outlets#check}).
	 * @param v where a refusal is collected (rule {@code number}, {@code digits}, {@code thousands-separator})
	 * @param text the longitude as typed; blank for none
	 * @return the longitude, or null when blank or refused
	 */
	public static BigDecimal longitude(Validation v, String text) {
		return NumberField.LONGITUDE.read(v, text);
	}

	/**
	 * A latitude (纬度, degrees) as typed, read as {@link #longitude} reads a longitude, by its column's digits
	 * ({@link #LATITUDE_INTEGER_DIGITS}, {@link #COORDINATE_FRACTION_DIGITS}); its range (3 … 54) is the outlet rules'.
	 * @return the latitude, or null when blank or refused
	 */
	public static BigDecimal latitude(Validation v, String text) {
		return NumberField.LATITUDE.read(v, text);
	}

	/**
	 * A storage area (存储场地面积, ㎡) as typed — on a form, as a JSON body's number or text, or in a spreadsheet's cell —
	 * read by its column's digits ({@link #STORAGE_AREA_INTEGER_DIGITS}, {@link #STORAGE_AREA_FRACTION_DIGITS}), as
	 * {@link #longitude} reads a longitude: {@code 1E400}, {@code 1000000} or {@code 45.555} is refused on
	 * {@code storageArea} naming that limit («存储场地面积超出允许的位数（最多6位整数、2位小数）»), with every other
	 * error of the form, body or row, never rounded.
	 * @param v where a refusal is collected (rule {@code number} or {@code digits})
	 * @param text the area as typed; blank for none
	 * @return the area, or null when blank or refused
	 */
	public static BigDecimal storageArea(Validation v, String text) {
		return NumberField.STORAGE_AREA.read(v, text);
	}

	/**
	 * An outlet's number field — its name, label and its column's digits — and the one reader every path that takes it
	 * uses ({@link #longitude}, {@link #latitude}, {@link #storageArea}; the .xlsx import by the field, to tell a cell
	 * beyond any field's digits by the same digits).
	 */
	public enum NumberField {

		LONGITUDE("longitude", "经度", LONGITUDE_INTEGER_DIGITS, COORDINATE_FRACTION_DIGITS,
				"经度应在" + LONGITUDE_MIN + "至" + LONGITUDE_MAX + "之间"),
		LATITUDE("latitude", "纬度", LATITUDE_INTEGER_DIGITS, COORDINATE_FRACTION_DIGITS,
				"纬度应在" + LATITUDE_MIN + "至" + LATITUDE_MAX + "之间"),
		STORAGE_AREA("storageArea", "存储场地面积", STORAGE_AREA_INTEGER_DIGITS, STORAGE_AREA_FRACTION_DIGITS, null);

		private final String field;

		private final String label;

		private final int integerDigits;

		private final int fractionDigits;

		private final String range;

		NumberField(String field, String label, int integerDigits, int fractionDigits, String range) {
			this.field = field;
			this.label = label;
			this.integerDigits = integerDigits;
			this.fractionDigits = fractionDigits;
			this.range = range;
		}

		/**
		 * The refusal of a coordinate outside China's span ("经度应在73至136之间", rule {@code range}) — the outlet rules'
		 * ({@link Outlets#check}) and the reader's for a number of more integer digits than the column's; null for the
		 * storage area, which has its digits only.
		 */
		public String range() {
			return range;
		}

		/** The field's Chinese name, as a refusal and the import template's column name it. */
		public String label() {
			return label;
		}

		/** The integer digits its column holds. */
		public int integerDigits() {
			return integerDigits;
		}

		/** The fraction digits its column holds. */
		public int fractionDigits() {
			return fractionDigits;
		}

		/**
		 * The number as typed ({@link Validation#decimal}: full-width digits, a thousands comma in its place and − as
		 * minus taken; an exponent, text or more digits than the column holds refused on the field, never rounded).
		 * @return the number, or null when blank or refused (the refusal collected in {@code v})
		 */
		public BigDecimal read(Validation v, String text) {
			Validation own = new Validation();
			BigDecimal d = own.decimal(field, label, text, integerDigits, fractionDigits);
			own.errors().forEach(e -> {
				// a coordinate of more integer digits than its column's (1200.5) lies outside China: told its span, as a
				// coordinate within the digits but outside the span is by the outlet rules
				boolean outside = range != null && "digits".equals(e.rule()) && integerDigitsBeyond(text);
				v.require(field, false, outside ? "range" : e.rule(),
						outside ? range + "：" + Decimals.echo(Text.strip(text)) : e.message());
			});
			return d;
		}

		/** Whether {@code text} is a number (as the reader reads it) of more integer digits than the column holds. */
		private boolean integerDigitsBeyond(String text) {
			try {
				BigDecimal n = Decimals.parse(field, label, text, Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
				return n != null && Decimals.integerDigits(n) > integerDigits;
			}
			catch (InvalidValueException ex) {
				return false;
			}
		}
	}

	private static String text(BigDecimal d) {
		return d == null ? "" : d.toPlainString();
	}
}
