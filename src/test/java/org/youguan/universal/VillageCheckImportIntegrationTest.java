package org.youguan.universal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TemplateExample;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Past 通邮 checks come in with their real dates (issue 18), as .xlsx or JSON, all or nothing: a future day, an
 * unknown village, a village outside the caller's region, the same village and day twice in the file or already
 * recorded — each bad row is reported and nothing is saved; a good file is saved marked 历史导入, audited, counted in
 * the figures by its real date (hand-computed), and moves a village's last check only when it is newer.
 */
@IntegrationTest
class VillageCheckImportIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String POSTAL = "Bearer demo-yz-sz-token";

	static final DataScope WUZHONG_SCOPE = DataScope.region("320506");

	static final List<String> HEADER = List.of("建制村代码", "检查日期", "实际通邮方式", "实际每周投递频次", "交接记录", "规范投递",
			"检查人员", "检查发现的问题");

	@Autowired
	MockMvc mvc;

	@Autowired
	VillageChecks checks;

	@Autowired
	VillageCheckImport imports;

	@Autowired
	Villages villages;

	@Autowired
	UniversalFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aSheetWithBadRowsImportsNothingAndReportsEveryBadRow() throws Exception {
		List<String> w = unchecked("320506");
		String xiangcheng = codes("320507").get(0);
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		// recorded at the time: w0 on 2019-05-06 (规范), w3 on 2020-01-10 (not 规范)
		checks.record(WUZHONG_SCOPE, null, check(w.get(0), "2019-05-06", true), false);
		checks.record(WUZHONG_SCOPE, null, check(w.get(3), "2020-01-10", false), false);
		long before = count();
		long imports0 = audits("village.check.import");

		byte[] bad = Workbooks.sheet(HEADER, List.of(row(w.get(1), "2019-03-01", "是", "王普服、陈吴中", ""),
				row(w.get(2), tomorrow, "是", "王普服、陈吴中", ""), row("320506999999", "2019-03-02", "是", "王普服、陈吴中", ""),
				row(xiangcheng, "2019-03-03", "是", "王普服、陈吴中", ""), row(w.get(1), "2019-03-01", "是", "王普服、陈吴中", ""),
				row(w.get(0), "2019-05-06", "是", "王普服、陈吴中", ""), row(w.get(3), "2019-04-01", "否", "王普服", ""),
				// one inspector typed with a space, then again without: one person, not two or three (attack: counted 3)
				row(w.get(5), "2019-04-02", "是", "王 普服、王普服", ""),
				// the same check as row 2 with an error of its own: told both (attack: only the other error was)
				row(w.get(1), "2019-03-01", "是", "王普服", "")));
		ImportResult rejected = imports.importFile(WUZHONG_SCOPE, null, bad);
		assertThat(rejected.rejected()).isTrue();
		assertThat(rejected.errors()).extracting(RowErrors::number).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(rule(rejected, 9)).containsExactly("检查人员:min-team");
		assertThat(rule(rejected, 10)).containsExactlyInAnyOrder("检查人员:min-team", "检查日期:unique");
		assertThat(rule(rejected, 3)).containsExactly("检查日期:range");
		assertThat(rule(rejected, 4)).containsExactly("建制村代码:exists");
		assertThat(rule(rejected, 5)).containsExactly("建制村代码:scope");
		assertThat(rule(rejected, 6)).containsExactly("检查日期:unique");
		assertThat(rule(rejected, 7)).containsExactly("检查日期:unique");
		assertThat(rule(rejected, 8)).containsExactlyInAnyOrder("检查发现的问题:required", "检查人员:min-team");
		assertThat(rejected.errors().get(3).errors().get(0).message()).isEqualTo("同一建制村和检查日期的检查与第2行重复");
		assertThat(rejected.errors().get(4).errors().get(0).message()).contains(w.get(0)).contains("2019年5月6日已有通邮检查记录");
		assertThat(rejected.errors().get(2).errors().get(0).message()).contains(xiangcheng).contains("不在您的数据权限范围内");
		// the annotated sheet read back names every bad row's failure
		assertThat(Workbooks.text(rejected.annotated())).contains("与第2行重复").contains("已有通邮检查记录")
			.contains("建制村代码不是行政区划中的村委会").contains("现场检查人员不得少于两人");
		assertThat(count()).as("nothing saved").isEqualTo(before);

		// the good file: three checks of 2019 and an older check of w3, with their real dates
		ImportResult good = imports.importFile(WUZHONG_SCOPE, null, Workbooks.sheet(HEADER,
				List.of(row(w.get(1), "2019-03-01", "是", "王普服、陈吴中", ""),
						row(w.get(2), "2019-06-10", "否", "王普服、陈吴中", "交接记录缺失"),
						row(w.get(1), "2019-09-01", "是", "王普服\n陈吴中", ""),
						row(w.get(3), "2019-02-02", "是", "王普服，陈吴中", ""))));
		assertThat(good.errors()).isEmpty();
		assertThat(good.imported()).isEqualTo(4);
		assertThat(count()).isEqualTo(before + 4);
		assertThat(audits("village.check.import")).isEqualTo(imports0 + 1);
		assertThat(checks.ofVillage(WUZHONG_SCOPE, w.get(1))).extracting(VillageCheck::checkedOn, VillageCheck::imported)
			.contains(tuple(LocalDate.of(2019, 9, 1), true));

		// the last check moves to a newer imported check, never to an older one
		assertThat(villages.get(WUZHONG_SCOPE, w.get(1)).lastCheckedOn()).isEqualTo("2019-09-01");
		VillageView w3 = villages.get(WUZHONG_SCOPE, w.get(3));
		assertThat(w3.lastCheckedOn()).isEqualTo("2020-01-10");
		assertThat(w3.lastCheckStandard()).isFalse();

		// figures by the real dates — 2019: w0 05-06 规范, w1 03-01 规范, w1 09-01 规范, w2 06-10 不规范, w3 02-02 规范
		UniversalFigures.Figures year = figures.figures("320506", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
		assertThat(year.villagesChecked()).isEqualTo(4);
		assertThat(year.standardDeliveryRate()).isEqualByComparingTo("80.0");
		UniversalFigures.Figures firstHalf = figures.figures("320506", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 30));
		assertThat(firstHalf.villagesChecked()).isEqualTo(4);
		assertThat(firstHalf.standardDeliveryRate()).isEqualByComparingTo("75.0");
		UniversalFigures.Figures secondHalf = figures.figures("320506", LocalDate.of(2019, 7, 1), LocalDate.of(2019, 12, 31));
		assertThat(secondHalf.villagesChecked()).isEqualTo(1);
		assertThat(secondHalf.standardDeliveryRate()).isEqualByComparingTo("100.0");
		mvc.perform(get("/api/v1/universal/figures?region=320506&from=2019-01-01&to=2019-12-31").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.villagesChecked").value(4))
			.andExpect(jsonPath("$.standardDeliveryRate").value(80.0));

		// the API answers the bad sheet with 422 naming every bad row; the page alike, with the annotated sheet offered
		mvc.perform(multipart("/api/v1/universal/checks/import").file(xlsx(bad)).header("Authorization", WUZHONG))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("第7行·检查日期")))
			.andExpect(content().string(containsString("第5行·建制村代码")));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/universal/checks/import").file(xlsx(bad)).session(staff).with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("import-rejected")))
			.andExpect(content().string(containsString("/universal/villages/import/errors/")));
		assertThat(count()).isEqualTo(before + 4);
	}

	/**
	 * Attack round 15: a check of 1950 was imported and became the village's last check. A bureau's act is dated from
	 * 2000 ({@code Validation.EARLIEST_ACT}) whether recorded now or imported.
	 */
	@Test
	void aCheckDatedBeforeTheEarliestActIsRefused() throws Exception {
		List<String> w = unchecked("320506");
		long before = count();
		ImportResult rejected = imports.importFile(WUZHONG_SCOPE, null, Workbooks.sheet(HEADER,
				List.of(row(w.get(4), "1950-01-01", "是", "王普服、陈吴中", ""), row(w.get(5), "1999-12-31", "是", "王普服、陈吴中", ""),
						row(w.get(6), "2000-01-01", "是", "王普服、陈吴中", ""))));
		assertThat(rejected.errors()).extracting(RowErrors::number).containsExactly(2, 3);
		assertThat(rule(rejected, 2)).containsExactly("检查日期:range");
		assertThat(rejected.errors().get(0).errors().get(0).message()).contains("2000年1月1日");
		assertThat(count()).as("nothing saved").isEqualTo(before);
	}

	/**
	 * Finding: a 2030 row was told "应在2000-01-01至<today>之间" and a 1900 row "应在1949-10-01至2099-12-31之间" — two
	 * ranges for one date. The sheet reads 检查日期 with the form's range: one rule, one range for either end; and
	 * (finding: a future day was told only the range) each row is told first the bound its day passes — a future day
	 * 不得晚于 today, naming the column.
	 */
	@Test
	void aCheckDayOutsideItsRangeIsToldOneRangeAtEitherEnd() throws Exception {
		List<String> w = unchecked("320506");
		ImportResult rejected = imports.importFile(WUZHONG_SCOPE, null, Workbooks.sheet(HEADER,
				List.of(row(w.get(4), "1900-01-01", "是", "王普服、陈吴中", ""), row(w.get(5), "2099-06-30", "是", "王普服、陈吴中", ""))));
		assertThat(rejected.errors()).extracting(RowErrors::number).containsExactly(2, 3);
		String early = rejected.errors().get(0).errors().get(0).message();
		String late = rejected.errors().get(1).errors().get(0).message();
		String range = "（应在2000年1月1日至" + ChineseText.day(LocalDate.now(clock)) + "之间）";
		assertThat(early).isEqualTo("检查日期不得早于2000年1月1日" + range).doesNotContain("1949");
		assertThat(late).isEqualTo("检查日期不得晚于" + ChineseText.day(LocalDate.now(clock)) + range).doesNotContain("2099-12-31");
	}

	@Test
	void anUnreadableCellHidesNoneOfTheSheetsOtherFailures() throws Exception {
		List<String> w = unchecked("320509");
		long before = count();
		// row 2: the day is no date, the village unknown and one inspector; row 3: only the village unknown;
		// row 4: the frequency is no number, 规范投递 neither 是 nor 否, one inspector; row 5: 规范投递 否 unreadable
		// frequency and no findings; row 6: 交接记录 neither 是 nor 否, the day in the future, 否 without findings
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		byte[] sheet = Workbooks.sheet(HEADER, List.of(
				List.of("320509999999", "三月五日", "直接通邮", "5", "是", "是", "王普服", ""),
				List.of("320509999998", "2019-01-01", "直接通邮", "5", "是", "是", "王普服、陈吴中", ""),
				List.of(w.get(0), "2019-01-02", "直接通邮", "五次", "是", "规范", "王普服", ""),
				List.of(w.get(1), "2019-01-03", "村邮站", "两次", "是", "否", "王普服、陈吴中", ""),
				List.of(w.get(2), tomorrow, "直接通邮", "5", "有", "否", "王普服、陈吴中", "")));
		ImportResult result = imports.importFile(DataScope.region("3205"), null, sheet);
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).extracting(RowErrors::number).containsExactly(2, 3, 4, 5, 6);
		assertThat(rule(result, 2)).containsExactlyInAnyOrder("检查日期:date", "建制村代码:exists", "检查人员:min-team");
		assertThat(rule(result, 3)).containsExactly("建制村代码:exists");
		assertThat(rule(result, 4)).containsExactlyInAnyOrder("实际每周投递频次:integer", "规范投递:yes-no", "检查人员:min-team");
		assertThat(rule(result, 5)).containsExactlyInAnyOrder("实际每周投递频次:integer", "检查发现的问题:required");
		assertThat(rule(result, 6)).containsExactlyInAnyOrder("交接记录:yes-no", "检查日期:range", "检查发现的问题:required");
		assertThat(count()).as("nothing saved").isEqualTo(before);
		// one answer of the API lists them all
		mvc.perform(multipart("/api/v1/universal/checks/import").file(xlsx(sheet)).header("Authorization",
				"Bearer demo-sz-admin-token"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("第2行·检查日期", "第2行·建制村代码",
					"第2行·检查人员", "第3行·建制村代码", "第4行·实际每周投递频次", "第4行·规范投递", "第4行·检查人员",
					"第5行·实际每周投递频次", "第5行·检查发现的问题", "第6行·交接记录", "第6行·检查日期", "第6行·检查发现的问题")));
	}

	@Test
	void theTemplatesExampleIsRefusedAndThePageImportsAGoodSheet() throws Exception {
		byte[] template = imports.template();
		assertThat(Workbooks.text(template)).startsWith(String.join("|", HEADER) + "|");
		TemplateExample.refusedAsTheExample("历史通邮检查", imports.importFile(WUZHONG_SCOPE, null, template).errors());
		long before = count();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/checks/import").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/universal/checks/import/template.xlsx")));
		mvc.perform(get("/universal/checks/import/template.xlsx").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		mvc.perform(get("/universal/checks").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-checks\"")));
		// real data shaped like the example (one cell changed) is imported from the page
		mvc.perform(multipart("/universal/checks/import").file(xlsx(TemplateExample.edited(template, "检查日期", "2018-12-30")))
			.session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "已导入历史通邮检查1条"));
		assertThat(count()).isEqualTo(before + 1);
		assertThat(checks.list(WUZHONG_SCOPE, "320506003201", new PageQuery("", 0, 20, "checked_on", true)).items())
			.anySatisfy(c -> {
				assertThat(c.checkedOn()).isEqualTo("2018-12-30");
				assertThat(c.imported()).isTrue();
				assertThat(c.deliveryMode()).isEqualTo(DeliveryMode.VILLAGE_POST);
				assertThat(c.standardDelivery()).isFalse();
				assertThat(c.inspectorCount()).isEqualTo(2);
			});
		mvc.perform(get("/universal/villages/320506003201").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("历史导入")));
		// a leader reads but does not import; the postal enterprise has no such page or API
		mvc.perform(get("/universal/checks/import").session(SignIn.session(mvc, "sz.leader"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/universal/checks/import").file(xlsx(template)).header("Authorization", POSTAL))
			.andExpect(status().isForbidden());
	}

	@Test
	void aJsonImportWithBadRowsSavesNothingAndReportsEveryBadRow() throws Exception {
		List<String> w = unchecked("320506");
		String xiangcheng = codes("320507").get(1);
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		checks.record(WUZHONG_SCOPE, null, check(w.get(5), "2016-04-04", true), false);
		long before = count();
		String bad = """
				[%s, %s, %s, %s, %s, %s,
				 {"villageCode":"%s","checkedOn":"2018-05-05","deliveryMode":"飞鸽","deliveriesObserved":15,
				  "handoverRecords":true,"standardDelivery":true,"inspectors":["王普服","王普服"]}, %s, %s, %s]""".formatted(
				json(w.get(4), "2018-03-01"), json(w.get(6), tomorrow), json("320506999998", "2018-03-02"),
				json(xiangcheng, "2018-03-03"), json(w.get(4), "2018-03-01"), json(w.get(5), "2016-04-04"), w.get(7),
				// one person written with a space, in full width or in traditional characters is not a second inspector
				json(w.get(8), "2018-05-06").replace("[\"王普服\",\"陈吴中\"]", "[\"张三\",\"张 三\"]"),
				json(w.get(9), "2018-05-07").replace("[\"王普服\",\"陈吴中\"]", "[\"张三\",\"張三\"]"),
				// the first row again with an error of its own: told both (attack: only its own error was)
				json(w.get(4), "2018-03-01").replace("[\"王普服\",\"陈吴中\"]", "[\"王普服\"]"));
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(bad))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("第2条·checkedOn", "第3条·villageCode",
					"第4条·villageCode", "第5条·checkedOn", "第6条·checkedOn", "第7条·deliveryMode", "第7条·deliveriesObserved",
					"第7条·inspectors", "第8条·inspectors", "第9条·inspectors", "第10条·inspectors", "第10条·checkedOn")))
			.andExpect(content().string(containsString("第10条：同一建制村和检查日期的检查与第1条重复")))
			.andExpect(content().string(containsString("第5条：同一建制村和检查日期的检查与第1条重复")))
			.andExpect(content().string(containsString("2016年4月4日已有通邮检查记录")));
		assertThat(count()).as("nothing saved").isEqualTo(before);
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("records")));

		String good = "[%s, %s, %s]".formatted(json(w.get(4), "2018-03-01"), json(w.get(6), "2018-03-02"),
				json(w.get(5), "2018-04-05"));
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(good))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(3));
		assertThat(count()).isEqualTo(before + 3);
		mvc.perform(get("/api/v1/universal/checks").param("village", w.get(4)).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.checkedOn == '2018-03-01')].imported").value(contains(true)));
		// 2018: w4 and w6 imported, w5 recorded and imported — all 规范
		UniversalFigures.Figures f = figures.figures("320506", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 11, 30));
		assertThat(f.villagesChecked()).isEqualTo(3);
		assertThat(f.standardDeliveryRate()).isEqualByComparingTo("100.0");
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content(good))
			.andExpect(status().isForbidden());
	}

	private List<String> codes(String county) {
		return villages.list(DataScope.all(), new Villages.Filter(county, null, false, false),
				new PageQuery("", 0, 20, "code", false)).items().stream().map(VillageView::code).toList();
	}

	/** Villages of a county nobody has checked yet (the demo checks some), in code order. */
	private List<String> unchecked(String county) {
		return jdbc.sql("""
				SELECT v.code FROM region_name v WHERE v.level = 'VILLAGE' AND v.name LIKE '%村委会%' AND v.code LIKE :county
				AND NOT EXISTS (SELECT 1 FROM village_check c WHERE c.village_code = v.code) ORDER BY v.code LIMIT 10""")
			.param("county", county + "%")
			.query(String.class)
			.list();
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM village_check").query(Long.class).single();
	}

	private long audits(String action) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a").param("a", action).query(Long.class).single();
	}

	/** A row's failures as column:rule. */
	private static List<String> rule(ImportResult result, int row) {
		return result.errors().stream().filter(r -> r.number() == row).flatMap(r -> r.errors().stream())
			.map((FieldError e) -> e.field() + ":" + e.rule()).toList();
	}

	private static List<String> row(String village, String on, String standard, String team, String findings) {
		return List.of(village, on, "直接通邮", "是".equals(standard) ? "5" : "2", "是", standard, team, findings);
	}

	private static VillageCheckData check(String village, String on, boolean standard) {
		return new VillageCheckData(village, on, "DIRECT", standard ? 5 : 2, true, standard,
				standard ? null : "投递频次不足", List.of(new TeamMember("陈吴中", "32050601"), new TeamMember("沈执法", "32050602")),
				null);
	}

	@Test
	void aJsonImportWithTypeErrorsInSeveralRowsReportsEveryOneOfThemAtOnce() throws Exception {
		List<String> w = unchecked("320506");
		long before = count();
		// attack 3: only 第2条's type error was told; 第4条's and its second field's came after correcting it
		String bad = "[%s, %s, %s, %s]".formatted(json(w.get(4), "2018-03-01"),
				json(w.get(5), "2018-03-02").replace("\"handoverRecords\":true", "\"handoverRecords\":\"是的\""),
				json(w.get(6), "2018-03-03"),
				json(w.get(7), "2018-03-04").replace("\"deliveriesObserved\":5", "\"deliveriesObserved\":\"五次\"")
					.replace("\"handoverRecords\":true", "\"handoverRecords\":1,\"colour\":1"));
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(bad))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("第2条·handoverRecords",
					"第4条·deliveriesObserved", "第4条·handoverRecords", "第4条·colour")))
			.andExpect(content().string(containsString("第2条交接")))
			.andExpect(content().string(containsString("第4条：不认识的字段“colour”")));
		assertThat(count()).as("nothing saved").isEqualTo(before);
	}

	private static String json(String village, String on) {
		return """
				{"villageCode":"%s","checkedOn":"%s","deliveryMode":"直接通邮","deliveriesObserved":5,"handoverRecords":true,
				 "standardDelivery":true,"inspectors":["王普服","陈吴中"]}""".formatted(village, on);
	}

	private static MockMultipartFile xlsx(byte[] content) {
		return new MockMultipartFile("file", "checks.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
	}
}
