package org.youguan.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.internal.enterprises.EnterpriseImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class EnterpriseImportIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	EnterpriseImport importer;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MockMvc mvc;

	static String code() {
		String base = "91320506MA" + org.youguan.RandomDigits.of(7);
		return base + CreditCode.checkCharacter(base);
	}

	static byte[] workbook(List<List<String>> rows) {
		return Workbooks.of(EnterpriseImport.HEADERS, rows);
	}

	static List<String> enterprise(String name, String code, String type, String brand, String region) {
		return List.of(name, code, type, brand, "张三", "示例路1号", region, "李四", "13912345678");
	}

	@Test
	void aGoodFileIsImportedInOneGo() throws Exception {
		String a = code();
		String b = code();
		var result = importer.importFile(SUZHOU, workbook(List.of(enterprise("导入甲快递有限公司", a, "快递企业", "中通", "320506"),
				enterprise("导入乙物流有限公司", b, "其他寄递企业", "", "320507"))));
		assertThat(result.rejected()).isFalse();
		assertThat(result.imported()).isEqualTo(2);
		assertThat(enterprises.findByCreditCode(a)).get().satisfies(e -> assertThat(e.brandName()).isEqualTo("中通快递"));
		assertThat(enterprises.findByCreditCode(b)).isPresent();
	}

	@Test
	void oneBadRowImportsNothingAndTheSheetComesBackAnnotated() throws Exception {
		String good = code();
		String twin = code();
		byte[] file = workbook(List.of(enterprise("好企业", good, "快递企业", "顺丰", "320506"),
				enterprise("校验位错", "91350100M000100Y44", "快递企业", "顺丰", "320506"),
				enterprise("未知品牌", code(), "快递企业", "不存在的快递", "320506"),
				enterprise("重复甲", twin, "快递企业", "", "320506"), enterprise("重复乙", twin, "快递企业", "", "320506"),
				enterprise("类型错", code(), "物流公司", "", "320506"), enterprise("辖区外", code(), "快递企业", "", "3201")));
		var result = importer.importFile(SUZHOU, file);
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(3, 4, 6, 7, 8);
		assertThat(result.errors().get(0).errors().get(0).message()).contains("校验位");
		assertThat(result.errors().get(2).errors().get(0).message()).contains("第5行重复");
		assertThat(enterprises.findByCreditCode(good)).as("the good row is not imported either").isEmpty();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(result.annotated()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			int errorColumn = EnterpriseImport.HEADERS.size();
			assertThat(sheet.getRow(0).getCell(errorColumn).getStringCellValue()).isEqualTo("错误");
			assertThat(sheet.getRow(1).getCell(errorColumn)).isNull();
			// in the words of the person fixing the file: the field and the message, no rule code (attack round 28)
			assertThat(sheet.getRow(2).getCell(errorColumn).getStringCellValue()).contains("统一社会信用代码")
				.doesNotContain("check-character");
			assertThat(sheet.getRow(3).getCell(errorColumn).getStringCellValue()).contains("品牌").doesNotContain("exists");
			assertThat(sheet.getRow(7).getCell(errorColumn).getStringCellValue()).contains("行政区划代码").doesNotContain("scope");
		}
	}

	@Test
	void rejectsAFileThatIsNotAWorkbookOrLacksHeaders() throws Exception {
		assertThatThrownBy(() -> importer.importFile(SUZHOU, "名称,代码\n".getBytes())).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining(".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("x").createRow(0).createCell(0).setCellValue("企业名称");
			book.write(out);
			assertThatThrownBy(() -> importer.importFile(SUZHOU, out.toByteArray())).hasMessageContaining("表头缺少");
		}
	}

	@Test
	void thePageListsBadRowsAndHandsOutTheAnnotatedSheetOnceToItsOwner() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/registry/enterprises/import/template.xlsx").session(staff)).andExpect(status().isOk());
		byte[] bad = workbook(List.of(enterprise("校验位错", "91350100M000100Y44", "快递企业", "", "320506")));
		String page = mvc.perform(multipart("/registry/enterprises/import").file(new MockMultipartFile("file", "企业.xlsx",
				"application/octet-stream", bad)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("未导入任何数据")))
			.andExpect(content().string(containsString("校验位")))
			.andReturn().getResponse().getContentAsString();
		Matcher link = Pattern.compile("/registry/enterprises/import/errors/[0-9a-f-]{36}\\.xlsx").matcher(page);
		assertThat(link.find()).as("the page links the annotated sheet by its id").isTrue();
		assertThat(mvc.perform(get("/registry/enterprises/import/errors.xlsx").session(staff)).andReturn().getResponse()
			.getStatus()).as("no sheet kept in the session any more").isNotEqualTo(200);
		mvc.perform(get(link.group()).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isNotFound());
		byte[] annotated = mvc.perform(get(link.group()).session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(EnterpriseImport.HEADERS.size()).getStringCellValue()).contains("校验位");
		}
		mvc.perform(get(link.group()).session(staff)).andExpect(status().isNotFound());
	}
}
