package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.kernel.LimitReachedException;
import org.youguan.kernel.PublicTally;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public side of complaints under the rule catalogue's limits (attack: the status look-up by number and phone or
 * code could be walked without end — the numbers have no gaps — and anonymous filing had no limit at all): failed
 * look-ups per complaint and per client address an hour ({@code complaint.lookup-failures},
 * {@code complaint.lookup-failures-per-address}), filings per filer phone and per address a
 * day ({@code complaint.filings-per-phone}, {@code complaint.filings-per-address}), each refused with 429 and a Chinese
 * message; and no personal number in the fields that have no business holding one (向企业投诉的渠道, the named outlet).
 */
@IntegrationTest
class ComplaintPublicLimitsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	PublicTally tally;

	static String randomMobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	static String body(String phone, String channel, String enterprise) {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		String waybill = "SF" + org.youguan.RandomDigits.of(10);
		return """
				{"filerName":"张三","phone":"%s","filerRole":"SENDER","region":"320506","brand":"顺丰",%s
				 "waybillNumber":"%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"%s"},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"快件延误"}"""
			.formatted(phone, enterprise == null ? "" : "\"enterprise\":\"" + enterprise + "\",", waybill,
					today.minusDays(20), today.minusDays(10), channel);
	}

	ResultActions filePublicly(String phone, String address) throws Exception {
		return mvc.perform(post("/api/v1/public/complaints").with(ClientAddress.from(address))
			.contentType("application/json").content(body(phone, "电话", null)));
	}

	@Test
	void wrongLookUpsOfOneComplaintAreRefusedWith429PastTheHourlyLimitButNeverTheRightCode() throws Exception {
		String receipt = filePublicly(randomMobile(), ClientAddress.newAddress()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String number = JsonPath.read(receipt, "$.number");
		String code = JsonPath.read(receipt, "$.queryCode");
		String prober = ClientAddress.newAddress();
		for (int i = 0; i < 10; i++) {
			mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG" + i)
				.with(ClientAddress.from(prober))).andExpect(status().isNotFound());
		}
		// the eleventh wrong try is refused (429), from any address
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG10").with(ClientAddress.from(prober)))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.errors[0].rule").value("lookup-limit"))
			.andExpect(content().string(containsString("查询失败次数过多")));
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG11")
			.with(ClientAddress.from(ClientAddress.newAddress())))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("该申诉编号的查询失败次数过多")));
		// the page's form with a wrong phone likewise, answering the page in 429
		mvc.perform(post("/public/complaints/status").with(csrf()).with(ClientAddress.from(prober))
			.param("number", number).param("queryCode", "13900000000"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("查询失败次数过多")));
		// a withdrawal cannot be used to try codes either
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).with(ClientAddress.from(prober))
			.param("number", number).param("queryCode", "WRONG"))
			.andExpect(status().isTooManyRequests());
		// attack 3 (party): the lock-out does not block the owner — the right code is answered, from the prober's address
		// and from the filer's own, and withdraws
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", code).with(ClientAddress.from(prober)))
			.andExpect(status().isOk());
		String filer = ClientAddress.newAddress();
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", code).with(ClientAddress.from(filer)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.withdrawable").value(true));
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).with(ClientAddress.from(filer))
			.param("number", number).param("queryCode", code))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", code).with(ClientAddress.from(filer)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.withdrawable").value(false));
		// another complaint is not affected, from the prober's address either; successful look-ups do not count
		String other = fileAndKeepCode();
		String otherCode = lastCode;
		for (int i = 0; i < 12; i++) {
			mvc.perform(get("/api/v1/public/complaints/{n}", other).param("queryCode", otherCode)
				.with(ClientAddress.from(prober))).andExpect(status().isOk());
		}
	}

	/**
	 * Attack: past the limit a wrong code on an existing number was told 429 while a number naming no complaint kept
	 * being told 404, so 429 confirmed that the number exists. Wrong guesses are counted per number whether or not it
	 * names a complaint (national limit): an unknown number is answered exactly as an existing one.
	 */
	/**
	 * Attack 5 A: the status and withdrawal pages looked an empty query code up as a wrong one (404/403, counted) where
	 * the API refused it (400, uncounted). One check in the tracking serves page and API: the empty field is told
	 * beside the form, and nothing is counted against the address or the complaint.
	 */
	@Test
	void anEmptyFieldOnTheStatusAndWithdrawalPagesIsRefusedBesideTheFormAndNeverCounted() throws Exception {
		String number = JsonPath.read(filePublicly(randomMobile(), ClientAddress.newAddress()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.number");
		String prober = ClientAddress.newAddress();
		mvc.perform(post("/public/complaints/status").with(csrf()).with(ClientAddress.from(prober))
			.param("number", number).param("queryCode", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("查询码或电话号码不能为空")))
			.andExpect(content().string(containsString("id=\"status-code\"")));
		mvc.perform(get("/public/complaints/status").with(ClientAddress.from(prober))
			.param("number", number).param("queryCode", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("查询码不能为空")));
		mvc.perform(post("/public/complaints/status").with(csrf()).with(ClientAddress.from(prober))
			.param("number", "").param("queryCode", "ABCD1234"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("申诉编号不能为空")));
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).with(ClientAddress.from(prober))
			.param("number", number).param("queryCode", "").param("lookup", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("查询码不能为空")));
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "").with(ClientAddress.from(prober)))
			.andExpect(status().isBadRequest());
		assertThat(tally.recent(ComplaintTracking.LOOKUP_FAILED, prober)).isZero();
		assertThat(tally.recent(ComplaintTracking.LOOKUP_FAILED_NUMBER, number)).isZero();
		// a number alone (a link) fills the form in, refusing nothing
		mvc.perform(get("/public/complaints/status").with(ClientAddress.from(prober)).param("number", number))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("不能为空"))));
	}

	/**
	 * Attack 5 B: a wrong withdrawal code was counted, and the page then looked the complaint up again by the
	 * client-sent {@code lookup} — a second guess, counted again. One attempt is one count now.
	 */
	@Test
	void aWrongWithdrawalIsCountedOnceWithoutASecondLookUp() throws Exception {
		String number = JsonPath.read(filePublicly(randomMobile(), ClientAddress.newAddress()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.number");
		String prober = ClientAddress.newAddress();
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).with(ClientAddress.from(prober))
			.param("number", number).param("queryCode", "WRONG1").param("lookup", "13900000000"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("查询码不正确，未撤回")))
			.andExpect(content().string(not(containsString("id=\"complaint-status\""))));
		assertThat(tally.recent(ComplaintTracking.LOOKUP_FAILED, prober)).isEqualTo(1);
		assertThat(tally.recent(ComplaintTracking.LOOKUP_FAILED_NUMBER, number)).isEqualTo(1);
	}

	/**
	 * Finding (429 without Retry-After): a look-up past the complaint's hourly limit says when to try again — the
	 * seconds until the oldest failure counted leaves the hour — on the API's problem and on the status and withdrawal
	 * pages alike, and the page words the refusal in the reader's language.
	 */
	@Test
	void aLookUpPastItsLimitSaysWhenToTryAgainOnTheApiAndThePages() throws Exception {
		String number = JsonPath.read(filePublicly(randomMobile(), ClientAddress.newAddress()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.number");
		String prober = ClientAddress.newAddress();
		for (int i = 0; i < 10; i++) {
			mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG" + i)
				.with(ClientAddress.from(prober))).andExpect(status().isNotFound())
				.andExpect(header().doesNotExist(LimitReachedException.HEADER));
		}
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONGX").with(ClientAddress.from(prober)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(LimitReachedException.HEADER, secondsAtMost(3600)));
		mvc.perform(post("/public/complaints/status").with(csrf()).with(ClientAddress.from(prober))
			.param("number", number).param("queryCode", "WRONGY"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(LimitReachedException.HEADER, secondsAtMost(3600)));
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).with(ClientAddress.from(prober)).param("lang", "en")
			.param("number", number).param("queryCode", "WRONGZ"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(LimitReachedException.HEADER, secondsAtMost(3600)))
			.andExpect(content().string(containsString("Too many failed look-ups of this complaint number (at most 10 an hour)")))
			.andExpect(content().string(not(containsString("查询失败次数过多"))));
	}

	/**
	 * Finding (page and API disagree): a withdrawal with a wrong query code answers 404 as the status look-up (page and
	 * API) does for the same pair — never a 403 telling that the number names a complaint — and reads in English on an
	 * English page, Chinese by default.
	 */
	@Test
	void aWrongWithdrawalCodeAnswers404AsTheLookUpDoesInTheReadersLanguage() throws Exception {
		String number = JsonPath.read(filePublicly(randomMobile(), ClientAddress.newAddress()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.number");
		mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG1")
			.with(ClientAddress.from(ClientAddress.newAddress()))).andExpect(status().isNotFound());
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).with(ClientAddress.from(ClientAddress.newAddress()))
			.param("lang", "en").param("number", number).param("queryCode", "WRONG2"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Wrong query code: nothing was withdrawn")))
			.andExpect(content().string(not(containsString("查询码不正确"))));
		mvc.perform(post("/public/complaints/withdraw").with(csrf()).with(ClientAddress.from(ClientAddress.newAddress()))
			.param("number", number).param("queryCode", "WRONG3"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("查询码不正确，未撤回")));
	}

	/** A Retry-After value: whole seconds, at least 1 and at most {@code most}. */
	static org.hamcrest.Matcher<String> secondsAtMost(long most) {
		return new org.hamcrest.TypeSafeMatcher<>() {

			@Override
			protected boolean matchesSafely(String value) {
				return value.matches("[1-9]\\d{0,9}") && Long.parseLong(value) <= most;
			}

			@Override
			public void describeTo(org.hamcrest.Description description) {
				description.appendText("whole seconds from 1 to " + most);
			}
		};
	}

	@Test
	void anUnknownNumberIsRefusedWith429PastTheLimitAsAnExistingOneIs() throws Exception {
		String unknown = "申诉-320506-2099-" + Long.toString(System.nanoTime(), 36);
		for (int i = 0; i < 10; i++) {
			mvc.perform(get("/api/v1/public/complaints/{n}", unknown).param("queryCode", "WRONG" + i)
				.with(ClientAddress.from(ClientAddress.newAddress()))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/public/complaints/{n}", unknown).param("queryCode", "WRONG10")
			.with(ClientAddress.from(ClientAddress.newAddress())))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.errors[0].rule").value("lookup-limit"))
			.andExpect(content().string(containsString("该申诉编号的查询失败次数过多")));
		mvc.perform(post("/public/complaints/status").with(csrf()).with(ClientAddress.from(ClientAddress.newAddress()))
			.param("number", unknown).param("queryCode", "13900000000"))
			.andExpect(status().isTooManyRequests());
	}

	/** The query code of the complaint {@link #fileAndKeepCode} filed last. */
	private String lastCode;

	/**
	 * Others behind one address (a NAT, an office, a 网吧) getting their codes wrong do not lock out a filer with the right
	 * code at that address: the failures were counted per address and ten of them refused every look-up from it.
	 */
	@Test
	void wrongCodesOfOthersBehindOneAddressDoNotLockOutAFilerWithTheRightCode() throws Exception {
		String shared = ClientAddress.newAddress();
		String mine = fileAndKeepCode();
		String code = lastCode;
		for (int k = 0; k < 3; k++) {
			String theirs = fileAndKeepCode();
			for (int i = 0; i < 5; i++) {
				mvc.perform(get("/api/v1/public/complaints/{n}", theirs).param("queryCode", "WRONG" + i)
					.with(ClientAddress.from(shared))).andExpect(status().isNotFound());
			}
		}
		// fifteen failures from the address, none of them on this complaint
		mvc.perform(get("/api/v1/public/complaints/{n}", mine).param("queryCode", code).with(ClientAddress.from(shared)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(mine));
	}

	/** One address trying number after number is still refused, past the address's own (higher) limit. */
	@Test
	void oneAddressTryingManyComplaintsIsRefusedPastTheAddressLimit() throws Exception {
		long wuzhong = bureaus.findByRegion("320506").orElseThrow().id();
		rules.override(StatutoryRule.COMPLAINT_LOOKUP_FAILURES_PER_ADDRESS, wuzhong, "320506", BigDecimal.valueOf(6),
				"测试：本县收紧");
		try {
			String prober = ClientAddress.newAddress();
			for (int k = 0; k < 3; k++) {
				String theirs = fileAndKeepCode();
				for (int i = 0; i < 2; i++) {
					mvc.perform(get("/api/v1/public/complaints/{n}", theirs).param("queryCode", "WRONG" + i)
						.with(ClientAddress.from(prober))).andExpect(status().isNotFound());
				}
			}
			// no complaint failed more than twice, the address six times: refused even with a right code
			String mine = fileAndKeepCode();
			mvc.perform(get("/api/v1/public/complaints/{n}", mine).param("queryCode", lastCode)
				.with(ClientAddress.from(prober)))
				.andExpect(status().isTooManyRequests())
				.andExpect(jsonPath("$.errors[0].rule").value("lookup-limit"))
				.andExpect(content().string(containsString("您所在网络的查询失败次数过多（每小时最多6次）")));
			// the same complaint from another address is answered
			mvc.perform(get("/api/v1/public/complaints/{n}", mine).param("queryCode", lastCode)
				.with(ClientAddress.from(ClientAddress.newAddress()))).andExpect(status().isOk());
		}
		finally {
			rules.clearOverride(StatutoryRule.COMPLAINT_LOOKUP_FAILURES_PER_ADDRESS, "320506");
		}
	}

	/** Files a complaint from an address of its own; keeps its number and query code ({@link #lastCode}). */
	private String fileAndKeepCode() throws Exception {
		String receipt = filePublicly(randomMobile(), ClientAddress.newAddress()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		lastCode = JsonPath.read(receipt, "$.queryCode");
		return JsonPath.read(receipt, "$.number");
	}

	/**
	 * One filer phone files at most the daily limit from one client address; the portal does not verify the phone, so
	 * filings typed with someone's number elsewhere do not use up the allowance of its owner, who files from their own
	 * address (a victim's phone was used up by others' filings).
	 */
	@Test
	void oneFilerPhoneFilesAtMostTheDailyLimitThroughThePublicApi() throws Exception {
		String phone = randomMobile();
		String abuser = ClientAddress.newAddress();
		for (int i = 0; i < 10; i++) {
			filePublicly(phone, abuser).andExpect(status().isCreated());
		}
		filePublicly(phone, abuser)
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.errors[0].field").value("phone"))
			.andExpect(jsonPath("$.errors[0].rule").value("daily-limit"))
			.andExpect(content().string(containsString("已达每日上限")))
			// the day's limit frees at the next midnight (China time): Retry-After says so, in seconds
			.andExpect(header().string(LimitReachedException.HEADER, secondsAtMost(24 * 3600)));
		// the phone's owner, filing from another address, is not refused for the others' filings
		filePublicly(phone, ClientAddress.newAddress()).andExpect(status().isCreated());
		// staff entering a complaint by telephone are not limited
		mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").param("channel", "PHONE").content(body(phone, "电话", null)))
			.andExpect(status().isCreated());
	}

	@Test
	void oneAddressFilesAtMostTheDailyLimitThroughThePublicApi() throws Exception {
		String address = ClientAddress.newAddress();
		for (int i = 0; i < 20; i++) {
			filePublicly(randomMobile(), address).andExpect(status().isCreated());
		}
		filePublicly(randomMobile(), address)
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.errors[0].rule").value("daily-limit"))
			.andExpect(content().string(containsString("已达每日上限")));
	}

	/** Runs {@code request} {@code n} times at once and answers the HTTP status of each. */
	static List<Integer> statusesAtOnce(int n, Callable<ResultActions> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			List<Future<ResultActions>> runs = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				runs.add(pool.submit(request));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<ResultActions> run : runs) {
				statuses.add(run.get(60, TimeUnit.SECONDS).andReturn().getResponse().getStatus());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Attack (M2): 13 filings at once with one phone all passed the count of 10 before any was added. */
	@Test
	void parallelFilingsWithOnePhoneFileNoMoreThanTheDailyLimit() throws Exception {
		String phone = randomMobile();
		String address = ClientAddress.newAddress();
		List<Integer> statuses = statusesAtOnce(13, () -> filePublicly(phone, address));
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
		assertThat(statuses).filteredOn(s -> s == 429).hasSize(3);
	}

	/** Attack (M2): parallel wrong look-ups all passed the count; only the remaining allowance is answered. */
	@Test
	void parallelWrongLookUpsGetTheRemainingAllowanceOnly() throws Exception {
		String number = JsonPath.read(filePublicly(randomMobile(), ClientAddress.newAddress()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.number");
		String prober = ClientAddress.newAddress();
		for (int i = 0; i < 7; i++) {
			mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG" + i)
				.with(ClientAddress.from(prober))).andExpect(status().isNotFound());
		}
		List<Integer> statuses = statusesAtOnce(12, () -> mvc.perform(get("/api/v1/public/complaints/{n}", number)
			.param("queryCode", "WRONG-" + UUID.randomUUID()).with(ClientAddress.from(prober))));
		assertThat(statuses).filteredOn(s -> s == 404).hasSize(3);
		assertThat(statuses).filteredOn(s -> s == 429).hasSize(9);
	}

	/**
	 * Attack (M5): a county's {@code complaint.lookup-failures} was saved but the national value was read. The complaint's
	 * county's value applies; so does the county's {@code complaint.filings-per-phone} for a filing to it.
	 */
	@Test
	void aCountysOwnLimitsApplyToItsComplaints() throws Exception {
		long wuzhong = bureaus.findByRegion("320506").orElseThrow().id();
		rules.override(StatutoryRule.COMPLAINT_LOOKUP_FAILURES, wuzhong, "320506", BigDecimal.valueOf(3), "测试：本县收紧");
		try {
			String number = JsonPath.read(filePublicly(randomMobile(), ClientAddress.newAddress())
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");
			String prober = ClientAddress.newAddress();
			for (int i = 0; i < 3; i++) {
				mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG" + i)
					.with(ClientAddress.from(prober))).andExpect(status().isNotFound());
			}
			mvc.perform(get("/api/v1/public/complaints/{n}", number).param("queryCode", "WRONG")
				.with(ClientAddress.from(prober)))
				.andExpect(status().isTooManyRequests())
				.andExpect(content().string(containsString("每小时最多3次")));
		}
		finally {
			rules.clearOverride(StatutoryRule.COMPLAINT_LOOKUP_FAILURES, "320506");
		}
		rules.override(StatutoryRule.COMPLAINT_FILINGS_PER_PHONE, wuzhong, "320506", BigDecimal.valueOf(2), "测试：本县收紧");
		try {
			String phone = randomMobile();
			String address = ClientAddress.newAddress();
			for (int i = 0; i < 2; i++) {
				filePublicly(phone, address).andExpect(status().isCreated());
			}
			filePublicly(phone, address).andExpect(status().isTooManyRequests())
				.andExpect(content().string(containsString("已提交2件申诉")));
		}
		finally {
			rules.clearOverride(StatutoryRule.COMPLAINT_FILINGS_PER_PHONE, "320506");
		}
	}

	@Test
	void aPersonalNumberInTheChannelOrTheNamedOutletIsRefusedAtIntake() throws Exception {
		String mobile = randomMobile();
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body(randomMobile(), mobile, null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'priorComplaint.channel')].rule", hasItem("personal-number")))
			.andExpect(content().string(containsString("向企业投诉的渠道不得含有身份证号码或手机号码")))
			.andExpect(content().string(not(containsString(mobile))));
		mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content(body(randomMobile(), "电话", "吴中网点" + mobile)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'enterprise')].rule", hasItem("personal-number")));
		// a landline for the channel, as people write "拨打95338" or an outlet's line, passes
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json")
			.content(body(randomMobile(), "拨打0512-65551234", null)))
			.andExpect(status().isCreated());
	}

	@Test
	void stackedCombiningMarksInTheDescriptionAndMarkupInTheFilersNameAreRefused() throws Exception {
		String zalgo = body(randomMobile(), "电话", null).replace("\"description\":\"快件延误\"",
				"\"description\":\"a" + "\u0301".repeat(1999) + "\"");
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(zalgo))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'description')].rule", hasItem("combining-marks")));
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json")
			.content(body(randomMobile(), "电话", null).replace("张三", "<b>王</b>")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'filerName')].rule", hasItem("markup")));
	}

	/**
	 * The public form's 申诉人姓名 is under the one rule of a person's name (Validation.personName, as a staff form's
	 * 姓名): one of emoji only, or of symbols or digits only, names no one — 400 on {@code filerName}, rule
	 * {@code characters} — while a name with a middle dot passes.
	 */
	@Test
	void aFilersNameOfEmojiOrSymbolsOnlyIsRefused() throws Exception {
		for (String name : new String[] { "😀😀", "★★", "123" }) {
			mvc.perform(post("/api/v1/public/complaints").contentType("application/json")
				.content(body(randomMobile(), "电话", null).replace("张三", name)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'filerName')].rule", hasItem("characters")));
		}
		mvc.perform(post("/api/v1/public/complaints").with(ClientAddress.from(ClientAddress.newAddress()))
			.contentType("application/json").content(body(randomMobile(), "电话", null).replace("张三", "阿依古丽·买买提")))
			.andExpect(status().isCreated());
	}
}
