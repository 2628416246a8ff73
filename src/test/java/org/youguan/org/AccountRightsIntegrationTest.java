package org.youguan.org;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nobody manages an account above their own rights, enterprise accounts bind only to enterprises registered inside the
 * administrator's region, and a change of an account's access ends its live sessions (issue 11, access items 1, 2, 5).
 */
@IntegrationTest
class AccountRightsIntegrationTest {

	static final String PASSWORD = "Rights#2026x";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	CurrentUser user(String name) {
		return directory.principal(name).orElseThrow();
	}

	String creditCodeIn(String region) {
		return enterprises.list(DataScope.region(region), new Enterprises.Filter(null, null, null),
				new PageQuery("", 0, 1, null, false)).items().get(0).creditCode();
	}

	String provision(String prefix, String bureauRegion, Role... roles) {
		String name = prefix + "." + RandomLetters.of(6);
		users.provision(new UserData(name, "测试", UserKind.STAFF, bureaus.findByRegion(bureauRegion).orElseThrow().id(),
				null, null, null, EnumSet.of(roles[0], roles)), PASSWORD, false, false);
		return name;
	}

	MockHttpSession signIn(String name) throws Exception {
		return (MockHttpSession) mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()))
			.andReturn().getRequest().getSession();
	}

	@Test
	void aBureauAdministratorCannotBindAnEnterpriseAccountToACompanyOutsideItsRegion() throws Exception {
		String wuzhongShunfeng = user("sf.wz").enterpriseCreditCode();
		String name = "probe." + RandomLetters.of(6);
		// 昆山 (320583) administrator, 吴中 (320506) enterprise: refused on the page route with 403, nothing saved
		mvc.perform(post("/admin/users/new").session(SignIn.session(mvc, "ks.admin")).with(csrf())
			.param("username", name).param("displayName", "探针").param("kind", "ENTERPRISE")
			.param("enterpriseCreditCode", wuzhongShunfeng).param("enterpriseRegion", "320583").param("roles", "ENTERPRISE"))
			.andExpect(status().isForbidden());
		assertThat(directory.principal(name)).isEmpty();
		assertThatThrownBy(() -> users.create(user("ks.admin"), new UserData(name, "探针", UserKind.ENTERPRISE, null,
				null, wuzhongShunfeng, null, EnumSet.of(Role.ENTERPRISE)))).isInstanceOf(AccessRefusedException.class)
			// the enterprise's region named, not its code (attack f8 item 11)
			.hasMessageContaining("吴中区").hasMessageNotContaining("320506");
	}

	@Test
	void anEnterpriseAccountTakesTheRegisteredEnterprisesRegionAndAnUnregisteredCodeIsRefused() {
		String code = creditCodeIn("320506");
		String name = "ent." + RandomLetters.of(6);
		long id = users.create(user("sz.admin"), new UserData(name, "吴中企业", UserKind.ENTERPRISE, null, null, code, null,
				EnumSet.of(Role.ENTERPRISE))).id();
		assertThat(users.get(DataScope.all(), id).regionCode()).startsWith("320506");
		assertThatThrownBy(() -> users.create(user("sz.admin"), new UserData("ent2" + name, "无登记", UserKind.ENTERPRISE,
				null, null, "91320506MA1NXXXXXX".replace('X', '0'), null, EnumSet.of(Role.ENTERPRISE))))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void aCountyAdministratorCannotRebindAnAccountToAnEnterpriseOfAnotherCounty() {
		String admin = provision("wz.admin", "320506", Role.BUREAU_ADMIN, Role.STAFF);
		String name = "ent." + RandomLetters.of(6);
		long id = users.create(user(admin), new UserData(name, "吴中企业", UserKind.ENTERPRISE, null, null,
				creditCodeIn("320506"), null, EnumSet.of(Role.ENTERPRISE))).id();
		assertThatThrownBy(() -> users.update(user(admin), id, new UserData(name, "改绑", UserKind.ENTERPRISE, null, null,
				creditCodeIn("320507"), null, EnumSet.of(Role.ENTERPRISE)))).isInstanceOf(AccessRefusedException.class);
		assertThat(users.get(DataScope.all(), id).enterpriseCreditCode()).isEqualTo(creditCodeIn("320506"));
	}

	@Test
	void aBureauAdministratorCannotManageASystemAdministratorOnThePageRouteOrWithAToken() throws Exception {
		String sysAdmin = provision("sys.probe", "3205", Role.SYSTEM_ADMIN, Role.STAFF);
		long id = user(sysAdmin).id();
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		for (String action : new String[] { "reset-password", "disable", "unlock" }) {
			// the page's step goes back to the account's page with the refusal, in 403 (web.ErrorHandling#refused)
			mvc.perform(post("/admin/users/" + id + "/" + action).session(admin).with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + id))
				.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
			mvc.perform(post("/admin/users/" + id + "/" + action).header("Authorization", "Bearer demo-sz-admin-token"))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/users/" + id + "/edit").session(admin)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/" + id + "/edit").session(admin).with(csrf()).param("displayName", "夺权")
			.param("bureauId", String.valueOf(user(sysAdmin).bureauId())).param("roles", "STAFF"))
			.andExpect(redirectedUrl("/admin/users/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		CurrentUser after = user(sysAdmin);
		assertThat(after.isEnabled()).isTrue();
		assertThat(after.roles()).contains(Role.SYSTEM_ADMIN);
		assertThat(after.mustChangePassword()).isFalse();
		// a system administrator may
		users.resetPassword(user("sys.admin"), id);
	}

	@Test
	void nobodyGrantsOrManagesARoleAboveTheirOwn() {
		String staff = provision("staff", "3205", Role.STAFF);
		assertThatThrownBy(() -> users.update(user("sz.admin"), user(staff).id(), new UserData(staff, "升为领导",
				UserKind.STAFF, user(staff).bureauId(), null, null, null, EnumSet.of(Role.BUREAU_LEADER))))
			.isInstanceOf(AccessRefusedException.class).hasMessageContaining("局领导");
		String leader = provision("leader", "3205", Role.BUREAU_LEADER);
		assertThatThrownBy(() -> users.disable(user("sz.admin"), user(leader).id()))
			.isInstanceOf(AccessRefusedException.class);
		assertThat(Users.manageableRoles(user("sz.admin"))).containsExactlyInAnyOrder(Role.BUREAU_ADMIN, Role.STAFF,
				Role.ENTERPRISE);
	}

	@Test
	void disablingResettingOrChangingRolesEndsTheAccountsLiveSessions() throws Exception {
		for (String change : new String[] { "disable", "reset-password", "roles" }) {
			String name = provision("live", "320506", Role.STAFF);
			MockHttpSession live = signIn(name);
			mvc.perform(get("/registry/outlets").session(live)).andExpect(status().isOk());
			long id = user(name).id();
			switch (change) {
				case "roles" -> users.update(user("sz.admin"), id, new UserData(name, "测试", UserKind.STAFF,
						user(name).bureauId(), null, null, null, EnumSet.of(Role.STAFF, Role.BUREAU_ADMIN)));
				case "disable" -> users.disable(user("sz.admin"), id);
				default -> users.resetPassword(user("sz.admin"), id);
			}
			String location = mvc.perform(get("/registry/outlets").session(live)).andReturn().getResponse()
				.getRedirectedUrl();
			assertThat(location).as("after " + change).endsWith("/login");
		}
	}

	/** Issue 12: a page answered from memory (web.PageMemory) still passes sign-out and a disabled account first. */
	@Test
	void disablingAnAccountEndsItsSessionOnARememberedPageToo() throws Exception {
		String name = provision("remembered", "320506", Role.STAFF);
		MockHttpSession live = signIn(name);
		for (int i = 0; i < 2; i++) {
			mvc.perform(get("/complaints").session(live)).andExpect(status().isOk());
			assertThat(mvc.perform(get("/").session(live)).andReturn().getResponse().getContentAsString())
				.contains("id=\"welcome\"");
		}
		users.disable(user("sz.admin"), user(name).id());
		assertThat(mvc.perform(get("/complaints").session(live)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		// the home page is public: signed out, it is the public home, not 工作台
		assertThat(mvc.perform(get("/").session(live)).andReturn().getResponse().getContentAsString())
			.doesNotContain("id=\"welcome\"");
	}

	/** Changing one's own password signs the account out everywhere else and keeps the session it was changed in. */
	@Test
	void changingOwnPasswordEndsTheAccountsOtherSessions() throws Exception {
		String name = provision("ownpw", "320506", Role.STAFF);
		MockHttpSession here = signIn(name);
		MockHttpSession elsewhere = signIn(name);
		MockHttpSession someoneElse = signIn(provision("bystander", "320506", Role.STAFF));
		for (MockHttpSession s : new MockHttpSession[] { here, elsewhere }) {
			mvc.perform(get("/complaints").session(s)).andExpect(status().isOk());
		}
		mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "Changed#2026y").param("confirmPassword", "Changed#2026y"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/complaints").session(here)).andExpect(status().isOk());
		assertThat(mvc.perform(get("/complaints").session(elsewhere)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		mvc.perform(get("/complaints").session(someoneElse)).andExpect(status().isOk());
	}

	@Test
	void aChangeThatLeavesAccessAsItWasKeepsTheSession() throws Exception {
		String name = provision("keep", "320506", Role.STAFF);
		MockHttpSession live = signIn(name);
		users.update(user("sz.admin"), user(name).id(), new UserData(name, "改了姓名", UserKind.STAFF, user(name).bureauId(),
				null, null, null, EnumSet.of(Role.STAFF)));
		mvc.perform(get("/registry/outlets").session(live)).andExpect(status().isOk());
	}

	/** Attack round 3: the only 系统管理员 took the role off their own account and nobody could manage users any more. */
	@Test
	void nobodyTakesAnAdministratorRoleOffTheirOwnAccount() throws Exception {
		String sysAdmin = provision("sys.self", "3205", Role.SYSTEM_ADMIN, Role.STAFF);
		CurrentUser self = user(sysAdmin);
		assertThatThrownBy(() -> users.update(self, self.id(), new UserData(sysAdmin, "测试", UserKind.STAFF,
				self.bureauId(), null, null, null, EnumSet.of(Role.STAFF))))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("roles", "own-admin")));
		assertThat(user(sysAdmin).roles()).contains(Role.SYSTEM_ADMIN);
		// attack round 4: moved to a county bureau, the only 系统管理员 could neither come back nor manage the province
		long county = bureaus.findByRegion("320506").orElseThrow().id();
		assertThatThrownBy(() -> users.update(self, self.id(), new UserData(sysAdmin, "测试", UserKind.STAFF, county, null,
				null, null, EnumSet.of(Role.SYSTEM_ADMIN, Role.STAFF))))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("bureauId", "self")));
		assertThat(user(sysAdmin).bureauId()).isEqualTo(self.bureauId());

		String bureauAdmin = provision("ba.self", "320506", Role.BUREAU_ADMIN, Role.STAFF);
		MockHttpSession session = signIn(bureauAdmin);
		mvc.perform(post("/admin/users/" + user(bureauAdmin).id() + "/edit").session(session).with(csrf())
			.param("displayName", "测试").param("bureauId", String.valueOf(user(bureauAdmin).bureauId()))
			.param("roles", "STAFF"))
			.andExpect(status().is4xxClientError());
		assertThat(user(bureauAdmin).roles()).contains(Role.BUREAU_ADMIN);
		// another administrator may, and the account's own other changes pass
		users.update(self, user(bureauAdmin).id(), new UserData(bureauAdmin, "测试", UserKind.STAFF,
				user(bureauAdmin).bureauId(), null, null, null, EnumSet.of(Role.STAFF)));
		assertThat(user(bureauAdmin).roles()).containsExactly(Role.STAFF);
		users.update(self, self.id(), new UserData(sysAdmin, "改了姓名", UserKind.STAFF, self.bureauId(), null, null, null,
				EnumSet.of(Role.SYSTEM_ADMIN, Role.STAFF)));
	}

	/**
	 * The last enabled 系统管理员 keeps the role and stays enabled, even when the one removing it was disabled meanwhile
	 * (its request in flight): checked in the change's transaction, rolled back here so the shared database keeps its
	 * administrators.
	 */
	@Test
	void theLastEnabledSystemAdministratorCannotBeDemotedOrDisabled() {
		String actorName = provision("sys.actor", "3205", Role.SYSTEM_ADMIN, Role.STAFF);
		String lastName = provision("sys.last", "3205", Role.SYSTEM_ADMIN, Role.STAFF);
		CurrentUser actor = user(actorName);
		long last = user(lastName).id();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			jdbc.sql("""
					UPDATE user_account SET enabled = false WHERE id <> :last
					AND id IN (SELECT user_account FROM user_role WHERE role = 'SYSTEM_ADMIN')""")
				.param("last", last)
				.update();
			assertThatThrownBy(() -> users.update(actor, last, new UserData(lastName, "测试", UserKind.STAFF,
					actor.bureauId(), null, null, null, EnumSet.of(Role.STAFF))))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("roles", "last-admin")));
			assertThatThrownBy(() -> users.disable(actor, last))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("id", "last-admin")));
			tx.setRollbackOnly();
		});
		// with another enabled 系统管理员 (the actor) both pass
		users.update(actor, last, new UserData(lastName, "测试", UserKind.STAFF, actor.bureauId(), null, null, null,
				EnumSet.of(Role.STAFF)));
		assertThat(user(lastName).roles()).containsExactly(Role.STAFF);
	}

	/**
	 * The installation keeps a 系统管理员 at its top-level bureau: with only a city's 系统管理员 left besides it, the last
	 * one of the province bureau is neither moved to a county, nor disabled, nor demoted — by a province 系统管理员
	 * disabled meanwhile (its request in flight), as above — for a county's or city's 系统管理员 manages only its own
	 * region, and nobody would be left to manage the province. Rolled back, as above.
	 */
	@Test
	void theLastSystemAdministratorOfTheTopBureauStaysThere() {
		String topName = provision("sys.top", "32", Role.SYSTEM_ADMIN, Role.STAFF);
		CurrentUser actor = user(provision("sys.top.actor", "32", Role.SYSTEM_ADMIN, Role.STAFF));
		long city = user(provision("sys.city", "3205", Role.SYSTEM_ADMIN, Role.STAFF)).id();
		long top = user(topName).id();
		long province = user(topName).bureauId();
		long county = bureaus.findByRegion("320506").orElseThrow().id();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			jdbc.sql("""
					UPDATE user_account SET enabled = false WHERE id NOT IN (:top, :city)
					AND id IN (SELECT user_account FROM user_role WHERE role = 'SYSTEM_ADMIN')""")
				.param("top", top).param("city", city)
				.update();
			assertThatThrownBy(() -> users.update(actor, top, new UserData(topName, "测试", UserKind.STAFF, county, null,
					null, null, EnumSet.of(Role.SYSTEM_ADMIN, Role.STAFF))))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("bureauId", "last-admin")));
			assertThatThrownBy(() -> users.disable(actor, top))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("id", "last-admin")));
			assertThatThrownBy(() -> users.update(actor, top, new UserData(topName, "测试", UserKind.STAFF, province, null,
					null, null, EnumSet.of(Role.STAFF))))
				.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("roles", "last-admin")));
			// the city's 系统管理员 is no top-level one: disabling it needs only another 系统管理员 anywhere
			users.disable(actor, city);
			tx.setRollbackOnly();
		});
		assertThat(user(topName).bureauId()).isEqualTo(province);
		// with another enabled 系统管理员 of the province bureau (the actor) the move passes
		users.update(actor, top, new UserData(topName, "测试", UserKind.STAFF, county, null, null, null,
				EnumSet.of(Role.SYSTEM_ADMIN, Role.STAFF)));
		assertThat(user(topName).bureauId()).isEqualTo(county);
	}

	/**
	 * An administrator's reset of their own password would end the session its one-time password is shown in (attack:
	 * the only 系统管理员 locked everyone out of administration): refused (422 id/self), the session and the password
	 * kept. A new password over bcrypt's 72 bytes is a 400 naming it, not a 500, and signing in with one is a failed
	 * sign-in. Saving the user form unchanged writes no audit entry.
	 */
	@Test
	void nobodyResetsTheirOwnPasswordAndOverlongPasswordsAreRefused() throws Exception {
		String admin = provision("rs.self", "320506", Role.BUREAU_ADMIN, Role.STAFF);
		CurrentUser self = user(admin);
		assertThatThrownBy(() -> users.resetPassword(self, self.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("id", "self")));
		MockHttpSession session = signIn(admin);
		mvc.perform(post("/admin/users/" + self.id() + "/reset-password").session(session).with(csrf()));
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
		mvc.perform(get("/admin/users").session(signIn(admin))).andExpect(status().isOk());

		String longer = "Xk9#" + "q".repeat(76) + "TAIL1";
		mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", longer).param("confirmPassword", longer))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/login").param("username", admin).param("password", longer).with(csrf())
			.with(ClientAddress.fromANewAddress()))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("error"));

		String staff = provision("rs.staff", "320506", Role.STAFF);
		CurrentUser target = user(staff);
		users.update(self, target.id(), new UserData(staff, "测试", UserKind.STAFF, target.bureauId(), null, null, null,
				EnumSet.of(Role.STAFF)));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'user.update' AND object_id = :id")
			.param("id", String.valueOf(target.id())).query(Long.class).single()).isZero();
	}
}
