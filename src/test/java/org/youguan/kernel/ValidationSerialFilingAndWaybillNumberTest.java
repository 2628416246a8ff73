package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The character rules of the identifiers the generic identifier rule alone held: a screening machine's 设备序列号
 * ({@link Validation#serialNumber}), an outlet's 备案编号 given before YouGuan ({@link Validation#filingNumber}) and a
 * complaint's 运单号 ({@link Validation#waybillNumber}, the parcel records' one rule {@link WaybillNumber}). Markup,
 * quotes, semicolons are refused naming the field and the character; invisible characters as every identifier.
 */
class ValidationSerialFilingAndWaybillNumberTest {

	static String serial(String number) {
		return rules(new Validation().serialNumber("serialNumber", "设备序列号", number));
	}

	static String filing(String number) {
		return rules(new Validation().filingNumber("filingNumber", "备案编号", number));
	}

	static String waybill(String number) {
		return rules(new Validation().waybillNumber("waybillNumber", "运单号", number));
	}

	private static String rules(Validation v) {
		return String.join(",", v.errors().stream().map(FieldError::rule).toList());
	}

	@Test
	void aMachineSerialIsWrittenOnlyWithWhatNameplatesPrint() {
		var errors = new Validation().serialNumber("serialNumber", "设备序列号", "XR<b>1").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("serialNumber", "serial-number"));
		assertThat(errors.get(0).message()).startsWith("设备序列号只能由").contains("“<”");
		for (String bad : new String[] { "XR\"1\"", "XR-1;DROP", "XR&1", "安检机1", "XR'1", "XR#1" }) {
			assertThat(serial(bad)).as(bad).isEqualTo("serial-number");
		}
		assertThat(serial("XR-\u200B1")).isEqualTo("invisible-character");
		for (String good : new String[] { "XR-320506-4", "xr 320506 4", "XR_L_01", "NUC6550.2021/0034", "ＸＲ－１" }) {
			assertThat(serial(good)).as(good).isEmpty();
		}
		assertThat(serial(null)).isEmpty();
	}

	@Test
	void aFilingNumberIsWrittenOnlyWithWhatFilingNumbersAreWrittenWith() {
		var errors = new Validation().filingNumber("filingNumber", "备案编号", "苏<script>1").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("filingNumber", "filing-number"));
		assertThat(errors.get(0).message()).startsWith("备案编号只能由").contains("“<”");
		for (String bad : new String[] { "苏备2019/001", "苏备\"1\"", "苏备1;1", "苏备#1", "WDBA.1" }) {
			assertThat(filing(bad)).as(bad).isEqualTo("filing-number");
		}
		for (String good : new String[] { "苏快备〔2019〕第0123号", "WDBA-320506-2019-0001", "旧全-ab12", "苏邮备字(2019)001",
				"WD_2019_01", "网点备案 320506 2019 1" }) {
			assertThat(filing(good)).as(good).isEmpty();
		}
	}

	/** The complaint's 运单号 keeps the parcel records' rule as it is stored (full-width as ASCII, spaces inside out). */
	@Test
	void aComplaintsWaybillNumberKeepsTheParcelRecordsRule() {
		var errors = new Validation().waybillNumber("waybillNumber", "运单号", "SF<b>1").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule)
			.containsExactly(tuple("waybillNumber", "waybill-number"));
		assertThat(errors.get(0).message()).isEqualTo("运单号应为" + WaybillNumber.FORM + "，不能含有“<”");
		for (String bad : new String[] { "顺丰SF123", "SF/123", "SF.123", "SF_123", "SF'1", "--", "SF123;1" }) {
			assertThat(waybill(bad)).as(bad).isEqualTo("waybill-number");
		}
		assertThat(waybill("SF\u200B123")).isEqualTo("invisible-character");
		assertThat(waybill("13912345678")).isEqualTo("personal-number");
		for (String good : new String[] { "SF1234567890123", "sf 7000 0001", "ＳＦ１２３", "JDVA-00000001", "7" }) {
			assertThat(waybill(good)).as(good).isEmpty();
			assertThat(WaybillNumber.wellFormed(Text.identifier(good).replace(" ", ""))).as(good).isTrue();
		}
		assertThat(waybill(null)).isEmpty();
		assertThat(waybill(" ")).isEmpty();
	}
}
