package org.youguan.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An account's API tokens end with the password that guarded their issue and with the rights and scope they were
 * issued under: a password reset by an administrator, the user's own password change, a disabling and a change of the
 * account's roles, bureau or enterprise revoke them, each revocation audited; a change of the display name alone does not,
 * nor does a lock after wrong passwords.
 */
@IntegrationTest
class ApiTokenRevocationIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Users users;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Bureaus bureaus;

	private CurrentUser admin() {
		return directory.principal("sz.admin").orElseThrow();
	}

	private long bureau(String region) {
		return bureaus.findByRegion(region).orElseThrow().id();
	}

	private UserData staff(String name, String region, Set<Role> roles) {
		return new UserData(name, "令牌测试", UserKind.STAFF, bureau(region), null, null, null, roles);
	}

	/**
	 * A new staff account of the city bureau with a token that works; returns the account's id, name, token, principal
	 * and temporary password.
	 */
	private record Holder(long id, String name, ApiTokens.NewToken token, CurrentUser user, String password) {
	}

	private Holder staffWithToken() throws Exception {
		String name = "token." + UUID.randomUUID().toString().substring(0, 8);
		var created = users.create(admin(), staff(name, "3205", EnumSet.of(Role.STAFF)));
		CurrentUser holder = directory.principal(name).orElseThrow();
		ApiTokens.NewToken token = tx.execute(s -> tokens.create(holder, "集成", null));
		works(token);
		return new Holder(created.id(), name, token, holder, created.temporaryPassword());
	}

	private void works(ApiTokens.NewToken token) throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token())).andExpect(status().isOk());
	}

	private void revokedAndAudited(ApiTokens.NewToken token, String reason) throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM api_token WHERE id = :id").param("id", token.id())
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("""
				SELECT summary FROM audit_event WHERE action = 'token.revoke' AND object_type = 'ApiToken'
				AND object_id = :id""").param("id", String.valueOf(token.id())).query(String.class).list())
			.singleElement().asString().contains(reason);
	}

	@Test
	void aPasswordResetByAnAdministratorRevokesTheAccountsTokens() throws Exception {
		Holder h = staffWithToken();
		users.resetPassword(admin(), h.id());
		revokedAndAudited(h.token(), "密码重置");
	}

	@Test
	void aUsersOwnPasswordChangeRevokesTheirTokens() throws Exception {
		Holder h = staffWithToken();
		users.changeOwnPassword(h.user(), h.password(), "Own#Change2026");
		revokedAndAudited(h.token(), "本人修改密码");
	}

	/**
	 * Attack round 21: 6 addresses × 5 wrong passwords lock the account, and its integration's token answered 401 until
	 * an administrator unlocked it — anyone guessing a password could cut an integration off. A token is a credential
	 * of its own: a locked (not disabled) account's tokens keep working.
	 */
	@Test
	void aLockedAccountsTokensKeepWorking() throws Exception {
		String name = "token." + UUID.randomUUID().toString().substring(0, 8);
		users.create(admin(), staff(name, "3205", EnumSet.of(Role.STAFF)));
		// not used before the lock: no answer cached from before it
		ApiTokens.NewToken token = tx.execute(s -> tokens.create(directory.principal(name).orElseThrow(), "集成", null));
		for (int address = 1; address <= 6; address++) {
			RequestPostProcessor guesser = ClientAddress.fromANewAddress();
			for (int i = 0; i < 5; i++) {
				mvc.perform(post("/login").param("username", name).param("password", "Wrong#2026a").with(csrf())
					.with(guesser));
			}
		}
		assertThat(directory.principal(name).orElseThrow().isAccountNonLocked()).as("locked by the guesses").isFalse();
		works(token);
	}

	@Test
	void aRefusedOwnPasswordChangeKeepsTheTokens() throws Exception {
		Holder h = staffWithToken();
		assertThatThrownBy(() -> users.changeOwnPassword(h.user(), h.password(), "short"))
			.isInstanceOf(InvalidValueException.class);
		works(h.token());
	}

	@Test
	void aChangeOfRolesRevokesTheAccountsTokens() throws Exception {
		Holder h = staffWithToken();
		users.update(directory.principal("sys.admin").orElseThrow(), h.id(),
				staff(h.name(), "3205", EnumSet.of(Role.STAFF, Role.BUREAU_LEADER)));
		revokedAndAudited(h.token(), "角色或所属单位变更");
	}

	@Test
	void aChangeOfBureauRevokesTheAccountsTokens() throws Exception {
		Holder h = staffWithToken();
		users.update(admin(), h.id(), staff(h.name(), "320506", EnumSet.of(Role.STAFF)));
		revokedAndAudited(h.token(), "角色或所属单位变更");
	}

	@Test
	void aChangeOfEnterpriseRevokesTheAccountsTokens() throws Exception {
		var list = enterprises.list(DataScope.region("320506"), new Enterprises.Filter(null, null, null),
				new PageQuery("", 0, 2, null, false)).items();
		String name = "token.ent." + UUID.randomUUID().toString().substring(0, 8);
		long id = users.create(admin(), new UserData(name, "企业令牌", UserKind.ENTERPRISE, null, null,
				list.get(0).creditCode(), null, EnumSet.of(Role.ENTERPRISE))).id();
		CurrentUser holder = directory.principal(name).orElseThrow();
		ApiTokens.NewToken token = tx.execute(s -> tokens.create(holder, "企业系统", null));
		works(token);
		users.update(admin(), id, new UserData(name, "企业令牌", UserKind.ENTERPRISE, null, null,
				list.get(1).creditCode(), null, EnumSet.of(Role.ENTERPRISE)));
		revokedAndAudited(token, "角色或所属单位变更");
	}

	/**
	 * Attack round 18: disabling an account only refused its tokens while it was disabled, so enabling it again brought
	 * every old token back. Disabling revokes them, each audited; enabling brings none back.
	 */
	@Test
	void disablingAnAccountRevokesItsTokensForGood() throws Exception {
		Holder h = staffWithToken();
		users.disable(admin(), h.id());
		users.enable(admin(), h.id());
		revokedAndAudited(h.token(), "账号停用");
	}

	@Test
	void aChangeOfTheDisplayNameAloneKeepsTheTokens() throws Exception {
		Holder h = staffWithToken();
		users.update(admin(), h.id(), new UserData(h.name(), "改名", UserKind.STAFF, bureau("3205"), null, null, null,
				EnumSet.of(Role.STAFF)));
		works(h.token());
	}
}
