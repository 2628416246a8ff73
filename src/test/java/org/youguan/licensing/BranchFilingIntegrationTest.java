package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.region.RegionPicker;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 分支机构备案 through the licensing procedure: a complete filing is taken on the spot and the registry records the branch
 * when it hears {@code BranchFiled}, with its lateness flag (20 days from the branch's business licence); the parent
 * must hold a licence in force; an enterprise files only for itself; bad input is a 400 naming the field.
 */
@IntegrationTest
class BranchFilingIntegrationTest extends LicensingFixture {

	String holder(String name) {
		String code = LicensingIntegrationTest.newCreditCode();
		String number = "快递许可-32-1994-" + code.substring(13);
		LocalDate today = LocalDate.now(clock);
		granted(new LicenceGranted(-6, number, new EnterpriseData(name, code,
				EnterpriseType.EXPRESS, null, null, "吴中区分支路1号", "320506", null, null), LicenceScope.PROVINCE, "江苏省邮政管理局",
				"32", today.minusYears(1), today.plusYears(4), false));
		return code;
	}

	ResultActions file(String token, String code, String name, String region, LocalDate licensed) throws Exception {
		String json = """
				{"parentCreditCode":%s,"name":"%s","regionCode":"%s","address":"%s分支路8号","headName":"陈负责",
				 "businessLicenceDate":"%s"}""".formatted(code == null ? "null" : "\"" + code + "\"", name, region,
				region.startsWith("320507") ? "相城区" : "吴中区", licensed);
		return mvc.perform(post("/api/v1/licensing/branch-filings").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	Boolean recordedLate(String code, String name) {
		return jdbc.sql("SELECT b.filed_late FROM branch b JOIN enterprise e ON e.id = b.enterprise_id WHERE e.credit_code = :c AND b.name = :n")
			.param("c", code).param("n", name).query(Boolean.class).optional().orElse(null);
	}

	@Test
	void aCompleteFilingIsTakenOnTheSpotAndTheRegistryRecordsTheBranchWithItsLatenessFlag() throws Exception {
		String code = holder("苏州分支备案快递有限公司");
		LocalDate today = LocalDate.now(clock);
		file(CITY, code, "苏州分支备案快递有限公司吴中分公司", "320506", today.minusDays(5)).andExpect(status().isCreated());
		file(CITY, code, "苏州分支备案快递有限公司相城分公司", "320507", today.minusDays(60)).andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(60)).until(() -> recordedLate(code, "苏州分支备案快递有限公司相城分公司") != null
				&& recordedLate(code, "苏州分支备案快递有限公司吴中分公司") != null);
		assertThat(recordedLate(code, "苏州分支备案快递有限公司吴中分公司")).isFalse();
		assertThat(recordedLate(code, "苏州分支备案快递有限公司相城分公司")).isTrue();
		assertThat(jdbc.sql("SELECT late FROM branch_filing WHERE name = :n").param("n", "苏州分支备案快递有限公司相城分公司")
			.query(Boolean.class).single()).isTrue();
		// twice: a conflict
		file(CITY, code, "苏州分支备案快递有限公司吴中分公司", "320506", today.minusDays(5)).andExpect(status().isConflict());
		mvc.perform(get("/api/v1/licensing/branch-filings").param("size", "200").header("Authorization", CITY))
			.andExpect(jsonPath("$.items[*].parentCreditCode", hasItem(code)));
		mvc.perform(get("/api/v1/licensing/branch-filings").param("size", "200").header("Authorization", ENTERPRISE))
			.andExpect(jsonPath("$.items[*].parentCreditCode", everyItem(is(LicensingIntegrationTest.enterpriseCode()))));
		mvc.perform(get("/licensing/branch-filings").session(SignIn.session(mvc, "sz.admin"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("苏州分支备案快递有限公司吴中分公司")));
	}

	@Test
	void theFilingFormAsksStaffForTheParentAndAnEnterpriseOnlyForItsBranchAndThePickerWorksWithoutJavaScript() throws Exception {
		var staff = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/licensing/branch-filings/new").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"parentCreditCode\"")))
			.andExpect(content().string(containsString("name=\"regionChain\"")));
		var enterprise = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/licensing/branch-filings/new").session(enterprise)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"parentCreditCode\""))));
		long before = jdbc.sql("SELECT count(*) FROM branch_filing").query(Long.class).single();
		mvc.perform(post("/licensing/branch-filings").session(staff).with(csrf()).param("name", "拣选分公司")
			.param("regionCode", "320506").param(RegionPicker.PICK, "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("拣选分公司")));
		assertThat(jdbc.sql("SELECT count(*) FROM branch_filing").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aRefusedFilingShowsTheFormAgainWithTheValuesTypedAndEachErrorNamingItsField() throws Exception {
		var staff = SignIn.session(mvc, "sz.market");
		long before = jdbc.sql("SELECT count(*) FROM branch_filing").query(Long.class).single();
		String page = mvc.perform(post("/licensing/branch-filings").session(staff).with(csrf())
			.param("parentCreditCode", LicensingIntegrationTest.newCreditCode()).param("name", "表单回显分公司")
			.param("regionCode", "320506").param("address", "吴中区回显路7号").param("headName", "钱回显")
			.param("businessLicenceDate", "2026-13-01"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// the form, not the error page: its fields hold what was typed, the errors name the fields in Chinese
		assertThat(page).contains("id=\"branch-filing-form\"", "value=\"表单回显分公司\"", "value=\"吴中区回显路7号\"",
				"value=\"钱回显\"", "value=\"2026-13-01\"", "id=\"errors\"", "data-field=\"businessLicenceDate\"",
				"data-field=\"parentCreditCode\"", "营业执照日期")
			.doesNotContain("id=\"error-detail\"");
		var enterprise = SignIn.session(mvc, "sf.wz");
		mvc.perform(post("/licensing/branch-filings").session(enterprise).with(csrf()).param("name", "")
			.param("address", "企业回显路1号"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"branch-filing-form\"")))
			.andExpect(content().string(containsString("value=\"企业回显路1号\"")))
			.andExpect(content().string(containsString("data-field=\"name\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM branch_filing").query(Long.class).single()).isEqualTo(before);
	}

	/**
	 * A paper filing is taken by the bureau that handles the branch's city (苏州市邮政管理局 for a branch in 吴中): the
	 * province above, which reads the filings, and the county bureau below are refused 403 naming that bureau, nothing
	 * saved; the city takes it.
	 */
	@Test
	void aPaperFilingIsTakenByTheBureauHandlingTheBranchsCityNotTheProvinceAboveNorTheCountyBelow() throws Exception {
		String code = holder("苏州分支经办快递有限公司");
		LocalDate today = LocalDate.now(clock);
		String name = "苏州分支经办快递有限公司吴中分公司";
		file("Bearer demo-js-market-token", code, name, "320506", today.minusDays(5)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("本分支机构备案由苏州市邮政管理局办理")))
			.andExpect(jsonPath("$.detail", containsString("上级机关可以查阅，不能代为办理")));
		file(COUNTY, code, name, "320506", today.minusDays(5)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("本分支机构备案由苏州市邮政管理局办理")))
			.andExpect(jsonPath("$.detail", containsString("下级机关不能代为办理")));
		assertThat(jdbc.sql("SELECT count(*) FROM branch_filing WHERE parent_credit_code = :c").param("c", code).query(Long.class).single())
			.as("nothing saved").isZero();
		file(CITY, code, name, "320506", today.minusDays(5)).andExpect(status().isCreated());
	}

	@Test
	void aFilingNeedsALicenceInForceCompleteDataAndTheEnterpriseItself() throws Exception {
		String code = holder("苏州分支错填快递有限公司");
		LocalDate today = LocalDate.now(clock);
		file(CITY, LicensingIntegrationTest.newCreditCode(), "无证分公司", "320506", today).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("parentCreditCode")));
		// the city's own code is above a county: the level is told (the province's, outside the city, is 404)
		file(CITY, code, "市级分公司", "3205", today).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].rule").value("level"));
		// a county code of the city's form that names no county: its fields are told (one outside the city is 404,
		// AccessBeforeFieldsIntegrationTest)
		file(CITY, code, "", "320599", today.plusDays(3)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("regionCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("businessLicenceDate")));
		file(ENTERPRISE, code, "冒名分公司", "320506", today).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM branch_filing WHERE parent_credit_code = :c").param("c", code).query(Long.class).single())
			.isZero();
	}

	@Test
	void aBranchNameTypedWithWideOrDoubledSpacesIsFiledWithOneAndTheSameNameTypedOtherwiseIsADuplicate() throws Exception {
		String code = holder("苏州空格备案快递有限公司");
		LocalDate today = LocalDate.now(clock);
		file(CITY, code, "苏州空格备案快递有限公司\u3000\u3000吴中  分公司", "320506", today.minusDays(5))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT name FROM branch_filing WHERE parent_credit_code = :c").param("c", code)
			.query(String.class).single()).isEqualTo("苏州空格备案快递有限公司 吴中 分公司");
		file(CITY, code, "苏州空格备案快递有限公司 吴中\u3000分公司", "320506", today.minusDays(5))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT count(*) FROM branch_filing WHERE parent_credit_code = :c").param("c", code)
			.query(Long.class).single()).isOne();
	}

	/**
	 * Names that differ only by punctuation are one branch (Text.textKey), also when four filings of them race: one is
	 * filed, every other one is a 409 — whether its check or the unique index (V349) meets the first.
	 */
	@Test
	void fourRacingFilingsOfTwinNamesFileOneBranch() throws Exception {
		String code = holder("苏州竞态备案快递有限公司");
		LocalDate today = LocalDate.now(clock);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (String bangs : java.util.List.of("!", "!!", "!!!", "!!!!")) {
				answers.add(pool.submit(() -> file(CITY, code, "竞态分部" + bangs, "320506", today.minusDays(5)).andReturn()
					.getResponse().getStatus()));
			}
			var statuses = new java.util.ArrayList<Integer>();
			for (var a : answers) {
				statuses.add(a.get());
			}
			assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM branch_filing WHERE parent_credit_code = :c").param("c", code)
			.query(Long.class).single()).isOne();
		file(CITY, code, "竞态 分部。", "320506", today.minusDays(5)).andExpect(status().isConflict());
	}

	/**
	 * The address is written as the registry writes every address (Text.line): an ideographic space or a run of spaces
	 * typed inside is one ASCII space, on the filing and on the branch the registry records from it, so the same address
	 * typed the same way reads the same in both.
	 */
	@Test
	void anAddressTypedWithIdeographicOrDoubledSpacesIsFiledAndRegisteredWithOne() throws Exception {
		String code = holder("苏州地址空格快递有限公司");
		String name = "苏州地址空格快递有限公司吴中分公司";
		String json = """
				{"parentCreditCode":"%s","name":"%s","regionCode":"320506","address":"吴中区\u3000\u3000分支路  8号\u3000",
				 "headName":"陈负责","businessLicenceDate":"%s"}""".formatted(code, name, LocalDate.now(clock).minusDays(5));
		mvc.perform(post("/api/v1/licensing/branch-filings").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT address FROM branch_filing WHERE parent_credit_code = :c").param("c", code)
			.query(String.class).single()).isEqualTo("吴中区 分支路 8号");
		await().atMost(Duration.ofSeconds(60)).until(() -> recordedLate(code, name) != null);
		assertThat(jdbc.sql("SELECT b.address FROM branch b JOIN enterprise e ON e.id = b.enterprise_id WHERE e.credit_code = :c")
			.param("c", code).query(String.class).single()).isEqualTo("吴中区 分支路 8号");
	}
}
