package org.youguan.audit;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ClientAddress;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 7: the audit trail reads as Chinese — actions by their names, objects by their numbers with links to
 * their pages (only where the reader may open them), the same names in the .xlsx export — and sign-ins, failures and
 * sign-outs are kept in a separate 登录日志 (masked names for unknown accounts, address and browser) that neither the
 * trail nor its action filter lists.
 */
@IntegrationTest
class AuditReadabilityIntegrationTest {

	static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/120.0.0.0 Safari/537.36";

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	SignInLog signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MessageSource messages;

	@Test
	void theTrailShowsActionNamesAndComplaintNumbersLinkedToTheirPagesAndExportsTheNames() throws Exception {
		var complaint = jdbc.sql("SELECT id, number FROM complaint WHERE region_code LIKE '3205%' ORDER BY id LIMIT 1")
			.query()
			.singleRow();
		long id = ((Number) complaint.get("id")).longValue();
		String number = (String) complaint.get("number");
		String marker = "可读性-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("complaint.transfer", "Complaint", id, marker)
			.inRegion("320506")));
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");

		String page = mvc.perform(get("/admin/audit").param("q", marker).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("受理并转办申诉").contains(">" + number + "</a>").contains("href=\"/complaints/" + id + "\"");
		assertThat(page).doesNotContain("Complaint " + id).doesNotContain("申诉申诉");

		byte[] xlsx = mvc.perform(get("/admin/audit/export.xlsx").param("q", marker).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> row = rowContaining(xlsx, marker);
		assertThat(row).contains("受理并转办申诉", number).doesNotContain("Complaint");
		// attack round (L5): the region by its name, as the page shows places, not its code
		assertThat(row).contains("吴中区").doesNotContain("320506");
	}

	/** Attack round (L5): the 办结 change of the loss recovered is named as the form names it, not 赔偿金额. */
	@Test
	void theClosingsLossRecoveredIsNamedAsTheFormNamesIt() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			assertThat(changes.label("Complaint", "compensationPaid")).isEqualTo("挽回经济损失");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	/**
	 * An entry's before/after read as its changes: per changed field the Chinese name, old → new, codes by their labels
	 * (of the object type: a filing's SUBMITTED is 待办理), times as Beijing dates and times, booleans 是/否, nothing for
	 * an unchanged field, personal numbers masked — on the page and in the export; the raw JSON only in the API.
	 */
	@Test
	void anEntrysChangesReadAsNamedFieldsWithLabelledValuesOnThePageAndInTheExport() throws Exception {
		long id = jdbc.sql("SELECT id FROM complaint WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1").query(Long.class).single();
		String marker = "变更可读-" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", "SUBMITTED");
		before.put("name", "吴中网点");
		before.put("filedOn", null);
		before.put("managerPhone", "13912345678");
		before.put("validComplaint", false);
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("status", "APPROVED");
		after.put("filedOn", "2026-03-05");
		after.put("reportedAt", "2026-03-05T02:30:00Z");
		after.put("managerPhone", "13812345679");
		after.put("validComplaint", true);
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("complaint.transfer", "OutletFiling", id, marker)
			.states(before, after).inRegion("320506")));
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");

		String page = mvc.perform(get("/admin/audit").param("q", marker).session(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String changes = page.substring(page.indexOf("audit-changes"));
		changes = changes.substring(0, changes.indexOf("</details>"));
		assertThat(changes).contains("<td class=\"text-nowrap\">状态</td>", "<td>待办理</td>", "<td>已备案</td>",
				"备案日期", "<td>—</td>", "<td>2026年3月5日</td>", "报送时间", "<td>2026年3月5日 10:30</td>", "负责人电话",
				"139****5678", "138****5679", "有效申诉", "<td>否</td>", "<td>是</td>");
		assertThat(changes).as("an unchanged field is not listed; no raw JSON, codes or numbers in clear")
			.doesNotContain("吴中网点", "SUBMITTED", "APPROVED", "\"status\"", "{", "13912345678", "T02:30");

		byte[] xlsx = mvc.perform(get("/admin/audit/export.xlsx").param("q", marker).session(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(rowContaining(xlsx, marker)).anySatisfy(c -> assertThat(c).contains("状态：待办理 → 已备案",
				"备案日期：— → 2026年3月5日", "报送时间：— → 2026年3月5日 10:30", "负责人电话：139****5678 → 138****5679")
			.doesNotContain("SUBMITTED", "{"));
		assertThat(headerRow(xlsx)).contains("变更内容").doesNotContain("变更前", "变更后");

		mvc.perform(get("/api/v1/audit-events").param("q", marker).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"beforeState\":\"{")))
			.andExpect(content().string(containsString("SUBMITTED")))
			.andExpect(jsonPath("$.items[0].changes[?(@.before == '待办理')].after").value("已备案"));
	}

	/**
	 * Every field of every state recorded (by the demo and the tests run before) has a Chinese name: a module that
	 * records a new field declares {@code audit.field.<field>} (or per type) in tools/messages.py.
	 */
	@Test
	void everyRecordedStateFieldHasAChineseName() {
		List<Map<String, Object>> fields = jdbc.sql("""
				SELECT DISTINCT e.object_type, k.key FROM audit_event e,
				    jsonb_object_keys(CASE WHEN jsonb_typeof(e.after_state) = 'object' THEN e.after_state ELSE '{}' END
				        || CASE WHEN jsonb_typeof(e.before_state) = 'object' THEN e.before_state ELSE '{}' END) AS k(key)
				WHERE e.action NOT LIKE 'test.%' AND e.action NOT LIKE 'bench.%' AND e.object_type NOT IN ('Test', 'Bench')
				""").query().listOfRows();
		assertThat(fields).isNotEmpty();
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			assertThat(fields.stream().filter(f -> {
				String type = (String) f.get("object_type");
				String key = (String) f.get("key");
				return changes.label(type, key).equals(key);
			}).map(f -> f.get("object_type") + "." + f.get("key")).sorted().toList()).isEmpty();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Autowired
	AuditChanges changes;

	@Test
	void anEntryWhoseStateIsLargerThanACellIsExportedCutAndMarked() throws Exception {
		long id = jdbc.sql("SELECT id FROM complaint WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1").query(Long.class).single();
		String marker = "大批量-" + UUID.randomUUID().toString().substring(0, 6);
		// the state of a 6,000-row import: far more than the 32,767 characters an .xlsx cell holds
		List<String> rows = IntStream.rangeClosed(1, 6_000).mapToObj(i -> "吴中区网点" + i).toList();
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("complaint.transfer", "Complaint", id, marker)
			.states(null, Map.of("rows", rows))
			.inRegion("320506")));
		byte[] xlsx = mvc.perform(get("/admin/audit/export.xlsx").param("q", marker).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String after = rowContaining(xlsx, marker).stream().filter(c -> c.contains("吴中区网点1、")).findFirst().orElseThrow();
		assertThat(after).hasSizeLessThanOrEqualTo(32_767).endsWith("以下已截断，全文见系统页面）").doesNotContain("吴中区网点6000");
	}

	@Test
	void anObjectOutsideTheReadersScopeIsNamedButNotLinked() {
		long id = jdbc.sql("SELECT id FROM complaint WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1").query(Long.class).single();
		String marker = "范围外-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("complaint.close", "Complaint", id, marker)
			.inRegion("320507")));
		// a 相城 reader sees the event (its region is theirs) but not the 吴中 complaint it names
		List<AuditCatalogue.Row> rows = catalogueRows(DataScope.region("320507"), marker);
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(r.objectTitle()).isEqualTo("申诉 #" + id);
			assertThat(r.objectLink()).isNull();
			assertThat(r.actionName()).isEqualTo("申诉办结");
		});
	}

	@Test
	void anEventAboutNoOneObjectBesideOneWithAnUnreadableIdIsListedByItsTypeName() {
		String marker = "无对象-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> {
			// an import of many records names no one object; an id that is not a number finds no title
			audit.record(AuditEntry.of("complaint.close", "Complaint", null, marker).inRegion("320506"));
			audit.record(AuditEntry.of("complaint.close", "Complaint", "导入批次A", marker).inRegion("320506"));
		});
		List<AuditCatalogue.Row> rows = catalogueRows(DataScope.region("3205"), marker);
		assertThat(rows).extracting(AuditCatalogue.Row::objectTitle).containsExactlyInAnyOrder("申诉", "申诉 #导入批次A");
	}

	@Test
	void registerAndAccountObjectsAreTitledByNameAndLinkedToTheirPages() {
		var outlet = jdbc.sql("SELECT id, name FROM terminal_outlet WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query()
			.singleRow();
		long outletId = ((Number) outlet.get("id")).longValue();
		var user = jdbc.sql("SELECT id, username, display_name FROM user_account WHERE username = 'wz.staff'").query().singleRow();
		long userId = ((Number) user.get("id")).longValue();
		String marker = "名称-" + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("registry.outlet.update", "TerminalOutlet", outletId, marker).inRegion("320506"));
			audit.record(AuditEntry.of("user.update", "User", userId, marker).inRegion("320506"));
		});
		List<AuditCatalogue.Row> rows = catalogueRows(DataScope.region("3205"), marker);
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.objectTitle()).startsWith((String) outlet.get("name"));
			assertThat(r.objectLink()).isEqualTo("/registry/outlets/" + outletId);
		});
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.objectTitle()).isEqualTo(user.get("display_name") + "（wz.staff）");
			assertThat(r.objectLink()).isEqualTo("/admin/users/" + userId);
		});
	}

	@Autowired
	AuditCatalogue catalogue;

	private List<AuditCatalogue.Row> catalogueRows(DataScope scope, String marker) {
		// outside a request the names come in the default language, Chinese
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			return catalogue.rows(scope, audit.search(DataScope.all(), new AuditQuery(marker, null, null, null, null),
					new PageQuery("", 0, 10, null, true)).items());
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void signInsFailuresAndSignOutsGoToTheSignInLogNotTheTrail() throws Exception {
		String unknown = "zq" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/login").param("username", unknown).param("password", "Secret#2026x").with(csrf())
			.with(ClientAddress.fromANewAddress()).header("User-Agent", CHROME));
		MockHttpSession office = (MockHttpSession) mvc
			.perform(post("/login").param("username", "sz.office").param("password", SignIn.DEMO_PASSWORD).with(csrf())
				.header("User-Agent", CHROME))
			.andReturn().getRequest().getSession();
		mvc.perform(post("/logout").session(office).with(csrf()).header("User-Agent", CHROME));

		var failures = signIns.list(DataScope.all(), new SignInLog.Filter(SignInLog.Result.FAILURE, null, null),
				new PageQuery("zq", 0, 200, null, true)).items();
		assertThat(failures).extracting(SignInLog.Entry::username).contains("zq***").doesNotContain(unknown);
		var office1 = signIns.list(DataScope.region("3205"), SignInLog.Filter.NONE, new PageQuery("sz.office", 0, 5, null, true))
			.items();
		assertThat(office1).extracting(SignInLog.Entry::result).startsWith(SignInLog.Result.SIGN_OUT, SignInLog.Result.SUCCESS);
		assertThat(office1.get(1).userAgent()).isEqualTo("Chrome 120 · Windows");
		assertThat(office1.get(1).displayName()).isNotBlank();
		assertThat(signIns.list(DataScope.region("3205"), SignInLog.Filter.NONE, new PageQuery("zq***", 0, 5, null, true))
			.items()).as("an unknown account's failure is for system administrators only").isEmpty();

		assertThat(audit.search(DataScope.all(), new AuditQuery("sz.office", null, null, null, null),
				new PageQuery("", 0, 50, null, true)).items()).extracting(AuditEvent::action)
			.noneMatch(a -> a.startsWith("signin."));
		assertThat(audit.actions(DataScope.all())).noneMatch(a -> a.startsWith("signin."));

		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		String page = mvc.perform(get("/admin/signins").param("q", "sz.office").session(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("登录日志").contains("退出登录").contains("登录成功").contains("Chrome 120 · Windows");
		byte[] xlsx = mvc.perform(get("/admin/signins/export.xlsx").param("q", "zq***").param("result", "FAILURE").session(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(rowContaining(xlsx, "zq***")).contains("登录失败", "用户名不存在");
		mvc.perform(get("/admin/signins").session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isForbidden());
		String city = mvc.perform(get("/admin/signins").param("q", "zq").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(city).as("a city administrator does not see failures of unknown accounts").doesNotContain("zq***");
	}

	@Test
	void everyRecordedActionAndObjectTypeHasAChineseName() {
		// codes the tests themselves record (test.*, bench.*) are not the application's
		List<String> actions = jdbc.sql("SELECT DISTINCT action FROM audit_event WHERE action NOT LIKE 'test.%' "
				+ "AND action NOT LIKE 'bench.%'").query(String.class).list();
		assertThat(actions).isNotEmpty();
		assertThat(actions).allSatisfy(a -> assertThat(messages.getMessage("audit.action." + a, null, null, Locale.CHINA))
			.as(a).isNotNull());
		List<String> types = jdbc.sql("SELECT DISTINCT object_type FROM audit_event").query(String.class).list();
		assertThat(types).filteredOn(t -> !t.equals("Test") && !t.equals("Bench"))
			.allSatisfy(t -> assertThat(messages.getMessage("audit.object." + t, null, null, Locale.CHINA)).as(t).isNotNull());
	}

	private static List<String> headerRow(byte[] xlsx) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> cells = new ArrayList<>();
			book.getSheetAt(0).getRow(0).forEach(c -> cells.add(c.toString()));
			return cells;
		}
	}

	private static List<String> rowContaining(byte[] xlsx, String text) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(ExportedRows.text(cell));
				}
				if (cells.stream().anyMatch(c -> c.contains(text))) {
					return cells;
				}
			}
		}
		throw new AssertionError("no row with " + text);
	}
}
