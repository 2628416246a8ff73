package org.youguan.safety.internal.ledgers;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.RandomLetters;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bureau's trainings and joint-operation seizures: recorded within its region with every bad field named, seen by
 * the bureaus of that region only (never by an enterprise), listed with the demo's training of 200+ company heads and
 * its 假烟 51条 seizure worth ¥19,000, exported, audited.
 */
@IntegrationTest
class RegionRecordsIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	RegionRecords records;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoHasItsTrainingAndSeizure() throws Exception {
		assertThat(records.trainings(DataScope.region("3205"), new PageQuery("反恐", 0, 5, null, false)).items())
			.anySatisfy(t -> assertThat(t.trainees()).isGreaterThanOrEqualTo(200));
		mvc.perform(get("/safety/seizures?q=假烟").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("51条")))
			.andExpect(content().string(containsString(">19000<")));
		mvc.perform(get("/safety/trainings").header("Authorization", CITY)).andExpect(status().isOk());
	}

	/** A 假烟 seizure in 吴中 today posted by 吴中's staff, with the quantity and value as JSON (numbers or quoted text). */
	ResultActions seizure(String quantity, String valueYuan) throws Exception {
		return mvc.perform(post("/api/v1/safety/seizures").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320506\",\"seizedOn\":\"" + LocalDate.now(clock) + "\",\"agencies\":\"公安\","
					+ "\"item\":\"假烟\",\"quantity\":" + quantity + ",\"unit\":\"条\",\"valueYuan\":" + valueYuan + "}"));
	}

	/** A seizure of {@code quantity} {@code unit} worth {@code valueYuan}, posted by 吴中's staff (JSON as sent). */
	ResultActions seizure(String quantity, String unit, String valueYuan) throws Exception {
		return mvc.perform(post("/api/v1/safety/seizures").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320506\",\"seizedOn\":\"" + LocalDate.now(clock) + "\",\"agencies\":\"公安\","
					+ "\"item\":\"计件测试" + RandomDigits.of(8) + "\",\"quantity\":" + quantity + ",\"unit\":\"" + unit
					+ "\",\"valueYuan\":" + valueYuan + "}"));
	}

	/**
	 * Pieces are counted in whole numbers from 1 (attack: a seizure of 0.001条 was recorded): 条, 件, 个 — any unit that
	 * is no measure — refuse a fraction (rule {@code integer}) and a count below 1 (rule {@code range}), naming the
	 * unit and the range; a weight or volume keeps its decimals; the value follows the money rule (yuan and fen) and is
	 * more than 0 when given.
	 */
	@Test
	void piecesAreWholeNumbersFromOneAndAValueIsMoreThanNothing() throws Exception {
		for (String unit : new String[] { "条", "件", "个", "箱" }) {
			seizure("0.001", unit, "1")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("quantity"))
				.andExpect(jsonPath("$.errors[0].rule").value("integer"))
				.andExpect(jsonPath("$.errors[0].message").value("数量以“" + unit + "”计，应为整数（1至1000000），不能有小数：0.001"));
		}
		seizure("1.5", "件", "1").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("integer"));
		seizure("0", "件", "1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quantity"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		seizure("\"51.000\"", "条", "19000").andExpect(status().isCreated());
		seizure("0.5", "公斤", "100").andExpect(status().isCreated());
		seizure("2.25", "ｋｇ", "100").andExpect(status().isCreated());
		seizure("0.001", "公斤", "1").andExpect(status().isCreated());
		// the value: yuan and fen, more than 0 (¥0.01 is an amount of money; 0 or a negative one is none)
		seizure("1", "条", "0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("valueYuan"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		seizure("1", "条", "-5").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("valueYuan"));
		seizure("1", "条", "0.001").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("valueYuan"));
		seizure("1", "条", "0.01").andExpect(status().isCreated());
	}

	@Test
	void aSeizureIsCheckedFieldByFieldAndKeptInItsRegion() throws Exception {
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		// quantity and value as JSON numbers, as a client would send them: refused by their rules, named
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"32050\",\"seizedOn\":\"" + tomorrow + "\",\"agencies\":\"\",\"item\":\"假酒\","
					+ "\"quantity\":0,\"unit\":\"\",\"valueYuan\":1.005}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("region")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("seizedOn")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("agencies")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("quantity")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("unit")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("valueYuan")));
		// another county's region is not there (404) before the fields: they say nothing about a region apart
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320507\",\"seizedOn\":\"" + tomorrow + "\",\"agencies\":\"\",\"item\":\"假酒\","
					+ "\"quantity\":0,\"unit\":\"\",\"valueYuan\":1.005}"))
			.andExpect(status().isNotFound());
		// a quantity in exponent notation is refused as the money is (attack round 10: "1e3" was taken as 1000)
		seizure("\"1e3\"", "1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("quantity"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("科学计数法")));
		// a quantity has an upper bound (attack round: 999999999999 条 was recorded), named with its label
		seizure("999999999999", "1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("quantity"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value("数量以“条”计，应为整数（1至1000000）：999999999999"));
		// the value's digit limit reads the same however the number is sent: a JSON number, text, or one beyond the
		// JSON reader's own bound (which quoted that bound, 30 digits, and another label)
		for (String value : new String[] { "1e20", "\"1e20\"", "1e40", "100000000000000000000" }) {
			seizure("1", value)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("valueYuan"))
				.andExpect(jsonPath("$.errors[0].rule").value("digits"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("案值（元）超出允许的位数（最多13位整数、2位小数）")));
		}
		// the seized item and its unit are one line each: a line break or a zero-width character inside is refused
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320506\",\"seizedOn\":\"" + LocalDate.now(clock) + "\",\"agencies\":\"公安\","
					+ "\"item\":\"假烟\\n二\",\"quantity\":1,\"unit\":\"条\\n件\",\"valueYuan\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'item')].rule").value(hasItem("line-break")))
			.andExpect(jsonPath("$.errors[?(@.field == 'unit')]").isNotEmpty());
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"x\"}"))
			.andExpect(status().isForbidden());
		// the page form refused: the list page again with the errors, the typed values and a 400; nothing saved
		mvc.perform(post("/safety/seizures").with(csrf()).header("Authorization", CITY).param("region", "320507")
			.param("seizedOn", tomorrow).param("agencies", "相城区邮政管理局").param("item", "被拒的查获物品")
			.param("quantity", "3").param("unit", "件"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("value=\"被拒的查获物品\"")))
			.andExpect(content().string(containsString("value=\"" + tomorrow + "\"")))
			.andExpect(content().string(containsString("value=\"320507\" selected")));
		mvc.perform(get("/api/v1/safety/seizures?q=被拒的查获物品").header("Authorization", CITY))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(post("/safety/seizures").with(csrf()).header("Authorization", CITY).param("region", "320507")
			.param("seizedOn", LocalDate.now(clock).toString()).param("agencies", "相城区邮政管理局、区公安分局")
			.param("item", "管制刀具测试").param("quantity", "12").param("unit", "把").param("valueYuan", "2400"))
			.andExpect(flash().attribute("message", "联合执法查获已登记"));
		mvc.perform(get("/api/v1/safety/seizures?q=管制刀具测试").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/safety/seizures?q=管制刀具测试").header("Authorization", "Bearer demo-xc-staff-token"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].unit").value("把"));
		long id = records.seizures(DataScope.region("320507"), new PageQuery("管制刀具测试", 0, 1, null, false)).items().get(0)
			.id();
		assertThat(audit.history(DataScope.all(), RegionRecords.SEIZURE, id)).extracting(AuditEvent::action)
			.containsExactly("safety.seizure.create");
	}

	/** The API list, the page's list and the export's rows of the ledger {@code ledger} searched for {@code q} (one record). */
	private List<String> listsAndExport(String ledger, String q) throws Exception {
		String api = mvc.perform(get("/api/v1/safety/" + ledger).param("q", q).header("Authorization", CITY))
			.andExpect(jsonPath("$.total").value(1)).andReturn().getResponse().getContentAsString();
		String page = mvc.perform(get("/safety/" + ledger).param("q", q).header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String exported = HazardLedgerIntegrationTest.rowsOf(mvc.perform(get("/safety/" + ledger + "/export.xlsx").param("q", q)
			.header("Authorization", CITY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		return List.of(api, page, exported);
	}

	/**
	 * An ID or mobile number in a training's topic, audience or organiser is masked in the page's list, the API list and
	 * the export.
	 */
	@Test
	void personalNumbersInATrainingsFreeTextAreMaskedInTheListsAndTheExport() throws Exception {
		String topic = "号码培训" + RandomLetters.of(10);
		mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", CITY).param("region", "3205")
			.param("heldOn", LocalDate.now(clock).toString()).param("topic", topic + "（报名13912345678）")
			.param("trainees", "12").param("audience", "网点负责人，身份证110105194912310021")
			.param("organiser", "市局 13812345678"))
			.andExpect(flash().attribute("message", "安全培训已登记"));
		List<String> shown = listsAndExport("trainings", topic);
		String api = shown.get(0);
		for (String text : shown) {
			assertThat(text).contains(topic).doesNotContain("19491231").doesNotContain("39123456")
				.doesNotContain("38123456");
		}
		assertThat(api).contains("139****5678").contains("138****5678").contains("110105********0021");
	}

	/**
	 * An ID or mobile number in a seizure's agencies, item or note is masked in the page's list, the API list, the
	 * export and the audit.
	 */
	@Test
	void personalNumbersInASeizuresNoteAreMaskedInTheListsTheExportAndTheAudit() throws Exception {
		String item = "号码查获" + RandomLetters.of(10);
		mvc.perform(post("/safety/seizures").with(csrf()).header("Authorization", CITY).param("region", "320507")
			.param("seizedOn", LocalDate.now(clock).toString()).param("agencies", "相城区邮政管理局（13812345678）")
			.param("item", item + " 收件人13712345678").param("quantity", "1").param("unit", "件").param("valueYuan", "10")
			.param("note", "寄件人电话13912345678，身份证110105194912310021"))
			.andExpect(flash().attribute("message", "联合执法查获已登记"));
		List<String> shown = listsAndExport("seizures", item);
		String api = shown.get(0);
		for (String text : shown) {
			assertThat(text).contains(item).doesNotContain("19491231").doesNotContain("39123456")
				.doesNotContain("38123456").doesNotContain("37123456");
		}
		assertThat(api).contains("139****5678").contains("138****5678").contains("137****5678");
		long id = records.seizures(DataScope.region("320507"), new PageQuery(item, 0, 1, null, false)).items().get(0).id();
		for (AuditEvent e : audit.history(DataScope.all(), RegionRecords.SEIZURE, id)) {
			assertThat(e.summary() + e.beforeState() + e.afterState()).doesNotContain("19491231").doesNotContain("39123456")
				.doesNotContain("38123456").doesNotContain("37123456");
		}
	}

	/** A trainee count no int holds ("1e3", "3000000000") is the form's field error, re-rendered, never an error page. */
	@Test
	void aTraineeCountThatIsNoWholeNumberReRendersTheFormWithTheFieldError() throws Exception {
		for (String trainees : new String[] { "3000000000", "99999999999999999999", "十", "2.5", "0" }) {
			mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", CITY).param("region", "3205")
				.param("heldOn", LocalDate.now(clock).toString()).param("topic", "人数格式测试培训")
				.param("trainees", trainees).param("audience", "网点负责人").param("organiser", "市局"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"errors\"")))
				.andExpect(content().string(containsString("培训人数")))
				.andExpect(content().string(containsString("value=\"人数格式测试培训\"")));
		}
		mvc.perform(get("/api/v1/safety/trainings?q=人数格式测试培训").header("Authorization", CITY))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"3205\",\"heldOn\":\"" + LocalDate.now(clock) + "\",\"topic\":\"人数格式测试培训\","
					+ "\"trainees\":3000000000,\"audience\":\"网点负责人\",\"organiser\":\"市局\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("trainees"));
		mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", CITY).param("region", "3205")
			.param("heldOn", LocalDate.now(clock).toString()).param("topic", "人数格式测试培训")
			.param("trainees", "40").param("audience", "网点负责人").param("organiser", "市局"))
			.andExpect(flash().attribute("message", "安全培训已登记"));
		// an exponent is read as the number it writes (1000), or refused on the field: never the error page
		int status = mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", CITY).param("region", "3205")
			.param("heldOn", LocalDate.now(clock).toString()).param("topic", "人数指数测试培训")
			.param("trainees", "1e3").param("audience", "网点负责人").param("organiser", "市局"))
			.andReturn().getResponse().getStatus();
		assertThat(status).isIn(302, 400);
	}

	/**
	 * The API takes the region under the name its list answers ({@code regionCode}) as well as {@code region}, and the
	 * region rule of every ledger: a township is refused for a training and a seizure as for a 安保期.
	 */
	@Test
	void aTrainingAndASeizureTakeRegionCodeAndRefuseATownshipAsPeriodsDo() throws Exception {
		String day = LocalDate.now(clock).toString();
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"320506\",\"heldOn\":\"" + day + "\",\"topic\":\"区域名称测试培训\","
					+ "\"trainees\":12,\"audience\":\"网点负责人\",\"organiser\":\"市局\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/safety/trainings?q=区域名称测试培训").header("Authorization", CITY))
			.andExpect(jsonPath("$.items[0].regionCode").value("320506"));
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320506001\",\"heldOn\":\"" + day + "\",\"topic\":\"街道区域测试培训\","
					+ "\"trainees\":12,\"audience\":\"网点负责人\",\"organiser\":\"市局\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"))
			.andExpect(jsonPath("$.errors[0].rule").value("exists"));
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"320506001\",\"seizedOn\":\"" + day + "\",\"agencies\":\"区局\",\"item\":\"街道查获\","
					+ "\"quantity\":\"3\",\"unit\":\"条\",\"valueYuan\":\"100\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"));
	}

	/**
	 * A region code in a JSON body or a form is read as a {@code ?region=} parameter is: full-width digits and the
	 * standard six-digit form of a city (320500) are the region they name, stored in the project's form.
	 */
	@Test
	void aRegionCodeInABodyOrAFormIsReadAsAParameterIs() throws Exception {
		String day = LocalDate.now(clock).toString();
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\":\"320500\",\"heldOn\":\"" + day + "\",\"topic\":\"市级代码测试培训\","
					+ "\"trainees\":12,\"audience\":\"网点负责人\",\"organiser\":\"市局\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/safety/trainings?q=市级代码测试培训").header("Authorization", CITY))
			.andExpect(jsonPath("$.items[0].regionCode").value("3205"));
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"３２０５０６\",\"seizedOn\":\"" + day + "\",\"agencies\":\"区局\",\"item\":\"全角代码查获\","
					+ "\"quantity\":\"3\",\"unit\":\"条\",\"valueYuan\":\"100\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/safety/seizures?q=全角代码查获").header("Authorization", CITY))
			.andExpect(jsonPath("$.items[0].regionCode").value("320506"));
		mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", CITY).param("region", "３２０５００")
			.param("heldOn", day).param("topic", "表单市级代码培训").param("trainees", "5").param("audience", "网点负责人")
			.param("organiser", "市局")).andExpect(flash().attribute("message", "安全培训已登记"));
		mvc.perform(get("/api/v1/safety/trainings?q=表单市级代码培训").header("Authorization", CITY))
			.andExpect(jsonPath("$.items[0].regionCode").value("3205"));
	}

	@Test
	void aTrainingIsRecordedAndExported() throws Exception {
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"3205\",\"heldOn\":\"" + LocalDate.now(clock) + "\",\"topic\":\"导出测试培训\","
					+ "\"trainees\":0,\"audience\":\"网点负责人\",\"organiser\":\"市局\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("trainees"));
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"3205\",\"heldOn\":\"" + LocalDate.now(clock) + "\",\"topic\":\"导出测试培训\","
					+ "\"trainees\":35,\"audience\":\"网点负责人\",\"organiser\":\"市局\"}"))
			.andExpect(status().isCreated());
		byte[] xlsx = mvc.perform(get("/safety/trainings/export.xlsx?q=导出测试培训").header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
			assertThat(book.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).isEqualTo(35);
		}
	}

	/**
	 * A training's audience and a seizure's agencies are one-line lists of names: a line break (or tab) anywhere is
	 * refused (rule line-break), each name is checked as a name (a zero-width space inside: invisible-character, the
	 * message naming the list and the name's place), and the list is stored on one line with one space for a run.
	 */
	@Test
	void anAudienceOrAgenciesListIsOneLineOfCheckedNames() throws Exception {
		String topic = "对象名单培训" + RandomLetters.of(10);
		String today = LocalDate.now(clock).toString();
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"3205\",\"heldOn\":\"" + today + "\",\"topic\":\"" + topic + "\","
					+ "\"trainees\":5,\"audience\":\"网点负责人\\n驾驶员\",\"organiser\":\"市局\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'audience')].rule").value(hasItem("line-break")))
			.andExpect(jsonPath("$.errors[?(@.field == 'audience')].message").value(hasItem(containsString("培训对象含换行"))));
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"3205\",\"heldOn\":\"" + today + "\",\"topic\":\"" + topic + "\","
					+ "\"trainees\":5,\"audience\":\"网点负责人、驾\u200B驶员\",\"organiser\":\"市局\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'audience')].rule").value(hasItem("invisible-character")))
			.andExpect(jsonPath("$.errors[?(@.field == 'audience')].message")
				.value(hasItem(containsString("培训对象第2个名称"))));
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"3205\",\"seizedOn\":\"" + today + "\",\"agencies\":\"公安\\t海关\","
					+ "\"item\":\"" + topic + "\",\"quantity\":1,\"unit\":\"条\",\"valueYuan\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'agencies')].rule").value(hasItem("line-break")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_training WHERE topic = :t").param("t", topic)
			.query(Long.class).single()).as("nothing saved").isZero();
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"3205\",\"heldOn\":\"" + today + "\",\"topic\":\"" + topic + "\","
					+ "\"trainees\":5,\"audience\":\"网点\u3000\u3000负责人、 驾驶员\",\"organiser\":\"市局\"}"))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT audience FROM safety_training WHERE topic = :t").param("t", topic)
			.query(String.class).single()).isEqualTo("网点 负责人、 驾驶员");
	}
}
