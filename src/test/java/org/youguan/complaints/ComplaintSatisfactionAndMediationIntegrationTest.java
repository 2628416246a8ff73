package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The three satisfaction rates of the national notices (DOMAIN.md, Complaints: with the regulator, with 邮政普遍服务, with
 * express companies) — the call-back records the filer's satisfaction with the bureau's handling and with the
 * company's; the figures count the company's by the respondent's type (a postal enterprise's complaints for 普遍服务) —
 * and the bureau's mediation (调解), a step in order: not before the company's reply unless it is overdue, not once the
 * complaint is finished; handlers of the complaint's region only.
 */
@IntegrationTest
class ComplaintSatisfactionAndMediationIntegrationTest {

	static final DataScope WUZHONG = ComplaintIntegrationTest.WUZHONG;

	static final String STAFF_TOKEN = "Bearer demo-wz-staff-token";

	@Autowired
	ComplaintIntake intake;

	@Autowired
	org.springframework.context.MessageSource messageSource;

	/** The audit log names a mediation's result in Chinese (attack 41: 调解结果 — → SUCCEEDED). */
	@Test
	void theAuditLogNamesAMediationsResultInChinese() {
		for (MediationResult r : MediationResult.values()) {
			assertThat(messageSource.getMessage("audit.value.mediationResult." + r.name(), null, null,
					java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(r.label());
		}
	}

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintFigures figures;

	@Autowired
	ComplaintNotices notices;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A complaint about {@code brand} in 吴中, filed today, claiming 100 yuan. */
	long file(String brand) {
		LocalDate today = LocalDate.now(clock);
		return intake.file(new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", brand, null,
				ComplaintIntegrationTest.waybill(), today.minusDays(40), today.minusDays(25), "电话", null, "延误",
				"中转或运输延误", new BigDecimal("100"), "快件超过承诺时限三天未送达"), Channel.WEB, null, false).id();
	}

	/** Filed, transferred to the routed respondent and replied to (by the bureau for the enterprise). */
	long replied(String brand) {
		long id = file(brand);
		procedure.acceptAndTransfer(WUZHONG, id, null, "按品牌转办");
		procedure.reply(WUZHONG, id, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE, true,
				true, "客服", "13800000000"));
		return id;
	}

	static int someYear() {
		return org.youguan.UnusedYears.next();
	}

	/**
	 * Hand-computed: five call-backs reached the filer, one did not. With the bureau's handling 满意 or 基本满意 in 4 of
	 * 5 → 80.0%; with the company's, of the two complaints about 中国邮政 (a postal respondent) 1 → 50.0%, of the three
	 * reached about 顺丰 (express) 2 → 66.6% (rounded down). The roll-up and the recount agree; the notice names all three.
	 */
	@Test
	void theThreeSatisfactionRatesCountTheBureausAndTheCompanysByTheRespondentsType() throws Exception {
		int year = someYear();
		YearMonth march = YearMonth.of(year, 3);
		clock.set(LocalDateTime.of(year, 3, 2, 10, 0));
		long e1 = replied("顺丰");
		long e2 = replied("顺丰");
		long e3 = replied("顺丰");
		long e4 = replied("顺丰");
		long p1 = replied("中国邮政");
		long p2 = replied("中国邮政");
		assertThat(queries.get(WUZHONG, p1).enterpriseName()).contains("邮政");
		procedure.callBack(WUZHONG, e1, true, Satisfaction.SATISFIED, Satisfaction.DISSATISFIED, true);
		procedure.callBack(WUZHONG, e2, true, Satisfaction.DISSATISFIED, Satisfaction.BASICALLY_SATISFIED, false);
		procedure.callBack(WUZHONG, e3, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.callBack(WUZHONG, e4, false, null, null, null);
		procedure.callBack(WUZHONG, p1, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.callBack(WUZHONG, p2, true, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED, false);
		clock.set(LocalDateTime.of(year, 4, 10, 10, 0));

		var totals = figures.totals(WUZHONG, "320506", march, march);
		assertThat(totals.satisfaction()).isEqualByComparingTo("80.0");
		assertThat(totals.postalSatisfaction()).isEqualByComparingTo("50.0");
		assertThat(totals.expressSatisfaction()).isEqualByComparingTo("66.6");
		var recount = figures.recountTotals(WUZHONG, "320506", march, march);
		assertThat(recount.satisfaction()).isEqualByComparingTo(totals.satisfaction());
		assertThat(recount.postalSatisfaction()).isEqualByComparingTo(totals.postalSatisfaction());
		assertThat(recount.expressSatisfaction()).isEqualByComparingTo(totals.expressSatisfaction());

		// a return for redoing withdraws the call-back on the old reply: its company satisfaction leaves the figures too
		procedure.returnForRedo(WUZHONG, p1, "答复未说明赔偿依据");
		var afterReturn = figures.totals(WUZHONG, "320506", march, march);
		assertThat(afterReturn.postalSatisfaction()).isEqualByComparingTo("0.0");
		assertThat(figures.recountTotals(WUZHONG, "320506", march, march).postalSatisfaction()).isEqualByComparingTo("0.0");

		String handling = notices.content(WUZHONG, "320506", "吴中区", "吴中区邮政管理局", march, march).handling();
		assertThat(handling).contains("对邮政管理部门申诉处理工作满意率75.0%", "对邮政普遍服务满意率0.0%", "对快递服务满意率66.6%");

		mvc.perform(get("/api/v1/complaints/figures").param("region", "320506").param("from", march.toString())
			.param("to", march.toString()).header("Authorization", STAFF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.satisfaction").value(75.0))
			.andExpect(jsonPath("$.postalSatisfaction").value(0.0))
			.andExpect(jsonPath("$.expressSatisfaction").value(66.6))
			.andExpect(jsonPath("$.received").value(6));
		mvc.perform(get("/complaints/figures").param("region", "320506").param("from", march.toString())
			.param("to", march.toString()).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(content().string(containsString("对邮政普遍服务满意率 0.0%；对快递服务满意率 66.6%")));
	}

	/** Call-backs made before the company's satisfaction was asked (rows before V287) count in the bureau's rate only. */
	@Test
	void aCallBackWithoutTheCompanysSatisfactionCountsInTheBureausRateOnly() {
		int year = someYear();
		YearMonth may = YearMonth.of(year, 5);
		clock.set(LocalDateTime.of(year, 5, 4, 10, 0));
		long old = replied("顺丰");
		procedure.callBack(WUZHONG, old, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		// as V287 leaves an old row: the company's satisfaction unknown, the roll-up recounted
		jdbc.sql("UPDATE complaint SET company_satisfaction = NULL WHERE id = :id").param("id", old).update();
		jdbc.sql("DELETE FROM complaint_rollup WHERE month = :month AND region_code = '320506'")
			.param("month", may.atDay(1))
			.update();
		jdbc.sql("""
				INSERT INTO complaint_rollup (month, region_code, brand_id, brand_name, received, accepted, not_accepted,
				    closed, withdrawn, valid, transfer_on_time, replied, reply_on_time, answered_in_time, surveyed, satisfied,
				    compensation)
				SELECT :month, region_code, brand_id, brand_name, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0 FROM complaint
				WHERE id = :id""").param("month", may.atDay(1)).param("id", old).update();
		var totals = figures.totals(WUZHONG, "320506", may, may);
		assertThat(totals.satisfaction()).isEqualByComparingTo("100.0");
		assertThat(totals.expressSatisfaction()).isNull();
		assertThat(totals.postalSatisfaction()).isNull();
		assertThat(figures.recountTotals(WUZHONG, "320506", may, may).expressSatisfaction()).isNull();
	}

	@Test
	void aReachedCallBackNeedsTheCompanysSatisfactionAndOneNotReachedDoesNot() throws Exception {
		clock.set(LocalDateTime.of(someYear(), 6, 1, 10, 0));
		long id = replied("顺丰");
		assertThatThrownBy(() -> procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, null, true))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("companySatisfaction");
					assertThat(e.message()).isEqualTo("请选择用户对企业处理的满意度");
				}));
		assertThat(queries.get(WUZHONG, id).callbackAttempts()).isZero();
		// the page's form posts it as the others; without it the form comes back with the field named
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		var errors = (java.util.List<?>) mvc.perform(post("/complaints/" + id + "/callback").session(staff).with(csrf())
			.param("reached", "true").param("satisfaction", "SATISFIED").param("companySatisfaction", "")
			.param("solved", "true")).andExpect(redirectedUrlPattern("/complaints/*")).andReturn().getFlashMap().get("errors");
		assertThat(errors).singleElement().extracting("field").isEqualTo("companySatisfaction");
		procedure.callBack(WUZHONG, id, false, null, null, null);
		mvc.perform(post("/api/v1/complaints/" + id + "/callback").header("Authorization", STAFF_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reached\": true, \"satisfaction\": \"SATISFIED\", \"companySatisfaction\": \"BASICALLY_SATISFIED\", \"solved\": true}"))
			.andExpect(status().isOk());
		ComplaintView c = queries.get(WUZHONG, id);
		assertThat(c.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(c.companySatisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
		mvc.perform(get("/complaints/" + id).session(staff))
			.andExpect(content().string(containsString("对邮政管理部门：满意；对企业：基本满意")));
	}

	/**
	 * Whether a refused step is past or still ahead comes from the procedure's moves, not the order the states are
	 * declared in (退回重办 is declared after 已答复): a second 答复 is past, 办结 of a replied complaint and 回访 of one
	 * returned for redoing are ahead, 答复 during the call-back is past.
	 */
	@Test
	void aRefusedStepIsPastOrAheadAsTheProcedureMovesNotAsItsStatesAreDeclared() throws Exception {
		int year = someYear();
		clock.set(LocalDateTime.of(year, 3, 2, 10, 0));
		long id = file("顺丰");
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		ComplaintReply reply = new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE, true, true,
				"客服", "13800000000");
		procedure.reply(WUZHONG, id, reply);
		String replied = "申诉当前状态为“" + ComplaintStatus.REPLIED.label() + "”，";
		assertThatThrownBy(() -> procedure.reply(WUZHONG, id, reply)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.getMessage()).isEqualTo(replied + "不能答复：本申诉已过该环节，此操作已不适用"));
		mvc.perform(post("/api/v1/complaints/" + id + "/close").header("Authorization", STAFF_TOKEN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"valid\": true, \"compensationPaid\": 0}"))
			.andExpect(status().isConflict());
		assertThatThrownBy(() -> procedure.close(WUZHONG, id, true, new BigDecimal("80"), null))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.getMessage()).isEqualTo(replied + "不能办结：请先办理此前的环节"));

		procedure.returnForRedo(WUZHONG, id, "答复未说明赔偿依据");
		assertThatThrownBy(() -> procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.getMessage()).isEqualTo("申诉当前状态为“"
					+ ComplaintStatus.RETURNED.label() + "”，不能回访：请先办理此前的环节"));
		procedure.reply(WUZHONG, id, reply);
		procedure.callBack(WUZHONG, id, false, null, null, false);
		assertThatThrownBy(() -> procedure.reply(WUZHONG, id, reply)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.getMessage()).isEqualTo("申诉当前状态为“" + ComplaintStatus.CALLBACK.label()
						+ "”，不能答复：本申诉已过该环节，此操作已不适用"));
	}

	/**
	 * 调解 is a step in order: not before the company's reply while the reply is not overdue, possible once it is
	 * overdue and after the reply, never once the complaint is closed — each refusal a 409 in Chinese, nothing saved.
	 */
	@Test
	void mediationComesAfterTheReplyOrItsDueDateAndNotOnceClosed() throws Exception {
		int year = someYear();
		clock.set(LocalDateTime.of(year, 3, 2, 10, 0));
		long id = file("顺丰");
		assertThatThrownBy(() -> procedure.mediate(WUZHONG, id, MediationResult.FAILED, null, null))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
				assertThat(ex.getMessage()).as("not reached yet").isEqualTo("申诉当前状态为“" + ComplaintStatus.RECEIVED.label()
						+ "”，不能调解：请先办理此前的环节");
			});
		mvc.perform(post("/api/v1/complaints/" + id + "/mediation").header("Authorization", STAFF_TOKEN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"mediationResult\": \"FAILED\"}"))
			.andExpect(status().isConflict());
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		LocalDate due = queries.get(WUZHONG, id).stepDue();
		assertThatThrownBy(() -> procedure.mediate(WUZHONG, id, MediationResult.FAILED, null, null))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
				assertThat(ex.getMessage()).contains("企业尚未答复", "未过", ChineseText.day(due));
			});
		assertThat(queries.get(WUZHONG, id).mediationResult()).isNull();

		// the reply is overdue: the bureau may mediate without it
		clock.set(due.plusDays(1).atTime(10, 0));
		procedure.mediate(WUZHONG, id, MediationResult.FAILED, "企业未派人参加", null);
		assertThat(queries.get(WUZHONG, id).mediationResult()).isEqualTo(MediationResult.FAILED);

		procedure.reply(WUZHONG, id, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE, true,
				true, "客服", "13800000000"));
		var done = procedure.mediate(WUZHONG, id, MediationResult.SUCCEEDED, "企业赔偿并道歉", new BigDecimal("80"));
		assertThat(done.message()).endsWith("已记录调解结果（调解成功）");
		ComplaintView c = queries.get(WUZHONG, id);
		assertThat(c.mediationResult()).isEqualTo(MediationResult.SUCCEEDED);
		assertThat(c.mediationRemedy()).isEqualTo("企业赔偿并道歉");
		assertThat(c.mediationAmount()).isEqualByComparingTo("80");
		assertThat(c.mediatedOn()).isEqualTo(due.plusDays(1));
		assertThat(c.status()).as("mediation does not move the procedure").isEqualTo(ComplaintStatus.REPLIED);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'Complaint' AND object_id = :id"
				+ " AND action = 'complaint.mediate'").param("id", String.valueOf(id)).query(Long.class).single())
			.isEqualTo(2);

		// a reply returned for redoing was a reply: the bureau may mediate before the redo is due
		procedure.returnForRedo(WUZHONG, id, "答复未说明赔偿依据");
		procedure.mediate(WUZHONG, id, MediationResult.SUCCEEDED, "企业赔偿并道歉", new BigDecimal("90"));
		assertThat(queries.get(WUZHONG, id).mediationAmount()).isEqualByComparingTo("90");
		procedure.reply(WUZHONG, id, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE, true,
				true, "客服", "13800000000"));
		procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.close(WUZHONG, id, true, new BigDecimal("80"), null);
		assertThatThrownBy(() -> procedure.mediate(WUZHONG, id, MediationResult.FAILED, null, null))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.getMessage()).as("gone past").isEqualTo("申诉当前状态为“" + ComplaintStatus.CLOSED.label()
							+ "”，不能调解：本申诉已过该环节，此操作已不适用"));
	}

	@Test
	void aMediationsFieldsAreCheckedInChineseAndNothingIsSaved() {
		clock.set(LocalDateTime.of(someYear(), 3, 2, 10, 0));
		long id = replied("顺丰");
		assertThat(fieldsRefused(() -> procedure.mediate(WUZHONG, id, null, null, null)))
			.containsExactly("mediationResult/required/请选择调解结果");
		assertThat(fieldsRefused(() -> procedure.mediate(WUZHONG, id, MediationResult.SUCCEEDED, " ", null)))
			.containsExactly("remedy/required/调解约定的处理方式不能为空");
		assertThat(fieldsRefused(() -> procedure.mediate(WUZHONG, id, MediationResult.FAILED, null, BigDecimal.TEN)))
			.containsExactly("agreedAmount/not-applicable/调解不成功的，不填写约定赔偿金额");
		assertThat(fieldsRefused(() -> procedure.mediate(WUZHONG, id, MediationResult.SUCCEEDED, "赔偿", new BigDecimal("-1"))))
			.containsExactly("agreedAmount/non-negative/约定赔偿金额不能为负数");
		assertThat(fieldsRefused(() -> procedure.mediate(WUZHONG, id, MediationResult.SUCCEEDED, "赔偿", new BigDecimal("100.01"))))
			.containsExactly("agreedAmount/over-claim/约定赔偿金额（100.01元）不能超过申诉人的索赔金额（100元）");
		assertThat(queries.get(WUZHONG, id).mediationResult()).isNull();
	}

	private static java.util.List<String> fieldsRefused(Runnable step) {
		try {
			step.run();
		}
		catch (InvalidValueException ex) {
			return ex.fieldErrors().stream().map(e -> e.field() + "/" + e.rule() + "/" + e.message()).toList();
		}
		throw new AssertionError("not refused");
	}

	/**
	 * Another county's staff do not find the complaint; an enterprise, even the respondent, and a leader may not
	 * mediate (handlers only); the leader reads the remedy with the personal number in it masked, on the page and the API.
	 */
	@Test
	void onlyTheRegionsHandlersMediateAndALeaderReadsTheRemedyMasked() throws Exception {
		clock.set(LocalDateTime.of(someYear(), 3, 2, 10, 0));
		long id = replied("顺丰");
		assertThatThrownBy(() -> procedure.mediate(DataScope.region("320507"), id, MediationResult.FAILED, null, null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
		String body = "{\"mediationResult\": \"SUCCEEDED\", \"remedy\": \"赔偿，联系13912345678\", \"agreedAmount\": 50}";
		// the respondent enterprise and a leader are no handlers; another county's staff do not find it
		for (String token : new String[] { "Bearer demo-sf-wz-token", "Bearer demo-sz-leader-token" }) {
			mvc.perform(post("/api/v1/complaints/" + id + "/mediation").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/api/v1/complaints/" + id + "/mediation").header("Authorization", "Bearer demo-xc-staff-token")
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound());
		mvc.perform(post("/complaints/" + id + "/mediate").session(SignIn.session(mvc, "sz.leader")).with(csrf())
			.param("mediationResult", "FAILED")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		assertThat(queries.get(WUZHONG, id).mediationResult()).isNull();

		mvc.perform(post("/complaints/" + id + "/mediate").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("mediationResult", "SUCCEEDED").param("remedy", "赔偿，联系13912345678").param("agreedAmount", "50"))
			.andExpect(redirectedUrlPattern("/complaints/*"));
		mvc.perform(get("/complaints/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(content().string(containsString("调解成功")))
			// the project's one money format, as the close card's 挽回经济损失 beside it (ChineseText.yuan), never 50.00
			.andExpect(content().string(containsString("约定赔偿金额：50元")));
		mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mediationResult").value("SUCCEEDED"))
			.andExpect(jsonPath("$.mediationAmount").value(50))
			.andExpect(jsonPath("$.mediationRemedy").value(not(containsString("13912345678"))));
		mvc.perform(get("/complaints/" + id).session(SignIn.session(mvc, "sz.leader")))
			.andExpect(content().string(containsString("调解成功")))
			.andExpect(content().string(not(containsString("13912345678"))));
	}

	/**
	 * Whether the call-back reached the filer is called 是否接通 wherever it is named — the page's refusal, the API's
	 * missing field and the type error a client gets for a value that is no boolean (the field's label,
	 * {@code field.reached}) — as the buttons (接通/未接通) and the history ("回访未接通") word it; never 是否联系上.
	 */
	@Test
	void whetherTheFilerWasReachedIsNamedOneWayEverywhere() throws Exception {
		clock.set(LocalDateTime.of(someYear(), 6, 1, 10, 0));
		long id = replied("顺丰");
		var page = (java.util.List<?>) mvc.perform(post("/complaints/" + id + "/callback")
			.session(SignIn.session(mvc, "wz.staff")).with(csrf()).param("reached", "maybe"))
			.andExpect(redirectedUrlPattern("/complaints/*")).andReturn().getFlashMap().get("errors");
		assertThat(page).singleElement().satisfies(e -> assertThat(e).hasFieldOrPropertyWithValue("field", "reached")
			.extracting("message").asString().contains("是否接通"));
		for (String body : new String[] { "{}", "{\"reached\": \"maybe\"}" }) {
			mvc.perform(post("/api/v1/complaints/" + id + "/callback").header("Authorization", STAFF_TOKEN)
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reached"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("是否接通")))
				.andExpect(content().string(not(containsString("联系上"))));
		}
		assertThat(messageSource.getMessage("field.reached", null, java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("是否接通");
		assertThat(queries.get(WUZHONG, id).callbackAttempts()).isZero();
	}

	/**
	 * The enterprise reads the bureau's mediation of its complaint — 调解成功, the remedy agreed (ID and mobile numbers
	 * masked as in all it reads), the amount, the day — on its page and in {@code GET /api/v1/complaints/{id}} on its
	 * token, as the staff do.
	 */
	@Test
	void theEnterpriseReadsTheMediationOfItsComplaint() throws Exception {
		clock.set(LocalDateTime.of(someYear(), 3, 2, 10, 0));
		long id = replied("顺丰");
		procedure.mediate(WUZHONG, id, MediationResult.SUCCEEDED, "赔偿并致歉，联系13912345670", new BigDecimal("50"));
		mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mediationResult").value("SUCCEEDED"))
			.andExpect(jsonPath("$.mediationRemedy").value(containsString("赔偿并致歉")))
			.andExpect(jsonPath("$.mediatedOn").value(LocalDate.now(clock).toString()))
			.andExpect(content().string(containsString("\"mediationAmount\":50.00")))
			.andExpect(content().string(not(containsString("13912345670"))));
		mvc.perform(get("/enterprise/complaints/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"mediation-result\"")))
			.andExpect(content().string(containsString("调解成功")))
			.andExpect(content().string(containsString("赔偿并致歉")))
			.andExpect(content().string(containsString("约定赔偿金额：50元")))
			.andExpect(content().string(not(containsString("13912345670"))));
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE object_type = 'Complaint' AND object_id = :id"
				+ " AND action = 'complaint.mediate'").param("id", String.valueOf(id)).query(String.class).single())
			.contains("调解成功", "约定赔偿50元");
	}

	/** 挽回经济损失 is written with two decimals in the figures' JSON, as the complaint's own amounts are. */
	@Test
	void theFiguresAnswerTheLossRecoveredWithTwoDecimalsAsTheComplaintDoes() throws Exception {
		int year = someYear();
		YearMonth september = YearMonth.of(year, 9);
		clock.set(LocalDateTime.of(year, 10, 10, 10, 0));
		// nothing received in the period: none recovered, 0.00 as a complaint's 0 is
		mvc.perform(get("/api/v1/complaints/figures").param("region", "320506").param("from", september.minusMonths(1).toString())
			.param("to", september.minusMonths(1).toString()).header("Authorization", STAFF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(0))
			.andExpect(content().string(containsString("\"compensation\":0.00")));

		clock.set(LocalDateTime.of(year, 9, 2, 10, 0));
		long id = replied("顺丰");
		procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.close(WUZHONG, id, true, new BigDecimal("20"), null);
		clock.set(LocalDateTime.of(year, 10, 10, 10, 0));
		mvc.perform(get("/api/v1/complaints/figures").param("region", "320506").param("from", september.toString())
			.param("to", september.toString()).header("Authorization", STAFF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"compensation\":20.00")));
		mvc.perform(get("/api/v1/complaints/" + id).header("Authorization", STAFF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"compensationPaid\":20.00")))
			.andExpect(content().string(containsString("\"amountClaimed\":100.00")))
			.andExpect(content().string(containsString("\"replyCompensation\":1.00")));
		assertThat(figures.totals(WUZHONG, "320506", september.plusMonths(1), september.plusMonths(1)).compensation())
			.hasToString("0.00");
	}

	/**
	 * Hand-computed: three complaints about 顺丰 (an express respondent) called back — with the bureau 满意, 满意, 不满意
	 * (66.6%), with the company 不满意, 满意, 不满意 (对快递服务 33.3%) — and two about 中国邮政 (a postal respondent) —
	 * with the bureau 满意, 不满意 (50.0%), with the company 满意, 基本满意 (对邮政普遍服务 100.0%). Each breakdown's
	 * .xlsx, read back with POI, has the three rates per line, and the lines of one category, one county add up to the
	 * totals the API answers.
	 */
	@Test
	void eachBreakdownsSpreadsheetCarriesTheThreeSatisfactionRates() throws Exception {
		int year = someYear();
		YearMonth november = YearMonth.of(year, 11);
		clock.set(LocalDateTime.of(year, 11, 2, 10, 0));
		Satisfaction sat = Satisfaction.SATISFIED;
		Satisfaction dis = Satisfaction.DISSATISFIED;
		procedure.callBack(WUZHONG, replied("顺丰"), true, sat, dis, true);
		procedure.callBack(WUZHONG, replied("顺丰"), true, sat, sat, true);
		procedure.callBack(WUZHONG, replied("顺丰"), true, dis, dis, false);
		procedure.callBack(WUZHONG, replied("中国邮政"), true, sat, sat, true);
		procedure.callBack(WUZHONG, replied("中国邮政"), true, dis, Satisfaction.BASICALLY_SATISFIED, false);
		clock.set(LocalDateTime.of(year, 12, 10, 10, 0));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String[] period = { "region", "320506", "from", november.toString(), "to", november.toString() };

		Map<String, List<String>> brands = byKey(ExportedRows.of(mvc, staff, "/complaints/figures/brand.xlsx", period));
		// a percentage shown with the one decimal it was computed to (rounded down), as the page shows it — 66.6, not 66.60
		assertThat(brands.get("顺丰")).containsExactly("66.6", "", "33.3");
		assertThat(brands.get("中国邮政")).containsExactly("50.0", "100.0", "");
		List<String> total = List.of("60.0", "100.0", "33.3");
		assertThat(byKey(ExportedRows.of(mvc, staff, "/complaints/figures/category.xlsx", period)).get("延误"))
			.containsExactlyElementsOf(total);
		assertThat(byKey(ExportedRows.of(mvc, staff, "/complaints/figures/reason.xlsx", period)).get("中转或运输延误"))
			.containsExactlyElementsOf(total);
		assertThat(byKey(ExportedRows.of(mvc, staff, "/complaints/figures/county.xlsx", period)).get("吴中区"))
			.containsExactlyElementsOf(total);
		assertThat(byKey(ExportedRows.of(mvc, staff, "/complaints/figures/enterprise.xlsx", period)).values())
			.contains(List.of("66.6", "", "33.3"), List.of("50.0", "100.0", ""));
		mvc.perform(get("/api/v1/complaints/figures").param("region", "320506").param("from", november.toString())
			.param("to", november.toString()).header("Authorization", STAFF_TOKEN))
			.andExpect(jsonPath("$.satisfaction").value(60.0))
			.andExpect(jsonPath("$.postalSatisfaction").value(100.0))
			.andExpect(jsonPath("$.expressSatisfaction").value(33.3));
		// the roll-up's lines and the recount agree, the rates included
		assertThat(figures.byBrand(WUZHONG, "320506", november, november)).isEqualTo(figures.recountByBrand(WUZHONG, "320506", november, november));
		assertThat(figures.by(WUZHONG, "county", "320506", november, november))
			.isEqualTo(figures.recountBy(WUZHONG, "county", "320506", november, november));
	}

	/** The three satisfaction columns of each line, by the line's key (the header row checked, the key its first cell). */
	private static Map<String, List<String>> byKey(List<List<String>> rows) {
		List<String> header = rows.get(0);
		int bureau = header.indexOf("对邮政管理部门申诉处理工作满意率（%）");
		int postal = header.indexOf("对邮政普遍服务满意率（%）");
		int express = header.indexOf("对快递服务满意率（%）");
		assertThat(List.of(bureau, postal, express)).as("the satisfaction columns in " + header).doesNotContain(-1);
		Map<String, List<String>> lines = new LinkedHashMap<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			lines.put(row.get(0), List.of(cell(row, bureau), cell(row, postal), cell(row, express)));
		}
		return lines;
	}

	private static String cell(List<String> row, int index) {
		return row.size() > index ? row.get(index) : "";
	}
}
