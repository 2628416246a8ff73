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
