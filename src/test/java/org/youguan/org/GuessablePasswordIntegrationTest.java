package org.youguan.org;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every path a password is chosen on — one's own change, the change forced at first sign-in, an account created with a
 * known password — refuses a pinyin place or brand name with a year and a password built from the account's own
 * words (its user name, its person's name in pinyin, the places of its bureau), and takes a strong one.
 */
@IntegrationTest
class GuessablePasswordIntegrationTest {

	static final String PASSWORD = "Rights#2026x";

	static final List<String> PLACES_AND_BRANDS = List.of("Suzhou@2026", "Shunfeng@2026", "Kunshan2026!",
			"Zhongtong#2026", "Jiangsu@2025");

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

	/** A user name of letters only, unique in the shared test database: "wz." and six letters. */
	static String username() {
		StringBuilder name = new StringBuilder("wz.");
		ThreadLocalRandom.current().ints(6, 'a', 'z' + 1).forEach(name::appendCodePoint);
		return name.toString();
	}

	UserData staff(String username) {
		return new UserData(username, "陈吴中", UserKind.STAFF, bureaus.findByRegion("320506").orElseThrow().id(), null,
				null, null, EnumSet.of(Role.STAFF));
	}

	static List<String> rules(Runnable change) {
		InvalidValueException ex = catchThrowableOfType(InvalidValueException.class, change::run);
		return ex == null ? List.of() : ex.fieldErrors().stream().map(FieldError::rule).toList();
	}

	@Test
	void ownChangeRefusesPlaceAndBrandNamesAndTheAccountsOwnWords() {
		String name = username();
		users.provision(staff(name), PASSWORD, false, false);
		CurrentUser me = directory.principal(name).orElseThrow();
		String bare = name.replace(".", "");
		// 郭巷街道, a street of the bureau's 吴中区 → guoxiang (陈吴中 → chenwuzhong: not-name, below)
		List<String> own = List.of("Guoxiang#2026");
		// wz.xxxxxx written wzxxxxxx is the user name itself (attack on accounts, finding E)
		assertThat(rules(() -> users.changeOwnPassword(me, PASSWORD, Character.toUpperCase(bare.charAt(0)) + bare.substring(1)
				+ "@2026"))).containsExactly("not-username");
		for (String password : PLACES_AND_BRANDS) {
			assertThat(rules(() -> users.changeOwnPassword(me, PASSWORD, password))).as(password)
				.containsExactly("guessable");
		}
		for (String password : own) {
			assertThat(rules(() -> users.changeOwnPassword(me, PASSWORD, password))).as(password)
				.containsExactly("guessable");
			// for an account without these words the same password is strong enough: the account's words refuse it
			assertThatCode(() -> PasswordPolicy.check("p", "zhang", password)).doesNotThrowAnyException();
		}
		assertThat(rules(() -> users.changeOwnPassword(me, PASSWORD, "Youzheng@2026"))).containsExactly("common");
		assertThatCode(() -> users.changeOwnPassword(me, PASSWORD, "Tr0ub4dor&Zq9")).doesNotThrowAnyException();
	}

	/**
	 * Attack on password rules (D and places): wz.staff (陈吴中, 吴中区) chose "ZhongwuChen#26", "Nehc#Gnohzuw26",
	 * "Ffats#2026Qzw" (its name's syllables and its user name's parts reordered or backwards) and "Gusu#2026Qwer",
	 * "Kunshan#2026Qx", "Nanjing#2026Qx" (counties of its city, its province's capital) while its own district was
	 * refused. On one's own change they are refused; for an account elsewhere the places are the rule's to weigh.
	 */
	@Test
	void ownChangeRefusesReorderedNamesAndThePlacesAroundTheAccount() {
		String name = username();
		users.provision(staff(name), PASSWORD, false, false);
		CurrentUser me = directory.principal(name).orElseThrow();
		for (String password : List.of("ZhongwuChen#26", "Nehc#Gnohzuw26")) {
			assertThat(rules(() -> users.changeOwnPassword(me, PASSWORD, password))).as(password)
				.containsExactly("not-name");
		}
		String part = new StringBuilder(name.substring(3)).reverse().toString();
		String reversedParts = Character.toUpperCase(part.charAt(0)) + part.substring(1) + "#2026Qzw";
		// and the everyday words of Chinese passwords, however many words of its own the account has
		for (String password : List.of(reversedParts, "Gusu#2026Qwer", "Kunshan#2026Qx", "Nanjing#2026Qx",
				"Woaini#2026520", "Iloveyou#2026x", "Yzgl#2026abcQ")) {
			assertThat(rules(() -> users.changeOwnPassword(me, PASSWORD, password))).as(password)
				.containsExactly("guessable");
		}
		for (String password : List.of("Gusu#2026Qwer", "Kunshan#2026Qx", "Nanjing#2026Qx")) {
			assertThatCode(() -> PasswordPolicy.check("p", "zhang", password)).as(password).doesNotThrowAnyException();
		}
		assertThatCode(() -> users.changeOwnPassword(me, PASSWORD, "Qv7#mT2!pLx9")).doesNotThrowAnyException();
	}

	/**
	 * Attack: 李四's "Lisi@2026!!" and 张三's "ZhangSan#2026" were taken — the person's own name in pinyin with symbols
	 * and a year around it. The full name in pinyin, surname and given name in either order and any case, is refused
	 * outright ({@code not-name}) on one's own change and on an account created with a known password; a strong
	 * password with the name's syllables scattered in it is not.
	 */
	@Test
	void refusesThePersonsOwnNameInPinyinInEitherOrder() throws Exception {
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		for (var c : List.of(List.of("李四", "Lisi@2026!!", "SiLi#2026xx"), List.of("张三", "ZhangSan#2026", "Sanzhang@2026!"),
				List.of("陈吴中", "Chenwuzhong@1", "x7!WUZHONGchen"))) {
			String name = username();
			UserData data = new UserData(name, c.get(0), UserKind.STAFF, bureau, null, null, null, EnumSet.of(Role.STAFF));
			for (String password : c.subList(1, 3)) {
				assertThat(rules(() -> users.provision(data, password, false, false))).as(c.get(0) + " " + password)
					.containsExactly("not-name");
			}
			assertThat(directory.principal(name)).isEmpty();
			users.provision(data, PASSWORD, false, false);
			CurrentUser me = directory.principal(name).orElseThrow();
			for (String password : c.subList(1, 3)) {
				InvalidValueException ex = catchThrowableOfType(InvalidValueException.class,
						() -> users.changeOwnPassword(me, PASSWORD, password));
				assertThat(ex).as(c.get(0) + " " + password).isNotNull();
				assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("newPassword");
					assertThat(e.rule()).isEqualTo("not-name");
					assertThat(e.message()).contains("姓名", "拼音");
				});
			}
		}
		mvc.perform(post("/account/password").session(SignIn.session(mvc, lisi(bureau), PASSWORD)).with(csrf())
				.param("currentPassword", PASSWORD).param("newPassword", "Li.Si@2026!!").param("confirmPassword", "Li.Si@2026!!"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("密码不能包含本人姓名的汉字或拼音")));
	}

	private String lisi(long bureau) {
		String name = username();
		users.provision(new UserData(name, "李四", UserKind.STAFF, bureau, null, null, null, EnumSet.of(Role.STAFF)),
				PASSWORD, false, false);
		return name;
	}

	/**
	 * Attack 69 M4: xc.staff's "Suzhou@Xc2026!" (city, user-name part, year, symbol) and sz.test9's forced change to
	 * "Test9@Suzhou!" were taken. The account's words count as the few guesses they are on one's own change and on
	 * the change forced at first sign-in, 400 naming newPassword and the rule.
	 */
	@Test
	void refusesTheCityAndAPartOfTheUserNameWithAYearOnEveryChange() throws Exception {
		String name = username();
		users.provision(staff(name), PASSWORD, false, false);
		CurrentUser me = directory.principal(name).orElseThrow();
		assertThat(rules(() -> users.changeOwnPassword(me, PASSWORD, "Suzhou@Wz2026!"))).containsExactly("guessable");
		String part = name.substring(3);
		String capitalised = Character.toUpperCase(part.charAt(0)) + part.substring(1);
		String created = "sz." + part + "9";
		CreatedUser account = users.create(directory.principal("sz.admin").orElseThrow(), new UserData(created, "测试九",
				UserKind.STAFF, bureaus.findByRegion("3205").orElseThrow().id(), null, null, null, EnumSet.of(Role.STAFF)));
		MockHttpSession session = SignIn.session(mvc, created, account.temporaryPassword());
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", account.temporaryPassword()).param("newPassword", capitalised + "9@Suzhou!")
			.param("confirmPassword", capitalised + "9@Suzhou!"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("去掉用户名的各部分")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", account.temporaryPassword()).param("newPassword", "Tr0ub4dor&Zq9")
			.param("confirmPassword", "Tr0ub4dor&Zq9"))
			.andExpect(redirectedUrl("/"));
	}

	/** The known-password creation (the first administrator's) checks the rule with the new account's words. */
	@Test
	void creatingAnAccountWithAKnownPasswordRefusesGuessableOnes() {
		String name = username();
		for (String password : List.of("Suzhou@2026", "Shunfeng@2026", "Cwz@20262026")) {
			assertThat(rules(() -> users.provision(staff(name), password, true, false))).as(password)
				.containsExactly("guessable");
		}
		assertThat(directory.principal(name)).isEmpty();
		assertThatCode(() -> users.provision(staff(name), "Xk9#qTr7mPz2", true, false)).doesNotThrowAnyException();
	}

	/**
	 * The demo accounts are created through the same method with the published Demo@2026, and skip the rule (demo
	 * only): Demo@2026 has nine characters, which the rule refuses with or without this change.
	 */
	@Test
	void demoAccountsKeepThePublishedDemoPassword() {
		assertThat(rules(() -> PasswordPolicy.check("password", "wz.staff", SignIn.DEMO_PASSWORD))).contains("min-length");
		String name = username();
		assertThatCode(() -> users.provision(staff(name), SignIn.DEMO_PASSWORD, false, true)).doesNotThrowAnyException();
	}

	/**
	 * An enterprise account an administrator created changes its temporary password at first sign-in: a brand with a
	 * year, or its enterprise's name in pinyin, is refused there with the rule named; a strong one is taken.
	 */
	@Test
	void theFirstSignInChangeOfAnEnterpriseAccountRefusesBrandsAndItsEnterprisesName() throws Exception {
		String code = directory.principal("sf.wz").orElseThrow().enterpriseCreditCode();
		String enterprise = enterprises.findByCreditCode(code).orElseThrow().legalName();
		String name = username();
		CreatedUser created = users.create(directory.principal("sz.admin").orElseThrow(), new UserData(name, "顺丰营业部",
				UserKind.ENTERPRISE, null, null, code, null, EnumSet.of(Role.ENTERPRISE)));
		MockHttpSession session = SignIn.session(mvc, name, created.temporaryPassword());
		String pinyin = PinyinWords.enterprise(enterprise).stream().filter(w -> w.matches("[a-z]+")).findFirst()
			.orElseThrow();
		String ownName = Character.toUpperCase(pinyin.charAt(0)) + pinyin.substring(1) + "@1";
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", ownName)).as(ownName).doesNotThrowAnyException();
		for (String password : List.of("Shunfeng@2026", ownName)) {
			mvc.perform(post("/account/password").session(session).with(csrf())
				.param("currentPassword", created.temporaryPassword()).param("newPassword", password)
				.param("confirmPassword", password))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("地名、快递品牌、本人姓名或用户名的拼音不算强度")));
		}
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", created.temporaryPassword()).param("newPassword", "Tr0ub4dor&Zq9")
			.param("confirmPassword", "Tr0ub4dor&Zq9"))
			.andExpect(redirectedUrl("/"));
	}
}
