package org.youguan;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.documents.TemplateExamples;
import org.youguan.documents.TypedWorkbook;
import org.youguan.kernel.CreditCode;
import org.youguan.registry.internal.branches.BranchImport;
import org.youguan.registry.internal.enterprises.EnterpriseImport;
import org.youguan.registry.internal.outlets.OutletImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Finding (an import's own failures read Chinese in English mode): each import's failures of its own — a look-up that
 * finds nothing, a code of another jurisdiction, a value of a kind the column does not take, a cell Excel keeps as a
 * number, a day out of range, too many digits, a file without rows — carry their sentence's key, so a reader in
 * English reads every one of them in English in the annotated sheet (and on the page), no Chinese character in them.
 * Each failure is found by its English words and read whole: the column's English name and the sentence.
 */
@IntegrationTest
class ImportsInEnglishIntegrationTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** The history import's columns, as its template has them. */
	private static final List<String> HISTORY = List.of("指标代码", "月份", "行政区划代码", "品牌", "数值");

	@Autowired
	MockMvc mvc;

	/** History: an unknown indicator, a township, a region of another jurisdiction, a value of too many digits. */
	@Test
	void historyImportFailuresReadInEnglish() throws Exception {
		String month = HistoryImportMonth.lastMonth();
		byte[] sheet = new TypedWorkbook(HISTORY)
			.row(List.of("no.such.indicator", month, "320505", "", 5))
			.row(List.of("express.volume.intercity", month, TemplateExamples.STREET, "", 5))
			.row(List.of("express.volume.intercity", month, "110101", "", 5))
			.row(List.of("express.volume.intercity", month, "320505", "", "123456789012345678901"))
			.bytes();
		List<String> failures = refused("sz.admin", "/statistics/history/import", sheet);
		saysInEnglish(failures, "Indicator code not found: no.such.indicator",
				"History is imported by province, city or county regions only",
				"This region is outside your jurisdiction", "has more digits than allowed");
	}

	/** A sheet of headers only: the file's refusal in English on the page. */
	@Test
	void anImportWithoutRowsIsRefusedInEnglish() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		byte[] empty = new TypedWorkbook(HISTORY).bytes();
		MockHttpServletResponse refused = mvc.perform(multipart("/statistics/history/import").param("lang", "en")
			.file(new MockMultipartFile("file", "history.xlsx", null, empty)).session(session).with(csrf()))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		String body = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("The file has no data rows").doesNotContain("文件中没有数据行");
	}

	/** Outlets: an operator not in the jurisdiction, an ID number kept as a number, an opening day before 1949. */
	@Test
	void outletImportFailuresReadInEnglish() throws Exception {
		List<Object> row = new ArrayList<>(Arrays.asList(new Object[OutletImport.HEADERS.size()]));
		set(row, OutletImport.HEADERS, "网点名称", "EN outlet " + UUID.randomUUID());
		set(row, OutletImport.HEADERS, "运营企业统一社会信用代码", unknownCreditCode());
		set(row, OutletImport.HEADERS, "负责人身份证号", 110105194912310021L);
		set(row, OutletImport.HEADERS, "开办日期", "1900-01-01");
		byte[] sheet = new TypedWorkbook(OutletImport.HEADERS).row(row).bytes();
		List<String> failures = refused("sz.market", "/registry/outlets/import", sheet);
		saysInEnglish(failures, "No enterprise in your jurisdiction has this unified social credit code",
				"must be entered as text", "must not be before 1949-10-01");
	}

	/** Enterprises and branches: a brand that does not exist, a licence of no one in the jurisdiction. */
	@Test
	void registryLookUpFailuresReadInEnglish() throws Exception {
		List<Object> enterprise = new ArrayList<>(Arrays.asList(new Object[EnterpriseImport.HEADERS.size()]));
		set(enterprise, EnterpriseImport.HEADERS, "企业名称", "EN enterprise " + UUID.randomUUID());
		set(enterprise, EnterpriseImport.HEADERS, "品牌", "NoSuchBrand");
		saysInEnglish(refused("sz.market", "/registry/enterprises/import",
				new TypedWorkbook(EnterpriseImport.HEADERS).row(enterprise).bytes()), "Brand not found: NoSuchBrand");

		List<Object> branch = new ArrayList<>(Arrays.asList(new Object[BranchImport.HEADERS.size()]));
		set(branch, BranchImport.HEADERS, "分支机构名称", "EN branch " + UUID.randomUUID());
		set(branch, BranchImport.HEADERS, "许可证编号", "NO-SUCH-LICENCE-" + UUID.randomUUID().toString().substring(0, 8));
		saysInEnglish(refused("sz.market", "/registry/branches/import",
				new TypedWorkbook(BranchImport.HEADERS).row(branch).bytes()),
				"No licence in your jurisdiction has this number");
	}

	/** Licensing: a kind and a decision that are none. */
	@Test
	void licensingImportFailuresReadInEnglish() throws Exception {
		List<String> headers = List.of("申请人统一社会信用代码", "申请人名称", "申请类型", "业务范围", "收到申请日期", "决定");
		byte[] sheet = new TypedWorkbook(headers)
			.row(Arrays.asList(null, "EN applicant " + UUID.randomUUID(), "XYZ", null, "2025-03-03", "XYZ"))
			.bytes();
		saysInEnglish(refused("sz.market", "/licensing/import", sheet), "must be one of", "not “XYZ”",
				"must be approved, refused or undecided");
	}

	/** Penalty cases: an amount that is none, a penalty that is none. */
	@Test
	void penaltyImportFailuresReadInEnglish() throws Exception {
		List<String> headers = List.of("当事人统一社会信用代码", "违法行为", "案件来源", "立案日期", "决定日期", "决定书文号", "处罚种类",
				"罚款金额（元）");
		byte[] sheet = new TypedWorkbook(headers)
			.row(Arrays.asList(null, null, null, "2024-03-05", null, null, "XYZ", "abc"))
			.bytes();
		saysInEnglish(refused("sz.market", "/enforcement/import", sheet), "must be an amount", "(or its code:");
	}

	/**
	 * Uploads the sheet in English mode as {@code user}; the import is refused (422) and its annotated sheet read: each
	 * failure of each row ("column: message").
	 */
	private List<String> refused(String user, String page, byte[] sheet) throws Exception {
		MockHttpSession session = SignIn.session(mvc, user);
		MockHttpServletResponse refused = mvc.perform(multipart(page).param("lang", "en")
			.file(new MockMultipartFile("file", "import.xlsx", null, sheet)).session(session).with(csrf()))
			.andReturn().getResponse();
		String body = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused.getStatus()).as(body).isEqualTo(422);
		Matcher link = Pattern.compile(Pattern.quote(page) + "/errors/[0-9a-f-]{36}\\.xlsx").matcher(body);
		assertThat(link.find()).as(body).isTrue();
		byte[] annotated = mvc.perform(get(link.group()).session(session)).andReturn().getResponse().getContentAsByteArray();
		List<String> failures = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			Sheet first = book.getSheetAt(0);
			Row head = first.getRow(first.getFirstRowNum());
			int column = head.getLastCellNum() - 1;
			assertThat(head.getCell(column).getStringCellValue()).isEqualTo("Errors");
			for (Row row : first) {
				Cell cell = row.getCell(column);
				if (row != head && cell != null && !cell.getStringCellValue().isEmpty()) {
					failures.addAll(Arrays.asList(cell.getStringCellValue().split("; ")));
				}
			}
		}
		return failures;
	}

	/** Each fragment is said by a failure that holds no Chinese character, its column named in English too. */
	private static void saysInEnglish(List<String> failures, String... fragments) {
		for (String fragment : fragments) {
			String failure = failures.stream().filter(f -> f.contains(fragment)).findFirst().orElse(null);
			assertThat(failure).as("a failure saying “%s” among %s", fragment, failures).isNotNull();
			assertThat(HAN.matcher(failure).find()).as(failure).isFalse();
		}
	}

	private static void set(List<Object> row, List<String> headers, String column, Object value) {
		row.set(headers.indexOf(column), value);
	}

	/** A well-formed credit code no enterprise of the register holds. */
	private static String unknownCreditCode() {
		String first17 = "91110000MA" + String.format("%07d", (int) (Math.random() * 9_000_000) + 1_000_000);
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** The last ended month, as the history import takes it (the year rule: this year or the last). */
	private static final class HistoryImportMonth {

		static String lastMonth() {
			return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
		}
	}
}
