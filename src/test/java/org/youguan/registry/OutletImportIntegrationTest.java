package org.youguan.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.internal.outlets.OutletImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@IntegrationTest
class OutletImportIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	OutletImport importer;

	@Autowired
	Outlets outlets;

	static byte[] workbook(List<List<String>> rows) {
		return Workbooks.of(OutletImport.HEADERS, rows);
	}

	static String id() {
		String first17 = "32050619850101" + String.format("%03d", (int) (Math.random() * 1000));
		return first17 + IdCardNumber.checkCharacter(first17);
	}

	static List<String> outlet(String name, String coop, String region, String filingNumber) {
		return List.of(name, RegistryIntegrationTest.DemoCodes.SF_WUZHONG, coop, "导入路" + UUID.randomUUID().toString().substring(0, 4) + "号",
				region, "120.6", "31.2", "王五", id(), "13812345678", "30", "是", "是", "是", "是", "2026-01-15", filingNumber);
	}

	@Test
	void importsPendingAndAlreadyFiledOutletsKeepingTheirNumbers() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String number = "旧备案-" + suffix;
		var result = importer.importFile(SUZHOU, workbook(List.of(outlet("导入网点甲" + suffix, "加盟", "320506001", number),
				outlet("导入网点乙" + suffix, "合作", "320506001", ""))));
		assertThat(result.rejected()).isFalse();
		assertThat(result.imported()).isEqualTo(2);
		var found = outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("导入网点", 0, 50, null, false)).items().stream()
			.filter(o -> o.name().endsWith(suffix))
			.toList();
		assertThat(found).extracting(OutletView::status).containsExactlyInAnyOrder(OutletStatus.FILED, OutletStatus.PENDING);
		assertThat(found).extracting(OutletView::filingNumber).contains(number);
	}

	/**
	 * A 备案编号 in the sheet is read as {@code Text.identifier} writes it: a historic number in full-width digits is
	 * stored in ASCII, and a number of the series' form — a county's or a city's bureau's, a sequence past 999999, typed
	 * with other dashes or without its padding — is refused as one only the series issues.
	 */
	@Test
	void aTypedFilingNumberIsStoredAsWrittenAndTheSeriesFormIsRefusedHoweverTyped() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		var result = importer.importFile(SUZHOU, workbook(List.of(outlet("全角编号网点" + suffix, "加盟", "320506001",
				"苏邮网备〔２０２４〕" + suffix))));
		assertThat(result.rejected()).isFalse();
		assertThat(outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("全角编号网点" + suffix, 0, 5, null, false)).items())
			.extracting(OutletView::filingNumber).containsExactly("苏邮网备〔2024〕" + suffix);
		for (String typed : List.of("网点备案\u2013" + "3205\u20132026\u20137", "网点备案 - 320506 - 2026 - 12",
				"网点备案-３２０５-２０２６-０００００９", "网点备案-320506-2026-1234567")) {
			var refused = importer.importFile(SUZHOU, workbook(List.of(outlet("系列编号网点" + suffix, "加盟", "320506001", typed))));
			assertThat(refused.rejected()).as(typed).isTrue();
			assertThat(refused.errors().get(0).errors()).as(typed).extracting(FieldError::rule).contains("issued-form");
		}
	}

	/** A 备案编号 in the sheet keeps the form's rule (filing-number), naming the column and the character. */
	@Test
	void aFilingNumberWithMarkupIsRefusedByTheFormsRule() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		var refused = importer.importFile(SUZHOU, workbook(List.of(outlet("标记编号网点" + suffix, "加盟", "320506001",
				"苏备<b>" + suffix))));
		assertThat(refused.rejected()).isTrue();
		assertThat(refused.errors().get(0).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(tuple("备案编号", "filing-number"));
		assertThat(refused.errors().get(0).errors()).extracting(FieldError::message)
			.anySatisfy(m -> assertThat(m).contains("备案编号只能由").contains("“<”"));
	}

	/**
	 * Coordinates beyond every field's digits — 35 digits, or 1e-40000000 typed — are refused by the coordinate's own
	 * digits (经度 3 and 6, 纬度 2 and 6; rule {@code digits}), not by the cell reader's loose 30.
	 */
	@Test
	void coordinatesBeyondEveryFieldsDigitsStateTheirOwnDigits() throws Exception {
		List<String> row = new ArrayList<>(outlet("坐标超长网点" + UUID.randomUUID().toString().substring(0, 6), "加盟", "320506001", ""));
		row.set(5, "1".repeat(35));
		row.set(6, "1e-40000000");
		var result = importer.importFile(SUZHOU, workbook(List.of(row)));
		assertThat(result.rejected()).isTrue();
		List<FieldError> errors = result.errors().get(0).errors();
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("经度");
			assertThat(e.rule()).isEqualTo("digits");
			assertThat(e.message()).startsWith("经度超出允许的位数（最多3位整数、6位小数）");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("纬度");
			assertThat(e.rule()).isEqualTo("digits");
			assertThat(e.message()).startsWith("纬度超出允许的位数（最多2位整数、6位小数）");
		});
	}

	@Test
	void everyBadRowIsReportedAndNothingIsImported() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<String> good = outlet("好网点" + suffix, "加盟", "320506001", "");
		List<String> badCoop = outlet("合作方式错" + suffix, "承包", "320506001", "");
		List<String> badRegion = outlet("区划太粗" + suffix, "加盟", "320506", "");
		List<String> badYes = new ArrayList<>(outlet("设施填错" + suffix, "自营", "320506001", ""));
		badYes.set(11, "有");
		var result = importer.importFile(SUZHOU, workbook(List.of(good, badCoop, badRegion, badYes, good)));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3, 4, 5, 6);
		assertThat(result.errors().get(0).errors()).extracting(FieldError::field).contains("合作方式");
		assertThat(result.errors().get(1).errors()).extracting(FieldError::rule).contains("street-level");
		assertThat(result.errors().get(2).errors()).extracting(FieldError::field).contains("通信设施");
		assertThat(result.errors().get(3).errors()).extracting(FieldError::message).anySatisfy(m -> assertThat(m).contains("同名同址"));
		assertThat(outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("好网点" + suffix, 0, 5, null, false)).total()).isZero();
	}

	@Test
	void oneBadCellHidesNoOtherOfTheSameRow() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<String> row = new ArrayList<>(outlet("多处错误" + suffix, "承包", "320506", ""));
		row.set(1, "91320506MA1XXXXXX0");
		row.set(8, "110105194912310021");
		row.set(10, "-3");
		var result = importer.importFile(SUZHOU, workbook(List.of(row)));
		assertThat(result.rejected()).isTrue();
		List<FieldError> errors = result.errors().get(0).errors();
		assertThat(errors).extracting(FieldError::field).contains("运营企业统一社会信用代码", "合作方式", "行政区划代码",
				"负责人身份证号", "存储场地面积");
		assertThat(errors).filteredOn(e -> e.field().equals("合作方式")).as("the cell is reported once").hasSize(1);
	}

	/**
	 * A name or address with no-break spaces around it (U+00A0, U+202F, U+2007: what Word, web pages and Excel leave
	 * after a name) is the name it shows: stored without them, and the same outlet again is refused as the one already at
	 * that address; a region code with a trailing NBSP is the code.
	 */
	@Test
	void noBreakSpacesAroundANameOrAddressMakeNoSecondOutletAtTheAddress() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<String> spaced = new ArrayList<>(outlet("空格网点" + suffix, "加盟", "320506001", ""));
		String address = spaced.get(3);
		spaced.set(0, "空格网点" + suffix + "\u00A0");
		spaced.set(3, "\u202F" + address + "\u2007");
		spaced.set(4, "320506001\u00A0");
		var first = importer.importFile(SUZHOU, workbook(List.of(spaced)));
		assertThat(first.errors()).isEmpty();
		assertThat(outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("空格网点" + suffix, 0, 5, null, false)).items())
			.extracting(OutletView::name, OutletView::address).containsExactly(tuple("空格网点" + suffix, address));
		List<String> plain = new ArrayList<>(outlet("空格网点" + suffix, "加盟", "320506001", ""));
		plain.set(3, address);
		var again = importer.importFile(SUZHOU, workbook(List.of(plain)));
		assertThat(again.rejected()).isTrue();
		assertThat(again.errors().get(0).errors()).extracting(FieldError::message).contains("该地址已有同名网点");
	}

	/**
	 * Finding 3 (duties): an operator's code that cannot be one (a wrong check character) was told "辖区内没有该统一社会信用
	 * 代码的企业", as a real code of no enterprise; now by the rule it breaks, on its column.
	 */
	@Test
	void aMalformedOperatorCodeIsToldTheCodesRuleOnItsColumn() throws Exception {
		List<String> row = new ArrayList<>(outlet("代码错误网点" + UUID.randomUUID().toString().substring(0, 6), "加盟", "320506001", ""));
		String good = row.get(1);
		row.set(1, good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0'));
		var result = importer.importFile(SUZHOU, workbook(List.of(row)));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors().get(0).errors()).filteredOn(e -> e.field().equals("运营企业统一社会信用代码"))
			.extracting(FieldError::rule).containsExactly("check-character");
	}
}
