package org.youguan;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.youguan.documents.TemplateExamples;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.org.Bureaus;
import org.youguan.org.Users;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Every import template's example row names data the demo directory holds ({@link TemplateExamples}), so a row copied
 * from it and edited is judged by what it records, not refused for an enterprise or inspector nobody registered, nor a facility by a database
 * number (设施编号); and the
 * template uploaded unchanged is refused as the example (这是导入模板中的示例行), on every import of the application (the
 * template routes read from the application, so an import added later is held to it too). The example rows are read
 * back from the downloaded .xlsx with POI.
 */
@IntegrationTest
class ImportTemplateExampleIntegrationTest {

	/** The demo accounts tried in turn for a template, the first the import admits downloading and uploading. */
	private static final List<String> ACCOUNTS = List.of("wz.staff", "sz.market", "sz.universal", "sz.admin", "wz.leader",
			"sz.leader", "js.leader", "js.market", "sf.wz", "yz.sz", "sys.admin");

	/** The import that creates the enterprise its example names: the example is a new enterprise, not one held. */
	private static final String NEW_ENTERPRISES = "/registry/enterprises/import/template.xlsx";

	@Autowired
	Enterprises enterprises;

	@Autowired
	MockMvc mvc;

	@Autowired
	Inspectors inspectors;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Test
	void everyTemplatesExampleNamesHeldDataAndUnchangedIsRefusedAsTheExample() throws Exception {
		Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
		for (String account : ACCOUNTS) {
			sessions.put(account, SignIn.session(mvc, account));
		}
		// the licence book is imported by the licences' issuing authority only, the provincial bureau
		sessions.put("province", ProvinceStaff.session(mvc, users, bureaus));
		List<String> templates = ImportTemplateAccessIntegrationTest.templates(mappings);
		assertThat(templates).contains("/inspections/import/template.xlsx", "/registry/outlets/import/template.xlsx",
				"/registry/licences/import/template.xlsx", "/licensing/import/template.xlsx");
		List<String> faults = new ArrayList<>();
		int checkedReferences = 0;
		for (String template : templates) {
			String form = template.substring(0, template.length() - "/template.xlsx".length());
			MockHttpSession session = null;
			byte[] content = null;
			for (MockHttpSession candidate : sessions.values()) {
				MockHttpServletResponse page = mvc.perform(get(form).session(candidate)).andReturn().getResponse();
				MockHttpServletResponse file = mvc.perform(get(template).session(candidate)).andReturn().getResponse();
				if (page.getStatus() == 200 && file.getStatus() == 200) {
					session = candidate;
					content = file.getContentAsByteArray();
					break;
				}
			}
			if (session == null) {
				faults.add(template + ": no demo account may import");
				continue;
			}
			// the example row read back with POI: every party it names is held by the directory
			Map<String, String> example = example(content);
			for (Map.Entry<String, String> cell : example.entrySet()) {
				String column = cell.getKey();
				String value = cell.getValue();
				if (value.isEmpty()) {
					continue;
				}
				if (column.contains("统一社会信用代码") && !template.equals(NEW_ENTERPRISES)) {
					checkedReferences++;
					if (enterprises.findByCreditCode(value).isEmpty()) {
						faults.add(template + ": " + column + " " + value + " is no enterprise of the directory");
					}
				}
				if (column.endsWith("设施编号")) {
					// a facility's number is the database's: the example names the facility by what a user knows of it
					faults.add(template + ": " + column + " " + value + " is a database number, no name a user knows");
				}
				if (column.endsWith("执法证号")) {
					checkedReferences++;
					String name = example.get(column.replace("执法证号", "姓名"));
					if (!inspectors.findByCertificate(value).map(Inspector::name).filter(n -> n.equals(name)).isPresent()) {
						faults.add(template + ": " + column + " " + value + " (" + name + ") is not on the roster");
					}
				}
			}
			// the template uploaded unchanged: told it is the example row, nothing else
			MockHttpServletResponse upload = mvc
				.perform(multipart(form).file(new MockMultipartFile("file", "template.xlsx",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
					.session(session)
					.with(csrf()))
				.andReturn()
				.getResponse();
			String body = upload.getContentAsString();
			if (upload.getStatus() != 422 || !body.contains("这是导入模板中的示例行")) {
				faults.add(template + ": unchanged upload answered " + upload.getStatus() + " without the example's refusal");
			}
		}
		assertThat(checkedReferences).as("credit codes and certificates the examples name").isGreaterThan(8);
		assertThat(faults).isEmpty();
	}

	/**
	 * templates2 (finding A1): a county user's example row names parties of the user's own area — an enterprise of 相城,
	 * inspectors of 相城's roster, 相城区 in a short address, none of 吴中's — so as xc.staff an example row with one
	 * non-party cell edited is imported on the inspection, penalty-case and outlet imports, never refused as outside the
	 * user's area nor as the example; the user's example left unchanged is still refused as the example.
	 */
	@Test
	void aCountysEditedExampleNamesItsOwnPartiesAndIsNotRefusedForScope() throws Exception {
		MockHttpSession xiangcheng = SignIn.session(mvc, "xc.staff");
		String unique = Long.toString(System.nanoTime(), 36);
		Map<String, Map.Entry<String, String>> edits = new LinkedHashMap<>();
		edits.put("/inspections/import/template.xlsx", Map.entry("检查发现的问题", "实名收寄登记缺少寄件人证件号" + unique));
		edits.put("/registry/outlets/import/template.xlsx", Map.entry("网点名称", "菜鸟驿站（相城" + unique + "店）"));
		for (Map.Entry<String, Map.Entry<String, String>> edit : edits.entrySet()) {
			String template = edit.getKey();
			String form = template.substring(0, template.length() - "/template.xlsx".length());
			MockHttpServletResponse file = mvc.perform(get(template).session(xiangcheng)).andReturn().getResponse();
			assertThat(file.getStatus()).as(template).isEqualTo(200);
			byte[] content = file.getContentAsByteArray();
			Map<String, String> example = example(content);
			String row = String.join("|", example.values());
			assertThat(row).as(template + " names 吴中's parties").doesNotContain(TemplateExamples.ENTERPRISE_CREDIT_CODE)
				.doesNotContain(TemplateExamples.INSPECTOR_CERTIFICATE)
				.doesNotContain(TemplateExamples.SECOND_INSPECTOR_CERTIFICATE)
				.doesNotContain(TemplateExamples.COUNTY_SHORT_NAME);
			for (Map.Entry<String, String> cell : example.entrySet()) {
				if (cell.getKey().contains("统一社会信用代码")) {
					assertThat(enterprises.findByCreditCode(cell.getValue())).as(template + " enterprise")
						.hasValueSatisfying(e -> assertThat(e.regionCode()).startsWith("320507"));
				}
				if (cell.getKey().endsWith("执法证号") && !cell.getValue().isEmpty()) {
					assertThat(inspectors.findByCertificate(cell.getValue())).as(template + " inspector")
						.hasValueSatisfying(i -> {
							assertThat(i.regionCode()).startsWith("320507");
							assertThat(i.name()).isEqualTo(example.get(cell.getKey().replace("执法证号", "姓名")));
						});
				}
			}
			if (example.containsKey("检查地点")) {
				assertThat(example.get("检查地点")).as("a short address of the user's county").startsWith("相城区");
			}
			// one non-party cell edited (the cell recreated): imported, never refused for scope nor as the example
			byte[] edited = TemplateExample.edited(content, edit.getValue().getKey(), edit.getValue().getValue());
			MockHttpServletResponse upload = upload(form, edited, xiangcheng);
			assertThat(upload.getContentAsString()).as(template + " edited")
				.doesNotContain("不在您的数据权限范围内")
				.doesNotContain("不能参加此次检查")
				.doesNotContain("这是导入模板中的示例行");
			assertThat(upload.getStatus()).as(template + " edited, imported: " + errorsOf(upload)).isEqualTo(302);
			// the user's own example left unchanged: still refused as the example
			MockHttpServletResponse unchanged = upload(form, content, xiangcheng);
			assertThat(unchanged.getStatus()).as(template + " unchanged").isEqualTo(422);
			assertThat(unchanged.getContentAsString()).contains("这是导入模板中的示例行");
		}
	}

	private MockHttpServletResponse upload(String form, byte[] content, MockHttpSession session) throws Exception {
		return mvc.perform(multipart(form).file(new MockMultipartFile("file", "template.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
			.session(session)
			.with(csrf())).andReturn().getResponse();
	}

	/** The refusals a rejected upload's page lists (its table cells), for an assertion's description. */
	private static String errorsOf(MockHttpServletResponse upload) throws Exception {
		String body = upload.getContentAsString();
		int at = body.indexOf("第");
		return upload.getStatus() == 302 ? "" : body.substring(Math.max(0, at), Math.min(body.length(), at + 600));
	}

	/** The template's example row (its second row), by the first row's column headings. */
	private static Map<String, String> example(byte[] template) throws Exception {
		Map<String, String> cells = new LinkedHashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			DataFormatter f = new DataFormatter();
			Row headers = book.getSheetAt(0).getRow(0);
			Row example = book.getSheetAt(0).getRow(1);
			for (int i = 0; i < headers.getLastCellNum(); i++) {
				String value = example == null || example.getCell(i) == null ? "" : f.formatCellValue(example.getCell(i));
				cells.put(f.formatCellValue(headers.getCell(i)), value.strip());
			}
		}
		return cells;
	}

}
