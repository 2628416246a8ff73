package org.youguan;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.org.Bureaus;
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
 * An edit form whose personal number the pages show masked keeps the recorded number when saved without touching it
 * (the field blank, or the masked value sent back), says 不修改请留空, and replaces it when a new one is typed: the
 * enterprise's contact phone, a user's mobile number.
 */
@IntegrationTest
class MaskedFieldsEditIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	private static String mobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/**
	 * Posts the edit form as the page renders it (every input with its value, the checked boxes, the selected options),
	 * with {@code field} set to {@code value} when given; expects the redirect after a save.
	 */
	private void saveForm(MockHttpSession session, String path, String field, String value) throws Exception {
		String page = mvc.perform(get(path).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Element form = Jsoup.parse(page).selectFirst("form[method=post][action=" + path + "]");
		assertThat(form.selectFirst("[name=" + field + "]").attr("placeholder")).isEqualTo("不修改请留空");
		MockHttpServletRequestBuilder request = post(path).session(session).with(csrf());
		for (Element input : form.select("input[name], textarea[name]")) {
			String type = input.attr("type");
			if (input.attr("name").equals("_csrf") || ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))
					|| input.hasAttr("disabled") || input.attr("name").equals(field)) {
				continue;
			}
			request.param(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.attr("value"));
		}
		for (Element select : form.select("select[name]")) {
			for (Element option : select.select("option[selected]")) {
				request.param(select.attr("name"), option.attr("value"));
			}
		}
		request.param(field, value == null ? form.selectFirst("[name=" + field + "]").attr("value") : value);
		mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	@Test
	void theEnterpriseContactPhoneIsKeptUnlessANewOneIsTyped() throws Exception {
		long id = jdbc.sql("SELECT id FROM enterprise WHERE region_code LIKE '320506%' AND status = 'NORMAL' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		String path = "/registry/enterprises/" + id + "/edit";
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String phone = mobile();
		saveForm(staff, path, "contactPhone", phone);
		assertThat(contactPhone(id)).as("a new number typed replaces it").isEqualTo(phone);
		saveForm(staff, path, "contactPhone", null);
		assertThat(contactPhone(id)).as("saved untouched").isEqualTo(phone);
		saveForm(staff, path, "contactPhone", phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(contactPhone(id)).as("the masked value sent back").isEqualTo(phone);
	}

	private String contactPhone(long id) {
		return jdbc.sql("SELECT contact_phone FROM enterprise WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void aUsersPhoneIsKeptUnlessANewOneIsTyped() throws Exception {
		String name = "masked." + UUID.randomUUID().toString().substring(0, 8);
		String phone = mobile();
		users.provision(new UserData(name, "手机测试", UserKind.STAFF, bureaus.findByRegion("3205").orElseThrow().id(), null,
				null, phone, EnumSet.of(Role.STAFF)), "Bz8!kPw3#Nq6t", false, false);
		long id = directory.principal(name).orElseThrow().id();
		String path = "/admin/users/" + id + "/edit";
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		saveForm(admin, path, "phone", null);
		assertThat(userPhone(id)).as("saved untouched").isEqualTo(phone);
		saveForm(admin, path, "phone", phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(userPhone(id)).as("the masked value sent back").isEqualTo(phone);
		String other = mobile();
		saveForm(admin, path, "phone", other);
		assertThat(userPhone(id)).as("a new number typed replaces it").isEqualTo(other);
	}

	private String userPhone(long id) {
		return jdbc.sql("SELECT phone FROM user_account WHERE id = :id").param("id", id).query(String.class).single();
	}
}
