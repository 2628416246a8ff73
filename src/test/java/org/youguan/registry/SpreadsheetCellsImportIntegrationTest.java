package org.youguan.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.internal.licences.LicenceImport;
import org.youguan.registry.internal.outlets.OutletImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.documents.TypedWorkbook.builtin;
import static org.youguan.documents.TypedWorkbook.format;
import static org.youguan.documents.TypedWorkbook.formula;

/**
 * Registry imports read cells as a person sees them in Excel: real date cells in every Chinese format, numbers shown
 * rounded taken unrounded, formulas as their results, codes typed as numbers, TRUE for 是 — and a sheet bordered down
 * to row 60,000 around one data row is imported.
 */
@IntegrationTest
class SpreadsheetCellsImportIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	static final LocalDate OPENED = LocalDate.of(2026, 1, 15);

	@Autowired
	OutletImport outletImport;

	@Autowired
	LicenceImport licenceImport;

	@Autowired
	Outlets outlets;

	@Autowired
	Licences licences;

	@Autowired
	Enterprises enterprises;

	String unlicensed() {
		return RegistryIntegrationTest.unlicensed(enterprises);
	}

	static String id() {
		String first17 = "32050619850101" + String.format("%03d", (int) (Math.random() * 1000));
		return first17 + IdCardNumber.checkCharacter(first17);
	}

	/** An outlet row whose 开办日期, 存储场地面积 and 经度 cells are given. */
	static List<Object> outlet(String name, Object openedOn, Object area, Object longitude) {
		List<Object> row = new ArrayList<>(List.of(name, RegistryIntegrationTest.DemoCodes.SF_WUZHONG, "加盟",
				"导入路" + UUID.randomUUID().toString().substring(0, 6) + "号", 320506001, longitude, "31.26", "王五", id(),
				13812345678L, area, "是", true, "是", "是", openedOn));
		return row;
	}

	List<OutletView> imported(String suffix) {
		return outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery(suffix, 0, 50, null, false)).items();
	}

	@Test
	void outletCellsAreReadAsTheirValues() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		TypedWorkbook book = new TypedWorkbook(OutletImport.HEADERS)
			.row(outlet("内置格式14" + suffix, OPENED, format(2470.58, "#,##0"), 120.61))
			.row(outlet("斜杠日期" + suffix, format(OPENED, "yyyy/m/d"), 30, formula("120+0.61")))
			.row(outlet("年月日" + suffix, format(OPENED, "yyyy\"年\"m\"月\"d\"日\""), "30", "120.61"))
			.row(outlet("美式日期" + suffix, format(OPENED, "m/d/yy"), format(30, "0.00"), 120.61))
			.row(outlet("中文内置" + suffix, builtin(OPENED, 31), 30, 120.61))
			.row(outlet("公式日期" + suffix, formula("DATE(2026,1,15)", "yyyy-mm-dd"), 30, 120.61))
			.row(outlet("文字日期" + suffix, "2026年1月15日", 30, 120.61))
			.row(outlet("紧凑日期" + suffix, 20260115, 30, 120.61));
		ImportResult result = outletImport.importFile(SUZHOU, book.bytes());
		assertThat(result.errors()).isEmpty();
		assertThat(result.imported()).isEqualTo(8);
		List<OutletView> found = imported(suffix);
		assertThat(found).hasSize(8).allSatisfy(o -> {
			assertThat(o.openedOn()).as(o.name()).isEqualTo(OPENED);
			assertThat(o.regionCode()).isEqualTo("320506001");
			assertThat(o.longitude()).isEqualByComparingTo("120.61");
			assertThat(o.hasShelving()).isTrue();
			assertThat(o.managerPhoneMasked()).isEqualTo("138****5678");
		});
		assertThat(found).filteredOn(o -> o.name().startsWith("内置格式14")).singleElement()
			.satisfies(o -> assertThat(o.storageArea()).as("2470.58 shown as #,##0").isEqualByComparingTo("2470.58"));
	}

	@Test
	void oneDataRowInASheetBorderedDownToRow60000IsImported() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<Object> row = new ArrayList<>(outlet("边框表格" + suffix, "2026-01-15", "30", "120.61"));
		row.replaceAll(v -> v instanceof Number n ? String.valueOf(n.longValue()) : v instanceof Boolean ? "是" : v);
		TypedWorkbook book = new TypedWorkbook(OutletImport.HEADERS).row(row).borderedDownTo(60_000);
		ImportResult result = outletImport.importFile(SUZHOU, book.bytes());
		assertThat(result.errors()).isEmpty();
		assertThat(result.imported()).isEqualTo(1);
	}

	@Test
	void anErrorCellIsARowErrorAndNothingIsImported() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		TypedWorkbook book = new TypedWorkbook(OutletImport.HEADERS)
			.row(outlet("好行" + suffix, OPENED, 30, 120.61))
			.row(outlet("错误值" + suffix, OPENED, formula("30/0"), 120.61))
			.row(outlet("坏日期" + suffix, "2026-02-30", 30, 120.61));
		ImportResult result = outletImport.importFile(SUZHOU, book.bytes());
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3, 4);
		assertThat(result.errors().get(0).errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("存储场地面积");
			assertThat(e.rule()).isEqualTo("cell-error");
			// told what to type instead, by what the import reads the column as (an area: a number)
			assertThat(e.message()).contains("#DIV/0!").endsWith("请改正公式，或将该单元格改为数值");
		});
		assertThat(result.errors().get(1).errors()).extracting(FieldError::field, FieldError::rule)
			.contains(Tuple.tuple("开办日期", "date"));
		assertThat(imported(suffix)).isEmpty();
	}

	@Test
	void licenceDatesInChineseFormats() {
		String number = "苏邮" + String.format("%06d", 900_000 + (int) (Math.random() * 99_999));
		TypedWorkbook book = new TypedWorkbook(LicenceImport.HEADERS).row(List.of(number,
				unlicensed(), "省内", "江苏省邮政管理局",
				format(LocalDate.of(2024, 3, 1), "[$-804]yyyy\"年\"m\"月\"d\"日\";@"), format(LocalDate.of(2029, 2, 28), "yyyy/m/d")));
		ImportResult result = licenceImport.importFile(SUZHOU, RegistryIntegrationTest.JIANGSU, book.bytes());
		assertThat(result.errors()).isEmpty();
		assertThat(licences.findByNumber(SUZHOU, number)).get().satisfies(l -> {
			assertThat(l.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
			assertThat(l.expiresOn()).isEqualTo(LocalDate.of(2029, 2, 28));
		});
	}

	@Test
	void anUnreadableLicenceCellHidesNoneOfTheRowsOtherFailures() {
		String number = "苏邮" + String.format("%06d", 900_000 + (int) (Math.random() * 99_999));
		TypedWorkbook book = new TypedWorkbook(LicenceImport.HEADERS)
			// no such day, and a number of the wrong form, and no issuing bureau
			.row(List.of("坏编号", unlicensed(), "省内", "", "2024-02-30", "2029-02-28"))
			// an error value where the day should be, an unknown scope
			.row(List.of(number, unlicensed(), "火星", "江苏省邮政管理局", formula("1/0"),
					"2029-02-28"));
		ImportResult result = licenceImport.importFile(SUZHOU, RegistryIntegrationTest.JIANGSU, book.bytes());
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3);
		assertThat(result.errors().get(0).errors()).extracting(e -> e.field() + ":" + e.rule())
			.containsExactlyInAnyOrder("发证日期:date", "许可证编号:pattern", "发证机关:required");
		assertThat(result.errors().get(1).errors()).extracting(e -> e.field() + ":" + e.rule())
			.containsExactlyInAnyOrder("发证日期:cell-error", "业务范围:dictionary");
		assertThat(result.errors().get(1).errors()).filteredOn(e -> e.rule().equals("cell-error")).singleElement()
			.satisfies(e -> assertThat(e.message()).endsWith("或将该单元格改为日期"));
		assertThat(licences.findByNumber(SUZHOU, number)).isEmpty();
	}

	@Test
	void anIdNumberTypedAsANumberIsNamedForWhatExcelDidToIt() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<Object> row = outlet("数字身份证" + suffix, OPENED, 30, 120.61);
		row.set(8, 110105194912310021L);
		ImportResult result = outletImport.importFile(SUZHOU, new TypedWorkbook(OutletImport.HEADERS).row(row).bytes());
		assertThat(result.errors()).singleElement().satisfies(r -> assertThat(r.errors())
			.extracting(FieldError::field, FieldError::rule)
			.contains(Tuple.tuple("负责人身份证号", "text-cell")));
	}
}
