package org.youguan.complaints;

import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.youguan.CreditCodes;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditQuery;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may do what with a complaint (issue 11, access items 4, 6, 7): only the query code withdraws, public filers are
 * recorded masked, API lists mask personal data, a single read of full data is audited, and a transfer across brands or
 * out of the bureau's region needs a reason and is flagged.
 */
@IntegrationTest
class ComplaintAccessIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintTracking tracking;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory directory;

	ComplaintIntake.Filed file() {
		LocalDate today = LocalDate.now(clock);
		return intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false);
	}

	/**
	 * Withdrawing a complaint already finished is refused for what it is (409, "不能撤回") on the status page, not
	 * reported as a wrong query code; the right code typed is not blamed.
	 */
	@Test
	void withdrawingAFinishedComplaintAnswersItsOwnRefusalNotAWrongCode() throws Exception {
		var filed = file();
		tracking.withdraw(filed.number(), filed.queryCode());
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).param("number", filed.number())
			.param("queryCode", filed.queryCode()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("申诉状态为“已撤回”，不能撤回")))
			.andExpect(content().string(not(containsString("查询码不正确"))))
			.andExpect(content().string(containsString(filed.number())));
	}

	@Test
	void thePhoneAloneShowsTheStatusButCannotWithdraw() throws Exception {
		var filed = file();
		assertThat(tracking.publicStatus(filed.number(), "13912345678").status()).isNotEmpty();
		assertThatThrownBy(() -> tracking.withdraw(filed.number(), "13912345678")).hasMessageContaining("查询码");
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).param("number", filed.number())
			.param("queryCode", "13912345678")).andExpect(status().isNotFound());
		assertThat(queries.get(WUZHONG, filed.id()).status()).isEqualTo(ComplaintStatus.RECEIVED);

		mvc.perform(post("/public/complaints/withdraw").with(csrf()).param("number", filed.number())
			.param("queryCode", filed.queryCode())).andExpect(status().is3xxRedirection());
		assertThat(queries.get(WUZHONG, filed.id()).status()).isEqualTo(ComplaintStatus.WITHDRAWN);
		for (String lang : new String[] { "zh_CN", "en" }) {
			assertThat(mvc.perform(get("/public/complaints/status").param("number", filed.number())
					.param("queryCode", filed.queryCode()).param("lang", lang))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString())
				.as("a withdrawn complaint offers no withdrawal, in %s too", lang)
				.contains(filed.number())
				.doesNotContain("id=\"withdraw-form\"");
		}
	}

	@Test
	void aPublicFilerIsRecordedMaskedNeverAsAnonymousUser() throws Exception {
		String body = """
				{"filerName":"李四","phone":"13812345678","filerRole":"SENDER","region":"320506","brand":"顺丰",
				 "waybillNumber":"SF%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"电话"},
				 "category":"延误","reason":"中转或运输延误","description":"快件延误"}"""
			.formatted(System.nanoTime(), LocalDate.now(clock).minusDays(20), LocalDate.now(clock).minusDays(10));
		String receipt = mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String number = tools.jackson.databind.json.JsonMapper.shared().readTree(receipt).get("number").asString();
		String code = tools.jackson.databind.json.JsonMapper.shared().readTree(receipt).get("queryCode").asString();
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).param("number", number).param("queryCode", code));
		var trail = audit.search(WUZHONG, new AuditQuery(number, null, null, null, null),
				new PageQuery("", 0, 20, null, false)).items();
		assertThat(trail).extracting(AuditEvent::action).contains("complaint.receive", "complaint.withdraw");
		assertThat(trail).extracting(AuditEvent::actor)
			.allSatisfy(a -> assertThat(a).doesNotContain("anonymousUser").doesNotContain("13812345678")
				.contains("李*").contains("138****5678"));
	}

	@Test
	void apiListsMaskPersonalDataAndASingleFullReadIsAudited() throws Exception {
		var filed = file();
		String list = mvc.perform(get("/api/v1/complaints").param("q", filed.number())
			.header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].filerPhoneMasked").value("139****5678"))
			.andExpect(jsonPath("$.items[0].filerNameMasked").value("张*"))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain("13912345678").doesNotContain("张三");

		mvc.perform(get("/api/v1/complaints/" + filed.id()).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.filerPhone").value("13912345678"));
		assertThat(audit.history(WUZHONG, "Complaint", filed.id())).extracting(AuditEvent::action)
			.contains("complaint.read-personal");
		// a leader reads, but masked
		mvc.perform(get("/api/v1/complaints/" + filed.id()).header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(jsonPath("$.filerPhone").value("139****5678"));
		mvc.perform(get("/complaints/" + filed.id()).session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.not(Matchers.containsString("13912345678"))));
	}

	@Test
	void aTransferToAnotherBrandOrOutsideTheCountyNeedsAReasonAndIsFlagged() throws Exception {
		var filed = file();
		String otherBrandInCounty = enterprises.list(WUZHONG, new Enterprises.Filter(null, null, null),
				new PageQuery("中通", 0, 1, null, false)).items().get(0).creditCode();
		assertThatThrownBy(() -> procedure.acceptAndTransfer(WUZHONG, filed.id(), otherBrandInCounty, null))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.containsExactly("reason"));
		// the page route answers 4xx with the field, nothing changes
		mvc.perform(post("/complaints/" + filed.id() + "/transfer").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("creditCode", otherBrandInCounty));
		assertThat(queries.get(WUZHONG, filed.id()).status()).isEqualTo(ComplaintStatus.RECEIVED);

		String shunfengElsewhere = enterprises.list(DataScope.region("320507"), new Enterprises.Filter(null, null, null),
				new PageQuery("顺丰", 0, 1, null, false)).items().get(0).creditCode();
		assertThatThrownBy(() -> procedure.acceptAndTransfer(WUZHONG, filed.id(), shunfengElsewhere, " "))
			.hasMessageContaining("辖区以外");
		procedure.acceptAndTransfer(WUZHONG, filed.id(), shunfengElsewhere, "用户在相城区网点交寄，由相城顺丰处理");
		ComplaintView c = queries.get(DataScope.region("3205"), filed.id());
		assertThat(c.transferFlagged()).isTrue();
		assertThat(c.transferReason()).contains("相城");
		assertThat(audit.history(WUZHONG, "Complaint", filed.id())).extracting(AuditEvent::summary)
			.anySatisfy(s -> assertThat(s).contains("辖区以外").contains("理由"));
	}

	/** Attack round 11: a complaint transferred to a cancelled enterprise, whose accounts are stopped, went unanswered. */
	@Test
	void aComplaintIsNotTransferredToACancelledEnterprise() {
		var filed = file();
		String code = CreditCodes.unique();
		long id = enterprises.register(DataScope.all(), new EnterpriseData("注销转办测试快递有限公司" + code.substring(10), code,
				EnterpriseType.EXPRESS, null, "张三", "吴中区测试路1号", "320506", "李四", null), false);
		enterprises.cancel(DataScope.all(), id, "企业已办理市场主体注销登记");
		assertThatThrownBy(() -> procedure.acceptAndTransfer(WUZHONG, filed.id(), code, "由该企业处理"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("creditCode/cancelled")));
		assertThat(queries.get(WUZHONG, filed.id()).status()).isEqualTo(ComplaintStatus.RECEIVED);
	}

	@Test
	void theRoutedRespondentInTheCountyNeedsNoReason() {
		var filed = file();
		procedure.acceptAndTransfer(WUZHONG, filed.id(), null, null);
		assertThat(queries.get(WUZHONG, filed.id()).transferFlagged()).isFalse();
	}

	/**
	 * Attack round (M1): a leader, who reads the filer's phone as 139****5678, found the full number by searching the
	 * queue with it. Only a reader who sees the phone in full (the handling staff) searches it — and digits typed into
	 * the description, which a leader reads masked; a leader's search ignores them (the rest of the search still works).
	 */
	@Test
	void aLeaderCannotRecoverAMaskedPhoneBySearchingTheQueueWithIt() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String phone = "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		String typed = "137" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		var filed = intake.file(new ComplaintForm("张三", phone, FilerRole.RECIPIENT, "320506", "顺丰", null,
				ComplaintIntegrationTest.waybill(), today.minusDays(20), today.minusDays(10), "电话", null, "延误",
				"中转或运输延误", null, "快件延误，另一联系电话" + typed + "，收件人电话" + chinese(typed) + "，备用"
						+ mathematical(typed)), Channel.WEB, null,
				false);
		// attack 26: the number written in Chinese numerals, searched so, told the masked digits one by one; attack 27:
		// so did one in the mathematical digits beyond the BMP (𝟏𝟑𝟕…), whose two-unit characters were no digit
		for (String q : new String[] { phone, typed, chinese(typed), mathematical(typed) }) {
			mvc.perform(get("/api/v1/complaints").param("q", q).header("Authorization", "Bearer demo-wz-staff-token"))
				.andExpect(jsonPath("$.items[*].number", Matchers.hasItem(filed.number())));
			mvc.perform(get("/complaints").param("q", q).param("state", "ALL").session(SignIn.session(mvc, "wz.staff")))
				.andExpect(content().string(containsString(filed.number())));
			mvc.perform(get("/api/v1/complaints").param("q", q).header("Authorization", "Bearer demo-sz-leader-token"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].number", not(Matchers.hasItem(filed.number()))));
			mvc.perform(get("/complaints").param("q", q).param("state", "ALL").session(SignIn.session(mvc, "sz.leader")))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(filed.number()))));
		}
		// the leader's search by number still finds it
		mvc.perform(get("/api/v1/complaints").param("q", filed.number()).header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(jsonPath("$.items[*].number", Matchers.hasItem(filed.number())));
		// and the digits a leader is shown find it: the phone as the list shows it, a number in the description by the
		// digits its mask leaves — the hidden ones never (typed whole above, or in part)
		String shownPhone = phone.substring(0, 3) + "****" + phone.substring(7);
		String shownTyped = typed.substring(0, 3) + "****" + typed.substring(7);
		// the phone's mask typed with dashes or in blocks with spaces is the same mask
		String dashedPhone = phone.substring(0, 3) + "-****-" + phone.substring(7);
		String spacedPhone = phone.substring(0, 3) + " **** " + phone.substring(7);
		for (String q : new String[] { shownPhone, "延误 " + shownTyped, "延误 " + typed.substring(7), dashedPhone,
				spacedPhone }) {
			mvc.perform(get("/api/v1/complaints").param("q", q).param("size", "100")
				.header("Authorization", "Bearer demo-sz-leader-token"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].number", Matchers.hasItem(filed.number())));
		}
		mvc.perform(get("/api/v1/complaints").param("q", "延误 " + typed.substring(3, 7))
			.param("size", "100").header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].number", not(Matchers.hasItem(filed.number()))));
	}

	/** The digits written as Chinese numerals (〇一二…九). */
	private static String chinese(String digits) {
		StringBuilder out = new StringBuilder();
		digits.chars().forEach(c -> out.append("〇一二三四五六七八九".charAt(c - '0')));
		return out.toString();
	}

	/** The digits written as mathematical bold digits (U+1D7CE–U+1D7D7), beyond the BMP. */
	private static String mathematical(String digits) {
		StringBuilder out = new StringBuilder();
		digits.chars().forEach(c -> out.appendCodePoint(0x1D7CE + c - '0'));
		return out.toString();
	}
}
