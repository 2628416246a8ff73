package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.EnterpriseTokens;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.UserDirectory;
import org.youguan.org.Users;
import org.youguan.registry.Enterprises;
import org.youguan.security.ApiTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise's complaint API on its token: the feed of complaints handed to it since a stable cursor (settled
 * hand-overs only, personal data masked), and the reply with the portal's fields and rules. Staff tokens are refused
 * (403); another enterprise's token neither sees nor replies to them (404).
 */
@IntegrationTest
class EnterpriseComplaintApiIntegrationTest {

	static final String SF_TOKEN = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Enterprises enterprises;

	@Autowired
	TransactionTemplate tx;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	long transferredToShunfeng() {
		LocalDate today = LocalDate.now(clock);
		long id = intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false).id();
		procedure.acceptAndTransfer(ComplaintIntegrationTest.WUZHONG, id, null, null);
		return id;
	}

	String feed(String token, String since) throws Exception {
		var request = get("/api/v1/enterprise/complaints").header("Authorization", token).param("size", "100");
		if (since != null) {
			request.param("since", since);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** Follows the feed to its end from a cursor; returns the last page's body (its next is the cursor to keep). */
	String feedToEnd(String token, String since) throws Exception {
		String body = feed(token, since);
		while (JsonPath.<List<?>>read(body, "$.items").size() == 100) {
			body = feed(token, JsonPath.read(body, "$.next"));
		}
		return body;
	}

	String otherEnterpriseToken() {
		String other = enterprises.list(DataScope.region("320506"), new Enterprises.Filter(null, null, null),
				new PageQuery("", 0, 50, null, false)).items().stream()
			.map(e -> e.creditCode())
			.filter(code -> !code.equals(ComplaintIntegrationTest.SF_WUZHONG))
			.findFirst()
			.orElseThrow();
		return EnterpriseTokens.bearer(other, users, directory, tokens, tx);
	}

	@Test
	void theFeedListsEachHandOverOnceAfterItSettlesWithPersonalDataMasked() throws Exception {
		clock.advance(Duration.ofMinutes(1));
		String start = JsonPath.read(feedToEnd(SF_TOKEN, null), "$.next");
		long first = transferredToShunfeng();
		String number = queries.get(DataScope.all(), first).number();

		assertThat(feedToEnd(SF_TOKEN, start)).as("not yet settled").doesNotContain(number);
		clock.advance(Duration.ofSeconds(6));
		String body = feedToEnd(SF_TOKEN, start);
		assertThat(body).contains(number).contains("张*").doesNotContain("13912345678");
		assertThat(JsonPath.<String>read(body, "$.items[-1].number")).isEqualTo(number);
		assertThat(JsonPath.<String>read(body, "$.items[-1].status")).isEqualTo("TRANSFERRED");
		String next = JsonPath.read(body, "$.next");

		long second = transferredToShunfeng();
		clock.advance(Duration.ofSeconds(6));
		String after = feedToEnd(SF_TOKEN, next);
		assertThat(JsonPath.<List<Integer>>read(after, "$.items[*].id")).as("only what came after the cursor")
			.containsExactly((int) second);

		mvc.perform(get("/api/v1/enterprise/complaints").header("Authorization", SF_TOKEN).param("since", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("since"));
		mvc.perform(get("/api/v1/enterprise/complaints").header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isForbidden());
		assertThat(feedToEnd(otherEnterpriseToken(), null)).doesNotContain(number);
	}

	@Test
	void theReplyFollowsThePortalsRulesAndOnlyTheOwnEnterpriseMayReply() throws Exception {
		long id = transferredToShunfeng();
		String number = queries.get(DataScope.all(), id).number();
		mvc.perform(post("/api/v1/enterprise/complaints/{id}/reply", id).header("Authorization", SF_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"responsibility": "RESPONSIBLE", "solution": "赔偿", "compensation": -1, "handler": "李经理",
					 "handlerPhone": "12"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("findings")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("compensation")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("handlerPhone")));
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.TRANSFERRED);

		String reply = """
				{"findings": "经核实，快件在转运中心滞留", "responsibility": "RESPONSIBLE", "solution": "致歉并赔偿",
				 "compensation": 20, "apology": true, "userAgrees": true, "handler": "李经理", "handlerPhone": "0512-65551234"}""";
		mvc.perform(post("/api/v1/enterprise/complaints/{id}/reply", id).header("Authorization", otherEnterpriseToken())
			.contentType(MediaType.APPLICATION_JSON).content(reply)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/enterprise/complaints/{id}/reply", id).header("Authorization", "Bearer demo-wz-staff-token")
			.contentType(MediaType.APPLICATION_JSON).content(reply)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/enterprise/complaints/{id}/reply", id).header("Authorization", SF_TOKEN)
			.contentType(MediaType.APPLICATION_JSON).content(reply))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(number))
			.andExpect(jsonPath("$.message", not(Matchers.emptyString())));
		assertThat(queries.get(DataScope.all(), id).status()).isEqualTo(ComplaintStatus.REPLIED);
		assertThat(queries.get(DataScope.all(), id).replyHandlerPhone()).isEqualTo("0512-65551234");
	}

	/**
	 * Attack (portal-text F5): {"compensation":"abc","apology":"maybe","findings":""} answered compensation alone; every
	 * field that cannot be read is told with every other field's rule, and nothing is saved.
	 */
	@Test
	void aReplyWithUnreadableValuesNamesEveryBadFieldAtOnce() throws Exception {
		long id = transferredToShunfeng();
		mvc.perform(post("/api/v1/enterprise/complaints/{id}/reply", id).header("Authorization", SF_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"compensation": "abc", "apology": "maybe", "userAgrees": 3, "responsibility": "SOMEWHAT", "findings": ""}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("compensation")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("apology")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("userAgrees")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("responsibility")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("findings")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("handler")));
		mvc.perform(post("/enterprise/complaints/{id}/reply", id).header("Authorization", SF_TOKEN)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("compensation", "abc").param("apology", "maybe").param("responsibility", "SOMEWHAT"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(containsString("赔偿金额"), containsString("是否道歉"),
					containsString("责任认定"), containsString("调查核实情况不能为空"))));
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.TRANSFERRED);
	}

	/** Posts a complete reply (致歉并赔偿) on the enterprise's token with this compensation and 经办人. */
	ResultActions replyOnToken(long id, String compensation, String handler) throws Exception {
		return mvc.perform(post("/api/v1/enterprise/complaints/{id}/reply", id).header("Authorization", SF_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"findings": "经核实，快件在转运中心滞留", "responsibility": "RESPONSIBLE", "solution": "致歉并赔偿",
					 "compensation": %s, "apology": true, "userAgrees": true, "handler": "%s",
					 "handlerPhone": "0512-65551234"}""".formatted(compensation, handler)));
	}

	/**
	 * The enterprise portal's 经办人 is under the one rule of a person's name too: emoji only is refused on
	 * {@code handler}, rule {@code characters}, and nothing is saved.
	 */
	@Test
	void aHandlerOfEmojiOnlyIsRefused() throws Exception {
		long id = transferredToShunfeng();
		replyOnToken(id, "20", "😀")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'handler')].rule", hasItem("characters")));
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.TRANSFERRED);
	}

	/**
	 * The reply's 经办人 is a person's name: one with a zero-width space inside ("李\u200B经理" looks like 李经理) is
	 * refused on {@code handler} (rule {@code invisible-character}) through the API and the portal's form alike, and
	 * nothing is saved.
	 */
	@Test
	void aHandlerWithAnInvisibleCharacterInsideIsRefusedInTheApiAndThePortal() throws Exception {
		long id = transferredToShunfeng();
		replyOnToken(id, "20", "李\u200B经理")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'handler')].rule", hasItem("invisible-character")))
			.andExpect(jsonPath("$.errors[?(@.field == 'handler')].message", hasItem(Matchers.containsString("U+200B"))));
		mvc.perform(post("/enterprise/complaints/{id}/reply", id).session(SignIn.session(mvc, "sf.wz")).with(csrf())
			.param("findings", "经核实，快件在转运中心滞留").param("responsibility", "RESPONSIBLE").param("solution", "致歉并赔偿")
			.param("compensation", "20").param("apology", "true").param("userAgrees", "true")
			.param("handler", "李\u200B经理").param("handlerPhone", "0512-65551234"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("经办人含有看不见的字符（U+200B")));
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.TRANSFERRED);
	}

	/** A compensation that is no number, or beyond the bound, is told in the field's own words and digits. */
	@Test
	void aCompensationThatIsNoNumberStatesItsOwnLimit() throws Exception {
		long id = transferredToShunfeng();
		for (String amount : new String[] { "\"\\u0663\\u0660\\u0660\"", "1e40" }) {
			replyOnToken(id, amount, "李经理")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'compensation')].message",
						hasItem(Matchers.allOf(containsString("赔偿金额"), containsString("8位整数、2位小数")))));
		}
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.TRANSFERRED);
	}

	@Test
	void aCompensationWithMoreThanTwoDecimalsIsRefusedNotRoundedToZero() throws Exception {
		long id = transferredToShunfeng();
		replyOnToken(id, "0.001", "李经理")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("compensation")))
			.andExpect(jsonPath("$.errors[*].rule", hasItem("money")));
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.TRANSFERRED);
	}

	/**
	 * A compensation is at most what the filer claimed: 99999999.99 against a claim of 0.00 is refused on
	 * {@code compensation} (rule {@code over-claim}) naming the claim, and at 办结 the loss recovered
	 * ({@code compensationPaid}) likewise; nothing is saved. Up to the claim is accepted.
	 */
	@Test
	void aCompensationOverTheAmountClaimedIsRefusedInTheReplyAndAtClosing() throws Exception {
		LocalDate today = LocalDate.now(clock);
		var typed = new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", "顺丰", null,
				ComplaintIntegrationTest.waybill(), today.minusDays(20), today.minusDays(10), "电话", null, "延误",
				"中转或运输延误", new BigDecimal("0.00"), "快件延误三天");
		long id = intake.file(typed, Channel.WEB, null, false).id();
		procedure.acceptAndTransfer(ComplaintIntegrationTest.WUZHONG, id, null, null);
		replyOnToken(id, "99999999.99", "李经理")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'compensation')].rule", hasItem("over-claim")))
			.andExpect(jsonPath("$.errors[?(@.field == 'compensation')].message",
					hasItem(Matchers.containsString("赔偿金额（99999999.99元）不能超过申诉人的索赔金额（0元）"))));
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.TRANSFERRED);
		replyOnToken(id, "0", "李经理").andExpect(status().isOk());
		procedure.callBack(ComplaintIntegrationTest.WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		assertThatThrownBy(() -> procedure.close(ComplaintIntegrationTest.WUZHONG, id, true, new BigDecimal("0.01"), null))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.anySatisfy(f -> assertThat(f.field() + "/" + f.rule()).isEqualTo("compensationPaid/over-claim")));
		assertThat(queries.get(DataScope.all(), id).status()).as("nothing saved").isEqualTo(ComplaintStatus.CALLBACK);
		procedure.close(ComplaintIntegrationTest.WUZHONG, id, true, new BigDecimal("0.00"), null);
	}

	@Test
	void anIdNumberTypedIntoTheDescriptionIsMaskedForTheEnterpriseAndLeadersButNotForTheHandler() throws Exception {
		LocalDate today = LocalDate.now(clock);
		var typed = new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", "顺丰", null,
				ComplaintIntegrationTest.waybill(), today.minusDays(20), today.minusDays(10), "电话", null, "延误",
				"中转或运输延误", new BigDecimal("100"), "快件未送达，身份证320506199001011230，请联系");
		long id = intake.file(typed, Channel.WEB, null, false).id();
		procedure.acceptAndTransfer(ComplaintIntegrationTest.WUZHONG, id, null, null);
		clock.advance(Duration.ofSeconds(6));

		assertThat(feedToEnd(SF_TOKEN, null)).contains("身份证320506********1230").doesNotContain("320506199001011230");
		for (String token : List.of(SF_TOKEN, "Bearer demo-sz-leader-token")) {
			mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.description").value("快件未送达，身份证320506********1230，请联系"));
		}
		mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.description").value("快件未送达，身份证320506199001011230，请联系"));
	}

	/**
	 * 向企业投诉的渠道 and the named outlet are masked like every other typed text for the enterprise (its detail and the
	 * feed) and for leaders: a row stored before the intake refused a personal number there showed it in full.
	 */
	@Test
	void aMobileStoredInTheChannelOrNamedOutletIsMaskedForTheEnterpriseAndLeadersButNotForTheHandler() throws Exception {
		clock.advance(Duration.ofMinutes(1));
		String start = JsonPath.read(feedToEnd(SF_TOKEN, null), "$.next");
		long id = transferredToShunfeng();
		String mobile = "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		jdbc.sql("UPDATE complaint SET prior_channel = :c, named_enterprise = :e WHERE id = :id")
			.param("c", "电话" + mobile).param("e", "吴中网点" + mobile).param("id", id).update();
		clock.advance(Duration.ofSeconds(6));

		assertThat(feedToEnd(SF_TOKEN, start)).contains("电话" + masked).doesNotContain(mobile);
		for (String token : List.of(SF_TOKEN, "Bearer demo-sz-leader-token")) {
			mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.priorChannel").value("电话" + masked))
				.andExpect(jsonPath("$.namedEnterprise").value("吴中网点" + masked))
				.andExpect(content().string(not(Matchers.containsString(mobile))));
		}
		mvc.perform(get("/api/v1/complaints/{id}", id).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.priorChannel").value("电话" + mobile));
	}

	/** The feed's replyDue is the enterprise's own: after its reply the step due is the bureau's call-back, not shown. */
	@Test
	void theFeedsReplyDueIsTheEnterprisesOwnAndEmptyOnceItReplied() throws Exception {
		clock.advance(Duration.ofMinutes(1));
		String start = JsonPath.read(feedToEnd(SF_TOKEN, null), "$.next");
		long id = transferredToShunfeng();
		String number = queries.get(DataScope.all(), id).number();
		clock.advance(Duration.ofSeconds(6));
		String before = feedToEnd(SF_TOKEN, start);
		assertThat(JsonPath.<List<String>>read(before, "$.items[?(@.number == '" + number + "')].replyDue"))
			.containsExactly(queries.get(DataScope.all(), id).stepDue().toString());
		procedure.reply(DataScope.enterprise(ComplaintIntegrationTest.SF_WUZHONG), id, new ComplaintReply("经查属实",
				Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE, true, true, "客服", "13800000000"));
		String after = feedToEnd(SF_TOKEN, start);
		assertThat(JsonPath.<List<Object>>read(after, "$.items[?(@.number == '" + number + "')].replyDue"))
			.containsExactly((Object) null);
	}
}
