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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.documents.TemplateExamples;
import org.youguan.inspections.InspectionImport;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.region.Regions;
import org.youguan.registry.internal.enterprises.EnterpriseImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.youguan.TemplateExample.refusedAsTheExample;

/**
 * exports3: exports and list pages name a place in full (江苏省苏州市吴中区, with its street where it has one), never by a
 * county's or street's name alone nor a bare code — read back from the downloaded .xlsx with POI; and an import template's
 * example row names the user's own county and its 文号 the user's bureau's 机关代字 in the official form
 * (苏相邮管责改〔2025〕3号), the example left in refused as the example all the same.
 */
@IntegrationTest
class FullPlaceNamesIntegrationTest {

	/** Accounts of 苏州 tried in turn for an export: the first the export admits. */
	private static final List<String> ACCOUNTS = List.of("sz.office", "wz.staff", "sz.market", "sz.universal", "sz.admin",
			"sz.leader");

	@Autowired
	MockMvc mvc;

	@Autowired
	Regions regions;

	@Autowired
	Bureaus bureaus;

	@Autowired
	InspectionImport inspections;

	@Autowired
	EnterpriseImport enterprises;

	@Test
	void exportsNameEveryPlaceInFull() throws Exception {
		Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
		for (String account : ACCOUNTS) {
			sessions.put(account, SignIn.session(mvc, account));
		}
		// export → the header of its place column
		Map<String, String> exports = new LinkedHashMap<>();
		exports.put("/registry/enterprises/export.xlsx", "所在地");
		exports.put("/registry/branches/export.xlsx", "所在地");
		exports.put("/registry/facilities/export.xlsx?kind=PARCEL_LOCKER", "所在地");
		exports.put("/registry/facilities/export.xlsx", "所在地");
		exports.put("/safety/hazards/export.xlsx", "所在地");
		exports.put("/safety/letters/export.xlsx", "所在地");
		exports.put("/safety/machines/export.xlsx", "所在地");
		exports.put("/safety/contractors/export.xlsx", "所在地");
		exports.put("/safety/alerts/export.xlsx", "区域");
		exports.put("/inspections/records.xlsx", "所在地区");
		exports.put("/inspections/key-targets/export.xlsx", "区域");
		exports.put("/licensing/annual-reports/outstanding.xlsx?year=2025", "所在地");
		exports.put("/complaints/export.xlsx", "所在地");
		exports.put("/safety/periods/export.xlsx", "区域");
		exports.put("/safety/periods/missing/export.xlsx", "区域");
		exports.put("/universal/plans/export.xlsx", "检查区域");
		List<String> faults = new ArrayList<>();
		int named = 0;
		for (Map.Entry<String, String> export : exports.entrySet()) {
			List<List<String>> rows = null;
			for (MockHttpSession session : sessions.values()) {
				MockHttpServletResponse file = mvc.perform(get(export.getKey()).session(session)).andReturn().getResponse();
				if (file.getStatus() == 200) {
					rows = rows(file.getContentAsByteArray());
					break;
				}
			}
			if (rows == null) {
				faults.add(export.getKey() + ": no account of 苏州 may export");
				continue;
			}
			int place = rows.get(0).indexOf(export.getValue());
			if (place < 0) {
				faults.add(export.getKey() + ": no column " + export.getValue() + " in " + rows.get(0));
				continue;
			}
			int code = rows.get(0).indexOf("行政区划代码");
			for (List<String> row : rows.subList(1, rows.size())) {
				String shown = place < row.size() ? row.get(place) : "";
				if (shown.isEmpty()) {
					continue;
				}
				named++;
				// every account is of 苏州: the place is named from the province down (the old columns read 吴中区,
				// 长桥街道 or a bare 320506)
				if (!shown.startsWith("江苏省苏州市")) {
					faults.add(export.getKey() + ": " + export.getValue() + " reads " + shown);
				}
				if (code >= 0 && code < row.size() && !row.get(code).isEmpty()
						&& !shown.equals(regions.fullName(row.get(code)))) {
					faults.add(export.getKey() + ": " + shown + " is not the full name of " + row.get(code));
				}
			}
		}
		assertThat(faults).isEmpty();
		assertThat(named).as("places the demo's exports name").isGreaterThan(10);

		// English exports: the region directory holds Chinese names only, so the place is the same Chinese full name
		List<List<String>> english = rows(mvc.perform(get("/registry/enterprises/export.xlsx").param("lang", "en")
			.session(sessions.get("sz.office"))).andReturn().getResponse().getContentAsByteArray());
		assertThat(english).hasSizeGreaterThan(1);
		int code = english.get(0).indexOf("行政区划代码") >= 0 ? english.get(0).indexOf("行政区划代码") : 6;
		assertThat(english.subList(1, english.size())).allSatisfy(row -> assertThat(row).contains(regions.fullName(row.get(code))));
	}

	@Test
	void theFilingQueueNamesTheOutletsPlaceInFull() throws Exception {
		String page = mvc.perform(get("/filing/queue").param("state", "ALL").session(SignIn.session(mvc, "sz.office")))
			.andReturn().getResponse().getContentAsString();
		// the street with its county and city (江苏省苏州市吴中区长桥街道), not the street alone
		assertThat(page).contains("<td>江苏省苏州市").doesNotContain("<td>长桥街道</td>");
	}

	@Test
	void templatesExamplesNameTheUsersOwnPlaceAndBureau() throws Exception {
		MockHttpSession xiangcheng = SignIn.session(mvc, "xc.staff");
		String agency = bureaus.documentAgency("320507").code();
		assertThat(agency).as("the 机关代字 begins with the province's 简称").startsWith("苏").endsWith("邮管");

		byte[] inspectionTemplate = mvc.perform(get("/inspections/import/template.xlsx").session(xiangcheng))
			.andReturn().getResponse().getContentAsByteArray();
		Map<String, String> inspection = example(inspectionTemplate);
		assertThat(inspection.get("责令改正通知书文号")).isEqualTo(agency + "责改〔2025〕3号");
		// the installation-wide example's 文号 in the official form too (吴中's bureau: 苏吴邮管)
		Map<String, String> wuzhong = example(mvc.perform(get("/inspections/import/template.xlsx")
			.session(SignIn.session(mvc, "wz.staff"))).andReturn().getResponse().getContentAsByteArray());
		assertThat(wuzhong.get("责令改正通知书文号")).isEqualTo(bureaus.documentAgency("320506").code() + "责改〔2025〕3号")
			.isEqualTo(TemplateExamples.AGENCY + "责改〔2025〕3号");

		byte[] enterpriseTemplate = mvc.perform(get("/registry/enterprises/import/template.xlsx").session(xiangcheng))
			.andReturn().getResponse().getContentAsByteArray();
		Map<String, String> enterprise = example(enterpriseTemplate);
		assertThat(enterprise.get("行政区划代码")).isEqualTo("320507");
		assertThat(enterprise.get("地址")).startsWith(regions.fullName("320507")).startsWith("江苏省苏州市相城区");

		// the user's own example left in is still the example: refused as such, and for nothing else
		refusedAsTheExample("历史检查记录 (相城)", inspections.importFile(DataScope.region("320507"), null, inspectionTemplate).errors());
		refusedAsTheExample("企业 (相城)", enterprises.importFile(DataScope.region("320507"), enterpriseTemplate).errors());
	}

	/** An .xlsx's rows as the cells show, read with POI. */
	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter f = new DataFormatter();
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)).strip());
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/** The template's example row (its second row), by the first row's column headings. */
	private static Map<String, String> example(byte[] template) throws Exception {
		List<List<String>> rows = rows(template);
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < rows.get(0).size(); i++) {
			cells.put(rows.get(0).get(i), i < rows.get(1).size() ? rows.get(1).get(i) : "");
		}
		return cells;
	}
}
