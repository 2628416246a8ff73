package org.youguan.web;

import java.util.EnumSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.org.Departments;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding (refusals built with values stayed Chinese in English): a refusal whose sentence a module joins with its
 * values carries it as a key with them (kernel Wording), so the English page words it in English with the values — a
 * sample of each kind: a state that forbids the step (409, shown after the redirect), a record that exists already
 * (409 on the form), an access refused for a value typed (403 on the form) and a rule of the domain (422, flashed).
 * The Chinese page keeps the module's sentence word for word.
 */
@IntegrationTest
class KeyedRefusalsEnglishIntegrationTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Departments departments;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private long wuzhong() {
		return bureaus.findByRegion("320506").orElseThrow().id();
	}

	@Test
	void aStateConflictWithItsValuesReadsInEnglishAfterTheRedirect() throws Exception {
		long id = departments.create(DataScope.region("3205"), wuzhong(), "英文专班" + RandomDigits.of(6), null, 9);
		for (int i = 0; i < 2; i++) {
			users.create(directory.principal("sz.admin").orElseThrow(), new UserData("en." + RandomDigits.of(8), "甲",
					UserKind.STAFF, wuzhong(), id, null, null, EnumSet.of(Role.STAFF)));
		}
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		MvcResult refused = mvc.perform(post("/admin/departments/" + id + "/deactivate").param("lang", "en").session(admin)
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String english = mvc.perform(get("/admin/departments/" + id + "/edit").param("lang", "en").session(admin)
			.flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("still has 2 active users").doesNotContain("个启用的用户");
		MvcResult chinese = mvc.perform(post("/admin/departments/" + id + "/deactivate").param("lang", "zh-CN")
			.session(admin).with(csrf())).andReturn();
		assertThat(mvc.perform(get("/admin/departments/" + id + "/edit").param("lang", "zh-CN").session(admin)
			.flashAttrs(chinese.getFlashMap())).andReturn().getResponse().getContentAsString()).contains("还有2个启用的用户");
	}

	@Test
	void aDuplicateAndAnAccessRefusedOnAFormReadInEnglish() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		String name = "英文处" + RandomDigits.of(8);
		long bureau = wuzhong();
		mvc.perform(post("/admin/departments/new").session(admin).with(csrf()).param("bureauId", String.valueOf(bureau))
			.param("name", name)).andExpect(status().is3xxRedirection());
		String twin = mvc.perform(post("/admin/departments/new").param("lang", "en").session(admin).with(csrf())
			.param("bureauId", String.valueOf(bureau)).param("name", name))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(twin).contains("already has the department “" + name + "”").doesNotContain("已有处室");
		String outside = mvc.perform(post("/admin/departments/new").param("lang", "en").session(SignIn.session(mvc, "ks.admin"))
			.with(csrf()).param("bureauId", String.valueOf(bureau)).param("name", "英文处" + RandomDigits.of(8)))
			.andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
		assertThat(outside).contains("is outside your jurisdiction").doesNotContain("不在您的管辖范围内");
	}

	@Test
	void aRuleOfTheDomainFlashedAcrossTheRedirectReadsInEnglish() throws Exception {
		String code = "en-local-" + RandomDigits.of(8);
		String form = "相城区英文月报" + RandomDigits.of(8);
		long local = jdbc.sql("""
				INSERT INTO stat_form (code, name, period_type, due_day, enterprise_types, region_prefix, active)
				VALUES (:code, :name, 'MONTH', 5, 'EXPRESS,POSTAL', '320507', false) RETURNING id""")
			.param("code", code).param("name", form).query(Long.class).single();
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		MvcResult refused = mvc.perform(post("/enterprise/statistics/open").param("lang", "en").session(enterprise)
			.with(csrf()).param("form", String.valueOf(local)).param("period", "2026-13")).andReturn();
		String page = refused.getResponse().getRedirectedUrl();
		assertThat(page).isNotNull();
		String english = mvc.perform(get(page).param("lang", "en").session(enterprise).flashAttrs(refused.getFlashMap()))
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("need not report “" + form + "”").doesNotContain("本企业不需报送");
	}
}
