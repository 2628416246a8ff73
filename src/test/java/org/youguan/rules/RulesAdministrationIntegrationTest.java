package org.youguan.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.notifications.Notification;
import org.youguan.notifications.Notifications;
import org.youguan.org.Bureaus;
import org.youguan.org.Departments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attack f8 items 2–4: an override's reason is stored and shown masked; a limit a bureau may only compress nests under
 * the enclosing bureau's value for every such rule; an enclosing bureau resets a lower bureau's value that blocks it.
 */
@IntegrationTest
class RulesAdministrationIntegrationTest {

	private static final String CITY = "3205";

	private static final String COUNTY = "320506";

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Departments departments;

	@Autowired
	Notifications notifications;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void clear() {
		for (String region : new String[] { COUNTY, CITY }) {
			for (StatutoryRule r : StatutoryRule.values()) {
				if (RuleBounds.enclosing(r).isPresent() || r == StatutoryRule.BRANCH_FILING
						|| r == StatutoryRule.FINE_UNLICENSED_MIN || r == StatutoryRule.FINE_UNLICENSED_MAX) {
					jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code = :r AND rule_code = :c")
						.param("r", region).param("c", r.code()).update();
				}
			}
		}
	}

	private long id(String region) {
		return bureaus.findByRegion(region).orElseThrow().id();
	}

	@Test
	void anOverridesReasonIsStoredMaskedAndListsShowStoredFreeTextMasked() throws Exception {
		rules.override(StatutoryRule.BRANCH_FILING, id(CITY), CITY, new BigDecimal("20"), "依据市局通知，咨询13912345678");
		String stored = jdbc.sql("SELECT reason FROM statutory_rule_override WHERE region_code = :r AND rule_code = :c")
			.param("r", CITY).param("c", StatutoryRule.BRANCH_FILING.code()).query(String.class).single();
		assertThat(stored).contains("139****5678").doesNotContain("13912345678");
		// a reason stored before (in clear) is shown masked on the page
		jdbc.sql("UPDATE statutory_rule_override SET reason = '咨询13812345678' WHERE region_code = :r AND rule_code = :c")
			.param("r", CITY).param("c", StatutoryRule.BRANCH_FILING.code()).update();
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		String page = mvc.perform(get("/admin/rules").session(admin)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("138****5678").doesNotContain("13812345678");
		// the department list shows duties a person typed masked too
		String name = "职责测试" + UUID.randomUUID().toString().substring(0, 6);
		long department = departments.create(DataScope.region(CITY), id(CITY), name, "联系人手机13712345678", 0);
		try {
			String list = mvc.perform(get("/admin/departments").param("q", name).session(admin)).andReturn().getResponse()
				.getContentAsString();
			assertThat(list).contains(name).contains("137****5678").doesNotContain("13712345678");
		}
		finally {
			// the demo city's department list is other tests' fact
			departments.deactivate(DataScope.region(CITY), department);
		}
	}

	@Test
	void everyLimitTheCatalogueSaysABureauMayOnlyCompressNestsUnderTheEnclosingBureausValue() {
		List<StatutoryRule> compressOnly = Arrays.stream(StatutoryRule.values())
			.filter(r -> RuleBounds.practice(r).map(p -> p.reason().contains("不能延长")).orElse(false))
			.toList();
		assertThat(compressOnly).contains(StatutoryRule.COMPLAINT_REDO, StatutoryRule.COMPLAINT_TRANSFER,
				StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, StatutoryRule.COMPLAINT_CALLBACK,
				StatutoryRule.INSPECTION_RESULT_PUBLICATION, StatutoryRule.DISCLOSURE_PUBLICATION);
		assertThat(compressOnly).allSatisfy(r -> assertThat(RuleBounds.enclosing(r)).as(r.code())
			.contains(RuleBounds.Enclosing.CEILING));
		// and in force: for every ceiling rule a city's value binds its county (a city and county no other test sets
		// rules in, so no value left below stands in the way)
		String city = "3298";
		String county = "329801";
		for (StatutoryRule r : StatutoryRule.values()) {
			if (RuleBounds.enclosing(r).orElse(null) != RuleBounds.Enclosing.CEILING) {
				continue;
			}
			BigDecimal low = RuleBounds.allowed(r).min();
			try {
				rules.override(r, id(CITY), city, low, "市局压缩");
				assertThatThrownBy(() -> rules.override(r, id(COUNTY), county, low.add(BigDecimal.ONE), "区局放宽")).as(r.code())
					.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
						.anySatisfy(e -> assertThat(e.rule()).isEqualTo("parent-max")));
			}
			finally {
				jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code IN ('3298', '329801')").update();
			}
		}
	}

	@Test
	void anEnclosingBureauResetsALowerBureausValueThatBlocksItAuditedAndNotified() throws Exception {
		StatutoryRule min = StatutoryRule.FINE_UNLICENSED_MIN;
		rules.override(min, id(COUNTY), COUNTY, new BigDecimal("70000"), "区局裁量基准");
		String county = bureaus.findByRegion(COUNTY).orElseThrow().name();
		assertThatThrownBy(() -> rules.override(StatutoryRule.FINE_UNLICENSED_MAX, id(CITY), CITY, new BigDecimal("60000"), "收紧"))
			.hasMessageContaining("下级局“" + county + "”").hasMessageContaining("/admin/rules/below")
			.hasMessageNotContaining("区划320506");
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		assertThat(mvc.perform(get("/admin/rules/below").session(city)).andReturn().getResponse().getContentAsString())
			.contains(county).contains(min.code());
		// nobody resets the value of a bureau not below their own
		MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
		assertThat(mvc.perform(post("/admin/rules/" + min.code() + "/reset-below").param("region", COUNTY).session(kunshan)
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/admin/rules/" + min.code() + "/reset-below").param("region", CITY).session(city)
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(rules.value(min, COUNTY)).isEqualByComparingTo("70000");
		// the city resets it on the page
		assertThat(mvc.perform(post("/admin/rules/" + min.code() + "/reset-below").param("region", COUNTY).session(city)
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(rules.value(min, COUNTY)).isEqualByComparingTo("50000");
		assertThat(audit.history(DataScope.region(COUNTY), "StatutoryRule", min.code()).get(0).summary())
			.contains("恢复下级局“" + county + "”").contains("70000");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifications
			.recent(DataScope.region(COUNTY), null, 20)).extracting(Notification::title)
			.anyMatch(t -> t.contains("恢复了本局设定的“" + min.title() + "”")));
		rules.override(StatutoryRule.FINE_UNLICENSED_MAX, id(CITY), CITY, new BigDecimal("60000"), "收紧");
		// and over the API
		rules.clearOverride(StatutoryRule.FINE_UNLICENSED_MAX, CITY);
		rules.override(min, id(COUNTY), COUNTY, new BigDecimal("70000"), "区局裁量基准");
		assertThat(mvc.perform(delete("/api/v1/rules/" + min.code() + "/overrides/" + COUNTY)
			.header("Authorization", "Bearer demo-sz-admin-token")).andReturn().getResponse().getStatus()).isEqualTo(204);
		assertThat(rules.value(min, COUNTY)).isEqualByComparingTo("50000");
	}
}
