package org.youguan.org;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attack f8 items 5 and 6: the user form offers only the departments of bureaus in the administrator's scope, and no
 * account is enabled into a deactivated department.
 */
@IntegrationTest
class UserFormScopeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Departments departments;

	@Autowired
	Bureaus bureaus;

	@Autowired
	UserDirectory directory;

	String tag() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	@Test
	void theUserFormListsNoDepartmentOfABureauOutsideTheAdministratorsScope() throws Exception {
		long province = bureaus.findByRegion("32").orElseThrow().id();
		String secret = "省局机要处" + tag();
		long created = departments.create(DataScope.all(), province, secret, null, 0);
		try {
		MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
		String page = mvc.perform(get("/admin/users/new").param("bureau", String.valueOf(province)).session(kunshan))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain(secret);
		// the form shown again (a value that cannot be bound) lists none either
		String again = mvc.perform(post("/admin/users/new").session(kunshan).with(csrf()).param("username", "x" + tag())
			.param("displayName", "测试").param("kind", "BOGUS").param("bureauId", String.valueOf(province)))
			.andReturn().getResponse().getContentAsString();
		assertThat(again).doesNotContain(secret);
		// the province's own administrator sees it
		String own = mvc.perform(get("/admin/users/new").param("bureau", String.valueOf(province))
			.session(SignIn.session(mvc, "sys.admin"))).andReturn().getResponse().getContentAsString();
		assertThat(own).contains(secret);
		}
		finally {
			// the demo bureaus' department lists are other tests' facts
			departments.deactivate(DataScope.all(), created);
		}
	}

	@Test
	void anAccountIsNotEnabledIntoADeactivatedDepartment() {
		long city = bureaus.findByRegion("3205").orElseThrow().id();
		String name = "临时专班" + tag();
		long department = departments.create(DataScope.region("3205"), city, name, null, 0);
		String username = "tmp." + tag();
		long id = users.provision(new UserData(username, "专班成员", UserKind.STAFF, city, department, null, null,
				EnumSet.of(Role.STAFF)), "Rv4!zT8qWn3k", false, false);
		CurrentUser admin = directory.principal("sz.admin").orElseThrow();
		users.disable(admin, id);
		departments.deactivate(DataScope.region("3205"), department);
		assertThatThrownBy(() -> users.enable(admin, id)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("departmentId", "inactive")))
			.hasMessageContaining(name).hasMessageContaining("已停用");
		assertThat(directory.principal(username).orElseThrow().isEnabled()).isFalse();
		departments.activate(DataScope.region("3205"), department);
		users.enable(admin, id);
		assertThat(directory.principal(username).orElseThrow().isEnabled()).isTrue();
		// the demo city's department list is other tests' fact
		users.disable(admin, id);
		departments.deactivate(DataScope.region("3205"), department);
	}
}
