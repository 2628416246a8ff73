package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.context.MessageSource;
import org.youguan.IntegrationTest;
import org.youguan.ProvinceStaff;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.calendar.WorkingCalendar;
import org.springframework.context.i18n.LocaleContextHolder;
import org.youguan.documents.Column;
import org.youguan.documents.SheetDay;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.Users;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;
import org.youguan.rules.ViolationType;
import org.youguan.statistics.ReportStatus;
import org.youguan.universal.SupervisionKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The English mode ({@code ?lang=en}) reads the pages and exports in English, Chinese staying the default (finding: the
 * layout's page-title parameter, 我的待办's recent activity, the licensing missing-materials list, the cancellation
 * grounds and the .xlsx headers stayed Chinese). That the templates hold no Chinese outside the message bundles is the
 * one template scan's, {@link TemplateTextInMessagesTest}.
 */
@IntegrationTest
class EnglishModeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Spreadsheets spreadsheets;

	@Autowired
	MessageSource messages;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	org.youguan.MutableClock clock;

	@Autowired
	org.youguan.statistics.ReportForms forms;

	/**
	 * Finding (html lang stays zh-CN in English mode): the sign-in page, a page of its own outside the layouts, said
	 * {@code lang="zh-CN"} in English; every template that is a whole page (with its own {@code <head>}) words its
	 * {@code lang} as the request's language.
	 */
	@Test
	void theSignInPageAndEveryWholePageSayTheirLanguage() throws Exception {
		String english = mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("<html lang=\"en\"");
		String chinese = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("<html lang=\"zh");
		List<Path> pages;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			pages = files.filter(f -> f.toString().endsWith(".html")).toList();
		}
		for (Path page : pages) {
			String text = Files.readString(page);
			if (text.contains("<head")) {
				Matcher html = Pattern.compile("<html[^>]*>").matcher(text);
				assertThat(html.find()).as(page.toString()).isTrue();
				assertThat(html.group()).as(page.toString()).contains("th:lang=");
			}
		}
	}

	@Test
	void aPublicPageAndTheLayoutReadInEnglishChineseStayingTheDefault() throws Exception {
		String english = mvc.perform(get("/public/lookup").param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Express licence lookup", "All brands", "YouGuan · Postal regulation platform")
			.doesNotContain("快递业务经营许可查询", "全部品牌", "邮政管理信息平台");
		String chinese = mvc.perform(get("/public/lookup")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("快递业务经营许可查询", "全部品牌", "邮管通 YouGuan · 邮政管理信息平台");
	}

	@Test
	void theCancellationGroundsReadInTheReadersLanguageWithTheCataloguesPeriod() throws Exception {
		MockHttpSession province = ProvinceStaff.session(mvc, users, bureaus);
		String english = mvc.perform(get("/licensing/licences/cancellation").param("lang", "en").session(province))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Validity ended without renewal", "No operation for more than 6 months")
			.doesNotContain("有效期届满未延续", "未经营");
		String chinese = mvc.perform(get("/licensing/licences/cancellation").param("lang", "zh-CN").session(province))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("有效期届满未延续", "取得许可后无正当理由超过6个月未经营");
	}

	@Test
	void anExportsHeadersReadInTheRequestsLanguageAndInChineseOutsideARequest() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		assertThat(headers(mvc.perform(get("/statistics/reports/export.xlsx").param("state", "ALL").param("lang", "en")
			.session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
			.startsWith("Form", "Period", "Reporting enterprise").contains("On time", "Region code");
		assertThat(headers(mvc.perform(get("/statistics/reports/export.xlsx").param("state", "ALL").param("lang", "zh-CN")
			.session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
			.startsWith("报表", "报告期", "报送企业");
		// a sheet written outside a request (a job, a service called directly) keeps the Chinese headers, whatever the
		// machine's own language
		Locale machine = Locale.getDefault();
		try {
			Locale.setDefault(Locale.ENGLISH);
			assertThat(headers(spreadsheets.write("报表", List.of(Column.of("报表", (String s) -> s)), List.of("月报"))))
				.containsExactly("报表");
		}
		finally {
			Locale.setDefault(machine);
		}
	}

	/**
	 * Finding (statistics exports mixed languages): the analysis exports built their headers from 年, 月, 上年同期 and the
	 * indicator's unit past the bundle ('1–11月（件）', '2026年（件）') and wrote 不可比 and the Chinese caveat
	 * (数据不完整：2026年11月已审核5/8家) in their cells while the English page said "Not comparable" / "Incomplete data: …".
	 * In English every header and every word of trend, regions, brands and composition.xlsx is English — only the rows'
	 * own names (regions, brands, the catalogue's parts) stay as kept — and in Chinese they stay as they were.
	 */
	@Test
	void theStatisticsExportsHeadersAndWordsReadInTheRequestsLanguage() throws Exception {
		clock.set(java.time.LocalDateTime.now(org.youguan.platform.ChinaTime.ZONE));
		java.time.YearMonth open = forms.currentPeriod(forms.byCode("monthly")).first();
		MockHttpSession leader = SignIn.session(mvc, "sz.leader");
		List<String> words = new ArrayList<>();
		for (String view : List.of("trend", "regions", "brands", "composition")) {
			byte[] xlsx = mvc.perform(get("/statistics/export/" + view + ".xlsx").session(leader).param("lang", "en")
				.param("indicator", "express.volume").param("region", "3205").param("year", String.valueOf(open.getYear()))
				.param("through", String.valueOf(open.getMonthValue())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
			// the title heading the name column names the indicator and the area by their own (Chinese) names, the
			// period ISO; every other header is English
			List<String> heads = new ArrayList<>(headers(xlsx));
			String title = heads.remove(view.equals("trend") ? 0 : 1);
			assertThat(title).as(view).contains(" (快递业务量, 江苏省苏州市, " + open.getYear() + "-01 to " + open + ")");
			assertThat(heads).as(view).noneMatch(h -> TemplateTextInMessagesTest.HAN.matcher(h).find());
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
				for (Row row : book.getSheetAt(0)) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						// the name column (a region, a brand, a part of the indicator) is the rows' own data
						if (row.getRowNum() > 0 && (view.equals("trend") || c != 1) && row.getCell(c) != null) {
							words.add(view + ": " + format.formatCellValue(row.getCell(c)));
						}
					}
				}
			}
		}
		assertThat(words).noneMatch(w -> TemplateTextInMessagesTest.HAN.matcher(w).find())
			.anyMatch(w -> w.endsWith(": Not comparable")).anyMatch(w -> w.contains(": Incomplete data: "));
		byte[] regions = mvc.perform(get("/statistics/export/regions.xlsx").param("lang", "en").session(leader)
			.param("indicator", "express.volume").param("region", "3205").param("year", String.valueOf(open.getYear()))
			.param("through", String.valueOf(open.getMonthValue()))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		int m = open.getMonthValue();
		assertThat(headers(regions)).containsExactly("Rank", "By region (快递业务量, 江苏省苏州市, " + open.getYear() + "-01 to " + open + ")", (m == 1 ? "January" : "Months 1–" + m) + " (items)", "Same period last year (items)",
				"Year-on-year growth (%)", "Share (%)", "Data completeness");
		byte[] chinese = mvc.perform(get("/statistics/export/regions.xlsx").session(leader)
			.param("indicator", "express.volume").param("region", "3205").param("year", String.valueOf(open.getYear()))
			.param("through", String.valueOf(m))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(headers(chinese)).containsExactly("排名", "分地区（快递业务量，江苏省苏州市，" + open.getYear() + "年1月至" + org.youguan.kernel.ChineseText.month(open) + "）", (m == 1 ? "1月" : "1–" + m + "月") + "（件）", "上年同期（件）", "同比增长（%）", "占比（%）", "数据完整性");
	}

	/**
	 * Every export's words have their English: each header a column names ({@code Column.of("…"}), each sheet's name
	 * ({@code .write("…"}) and each word an export writes in its cells ({@code SheetWord.of("…")}) — the enterprise's
	 * penalty export kept 缴款日期 and its sheet name in Chinese.
	 */
	@Test
	void everyExportsHeadersSheetNamesAndWordsHaveTheirEnglish() throws IOException {
		Properties english = new Properties();
		try (var in = Files.newBufferedReader(Path.of("src/main/resources/messages_en.properties"), StandardCharsets.UTF_8)) {
			english.load(in);
		}
		Map<String, Pattern> kinds = Map.of(Spreadsheets.HEADER_KEY, Pattern.compile("Column\\.(?:of|label)\\(\\s*\"([^\"]+)\""),
				Spreadsheets.SHEET_KEY, Pattern.compile("\\.write\\(\\s*\"([^\"]+)\""),
				SheetWord.KEY, Pattern.compile("SheetWord\\.of\\(\"([^\"]+)\"\\)"));
		List<String> missing = new ArrayList<>();
		int found = 0;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				String source = Files.readString(file, StandardCharsets.UTF_8);
				for (var kind : kinds.entrySet()) {
					Matcher words = kind.getValue().matcher(source);
					while (words.find()) {
						found++;
						String key = kind.getKey() + words.group(1);
						if (TemplateTextInMessagesTest.HAN.matcher(words.group(1)).find() && english.getProperty(key) == null) {
							missing.add(file.getFileName() + ": " + key);
						}
					}
				}
			}
		}
		assertThat(found).as("exports found").isGreaterThan(300);
		assertThat(missing).as("export words without English (tools/messages.py)").isEmpty();
	}

	/**
	 * A module's refusal reads in English on an English page — a record not found worded by its key with the id — while
	 * the API's problem keeps the Chinese sentence, and the Chinese page keeps it word for word.
	 */
	@Test
	void aModulesRefusalReadsInEnglishOnAnEnglishPage() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String english = mvc.perform(get("/complaints/999999999").param("lang", "en").session(staff))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Not found, or outside your data scope: 999999999")
			.doesNotContain("不存在或不在您的数据权限范围内");
		String chinese = mvc.perform(get("/complaints/999999999").session(staff)).andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("不存在或不在您的数据权限范围内：999999999");
		String api = mvc.perform(get("/api/v1/complaints/999999999").param("lang", "en")
			.header("Authorization", "Bearer demo-wz-staff-token")).andExpect(status().isNotFound()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("不存在或不在您的数据权限范围内");
	}

	/**
	 * Finding (the enterprise's inbox in Chinese): its items' kinds, statuses and levels ("新设备案 · 待补正", "一般隐患",
	 * "未填报") were joined into Chinese text by the work queues; they now carry the constants and message keys and the
	 * page words them in its reader's language.
	 */
	@Test
	void anEnterprisesInboxNamesItsItemsKindsStatusesAndLevelsInEnglish() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		String english = items(mvc.perform(get("/").param("lang", "en").session(enterprise)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(english).contains("New filing · ", "To be handled", "General hazard", "Transferred to the company")
			.doesNotContain("新设备案", "变更备案", "待补正", "待办理", "一般隐患", "已转办企业", "草稿", "未填报");
		String chinese = items(mvc.perform(get("/").param("lang", "zh-CN").session(enterprise)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(chinese).contains("新设备案 · ", "待办理", "一般隐患", "已转办企业").doesNotContain("New filing");
	}

	/** Finding (已办 in Chinese): a handled event reads as its action's name in English, its recorded summary in Chinese. */
	@Test
	void aHandledEventReadsAsItsActionInEnglish() {
		AuditEvent event = new AuditEvent(1, OffsetDateTime.now(), "sf.wz", null, null, "320506", "brand.create", "brand",
				"7", "新增品牌：顺丰", null, null, null, null, null);
		assertThat(new InboxRows(messages, Locale.ENGLISH, "", calendar, LocalDate.of(2026, 12, 7)).done(List.of(new Inbox.Done(event, null))).get(0)
			.summary()).startsWith("Brand added").endsWith(" 7").doesNotContain("新增品牌");
		assertThat(new InboxRows(messages, Locale.SIMPLIFIED_CHINESE, "", calendar, LocalDate.of(2026, 12, 7)).done(List.of(new Inbox.Done(event, null)))
			.get(0).summary()).isEqualTo("新增品牌：顺丰");
	}

	/**
	 * Finding (choices written in Java past the bundle): the enterprise's complaint list's status filter, written by
	 * OptionsHtml, and the public licence check's reason read Chinese in English mode.
	 */
	@Test
	void filterOptionsAndTheLicenceChecksReasonReadInEnglish() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		String list = mvc.perform(get("/enterprise/complaints").param("lang", "en").param("state", "ALL").session(enterprise))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("<option value=\"TRANSFERRED\">Transferred to the company</option>")
			.doesNotContain(">已转办企业<");
		String verify = mvc.perform(get("/public/licences/verify").param("lang", "en").param("number", "NO-SUCH-1")
			.param("code", "ABCDEF")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(verify).contains("Not valid: no licence matches this number and verification code")
			.doesNotContain("未查到与该编号和验证码相符的许可证");
		assertThat(mvc.perform(get("/public/licences/verify").param("lang", "zh-CN").param("number", "NO-SUCH-1")
			.param("code", "ABCDEF")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("未查到与该编号和验证码相符的许可证");
		// an outlet's cooperation mode (a dictionary's code) on the enterprise's filing to correct
		Matcher filing = Pattern.compile("href=\"/enterprise/filings/(\\d+)\"").matcher(mvc.perform(get("/enterprise/filings")
			.param("status", "MISSING_ITEMS").session(enterprise)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(filing.find()).isTrue();
		String page = mvc.perform(get("/enterprise/filings/" + filing.group(1)).param("lang", "en").session(enterprise))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(">Franchise</option>").doesNotContain(">加盟</option>");
	}

	/**
	 * Finding (precomputed Chinese cells and labels): a row's worked-out state, a list of choices and a day's 暂定 mark
	 * were joined into Chinese before the export saw them; carried as a sentence's key ({@link Wording}), the choices
	 * themselves and the day, they read in English in an English request and in Chinese outside one.
	 */
	@Test
	void aRowsWorkedOutStateChoicesAndADaysMarkReadInTheRequestsLanguage() throws IOException {
		List<Column<Object>> columns = List.of(Column.of("状态", r -> Wording.of("stat.approvedCorrection", ReportStatus.DRAFT)),
				Column.of("角色", r -> List.of(Role.STAFF, Role.BUREAU_LEADER)),
				Column.of("违法行为", r -> ViolationType.DATA_NOT_REPORTED),
				Column.of("完成时限", r -> new SheetDay(LocalDate.of(2099, 1, 18), WorkingCalendar.PROVISIONAL_MARK)));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		byte[] english;
		try {
			english = spreadsheets.write("报表", columns, List.of(new Object()));
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(cells(english)).startsWith("Approved (correction: Draft)", "Department staff, Bureau leader",
				"Express business data not reported as required");
		assertThat(dayFormat(english)).endsWith("\" (provisional)\"");
		byte[] chinese = spreadsheets.write("报表", columns, List.of(new Object()));
		assertThat(cells(chinese)).startsWith("已审核（更正草稿）", "处室工作人员、局领导", "未按规定报送快递业务数据");
		assertThat(dayFormat(chinese)).endsWith("\"（暂定）\"");
	}

	/**
	 * Finding (precomputed labels on pages): the sign-in log's results, the users' roles and the cases' violations read
	 * in English on English pages, in Chinese by default.
	 */
	@Test
	void signInResultsRolesAndViolationsReadInEnglishOnEnglishPages() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		String signins = page(get("/admin/signins").param("lang", "en").session(admin));
		assertThat(signins).contains(">Signed in<").doesNotContain(">登录成功<");
		assertThat(page(get("/admin/signins").session(admin))).contains(">登录成功<");
		String users = page(get("/admin/users").param("lang", "en").session(admin));
		assertThat(users).containsPattern("<td>[^<]*(Department staff|Bureau administrator)").doesNotContainPattern("<td>[^<]*(处室工作人员|机构管理员)");
		assertThat(page(get("/admin/users").session(admin))).containsPattern("<td>[^<]*(处室工作人员|机构管理员)");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String cases = page(get("/enforcement/cases").param("lang", "en").param("open", "false").session(staff));
		for (ViolationType v : ViolationType.values()) {
			assertThat(cases).doesNotContain(">" + v.shortName() + "<");
		}
		assertThat(Stream.of(ViolationType.values()).map(v -> messages.getMessage(EnumWords.key(v), null, Locale.ENGLISH))
			.anyMatch(cases::contains)).as("an English violation on the cases' list").isTrue();
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The number format of the last cell of the first data row: a day's, its mark quoted after the date. */
	private static String dayFormat(byte[] xlsx) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row row = book.getSheetAt(0).getRow(1);
			return row.getCell(row.getLastCellNum() - 1).getCellStyle().getDataFormatString();
		}
	}

	/** The cells of the first data row of the workbook's first sheet, as text. */
	private static List<String> cells(byte[] xlsx) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row row = book.getSheetAt(0).getRow(1);
			org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < row.getLastCellNum(); c++) {
				cells.add(format.formatCellValue(row.getCell(c)));
			}
			return cells;
		}
	}

	/**
	 * Finding (complaint categories and reasons are database rows, Chinese in English mode): the catalogue's names read
	 * by their dictionary keys ({@code complaint.category.<name>}, {@code complaint.reason.<name>}) on the public form
	 * and the staff queue (its filter and rows), the stored name staying the value sent.
	 */
	@Test
	void complaintCategoriesAndReasonsReadInEnglish() throws Exception {
		String form = page(get("/public/complaints/new").param("lang", "en"));
		assertThat(form).contains("<option value=\"延误\">Delay</option>", ">Delivery delay</option>")
			.doesNotContain(">延误</option>", ">派送延误</option>");
		assertThat(page(get("/public/complaints/new"))).contains("<option value=\"延误\">延误</option>");
		String queue = page(get("/complaints").param("lang", "en").param("state", "ALL").session(SignIn.session(mvc, "wz.staff")));
		assertThat(queue).contains(">Delay</option>");
		for (String category : List.of("投递服务", "延误", "丢失短少", "损毁", "收寄服务", "违规收费", "代收货款", "其他")) {
			assertThat(queue).doesNotContain("<span>" + category + "</span>").doesNotContain(">" + category + "</option>");
		}
	}

	/**
	 * Finding (export words built past the bundle): a sheet named with its year, the figures' 合计 and 全部检查 rows, and
	 * every header a universal-supervision kind builds from its own labels read in English in an English request.
	 */
	@Test
	void sheetNamesWithAYearTotalsAndSupervisionHeadersReadInEnglish() throws IOException {
		List<Column<String>> columns = List.of(Column.of("项目", (String s) -> SheetWord.of(s)));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(spreadsheets.write("2026年任务推进情况", columns,
				List.of("合计", "全部检查", "吴中区"))))) {
			assertThat(book.getSheetName(0)).isEqualTo("Task progress 2026");
			assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("All inspections");
			assertThat(book.getSheetAt(0).getRow(3).getCell(0).getStringCellValue()).isEqualTo("吴中区");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(spreadsheets.write("2026年任务推进情况", columns,
				List.of("合计"))))) {
			assertThat(book.getSheetName(0)).isEqualTo("2026年任务推进情况");
			assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("合计");
		}
		List<String> missing = new ArrayList<>();
		for (SupervisionKind kind : SupervisionKind.values()) {
			Stream.of(kind.dayLabel(), kind.untilLabel(), kind.subjectLabel(), kind.placeLabel(), kind.detailLabel(),
					kind.flagLabel(), kind.findingsLabel()).filter(l -> l != null)
				.filter(l -> messages.getMessage(Spreadsheets.HEADER_KEY + l, null, null, Locale.ENGLISH) == null)
				.forEach(missing::add);
			if (messages.getMessage(Spreadsheets.SHEET_KEY + kind.title(), null, null, Locale.ENGLISH) == null) {
				missing.add(kind.title());
			}
		}
		assertThat(missing).as("supervision headers and sheet names without English").isEmpty();
	}

	/** The items of a home page's queues (their {@code queue-items} lists), without tags. */
	private static String items(String html) {
		StringBuilder out = new StringBuilder();
		Matcher list = Pattern.compile("queue-items.*?</ul>", Pattern.DOTALL).matcher(html);
		while (list.find()) {
			out.append(list.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
		}
		return out.toString();
	}

	/** The header row of the workbook's first sheet. */
	private static List<String> headers(byte[] xlsx) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row header = book.getSheetAt(0).getRow(0);
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < header.getLastCellNum(); c++) {
				cells.add(header.getCell(c).getStringCellValue());
			}
			return cells;
		}
	}
}
