package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.WorkState;
import org.youguan.kernel.PageQuery;
import org.youguan.notifications.Notification;
import org.youguan.notifications.Notifications;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ComplaintIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	static final String SF_WUZHONG = "91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q");

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintReminders reminders;

	@Autowired
	ComplaintTracking tracking;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static String waybill() {
		return "SF" + org.youguan.RandomDigits.of(10);
	}

	static ComplaintForm form(LocalDate posted, LocalDate prior, String answer, String waybill) {
		return new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", "顺丰", null, waybill, posted, prior,
				"电话", answer, "延误", "中转或运输延误", new BigDecimal("100"), "快件超过承诺时限三天未送达");
	}

	/** The same complaint told again in other words (a second complaint on the same matter, not the first sent twice). */
	static ComplaintForm again(ComplaintForm f) {
		return new ComplaintForm(f.filerName(), f.phone(), f.filerRole(), f.region(), f.brand(), f.enterprise(),
				f.waybillNumber(), f.postedOn(), f.priorComplaintDate(), f.priorChannel(), f.companyAnswer(), f.category(),
				f.reason(), f.amountClaimed(), f.description() + "，再次申诉");
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * The queue page and the API list read a third of the columns (issue 12); everything they show is what the full
	 * list reads, row by row, in every work state.
	 */
	@Test
	void theQueueReadsWhatTheQueueShowsAsTheFullListDoes() {
		for (WorkState state : WorkState.values()) {
			var filter = new ComplaintQueries.Filter(null, null, null, state, false);
			var page = new PageQuery("", 0, 50, null, false);
			var full = queries.list(WUZHONG, filter, page);
			var queue = queries.queue(WUZHONG, filter, page);
			assertThat(queue.total()).as(state.name()).isEqualTo(full.total());
			assertThat(queue.items()).as(state.name()).hasSameSizeAs(full.items()).isNotEmpty();
			assertThat(queue.items()).as(state.name()).extracting(ComplaintIntegrationTest::shown)
				.containsExactlyElementsOf(full.items().stream().map(ComplaintIntegrationTest::shown).toList());
		}
	}

	/**
	 * A page of the queue is remembered until the next audited change (issue 12): a complaint filed or handled shows in
	 * the next page read, on this node at once; a change that writes no audit entry shows after the memory's time to
	 * live (20 s) and not before.
	 */
	@Test
	void theQueueShowsEveryAuditedChangeAtOnceAndAnUnauditedOneAfterItsTimeToLive() {
		var filter = new ComplaintQueries.Filter(null, null, null, WorkState.OPEN, false);
		var page = new PageQuery("", 0, 100, "received_on", true);
		long before = queries.queue(WUZHONG, filter, page).total();
		assertThat(queries.queue(WUZHONG, filter, page).total()).as("remembered: the same").isEqualTo(before);

		var filed = intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill()), Channel.WEB, null,
				false);
		var afterFiling = queries.queue(WUZHONG, filter, page);
		assertThat(afterFiling.total()).as("filed: audited, seen at once").isEqualTo(before + 1);
		assertThat(afterFiling.items()).extracting(ComplaintView::id).contains(filed.id());

		// a change that writes no audit entry (as a deadline passing within the day would)
		String waybill = afterFiling.items().stream().filter(c -> c.id() == filed.id()).findFirst().orElseThrow()
			.waybillNumber();
		// not seen while remembered — tried up to three times, since an audit event or an open writer of another test
		// context (one database) may start the memory afresh meanwhile
		String unaudited = null;
		boolean remembered = false;
		try {
			for (int attempt = 0; attempt < 3 && !remembered; attempt++) {
				Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> audit.latestEventId() >= 0);
				queries.queue(WUZHONG, filter, page);
				unaudited = "UNAUDITED" + attempt;
				jdbc.sql("UPDATE complaint SET waybill_number = :w WHERE id = :id").param("w", unaudited)
					.param("id", filed.id()).update();
				String shown = queries.queue(WUZHONG, filter, page).items().stream().filter(c -> c.id() == filed.id())
					.findFirst().orElseThrow().waybillNumber();
				remembered = !unaudited.equals(shown);
			}
			assertThat(remembered).as("not seen while remembered").isTrue();
			clock.advance(Duration.ofSeconds(21));
			assertThat(queries.queue(WUZHONG, filter, page).items()).filteredOn(c -> c.id() == filed.id())
				.extracting(ComplaintView::waybillNumber)
				.as("seen after the time to live")
				.containsExactly(unaudited);
		}
		finally {
			jdbc.sql("UPDATE complaint SET waybill_number = :w WHERE id = :id").param("w", waybill).param("id", filed.id())
				.update();
		}

		procedure.reject(WUZHONG, filed.id(), AcceptanceCondition.OUT_OF_SCOPE, "测试：不属于申诉范围");
		assertThat(queries.queue(WUZHONG, filter, page).items()).as("handled: audited, seen at once")
			.extracting(ComplaintView::id)
			.doesNotContain(filed.id());
		assertThat(queries.queue(WUZHONG, filter, page).total()).isEqualTo(before);
	}

	/**
	 * The remembered categories are the catalogue's rows in its order, and no caller can change what the next one is
	 * shown.
	 */
	@Test
	void theRememberedCategoriesAreTheCatalogueInItsOrder() {
		List<String> catalogue = jdbc.sql("SELECT name FROM complaint_category ORDER BY position").query(String.class).list();
		assertThat(intake.categories()).isNotEmpty().containsExactlyElementsOf(catalogue);
		assertThat(intake.categories()).containsExactlyElementsOf(catalogue);
		assertThatThrownBy(() -> intake.categories().add("别的")).isInstanceOf(UnsupportedOperationException.class);
		assertThat(intake.categories()).containsExactlyElementsOf(catalogue);
	}

	/** Everything the queue page and the API list ({@code ComplaintSummary}) show of a complaint. */
	static List<Object> shown(ComplaintView c) {
		return Arrays.asList(c.id(), c.number(), c.channel(), c.filerName(), c.filerPhoneMasked(), c.regionCode(),
				c.regionName(), c.brandName(), c.enterpriseName(), c.enterpriseCreditCode(), c.waybillNumber(),
				c.category(), c.reason(), c.duplicateOf(), c.status(), c.receivedOn(), c.stepDue(), c.answerDue(),
				c.overdue(), c.dueSoon(), c.replyLate(), c.transferFlagged(), c.validComplaint(), c.satisfaction());
	}

	@Test
	void aComplaintGoesThroughTheWholeProcedure() {
		var filed = intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill()), Channel.WEB, null, false);
		assertThat(filed.number()).startsWith("申诉-320506-");
		assertThat(filed.queryCode()).hasSize(8);
		long id = filed.id();
		assertThat(queries.assess(WUZHONG, id)).isEmpty();
		assertThat(queries.respondent(WUZHONG, id)).get()
			.satisfies(e -> assertThat(e.creditCode()).isEqualTo(SF_WUZHONG));

		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		DataScope sf = DataScope.enterprise(SF_WUZHONG);
		assertThat(queries.list(sf, ComplaintQueries.Filter.NONE, new PageQuery(filed.number(), 0, 5, null, false)).items())
			.extracting(ComplaintView::number).containsExactly(filed.number());
		assertThat(queries.get(WUZHONG, id).stepDue()).isAfter(today());

		var reply = new ComplaintReply("经查，快件在中转环节滞留", Responsibility.RESPONSIBLE, "赔偿运费并致歉",
				new BigDecimal("23"), true, true, "李经理", "13800000000");
		assertThatThrownBy(() -> procedure.reply(DataScope.enterprise("91320507MA00000000"), id, reply))
			.isInstanceOf(DomainException.class);
		procedure.reply(sf, id, reply);
		procedure.returnForRedo(WUZHONG, id, "答复未说明赔偿依据");
		assertThatThrownBy(() -> procedure.close(WUZHONG, id, true, BigDecimal.ZERO, null)).hasMessageContaining("不能办结");
		procedure.reply(sf, id, reply);

		procedure.callBack(WUZHONG, id, false, null, null, null);
		assertThatThrownBy(() -> procedure.callBack(WUZHONG, id, false, null, null, null)).hasMessageContaining("间隔");
		assertThatThrownBy(() -> procedure.close(WUZHONG, id, true, BigDecimal.ZERO, null)).hasMessageContaining("再次回访");
		clock.advance(Duration.ofHours(4).plusMinutes(1));
		procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.close(WUZHONG, id, true, new BigDecimal("23"), "已赔偿");
		ComplaintView closed = queries.get(WUZHONG, id);
		assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(closed.validComplaint()).isTrue();
		assertThat(closed.compensationPaid()).isEqualByComparingTo("23");
		assertThat(closed.redoCount()).isEqualTo(1);
		assertThatThrownBy(() -> tracking.withdraw(filed.number(), filed.queryCode())).hasMessageContaining("不能撤回");
		assertThat(audit.history(WUZHONG, "Complaint", id)).extracting(AuditEvent::action)
			.contains("complaint.receive", "complaint.transfer", "complaint.reply", "complaint.return", "complaint.callback",
					"complaint.close");
		var status = tracking.publicStatus(filed.number(), filed.queryCode().toLowerCase());
		assertThat(status.status()).isEqualTo("办结");
		// typed without the padding, with other dashes: the number on the receipt
		String typed = filed.number().replaceFirst("-0+(?=\\d+$)", "-").replace("-", " \u2013 ");
		assertThat(tracking.publicStatus(typed, filed.queryCode()).number()).isEqualTo(filed.number());
		assertThat(status.history()).extracting(ComplaintTracking.PublicEvent::text).anySatisfy(t -> assertThat(t).contains("已受理"));
		assertThat(status.toString()).doesNotContain("13912345678").doesNotContain("张三");
	}

	/**
	 * Attack round 14 (M1): a call-back on a reply later returned for redoing closed the complaint on the redone reply
	 * with the old satisfaction. The redo starts a new round: closing needs a call-back after the latest reply.
	 */
	@Test
	void aCallBackBeforeARedoDoesNotCountTowardsClosingAfterIt() {
		var filed = intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill()), Channel.PHONE, null, false);
		long id = filed.id();
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		DataScope sf = DataScope.enterprise(SF_WUZHONG);
		var reply = new ComplaintReply("经查，快件在中转环节滞留", Responsibility.RESPONSIBLE, "赔偿运费并致歉",
				new BigDecimal("23"), true, true, "李经理", "13800000000");
		procedure.reply(sf, id, reply);
		procedure.callBack(WUZHONG, id, true, Satisfaction.BASICALLY_SATISFIED, Satisfaction.SATISFIED, true);
		procedure.returnForRedo(WUZHONG, id, "答复不实");
		ComplaintView returned = queries.get(WUZHONG, id);
		assertThat(returned.satisfaction()).isNull();
		assertThat(returned.solved()).isNull();
		assertThat(returned.callbackAttempts()).isZero();
		assertThat(returned.lastCallbackAt()).isNull();
		procedure.reply(sf, id, reply);
		procedure.callBack(WUZHONG, id, false, null, null, null);
		assertThatThrownBy(() -> procedure.close(WUZHONG, id, true, BigDecimal.ZERO, null)).hasMessageContaining("再次回访");
		assertThat(queries.get(WUZHONG, id).status()).isEqualTo(ComplaintStatus.CALLBACK);
		clock.advance(Duration.ofHours(4).plusMinutes(1));
		procedure.callBack(WUZHONG, id, true, Satisfaction.DISSATISFIED, Satisfaction.SATISFIED, false);
		procedure.close(WUZHONG, id, true, BigDecimal.ZERO, null);
		ComplaintView closed = queries.get(WUZHONG, id);
		assertThat(closed.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
		assertThat(closed.solved()).isFalse();
		assertThat(closed.callbackAttempts()).isEqualTo(2);
		assertThat(audit.history(WUZHONG, "Complaint", id)).as("the call-back before the redo stays in the history")
			.filteredOn(e -> e.action().equals("complaint.callback")).hasSize(3);
	}

	@Test
	void theClockCountsWorkingDaysAcrossTheNationalDayHoliday() {
		clock.set(LocalDateTime.of(2026, 9, 30, 10, 0));
		var filed = intake.file(form(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), null, waybill()), Channel.PHONE,
				null, false);
		ComplaintView c = queries.get(WUZHONG, filed.id());
		// 9-30 + 2 working days: 10-1 … 10-7 are the holiday, 10-8 and 10-9 the next working days
		assertThat(c.transferDue()).isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(c.answerDue()).isEqualTo(LocalDate.of(2026, 10, 30));
		clock.set(LocalDateTime.of(2026, 9, 28, 9, 0));
		var early = intake.file(form(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), null, waybill()), Channel.LETTER,
				null, false);
		procedure.acceptAndTransfer(WUZHONG, early.id(), null, null);
		// 7 calendar days from 9-28 end on 10-5, a holiday: the deadline moves to the next working day
		assertThat(queries.get(WUZHONG, early.id()).stepDue()).isEqualTo(LocalDate.of(2026, 10, 8));
		clock.set(LocalDateTime.of(2026, 11, 2, 9, 0));
		assertThat(queries.get(WUZHONG, early.id()).overdue()).as("past the 30-day limit").isTrue();
	}

	/**
	 * Attack round (L1): the company's 7 days to answer were counted with plain calendar days, so a period ending on a
	 * day off let the filer complain to the regulator while the company still had until the next working day. Counted
	 * as the rule catalogue counts every calendar-day deadline: complained to the company on 2026-09-24, the 7 days end
	 * on 10-01 (国庆), so the period runs to 10-08, and the refusal names that day.
	 */
	@Test
	void theCompanysAnswerPeriodEndingOnADayOffRunsToTheNextWorkingDay() {
		clock.set(LocalDateTime.of(2026, 10, 5, 9, 0));
		assertThatThrownBy(() -> intake.file(form(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 24), null, waybill()),
				Channel.WEB, null, false)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement().satisfies(e -> {
				assertThat(e.rule()).isEqualTo("precondition");
				assertThat(e.message()).contains("2026年10月8日").doesNotContain("2026年10月1日");
			}));
		clock.set(LocalDateTime.of(2026, 10, 8, 9, 0));
		assertThat(intake.file(form(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 24), null, waybill()), Channel.WEB,
				null, false).number()).as("the period's last day").isNotBlank();
	}

	@Test
	void whatCannotBeAcceptedIsRefusedAtFilingWithTheReason() {
		assertThatThrownBy(() -> intake.file(form(today().minusDays(5), today().minusDays(2), null, waybill()),
				Channel.WEB, null, false)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.containsExactly("precondition"));
		assertThat(intake.file(form(today().minusDays(5), today().minusDays(2), "企业答复不予赔偿", waybill()), Channel.WEB,
				null, false).number()).as("an answer the filer disputes may be complained about at once").isNotBlank();
		assertThatThrownBy(() -> intake.file(form(today().minusDays(400), today().minusDays(380), "不予处理", waybill()),
				Channel.WEB, null, false)).hasMessageContaining("申诉时效");
		assertThatThrownBy(() -> intake.file(form(today().minusDays(400), today().minusDays(2), null, waybill()),
				Channel.WEB, null, false)).as("both conditions told at once, each with its field")
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.containsExactly("priorComplaint", "postedOn"));
		var noBrand = new ComplaintForm("张三", "123", FilerRole.SENDER, "320506", "", null, null, today().plusDays(3),
				today().minusDays(10), "电话", null, "不存在的类别", "中转或运输延误", null, "<script>alert(1)</script>");
		assertThatThrownBy(() -> intake.file(noBrand, Channel.WEB, null, false)).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.contains("phone", "brand", "postedOn", "category"));
	}

	@Test
	void identicalFilingsAreMarkedAsDuplicatesAndIntakeIsIdempotent() {
		String waybill = waybill();
		var first = intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill), Channel.WEB, null, false);
		// the very same complaint sent again moments later (no Idempotency-Key, no form token) is refused, not filed twice
		assertThatThrownBy(() -> intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill), Channel.PHONE,
				null, false)).isInstanceOf(DomainException.class)
			.satisfies(ex -> assertThat(((DomainException) ex).code()).isEqualTo(ErrorCode.DUPLICATE))
			.satisfies(ex -> assertThat(((DomainException) ex).formErrors()).extracting(FieldError::field, FieldError::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("description", "resubmitted")));
		// the same matter told again in other words is a complaint of its own, marked as a suspected duplicate (90 days)
		var second = intake.file(again(form(today().minusDays(20), today().minusDays(10), null, waybill)), Channel.WEB, null,
				false);
		assertThat(second.duplicateOf()).isEqualTo(first.number());
		assertThat(queries.assess(WUZHONG, second.id())).extracting(ComplaintQueries.Assessment::condition)
			.containsExactly(AcceptanceCondition.DUPLICATE);
		assertThat(queries.assess(WUZHONG, second.id())).extracting(ComplaintQueries.Assessment::basis)
			.containsExactly("邮政业用户申诉处理办法(2014)");
		var key = new ComplaintIntake.IdempotencyKey("user:1", "12345-" + UUID.randomUUID());
		String retried = waybill();
		var a = intake.file(form(today().minusDays(20), today().minusDays(10), null, retried), Channel.HOTLINE, key, false);
		var b = intake.file(form(today().minusDays(20), today().minusDays(10), null, retried), Channel.HOTLINE, key, false);
		assertThat(b.number()).isEqualTo(a.number());
		procedure.reject(WUZHONG, second.id(), AcceptanceCondition.DUPLICATE, "与" + first.number() + "为同一事项");
		assertThat(queries.get(WUZHONG, second.id()).status()).isEqualTo(ComplaintStatus.REJECTED);
		assertThatThrownBy(() -> procedure.acceptAndTransfer(WUZHONG, second.id(), null, null)).hasMessageContaining("不能受理转办");
	}

	/** A complaint about a place no bureau on the platform serves would sit in nobody's queue: it is refused. */
	@Test
	void aComplaintWhereNoBureauOnThePlatformServesIsRefused() throws Exception {
		String body = """
				{"filerName":"张三","phone":"13912345678","filerRole":"RECIPIENT","region":"110101","brand":"顺丰",
				 "waybillNumber":"%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"电话","companyAnswer":null},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"北京东城的延误"}"""
			.formatted(waybill(), today().minusDays(20), today().minusDays(10));
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'region')].rule").value("served"));
	}

	@Test
	void thePublicApiFilesAndShowsStatusOnlyWithTheQueryCode() throws Exception {
		String body = """
				{"filerName":"张三","phone":"13912345678","filerRole":"RECIPIENT","region":"320506","brand":"顺丰",
				 "waybillNumber":"%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"电话","companyAnswer":null},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"延误<script>alert(1)</script>"}"""
			.formatted(waybill(), today().minusDays(20), today().minusDays(10));
		String receipt = mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String number = JsonPath.read(receipt, "$.number");
		String code = JsonPath.read(receipt, "$.queryCode");
		mvc.perform(get("/api/v1/public/complaints/" + number).param("queryCode", code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("待受理"))
			.andExpect(jsonPath("$.statusKind").doesNotExist())
			.andExpect(content().string(not(containsString("13912345678"))));
		mvc.perform(get("/api/v1/public/complaints/" + number).param("queryCode", "WRONG123")).andExpect(status().isNotFound());
		// no query code at all is a form error, told as one (400 naming the field), never the status without it
		mvc.perform(get("/api/v1/public/complaints/" + number))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("queryCode"))
			.andExpect(content().string(not(containsString("待受理"))))
			.andExpect(content().string(containsString("查询码不能为空")));
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-xc-staff-token").param("q", number))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token").param("q", number))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-sf-wz-token").param("q", number))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void anOverdueReplyMarksTheEnterpriseAndAClosedComplaintIsReferredOnce() {
		clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
		var filed = intake.file(form(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10), null, waybill()), Channel.WEB, null, false);
		procedure.acceptAndTransfer(WUZHONG, filed.id(), null, null);
		LocalDate due = queries.get(WUZHONG, filed.id()).stepDue();
		clock.set(due.atTime(18, 0));
		reminders.markOverdueReplies();
		assertThat(queries.get(WUZHONG, filed.id()).replyLate()).isFalse();
		clock.set(due.plusDays(1).atTime(7, 30));
		assertThat(reminders.markOverdueReplies()).isPositive();
		assertThat(queries.get(WUZHONG, filed.id()).replyLate()).isTrue();

		var reply = new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE, true, true, "客服", "13800000000");
		procedure.reply(DataScope.enterprise(SF_WUZHONG), filed.id(), reply);
		assertThatThrownBy(() -> procedure.refer(WUZHONG, filed.id(), "多次延误")).hasMessageContaining("不能移送线索");
		procedure.callBack(WUZHONG, filed.id(), true, Satisfaction.DISSATISFIED, Satisfaction.SATISFIED, false);
		procedure.close(WUZHONG, filed.id(), true, BigDecimal.ONE, null);
		procedure.refer(WUZHONG, filed.id(), "同一网点多次虚假签收");
		assertThat(queries.get(WUZHONG, filed.id()).referredOn()).isEqualTo(LocalDate.now(clock));
		assertThatThrownBy(() -> procedure.refer(WUZHONG, filed.id(), "再次")).hasMessageContaining("已于");
	}

	@Autowired
	Notifications notifications;

	@Test
	void stepsDueWithinAWorkingDayAreRemindedOnceADayInTheAppThroughAnEvent() {
		clock.set(LocalDateTime.of(2026, 6, 1, 9, 0));
		var filed = intake.file(form(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10), null, waybill()), Channel.WEB, null, false);
		procedure.acceptAndTransfer(WUZHONG, filed.id(), null, null);
		LocalDate due = queries.get(WUZHONG, filed.id()).stepDue();
		clock.set(due.minusDays(5).atTime(7, 30));
		assertThat(remindersAbout(WUZHONG, filed.number())).isEmpty();
		clock.set(due.atTime(7, 30));
		assertThat(reminders.remind()).isPositive();
		assertThat(reminders.remind()).as("once a day").isZero();
		// delivered by the notifications module's listener after the reminders' transaction commits
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				remindersAbout(DataScope.enterprise(SF_WUZHONG), filed.number())).isNotEmpty());
		assertThat(remindersAbout(WUZHONG, filed.number())).singleElement()
			.satisfies(n -> assertThat(n.link()).isEqualTo("/complaints/" + filed.id()));
		assertThat(remindersAbout(DataScope.enterprise(SF_WUZHONG), filed.number())).singleElement()
			.satisfies(n -> assertThat(n.title()).contains("请及时答复"));
		assertThat(remindersAbout(DataScope.region("320507"), filed.number())).isEmpty();
		assertThat(remindersAbout(DataScope.region("3205"), filed.number())).as("the city bureau sees its counties").hasSize(1);
	}

	/** The step-due reminders about a complaint (not the notices of its hand-overs: received, transferred). */
	private List<Notification> remindersAbout(DataScope scope, String number) {
		return notifications.recent(scope, null, 500).stream()
			.filter(n -> n.title().contains(number) && (n.title().contains("即将到期") || n.title().contains("已超期")))
			.toList();
	}

	@Test
	void theClockCountsTheSpringFestivalAndItsMakeUpSaturday() {
		// 2026: 2-15 … 2-23 off, Saturday 2-14 a working day
		clock.set(LocalDateTime.of(2026, 2, 13, 10, 0));
		var filed = intake.file(form(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 1), null, waybill()), Channel.WEB, null, false);
		assertThat(queries.get(WUZHONG, filed.id()).transferDue()).isEqualTo(LocalDate.of(2026, 2, 24));
		procedure.acceptAndTransfer(WUZHONG, filed.id(), null, null);
		// 7 calendar days end on 2-20, inside the holiday: the next working day
		assertThat(queries.get(WUZHONG, filed.id()).stepDue()).isEqualTo(LocalDate.of(2026, 2, 24));
		procedure.reply(DataScope.enterprise(SF_WUZHONG), filed.id(), new ComplaintReply("经查属实", Responsibility.PARTIAL,
				"致歉", null, true, true, "客服", "13800000000"));
		// 3 working days after 2-13: 2-14 (the make-up Saturday), 2-24, 2-25
		assertThat(queries.get(WUZHONG, filed.id()).stepDue()).isEqualTo(LocalDate.of(2026, 2, 25));
		assertThat(queries.get(WUZHONG, filed.id()).answerDue()).isEqualTo(LocalDate.of(2026, 3, 16));
	}

	@Test
	void everyAcceptanceConditionCanBeNamedAndTheFilerIsToldWhich() {
		for (AcceptanceCondition condition : AcceptanceCondition.values()) {
			var filed = intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill()), Channel.WEB, null, false);
			procedure.reject(WUZHONG, filed.id(), condition, "经审查");
			assertThat(queries.get(WUZHONG, filed.id()).rejectionCondition()).isEqualTo(condition);
			assertThat(tracking.publicStatus(filed.number(), filed.queryCode()).history())
				.anySatisfy(e -> assertThat(e.text()).contains(condition.label()));
		}
		var filed = intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill()), Channel.WEB, null, false);
		assertThatThrownBy(() -> procedure.reject(WUZHONG, filed.id(), null, "")).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.contains("condition", "reason"));
	}

	@Test
	void oversizeEvidenceIsRefusedAndNothingIsFiled() {
		byte[] big = new byte[6 * 1024 * 1024];
		big[0] = (byte) 0xFF;
		big[1] = (byte) 0xD8;
		big[2] = (byte) 0xFF;
		String waybill = waybill();
		assertThatThrownBy(() -> intake.file(form(today().minusDays(20), today().minusDays(10), null, waybill),
				List.of(new UploadedFile("大照片.jpg", big)), Channel.WEB, null, false))
			.hasMessageContaining("超过5MB");
		assertThat(queries.list(WUZHONG, ComplaintQueries.Filter.NONE, new PageQuery(waybill, 0, 5, null, false)).total()).isZero();
	}

	@Test
	void theFilersNameAndTheEnterpriseTypedWithWideOrDoubledSpacesAreStoredWithOne() {
		ComplaintForm typed = form(today().minusDays(20), today().minusDays(10), null, waybill());
		ComplaintForm spaced = new ComplaintForm(" 欧阳\u3000\u3000娜娜 ", typed.phone(), typed.filerRole(), typed.region(),
				typed.brand(), "顺丰速运  吴中\u3000网点", typed.waybillNumber(), typed.postedOn(), typed.priorComplaintDate(),
				typed.priorChannel(), typed.companyAnswer(), typed.category(), typed.reason(), typed.amountClaimed(),
				typed.description());
		var filed = intake.file(spaced, Channel.WEB, null, false);
		assertThat(jdbc.sql("SELECT filer_name || '|' || named_enterprise FROM complaint WHERE id = :id")
			.param("id", filed.id())
			.query(String.class)
			.single()).isEqualTo("欧阳 娜娜|顺丰速运 吴中 网点");
	}
}
