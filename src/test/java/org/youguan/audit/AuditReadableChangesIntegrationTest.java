package org.youguan.audit;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Attack f8 item 9: a user's kind reads 监管人员 (not the role's 处室工作人员), its bureau by name, a rule by its title,
 * and a rule's old value plainly (4, not 4.00 beside 3).
 */
@IntegrationTest
class AuditReadableChangesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	Bureaus bureaus;

	@Autowired
	StatutoryRules rules;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewUsersKindAndBureauReadAsTheirNames() throws Exception {
		String name = "readable." + UUID.randomUUID().toString().substring(0, 6);
		var city = bureaus.findByRegion("3205").orElseThrow();
		users.create(directory.principal("sz.admin").orElseThrow(), new UserData(name, "可读", UserKind.STAFF, city.id(),
				null, null, null, EnumSet.of(Role.STAFF)));
		mvc.perform(get("/api/v1/audit-events").param("q", name).param("objectType", "User")
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(jsonPath("$.items[0].changes[?(@.field == '类别')].after", contains("监管人员")))
			.andExpect(jsonPath("$.items[0].changes[?(@.field == '管理局')].after", contains(city.name())));
	}

	@Test
	void aRuleChangeNamesTheRuleAndWritesItsValuesPlainly() throws Exception {
		StatutoryRule redo = StatutoryRule.COMPLAINT_REDO;
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		try {
			rules.override(redo, city, "3205", new BigDecimal("4"), "压缩");
			rules.override(redo, city, "3205", new BigDecimal("3"), "再压缩");
			mvc.perform(get("/api/v1/audit-events").param("q", redo.code()).param("objectType", "StatutoryRule")
				.header("Authorization", "Bearer demo-sz-admin-token"))
				.andExpect(jsonPath("$.items[0].objectTitle", containsString(redo.title())))
				.andExpect(jsonPath("$.items[0].changes[*].before", hasItem("4")))
				.andExpect(jsonPath("$.items[0].changes[*].before", not(hasItem("4.00"))))
				.andExpect(jsonPath("$.items[0].changes[*].after", hasItem("3")))
				.andExpect(jsonPath("$.items[0].objectTitle", not(containsString("#"))));
		}
		finally {
			jdbc.sql("DELETE FROM statutory_rule_override WHERE region_code = '3205' AND rule_code = :c")
				.param("c", redo.code()).update();
		}
	}
}
