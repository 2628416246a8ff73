package org.youguan.safety.internal.ledgers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.HolidayNotices;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.MutableClock;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.demo.DemoAccounts;
import org.youguan.documents.PdfFiles;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.safety.LedgerFigures;
import org.youguan.safety.SafetyLedgers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 隐患 ledger on the demo city: deadlines from the rules catalogue in working days, validation naming every field
 * with nothing saved, an enterprise reporting and rectifying its own hazards but never closing one, staff seeing only
 * their region, closing only with content-checked evidence, overdue hazards in the list filter and the inbox, the
 * .xlsx export, the audit trail per change, and the ledger figures exactly as defined.
 */
@IntegrationTest
class HazardLedgerIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	static final byte[] PDF = PdfFiles.blankPage();

	@Autowired
	MockMvc mvc;

	@Autowired
	Hazards hazards;

	@Autowired
	SafetyLedgers ledgers;

	@Autowired
	LedgerWorkQueues queues;

	@Autowired
	UserDirectory directory;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	AuditTrail audit;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	static String shunfeng() {
		String base = DemoAccounts.DEMO_ENTERPRISE_CREDIT_CODE_BASE;
		return base + CreditCode.checkCharacter(base);
	}

	/** An outlet in a county and its enterprise's credit code. */
	OutletView outletIn(String county) {
		return outlets.list(DataScope.region(county), Outlets.Filter.NONE, new PageQuery("", 0, 1, null, false))
			.items()
			.get(0);
	}

	String creditCodeOf(OutletView o) {
		Map<Long, EnterpriseView> e = enterprises.readable(DataScope.all(), List.of(o.enterpriseId()));
		return e.get(o.enterpriseId()).creditCode();
	}

	/** The cells of an exported workbook's rows below the header, read back with POI, each followed by "|". */
	static String rowsOf(byte[] xlsx) throws IOException {
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				sheet.getRow(r).forEach(cell -> text.append(cell).append('|'));
			}
		}
		return text.toString();
	}

	HazardData data(String code, Long outlet, String foundOn, String level, String deadline, String description) {
		return new HazardData(code, outlet, null, foundOn, "市局 检查组", "INSPECTION", description, level, deadline);
	}

	/** An enterprise's own record: no enterprise named (its own), source 企业自查. */
	static HazardData selfCheck(String foundOn, String level, String deadline, String description) {
		return new HazardData(null, null, null, foundOn, "企业安全员", "SELF_CHECK", description, level, deadline);
	}

	@Test
	void withoutADateTheDeadlineIsTheLevelsCataloguePeriodInWorkingDays() {
		LocalDate today = LocalDate.now(clock);
		LocalDate found = today.minusDays(3);
		long general = hazards.report(DataScope.region("3205"), data(shunfeng(), null, found.toString(), "GENERAL", null,
				"期限测试一般"), false);
		long major = hazards.report(DataScope.region("3205"), data(shunfeng(), null, found.toString(), "MAJOR", "",
				"期限测试重大"), false);
		HazardView g = hazards.get(DataScope.all(), general);
		assertThat(g.deadline()).isEqualTo(calendar.plusWorkingDays(found, 10));
		// the enterprise reads the basis on its portal: the bureau's own rule, not the catalogue's note 地方实践（未确认）,
		// which staff read
		assertThat(hazards.get(DataScope.enterprise(shunfeng()), general).deadlineBasis())
			.isEqualTo("一般隐患整改期限10个工作日（按本局规定）");
		assertThat(g.deadlineBasis()).as("one pair of brackets").isEqualTo("一般隐患整改期限10个工作日（地方实践，未确认）");
		assertThat(hazards.get(DataScope.all(), major).deadline()).isEqualTo(calendar.plusWorkingDays(found, 30));
		LocalDate chosen = calendar.onOrNextWorkingDay(today.plusDays(7));
		long dated = hazards.report(DataScope.region("3205"), data(shunfeng(), null, found.toString(), "MAJOR",
				chosen.toString(), "期限测试指定"), false);
		assertThat(hazards.get(DataScope.all(), dated).deadline()).isEqualTo(chosen);
		assertThat(hazards.get(DataScope.all(), dated).deadlineBasis()).isEqualTo("指定日期");
	}

	@Autowired
	HolidayNotices notices;

	/**
	 * A hazard found in late December has its catalogue deadline (10 working days) counted on the provisional calendar of
	 * a year whose notice is not loaded; loading the notice counts it again, and a chosen date stays. 2056 is used by no
	 * other test.
	 */
	@Test
	void loadingTheYearRecountsTheCatalogueDeadlineOfAnOpenHazard() {
		LocalDate found = LocalDate.of(2055, 12, 27);
		clock.set(found.atTime(10, 0));
		try {
			long catalogue = hazards.report(DataScope.region("3205"), data(shunfeng(), null, found.toString(), "GENERAL", null,
					"跨年期限测试"), false);
			long chosen = hazards.report(DataScope.region("3205"), data(shunfeng(), null, found.toString(), "GENERAL",
					"2056-01-10", "跨年期限测试指定"), false);
			// Mon 12-27 + 10 working days: 12-28 … 12-31, (weekend) 01-03 … 01-07, 01-10
			assertThat(hazards.get(DataScope.all(), catalogue).deadline()).isEqualTo(LocalDate.of(2056, 1, 10));
			assertThat(calendar.isProvisional(LocalDate.of(2056, 1, 10))).isTrue();

			notices.loadDaysOff(LocalDate.of(2056, 1, 3), LocalDate.of(2056, 1, 4));

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hazards.get(DataScope.all(), catalogue)
				.deadline()).as("01-03 and 01-04 are days off under the notice").isEqualTo(LocalDate.of(2056, 1, 12)));
			assertThat(hazards.get(DataScope.all(), chosen).deadline()).isEqualTo(LocalDate.of(2056, 1, 10));
			assertThat(audit.history(DataScope.all(), Hazards.AUDIT_TYPE, catalogue)).extracting(AuditEvent::action)
				.contains("safety.hazard.recount");
		}
		finally {
			clock.reset();
		}
	}

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	/**
	 * A bureau that changed the level's period after a hazard was recorded: loading a year recounts nothing for that
	 * hazard — its deadline keeps the period its basis states. 2058 is used by no other test.
	 */
	@Test
	void aPeriodChangedSinceRecordingIsNotAppliedByTheRecount() {
		LocalDate found = LocalDate.of(2057, 12, 27);
		clock.set(found.atTime(10, 0));
		try {
			long id = hazards.report(DataScope.region("3205"), data(shunfeng(), null, found.toString(), "GENERAL", null,
					"跨年期限改值测试"), false);
			LocalDate before = hazards.get(DataScope.all(), id).deadline();
			String basis = hazards.get(DataScope.all(), id).deadlineBasis();
			rules.override(StatutoryRule.SAFETY_HAZARD_GENERAL_RECTIFICATION, bureaus.findByRegion("3205").orElseThrow().id(),
					"3205", new BigDecimal("20"), "测试：期限改为20个工作日");
			notices.loadDaysOff(LocalDate.of(2058, 1, 1), LocalDate.of(2058, 1, 2));

			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(hazards.get(DataScope.all(), id).deadline()).isEqualTo(before));
			assertThat(hazards.get(DataScope.all(), id).deadlineBasis()).isEqualTo(basis);
		}
		finally {
			rules.clearOverride(StatutoryRule.SAFETY_HAZARD_GENERAL_RECTIFICATION, "3205");
			clock.reset();
		}
	}

	/**
	 * Attack: the same hazard of one enterprise recorded again while the first was open — found on another day, by the
	 * enterprise's self-check — made two open hazards with two deadlines, counted twice among the open and overdue.
	 * Refused (409 naming the open record and the field, nothing saved), on the API as in the service, and in a
	 * correction into it; once the first is 销号 the same hazard found again is a new one.
	 */
	@Test
	void theSameHazardStillOpenIsNotRecordedAgain() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String description = "未销号重复隐患" + LedgerFixture.tag();
		long first = hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.minusDays(1).toString(),
				"GENERAL", null, description), false);
		LedgerFixture.assertTwin("description", () -> hazards.report(DataScope.region("3205"), data(shunfeng(), null,
				today.toString(), "MAJOR", null, " " + description.toUpperCase() + " "), false));
		// its punctuation of either width makes no other hazard: a trailing 。 or ．, a ！ after a space
		for (String same : List.of(description + "。", description + "．", "“" + description + "” ！")) {
			LedgerFixture.assertTwin("description", () -> hazards.report(DataScope.region("3205"), data(shunfeng(), null,
					today.toString(), "GENERAL", null, same), false));
		}
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", SHUNFENG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"foundOn\":\"" + today + "\",\"foundBy\":\"企业安全员\",\"source\":\"SELF_CHECK\",\"description\":\""
					+ description + "\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("已有相同的未销号隐患（记录" + first)));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard WHERE description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);
		// another hazard of the enterprise is corrected into the open one's description: the same refusal
		long other = hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.toString(), "GENERAL", null,
				description + "另一处"), false);
		LedgerFixture.assertTwin("description", () -> hazards.correct(DataScope.region("3205"), other, data(shunfeng(), null,
				today.toString(), "GENERAL", null, description)));
		// 销号 (as the closing step writes it): found again, it is a new hazard
		jdbc.sql("UPDATE safety_hazard SET closed_on = :day, closed_by = '区局 检查组' WHERE id = :id").param("day", today)
			.param("id", first).update();
		long again = hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.toString(), "GENERAL", null,
				description), false);
		assertThat(again).isNotEqualTo(first);
	}

	@Test
	void anEnterpriseCannotSetItsOwnHazardsDeadlineLaterThanTheCatalogueButStaffCanAudited() throws Exception {
		LocalDate today = LocalDate.now(clock);
		LocalDate catalogue = calendar.plusWorkingDays(today, 30);
		long before = jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single();
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", SHUNFENG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"foundOn\":\"" + today + "\",\"foundBy\":\"检查组\",\"source\":\"SELF_CHECK\",\"description\":\"企业自报\","
					+ "\"level\":\"MAJOR\",\"deadline\":\"2099-12-31\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deadline"))
			.andExpect(jsonPath("$.errors[0].rule").value("after-catalogue"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(ChineseText.day(catalogue))));
		// the portal form: the same rule, the form comes back with its error
		mvc.perform(post("/enterprise/safety/hazards").with(csrf()).header("Authorization", SHUNFENG)
			.param("foundOn", today.toString()).param("foundBy", "安全员").param("description", "门户自报")
			.param("level", "MAJOR").param("deadline", calendar.onOrNextWorkingDay(catalogue.plusDays(1)).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("延长期限须由邮政管理部门指定")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single()).isEqualTo(before);
		// the catalogue's date itself and an earlier one are the enterprise's to choose
		long onTime = hazards.report(DataScope.enterprise(shunfeng()), selfCheck(today.toString(), "MAJOR",
				catalogue.toString(), "按目录期限"), false);
		LocalDate sooner = calendar.onOrNextWorkingDay(today.plusDays(3));
		long earlier = hazards.report(DataScope.enterprise(shunfeng()), selfCheck(today.toString(), "MAJOR",
				sooner.toString(), "提前整改"), false);
		assertThat(hazards.get(DataScope.all(), onTime).deadline()).isEqualTo(catalogue);
		assertThat(hazards.get(DataScope.all(), earlier).deadline()).isEqualTo(sooner);
		// staff may grant a later date: kept, and the basis and the audit entry say it is later than the catalogue's
		LocalDate later = calendar.onOrNextWorkingDay(catalogue.plusDays(20));
		long granted = hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.toString(), "MAJOR",
				later.toString(), "工作人员延长"), false);
		HazardView g = hazards.get(DataScope.all(), granted);
		assertThat(g.deadline()).isEqualTo(later);
		assertThat(g.deadlineBasis()).contains("晚于规则目录期限" + ChineseText.day(catalogue));
		assertThat(audit.history(DataScope.all(), Hazards.AUDIT_TYPE, granted)).extracting(AuditEvent::summary)
			.anySatisfy(summary -> assertThat(summary).contains("晚于规则目录期限" + ChineseText.day(catalogue)));
		// within a year of the catalogue's date: 2099 would never be 逾期 (attack round 9)
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + shunfeng() + "\",\"foundOn\":\"" + today + "\",\"foundBy\":\"检查组\","
					+ "\"source\":\"INSPECTION\",\"description\":\"期限过远\",\"level\":\"GENERAL\",\"deadline\":\"2099-12-31\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deadline"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		LocalDate yearOn = catalogue.plusYears(1);
		while (!calendar.isWorkingDay(yearOn)) {
			yearOn = yearOn.minusDays(1);
		}
		assertThat(hazards.get(DataScope.all(), hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.toString(),
				"MAJOR", yearOn.toString(), "一年内"), false)).deadline()).isEqualTo(yearOn);
	}

	/**
	 * A deadline entered is a day still to come (a past one made the hazard overdue as it was recorded) and a working
	 * day of the calendar (refused naming the first working day after it, as the other modules refuse a day off); a
	 * correction keeping a deadline that has passed since is no new date and goes through.
	 */
	@Test
	void anEnteredDeadlineIsADayToComeAndAWorkingDay() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String found = today.minusDays(3).toString();
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + shunfeng() + "\",\"foundOn\":\"" + found + "\",\"foundBy\":\"检查组\","
					+ "\"source\":\"INSPECTION\",\"description\":\"期限已过\",\"level\":\"GENERAL\",\"deadline\":\""
					+ today.minusDays(1) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deadline"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能早于今天（" + ChineseText.day(today) + "）")));
		LocalDate dayOff = today.plusDays(1);
		while (calendar.isWorkingDay(dayOff)) {
			dayOff = dayOff.plusDays(1);
		}
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + shunfeng() + "\",\"foundOn\":\"" + found + "\",\"foundBy\":\"检查组\","
					+ "\"source\":\"INSPECTION\",\"description\":\"期限休息日\",\"level\":\"GENERAL\",\"deadline\":\"" + dayOff
					+ "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deadline"))
			.andExpect(jsonPath("$.errors[0].rule").value("working-day"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("其后第一个工作日为"
					+ ChineseText.day(calendar.onOrNextWorkingDay(dayOff)))));

		String tag = "期限已过更正" + RandomLetters.of(10);
		LocalDate chosen = calendar.onOrNextWorkingDay(today.plusDays(2));
		long id = hazards.report(DataScope.region("3205"), data(shunfeng(), null, found, "GENERAL", chosen.toString(), tag),
				false);
		clock.set(chosen.plusDays(3).atTime(10, 0));
		try {
			hazards.correct(DataScope.region("3205"), id, data(shunfeng(), null, found, "GENERAL", chosen.toString(),
					tag + "（更正）"));
			assertThat(hazards.get(DataScope.all(), id).description()).endsWith("（更正）");
			assertThat(hazards.get(DataScope.all(), id).overdue()).isTrue();
		}
		finally {
			clock.reset();
		}
	}

	/**
	 * A hazard of the past entered now (历史补录), marked as back-filled, carries the deadline it had then though that day
	 * has passed — on the API and the page form; its basis says so, it is overdue while open, and a correction keeps the
	 * mark (another past day goes through). It must still be a working day not before the day found. Unmarked, the same
	 * past deadline is refused as a new hazard's, the message pointing at the mark.
	 */
	@Test
	void aBackFilledHazardMayCarryAPastDeadlineANewOneMayNot() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String found = today.minusDays(40).toString();
		LocalDate then = calendar.onOrNextWorkingDay(today.minusDays(30));
		String tag = "历史补录隐患" + RandomLetters.of(10);
		String body = "{\"enterpriseCreditCode\":\"" + shunfeng() + "\",\"foundOn\":\"" + found + "\",\"foundBy\":\"检查组\","
				+ "\"source\":\"INSPECTION\",\"description\":\"" + tag + "\",\"level\":\"GENERAL\",\"deadline\":\"" + then + "\"";
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content(body + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("历史补录")));
		String created = mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content(body + ",\"backFilled\":true}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("\\D+", ""));
		HazardView h = hazards.get(DataScope.all(), id);
		assertThat(h.deadline()).isEqualTo(then);
		assertThat(h.deadlineBasis()).contains("历史补录");
		assertThat(h.overdue()).isTrue();
		assertThat(jdbc.sql("SELECT back_filled FROM safety_hazard WHERE id = :id").param("id", id).query(Boolean.class)
			.single()).isTrue();
		// a correction keeps the mark: another past working day goes through
		LocalDate earlier = calendar.onOrNextWorkingDay(today.minusDays(35));
		hazards.correct(DataScope.region("3205"), id, data(shunfeng(), null, found, "GENERAL", earlier.toString(), tag));
		assertThat(hazards.get(DataScope.all(), id).deadline()).isEqualTo(earlier);
		// still a working day, not before the day found
		LocalDate dayOff = today.minusDays(30);
		while (calendar.isWorkingDay(dayOff)) {
			dayOff = dayOff.plusDays(1);
		}
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content(body.replace(then.toString(), dayOff.toString()).replace(tag, tag + "休息日") + ",\"backFilled\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("working-day"));
		// the page form's box
		mvc.perform(post("/safety/hazards").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("enterpriseCreditCode", shunfeng()).param("foundOn", found).param("foundBy", "检查组")
			.param("source", "INSPECTION").param("description", tag + "（页面）").param("level", "GENERAL")
			.param("deadline", then.toString()).param("backFilled", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard WHERE description = :d AND back_filled AND deadline = :then")
			.param("d", tag + "（页面）").param("then", then).query(Long.class).single()).isEqualTo(1L);
	}

	/** The source and level are taken as code or as the Chinese label the refusal names, as the incidents API does. */
	@Test
	void theApiTakesTheSourceAndLevelAsTheChineseLabelsItsMessageNames() throws Exception {
		String credit = creditCodeOf(outletIn("320507"));
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + credit + "\",\"foundOn\":\"" + LocalDate.now(clock)
					+ "\",\"foundBy\":\"检查组\",\"source\":\"监督检查\",\"description\":\"中文标签测试隐患\",\"level\":\"一般隐患\"}"))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT source || ':' || level FROM safety_hazard WHERE description = '中文标签测试隐患'")
			.query(String.class).single()).isEqualTo("INSPECTION:GENERAL");
	}

	/**
	 * 发现人（单位） is a name: "张\u200B三" looks like 张三 and is refused on {@code foundBy} (rule
	 * {@code invisible-character}) in the API and the enterprise's form alike; nothing is saved.
	 */
	@Test
	void aFinderWithAnInvisibleCharacterInsideIsRefusedAndNothingSaved() throws Exception {
		String description = "零宽发现人" + RandomLetters.of(10);
		String credit = creditCodeOf(outletIn("320507"));
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + credit + "\",\"foundOn\":\"" + LocalDate.now(clock)
					+ "\",\"foundBy\":\"张\\u200B三\",\"source\":\"INSPECTION\",\"description\":\"" + description
					+ "\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'foundBy')].rule").value(hasItem("invisible-character")))
			.andExpect(jsonPath("$.errors[?(@.field == 'foundBy')].message").value(hasItem(containsString("U+200B"))));
		mvc.perform(post("/enterprise/safety/hazards").with(csrf()).header("Authorization", SHUNFENG)
			.param("foundOn", LocalDate.now(clock).toString()).param("foundBy", "张\u200B三").param("source", "SELF_CHECK")
			.param("description", description).param("level", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("发现人（单位）含有看不见的字符（U+200B")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard WHERE description = :d").param("d", description)
			.query(Long.class).single()).isZero();
	}

	@Test
	void badInputNamesEveryFieldAndSavesNothing() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single();
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"91320000000000000X\",\"foundOn\":\"" + tomorrow
					+ "\",\"foundBy\":\" \",\"source\":\"RUMOUR\",\"description\":\"\",\"level\":\"HUGE\",\"deadline\":\"2026-13-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("enterpriseCreditCode")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("foundOn")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("foundBy")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("source")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("description")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("level")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("deadline")));
		// an outlet of another enterprise, and a deadline before the day found
		OutletView other = outletIn("320507");
		assertThatThrownBy(() -> hazards.report(DataScope.region("3205"), data(shunfeng(), other.id(), "2026-01-10",
				"GENERAL", "2026-01-09", "错误网点"), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + ":" + e.rule())
				.contains("outletId:exists", "deadline:range"));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single()).isEqualTo(before);
	}

	/**
	 * An enterprise naming another enterprise or a source other than its self-check is refused on those fields, in the
	 * API and the portal's form alike — never recorded as its own self-check in silence; nothing is saved.
	 */
	@Test
	void anEnterpriseNamingAnotherEnterpriseOrSourceIsRefusedNotSubstituted() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single();
		String other = creditCodeOf(outletIn("320507"));
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + other + "\",\"foundOn\":\"" + LocalDate.now(clock)
					+ "\",\"foundBy\":\"企业安全员\",\"source\":\"INSPECTION\",\"description\":\"代他企登记\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'enterpriseCreditCode')].rule").value("own-enterprise"))
			.andExpect(jsonPath("$.errors[?(@.field == 'source')].rule").value("self-check"))
			.andExpect(content().string(containsString("不是本企业的")));
		mvc.perform(post("/enterprise/safety/hazards").with(csrf()).header("Authorization", SHUNFENG)
			.param("enterpriseCreditCode", other).param("source", "REPORT").param("foundOn", LocalDate.now(clock).toString())
			.param("foundBy", "门店店长").param("description", "门户代他企登记").param("level", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-rule=\"own-enterprise\"")))
			.andExpect(content().string(containsString("data-rule=\"self-check\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single()).isEqualTo(before);
		// its own code, typed as it is written (lower case, full-width), and 企业自查 are what it may send
		String fullWidth = shunfeng().toLowerCase().chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0)))
			.collect(Collectors.joining());
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + fullWidth + "\",\"foundOn\":\"" + LocalDate.now(clock)
					+ "\",\"foundBy\":\"企业安全员\",\"source\":\"企业自查\",\"description\":\"本企业自查\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isCreated());
	}

	/**
	 * The enterprise's hazard form (and its incident form) offers its own outlets to choose from instead of a typed
	 * outlet number, and the server refuses another enterprise's outlet naming {@code outletId}; staff, who name the
	 * enterprise by its code, keep the number field.
	 */
	@Test
	void theEnterprisesFormsOfferItsOwnOutletsAndRefuseAnothers() throws Exception {
		long sf = enterprises.findByCreditCode(shunfeng()).orElseThrow().id();
		OutletView own = outlets.list(DataScope.enterprise(shunfeng()), Outlets.Filter.NONE,
				new PageQuery("", 0, 1, null, false)).items().get(0);
		OutletView others = outlets.list(DataScope.region("320507"), Outlets.Filter.NONE,
				new PageQuery("", 0, 50, null, false)).items().stream().filter(o -> o.enterpriseId() != sf).findFirst()
			.orElseThrow();
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		for (String form : List.of("/enterprise/safety/hazards/new", "/enterprise/safety/incidents")) {
			mvc.perform(get(form).session(enterprise))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<select class=\"form-select\" id=\"outletId\" name=\"outletId\">")))
				.andExpect(content().string(containsString("value=\"" + own.id() + "\"")))
				.andExpect(content().string(not(containsString(">" + others.name() + " · "))));
		}
		// staff choose among the outlets of the enterprise they name, reloaded as its code changes — no typed id
		mvc.perform(get("/safety/hazards/new").session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/safety/places?list=outletId\"")))
			.andExpect(content().string(not(containsString("type=\"number\" min=\"1\" id=\"outletId\""))));
		mvc.perform(post("/enterprise/safety/hazards").session(enterprise).with(csrf())
			.param("outletId", String.valueOf(others.id())).param("foundOn", LocalDate.now(clock).toString())
			.param("foundBy", "企业安全员").param("source", "SELF_CHECK").param("description", "他企网点").param("level", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"outletId\"")))
			.andExpect(content().string(containsString("value=\"" + own.id() + "\"")));
	}

	@Test
	void anEnterpriseReportsAndRectifiesItsOwnButClosingIsTheBureaus() throws Exception {
		String body = mvc.perform(post("/api/v1/safety/hazards").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"foundOn\":\"" + LocalDate.now(clock) + "\",\"foundBy\":\"企业安全员\","
					+ "\"description\":\"自查发现电动车充电区无灭火器\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(body.replaceAll("\\D", ""));
		HazardView own = hazards.get(DataScope.all(), id);
		assertThat(own.enterpriseCreditCode()).as("the token's enterprise").isEqualTo(shunfeng());
		assertThat(own.source()).isEqualTo(HazardSource.SELF_CHECK);
		// a chosen file of 0 bytes is refused at its field with nothing saved, not skipped
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/rectification", id)
			.file(new MockMultipartFile("files", "empty.xlsx", "application/octet-stream", new byte[0]))
			.param("rectification", "已配置灭火器两具")
			.header("Authorization", SHUNFENG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files"))
			.andExpect(jsonPath("$.errors[0].rule").value("empty"));
		assertThat(hazards.get(DataScope.all(), id).rectification()).as("nothing saved").isNull();
		assertThat(hazards.evidence(id)).isEmpty();
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/rectification", id)
			.file(new MockMultipartFile("files", "整改照片.pdf", "application/pdf", PDF))
			.param("rectification", "已配置灭火器两具")
			.header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazard.rectification").value("已配置灭火器两具"))
			.andExpect(jsonPath("$.evidence.length()").value(1));
		// a second rectification does not hide the first: each submission is kept with its time and files
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/rectification", id)
			.param("rectification", "已增配灭火器一具并张贴充电安全须知")
			.header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazard.rectification").value("已增配灭火器一具并张贴充电安全须知"))
			.andExpect(jsonPath("$.rectifications.length()").value(2))
			.andExpect(jsonPath("$.rectifications[0].note").value("已配置灭火器两具"))
			.andExpect(jsonPath("$.rectifications[0].fileNames").value("整改照片.pdf"))
			.andExpect(jsonPath("$.rectifications[0].submittedAt").isNotEmpty())
			.andExpect(jsonPath("$.rectifications[1].note").value("已增配灭火器一具并张贴充电安全须知"))
			.andExpect(jsonPath("$.rectifications[1].fileNames").doesNotExist());
		// the same rectification sent again at once (a double click, a retried call) is that one: no second entry
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/rectification", id)
			.param("rectification", "已增配灭火器一具并张贴充电安全须知")
			.header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rectifications.length()").value(2));
		assertThat(hazards.rectifications(DataScope.enterprise(shunfeng()), id)).extracting(Submissions.Submission::note)
			.containsExactly("已配置灭火器两具", "已增配灭火器一具并张贴充电安全须知");
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", id).param("closedOn", LocalDate.now(clock).toString())
			.param("closureNote", "自己销号").header("Authorization", SHUNFENG)).andExpect(status().isForbidden());
		assertThatThrownBy(() -> hazards.close(DataScope.enterprise(shunfeng()), id, LocalDate.now(clock).toString(),
				"自己销号", List.of())).hasMessageContaining("邮政管理部门");
		// another enterprise's hazard is not found for it
		long others = hazards.report(DataScope.region("3205"), data(creditCodeOf(outletIn("320507")), null,
				LocalDate.now(clock).toString(), "GENERAL", null, "他企隐患"), false);
		mvc.perform(get("/api/v1/safety/hazards/{id}", others).header("Authorization", SHUNFENG))
			.andExpect(status().isNotFound());
		assertThat(hazards.list(DataScope.enterprise(shunfeng()), Hazards.Filter.NONE, new PageQuery("", 0, 200, null, false))
			.items()).extracting(HazardView::enterpriseCreditCode).containsOnly(shunfeng());
	}

	@Test
	void aCountySeesOnlyItsRegionAndEvidenceFollowsTheHazard() throws Exception {
		OutletView xiangcheng = outletIn("320507");
		long id = hazards.report(DataScope.region("3205"), data(creditCodeOf(xiangcheng), xiangcheng.id(),
				LocalDate.now(clock).toString(), "MAJOR", null, "相城网点隐患"), false);
		hazards.rectify(DataScope.region("3205"), id, null, List.of(new UploadedFile("记录.pdf", PDF)));
		long attachment = hazards.evidence(id).get(0).id();
		mvc.perform(get("/api/v1/safety/hazards/{id}", id).header("Authorization", XIANGCHENG)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/safety/hazards/{id}", id).header("Authorization", WUZHONG)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/safety/hazards?q=相城网点隐患").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/attachments/{id}", attachment).header("Authorization", XIANGCHENG)).andExpect(status().isOk());
		mvc.perform(get("/attachments/{id}", attachment).header("Authorization", WUZHONG)).andExpect(status().isNotFound());
		// a Wuzhong staff member cannot place a hazard in 相城: the outlet is answered as an unknown one
		assertThatThrownBy(() -> hazards.report(DataScope.region("320506"), data(creditCodeOf(xiangcheng), xiangcheng.id(),
				LocalDate.now(clock).toString(), "GENERAL", null, "越界"), false))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(e -> e.field() + ":" + e.rule()).containsExactly("outletId:exists"));
	}

	@Test
	void closingNeedsContentCheckedEvidenceAndHappensOnce() throws Exception {
		long id = hazards.report(DataScope.region("3205"), data(shunfeng(), null, LocalDate.now(clock).minusDays(1).toString(),
				"GENERAL", null, "销号测试"), false);
		String today = LocalDate.now(clock).toString();
		// the hazard is its region's: the city reads it, closes none — refused before its fields are read
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", id).param("closedOn", today)
			.param("closureNote", "整改到位").header("Authorization", CITY))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("吴中区邮政管理局")));
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", id).param("closedOn", today)
			.param("closureNote", "整改到位").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("files")));
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", id)
			.file(new MockMultipartFile("files", "照片.pdf", "application/pdf", "not a pdf at all".getBytes()))
			.param("closedOn", today).param("closureNote", "整改到位").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("content-type"));
		assertThat(hazards.get(DataScope.all(), id).open()).isTrue();
		assertThat(hazards.evidence(id)).isEmpty();
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", id)
			.file(new MockMultipartFile("files", "复查记录.pdf", "application/pdf", PDF))
			.param("closedOn", today).param("closureNote", "整改到位").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazard.closedOn").value(today))
			.andExpect(jsonPath("$.hazard.closedBy").isNotEmpty());
		assertThatThrownBy(() -> hazards.close(DataScope.all(), id, today, "再次销号", List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
		List<AuditEvent> history = audit.history(DataScope.all(), Hazards.AUDIT_TYPE, id);
		assertThat(history).extracting(AuditEvent::action)
			.contains("safety.hazard.report", "safety.hazard.close");
	}

	@Test
	void overdueHazardsAreFilteredHighlightedAndQueued() throws Exception {
		LocalDate today = LocalDate.now(clock);
		// found 60 days ago: the catalogue's 30 working days have passed (a past date entered is refused)
		long id = hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.minusDays(60).toString(), "MAJOR",
				null, "逾期测试隐患"), false);
		assertThat(hazards.get(DataScope.all(), id).overdue()).isTrue();
		assertThat(hazards.list(DataScope.region("3205"), new Hazards.Filter(null, Hazards.Status.OVERDUE, null),
				new PageQuery("逾期测试隐患", 0, 10, null, false)).items()).extracting(HazardView::id).containsExactly(id);
		assertThat(hazards.list(DataScope.region("3205"), new Hazards.Filter(null, Hazards.Status.CLOSED, null),
				new PageQuery("逾期测试隐患", 0, 10, null, false)).total()).isZero();
		// recorded by no bureau in 吴中's region: 吴中's to act on, the city's to read (the queue lists what one acts on)
		Map<String, WorkQueue> county = queues.queuesFor(directory.principal("wz.staff").orElseThrow()).stream()
			.collect(Collectors.toMap(WorkQueue::queue, Function.identity()));
		assertThat(county.get("safety.hazards.overdue").count()).isPositive();
		assertThat(county.get("safety.hazards.overdue").overdue()).isEqualTo(county.get("safety.hazards.overdue").count());
		Map<String, WorkQueue> enterprise = queues.queuesFor(directory.principal("sf.wz").orElseThrow()).stream()
			.collect(Collectors.toMap(WorkQueue::queue, Function.identity()));
		assertThat(enterprise.get("safety.hazards.rectify").overdue()).isPositive();
		assertThat(queues.queuesFor(directory.principal("sz.leader").orElseThrow())).as("leaders read, not act").isEmpty();
		String page = mvc.perform(get("/safety/hazards?status=OVERDUE&q=逾期测试隐患").header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("table-danger overdue").contains("逾期测试隐患");
	}

	/**
	 * Attack 5: the work queues listed every overdue hazard of the bureau's region — a county's listed one the city
	 * recorded there, on which every step is 403, and the city's the county's rows. A queue lists the rows its bureau
	 * acts on (Corrections#requireOwn's owner: the recording bureau, else the one handling the region); the row's page
	 * names its 登记单位 to a reader who is not it.
	 */
	@Test
	void aWorkQueueListsOnlyTheHazardsItsBureauActsOnAndThePageNamesTheOwner() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long cityRow = hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.minusDays(60).toString(), "MAJOR",
				null, "市局登记逾期隐患"), false);
		long countyRow = hazards.report(DataScope.region("3205"), data(shunfeng(), null, today.minusDays(60).toString(), "MAJOR",
				null, "区局办理逾期隐患"), false);
		var city = directory.principal("sz.admin").orElseThrow();
		var county = directory.principal("wz.staff").orElseThrow();
		jdbc.sql("UPDATE safety_hazard SET bureau_id = :b WHERE id = :id").param("b", city.bureauId()).param("id", cityRow)
			.update();
		assertThat(hazards.actionable(county, Hazards.Status.OVERDUE, new PageQuery("逾期隐患", 0, 10, null, false)).items())
			.extracting(HazardView::id).contains(countyRow).doesNotContain(cityRow);
		assertThat(hazards.actionable(city, Hazards.Status.OVERDUE, new PageQuery("逾期隐患", 0, 10, null, false)).items())
			.extracting(HazardView::id).contains(cityRow).doesNotContain(countyRow);
		// the search list (查询) still shows both to the county, which reads the city's row
		assertThat(hazards.list(county.scope(), new Hazards.Filter(null, Hazards.Status.OVERDUE, null),
				new PageQuery("逾期隐患", 0, 10, null, false)).items()).extracting(HazardView::id).contains(cityRow, countyRow);
		// the queue's link (首页待办) lists the rows the queue counts — the county's own, not the city's it reads — on the
		// page, in its export and in the API (handling=true): it listed every overdue hazard in scope
		String link = queues.queuesFor(county).stream().filter(q -> q.queue().equals("safety.hazards.overdue")).findFirst()
			.orElseThrow().link();
		assertThat(link).contains("handling=true");
		String listed = mvc.perform(get(link + "&q=逾期隐患&size=100").header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(listed).contains("/safety/hazards/" + countyRow + "\"").doesNotContain("/safety/hazards/" + cityRow + "\"")
			.contains("id=\"handling\"");
		mvc.perform(get("/api/v1/safety/hazards?status=OVERDUE&handling=true&q=逾期隐患&size=100").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(hasItem((int) countyRow)))
			.andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) cityRow))));
		mvc.perform(get("/api/v1/safety/hazards?status=OVERDUE&q=逾期隐患&size=100").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.items[*].id").value(hasItem((int) cityRow)));
		String cityName = bureaus.get(DataScope.all(), city.bureauId()).name();
		mvc.perform(get("/safety/hazards/" + cityRow).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("登记单位")))
			.andExpect(content().string(containsString(cityName + "（办理步骤由该局进行")));
		mvc.perform(get("/safety/hazards/" + cityRow).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"owner\""))));
		mvc.perform(get("/safety/hazards/" + countyRow).header("Authorization", CITY))
			.andExpect(content().string(containsString("id=\"owner\"")));
	}

	@Test
	void theExportHasTheFilteredRows() throws Exception {
		hazards.report(DataScope.region("3205"), data(shunfeng(), null, LocalDate.now(clock).toString(), "GENERAL", null,
				"导出测试隐患"), false);
		byte[] xlsx = mvc.perform(get("/safety/hazards/export.xlsx?q=导出测试隐患").header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业");
			assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("导出测试隐患");
		}
	}

	/**
	 * An ID card or mobile number typed into a hazard's description or rectification is masked in the list (API and
	 * page), the hazard's own page, the export and every audit entry (recording, correction, rectification); the edit
	 * form reads the hazard as recorded. The finder (发现人) is a name, so a number beside it is refused (Validation.personName, attack round 20:
	 * the hazard's own page showed it whole).
	 */
	@Test
	void personalNumbersInTheFreeTextAreMaskedInTheListTheExportAndTheAudit() throws Exception {
		String tag = "号码隐患" + RandomLetters.of(10);
		String numbers = "，举报人身份证110105194912310021，电话139 1234 5678";
		String today = LocalDate.now(clock).toString();
		assertThatThrownBy(() -> hazards.report(DataScope.region("3205"), new HazardData(shunfeng(), null, null, today,
				"举报人13912345678", "INSPECTION", tag + numbers, "GENERAL", null), false))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("foundBy", "personal-number")));
		long id = hazards.report(DataScope.region("3205"), new HazardData(shunfeng(), null, null, today, "举报人",
				"INSPECTION", tag + numbers, "GENERAL", null), false);
		hazards.correct(DataScope.region("3205"), id, new HazardData(shunfeng(), null, null, today, "举报人",
				"INSPECTION", tag + "（更正）" + numbers, "GENERAL", null));
		hazards.rectify(DataScope.region("3205"), id, "已联系举报人13812345678整改", List.of());
		List<String> shown = List.of(
				mvc.perform(get("/api/v1/safety/hazards").param("q", tag).header("Authorization", CITY))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/safety/hazards").param("q", tag).header("Authorization", CITY))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/safety/hazards/" + id).header("Authorization", CITY))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		byte[] xlsx = mvc.perform(get("/safety/hazards/export.xlsx").param("q", tag).header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		for (String text : List.of(shown.get(0), shown.get(1), shown.get(2), rowsOf(xlsx))) {
			assertThat(text).contains(tag).doesNotContain("19491231").doesNotContain("1234 5678").doesNotContain("39123456")
				.doesNotContain("38123456");
		}
		List<AuditEvent> history = audit.history(DataScope.all(), Hazards.AUDIT_TYPE, id);
		assertThat(history).extracting(AuditEvent::action)
			.contains("safety.hazard.report", "safety.hazard.correct", "safety.hazard.rectify");
		for (AuditEvent e : history) {
			assertThat(e.summary() + e.beforeState() + e.afterState()).as(e.action()).doesNotContain("19491231")
				.doesNotContain("1234 5678").doesNotContain("39123456").doesNotContain("38123456");
		}
		assertThat(hazards.get(DataScope.all(), id).description()).isEqualTo(tag + "（更正）" + numbers);
		// the rectification form shows the note masked: sent back as shown, the stored note stays
		hazards.rectify(DataScope.region("3205"), id, "已联系举报人138****5678整改", List.of());
		assertThat(hazards.get(DataScope.all(), id).rectification()).isEqualTo("已联系举报人13812345678整改");
	}

	@Test
	void theFiguresFollowTheirDefinitions() {
		// a period no demo row falls in: 2019 (the deadlines the catalogue's: a past date entered is refused)
		DataScope city = DataScope.region("3205");
		long openAtEnd = hazards.report(city, data(shunfeng(), null, "2019-03-01", "GENERAL", null, "2019甲"), false);
		long closedAfter = hazards.report(city, data(shunfeng(), null, "2019-06-01", "GENERAL", null, "2019乙"), false);
		long closedWithin = hazards.report(city, data(shunfeng(), null, "2019-02-01", "GENERAL", null, "2019丙"), false);
		long foundBefore = hazards.report(city, data(shunfeng(), null, "2018-12-01", "GENERAL", null, "2018丁"), false);
		hazards.close(city, closedAfter, "2020-01-05", "次年销号", List.of(new UploadedFile("a.pdf", PDF)));
		hazards.close(city, closedWithin, "2019-04-01", "当年销号", List.of(new UploadedFile("b.pdf", PDF)));
		hazards.close(city, foundBefore, "2019-01-10", "跨年销号", List.of(new UploadedFile("c.pdf", PDF)));
		assertThat(openAtEnd).isPositive();
		jdbc.sql("""
				INSERT INTO safety_contractor (name, credit_code, enterprise_id, enterprise_credit_code, enterprise_name,
				    region_code, contract_from, contract_to, created_at, created_by)
				VALUES ('甲安检', '91320500TEST00001A', 1, 'X', 'X', '320506', '2018-01-01', '2019-01-01', now(), 't'),
				       ('甲安检', '91320500TEST00001A', 1, 'X', 'X', '320507', '2019-05-01', '2019-06-01', now(), 't'),
				       ('乙安检', '91320500TEST00002B', 1, 'X', 'X', '320506', '2019-12-31', '2020-12-31', now(), 't'),
				       ('丙安检', '91320500TEST00003C', 1, 'X', 'X', '320506', '2020-01-01', '2020-12-31', now(), 't'),
				       ('丁安检', '91320500TEST00004D', 1, 'X', 'X', '110101', '2019-01-01', '2019-12-31', now(), 't')""")
			.update();
		LedgerFigures f = ledgers.figures("3205", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
		assertThat(f.hazardsOpen()).as("found in 2019, open at its end: 甲 and 乙 (closed 2020)").isEqualTo(2);
		assertThat(f.hazardsClosed()).as("closed in 2019: 丙 and 丁 (found 2018)").isEqualTo(2);
		assertThat(f.screeningContractors()).as("甲 (two contracts, one contractor) and 乙; 丙 starts 2020, 丁 is Beijing")
			.isEqualTo(2);
		assertThat(ledgers.figures("320507", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)).screeningContractors())
			.isEqualTo(1);
		assertThatThrownBy(() -> ledgers.figures("32x", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void thePagesRecordRectifyAndCloseForStaffAndPortal() throws Exception {
		String today = LocalDate.now(clock).toString();
		String location = mvc.perform(post("/enterprise/safety/hazards").with(csrf()).header("Authorization", SHUNFENG)
			.param("foundOn", today).param("foundBy", "门店店长").param("description", "门户自查页面隐患").param("level", "GENERAL"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/enterprise/safety/hazards/");
		mvc.perform(get(location).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("门户自查页面隐患")))
			.andExpect(content().string(containsString("rectify-form")))
			.andExpect(content().string(not(containsString("close-form"))));
		mvc.perform(get("/enterprise/safety/hazards").header("Authorization", SHUNFENG)).andExpect(status().isOk());
		mvc.perform(get("/enterprise/safety/hazards/new").header("Authorization", SHUNFENG)).andExpect(status().isOk());
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(multipart("/enterprise/safety/hazards/{id}/rectification", id).file(new MockMultipartFile("files",
				"整改.pdf", "application/pdf", PDF)).param("rectification", "已整改").with(csrf()).header("Authorization", SHUNFENG))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "整改情况已提交"));
		mvc.perform(get("/safety/hazards/new").header("Authorization", CITY)).andExpect(status().isOk());
		// the city reads the county's hazard, evidence included, and is offered none of its steps; the county is
		mvc.perform(get("/safety/hazards/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("close-form"))))
			.andExpect(content().string(not(containsString("rectify-form"))))
			.andExpect(content().string(containsString("整改.pdf")));
		mvc.perform(get("/safety/hazards/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("close-form")));
		// a refused step: the page again with its errors, the typed date kept, a 4xx — never a redirect that looks saved
		mvc.perform(multipart("/safety/hazards/{id}/close", id).param("closedOn", "9999-12-31").param("closureNote", "复查合格")
			.with(csrf()).header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("value=\"9999-12-31\"")))
			.andExpect(content().string(containsString("复查合格")));
		assertThat(hazards.get(DataScope.all(), Long.parseLong(id)).open()).isTrue();
		mvc.perform(post("/enterprise/safety/hazards").with(csrf()).header("Authorization", SHUNFENG)
			.param("foundOn", "0001-01-01").param("foundBy", "门店店长").param("description", "被拒的门户自查隐患")
			.param("level", "MAJOR"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("被拒的门户自查隐患")))
			.andExpect(content().string(containsString("value=\"MAJOR\" selected")));
		// the enterprise's hazard is its county's: the city's page step is refused, the county closes it
		mvc.perform(multipart("/safety/hazards/{id}/close", id).param("closedOn", today).param("closureNote", "复查合格")
			.with(csrf()).header("Authorization", CITY))
			.andExpect(status().isForbidden());
		assertThat(hazards.get(DataScope.all(), Long.parseLong(id)).open()).isTrue();
		mvc.perform(multipart("/safety/hazards/{id}/close", id).param("closedOn", today).param("closureNote", "复查合格")
			.with(csrf()).header("Authorization", WUZHONG))
			.andExpect(flash().attribute("message", "隐患已销号"));
		assertThat(hazards.get(DataScope.all(), Long.parseLong(id)).open()).isFalse();
		mvc.perform(get("/safety/hazards").header("Authorization", "Bearer demo-sz-leader-token")).andExpect(status().isOk());
		mvc.perform(post("/safety/hazards").with(csrf()).header("Authorization", "Bearer demo-sz-leader-token")
			.param("description", "x")).andExpect(status().isForbidden());
	}

	/** An outlet id that is no number comes back as the form with the error at the field, not the generic 400 page. */
	@Test
	void anOutletIdThatIsNoNumberReRendersTheForm() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single();
		mvc.perform(post("/enterprise/safety/hazards").with(csrf()).header("Authorization", SHUNFENG)
			.param("outletId", "abc").param("foundOn", LocalDate.now(clock).toString()).param("foundBy", "安全员")
			.param("description", "网点编号错误").param("level", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("网点编号应为正整数（至多19位）")))
			.andExpect(content().string(containsString("name=\"description\"")));
		// told with the form's other bad fields at once (kernel.FormBinding): a facility's number and a missing description
		mvc.perform(post("/enterprise/safety/hazards").with(csrf()).header("Authorization", SHUNFENG)
			.param("outletId", "abc").param("facilityId", "1.5").param("foundOn", LocalDate.now(clock).toString())
			.param("foundBy", "安全员").param("description", "").param("level", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("网点编号应为正整数（至多19位）")))
			.andExpect(content().string(containsString("设施编号应为正整数（至多19位）")))
			.andExpect(content().string(containsString("隐患描述不能为空")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single()).isEqualTo(before);
	}
}
