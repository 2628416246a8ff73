package org.youguan.org;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	@Test
	void acceptsTenCharactersOfThreeClasses() {
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Abcdefgh1k")).doesNotThrowAnyException();
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Kunshan@2026a")).doesNotThrowAnyException();
	}

	/** Attack round 10: "Password1!" and "Ab1!Ab1!Ab1!" met the rules and were taken. */
	@Test
	void rejectsEasilyGuessedPasswordsThatOtherwiseMeetTheRules() {
		for (String guessable : List.of("Password1!", "Ab1!Ab1!Ab1!", "Qwer1234!@", "abcdefg1!x", "Aa123456789!")) {
			assertThat(rules(guessable)).as(guessable).containsExactly("guessable");
		}
	}

	/**
	 * A place's or an express brand's name in pinyin with a year and a symbol met every rule (zxcvbn knows no pinyin,
	 * and counted "@2026" as five random characters): it is a word a guesser tries first, whoever the account is.
	 */
	@Test
	void refusesAPinyinPlaceOrBrandNameWithAYear() {
		for (String guessable : List.of("Suzhou@2026", "Shunfeng@2026", "Kunshan2026!", "Zhongtong#2026", "Jiangsu@2025",
				"Guangzhou@2026", "Lanzhou2026!", "Changsha#2024", "Jingdong@2026", "Cainiao@2026", "Wuzhong@2026")) {
			assertThat(rules(guessable)).as(guessable).containsExactly("guessable");
		}
		assertThat(rules("Youzheng@2026")).containsExactly("common");
	}

	/** The account's own words — its user name's parts, the person's name in pinyin, its places — are guessed first. */
	@Test
	void refusesAPasswordBuiltFromTheAccountsOwnWords() {
		List<String> words = PasswordPolicy.accountWords("陈吴中", List.of("江苏省", "苏州市", "吴中区"), null);
		for (String guessable : List.of("Chenwuzhong@1", "Wzstaff@2026", "Wuzhongqu#1", "Chenwuzhong2026!", "Cwz@20262026")) {
			assertThat(rules(guessable, "wz.staff", words)).as(guessable).containsExactly("guessable");
		}
		// the same passwords for someone else: it is the account's words that make them guessable
		assertThat(rules("Chenwuzhong@1", "zhang", List.of())).isEmpty();
		assertThat(rules("Wzstaff@2026", "zhang", List.of())).isEmpty();
	}

	@Test
	void explainsThatPlaceBrandAndOwnNamesInPinyinDoNotCount() {
		assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "zhang", List.of(), "Suzhou@2026"))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("newPassword");
					assertThat(e.rule()).isEqualTo("guessable");
					assertThat(e.message()).contains("地名", "快递品牌", "本人姓名", "拼音");
				}));
	}

	@Test
	void acceptsAStrongPasswordWhateverTheAccountsWords() {
		List<String> words = PasswordPolicy.accountWords("陈吴中", List.of("江苏省", "苏州市", "吴中区"),
				"苏州吴中顺丰快递服务有限公司");
		for (String strong : List.of("Xk9#qTr7mPz2", "Tr0ub4dor&Zq9", "Changed#2026y", "Abcdefgh1k")) {
			assertThat(rules(strong, "wz.staff", words)).as(strong).isEmpty();
		}
	}

	@Test
	void rejectsPasswordsShorterThanTen() {
		assertThat(rules("Abcdef1!x")).contains("min-length");
	}

	@Test
	void rejectsPasswordsOfTwoClasses() {
		assertThat(rules("abcdefghij1")).containsExactly("character-classes");
	}

	@Test
	void rejectsAPasswordContainingTheUserNameInAnyCase() {
		assertThatThrownBy(() -> PasswordPolicy.check("p", "zhang.san", "Zhang.San#2026"))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::rule)
				.containsExactly("not-username"));
		assertThat(rules("nas.gnahz#2026X", "zhang.san")).containsExactly("not-username");
	}

	/**
	 * Attack round 18: everyday Chinese words with a lucky number or a year met every rule — 我爱你 with 1314, the
	 * placeholder names 张三 李四, the brands and apps everyone sees — as "Weixin@2026!" already did not.
	 */
	@Test
	void refusesEverydayChineseWordsWithANumber() {
		for (String guessable : List.of("Zhangsan@1990", "Woaini@1314!", "Huawei@2026!", "Taobao@2026!", "Alibaba@2026",
				"Tencent@2026!", "Baidu@2026!", "Xiaomi@2026!", "Lisi@2026!", "Wangwu@1990!", "Weixin@2026!")) {
			assertThat(rules(guessable, "wz.staff", List.of())).as(guessable).containsAnyOf("guessable", "common");
		}
	}

	/**
	 * "Baidu@2026!!" was taken: zxcvbn reached its 10^8 guesses for a word and two pieces of decoration ("@2026", "!!")
	 * only through the 10^4 it allows each piece. A common site's, brand's or YouGuan's own name with nothing but digits
	 * and symbols around it is refused whatever its case and look-alike characters.
	 */
	@Test
	void refusesABrandOrTheProductsNameWithOnlyAYearAndSymbols() {
		for (String guessable : List.of("Baidu@2026!!", "BAIDU@2026!!", "B@idu#2026!!", "Ba1du@2026!!", "2026#T@0bao!!",
				"Hu@we1#2026!", "Huawei2026..", "Tencent2026!!", "Wechat@2026!!", "Xiaomi_2026!!", "Qq@2026!!!!",
				"JD@2026!!!!", "SF@2026!!!!!", "Shunf3ng@2026!", "Youguan@2026!!", "Y0ugu@n#2026!", "Yzj@2026!!!!",
				"Root@2026!!!", "P@$$word2026!!", "Adm1n@2026!!!", "Alibaba@88888!")) {
			assertThat(rules(guessable, "wz.staff", List.of())).as(guessable).containsExactly("guessable");
		}
		// the name with more than decoration around it is zxcvbn's to weigh
		for (String strong : List.of("Baidu#Kx92mQwZ", "Xk9#qTr7mPz2")) {
			assertThat(rules(strong, "wz.staff", List.of())).as(strong).isEmpty();
		}
	}

	/**
	 * "baidu.com@2026", "www.Baidu@2026", "BaiduTaobao@2026" and "Taobao.cn#2026" were taken: the rule saw a name with
	 * more letters around it. Letters that split into names and the parts of a web address, with digits and symbols
	 * anywhere, are refused like one name (look-alikes too); a name inside ordinary letters is still zxcvbn's to weigh.
	 */
	@Test
	void refusesBrandNamesJoinedOrWrittenAsAWebAddress() {
		for (String guessable : List.of("baidu.com@2026", "www.Baidu@2026", "BaiduTaobao@2026", "Taobao.cn#2026",
				"WWW.Baidu.COM#26", "Jd.c0m@2026!", "Baidu2026Taobao!", "Admin@Root2026", "www.T@0bao.c0m#1",
				"Qq.net@2026!!", "Sina.org#2026!")) {
			assertThat(PasswordPolicy.isBrandWithDecorations(guessable)).as(guessable).isTrue();
			assertThatThrownBy(() -> PasswordPolicy.check("password", "wz.staff", List.of(), guessable)).as(guessable)
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.singleElement().satisfies(e -> {
						assertThat(e.field()).isEqualTo("password");
						assertThat(e.rule()).isEqualTo("guessable");
						assertThat(e.message()).contains("该密码容易被猜中", "网址");
					}));
		}
		// a name among ordinary letters, an address without a name, a name split by digits: not this rule's
		for (String other : List.of("Kunshan@2026a", "Baidu#Kx92mQwZ", "Baidu@Kunshan2026", "Www.C0m@2026!",
				"Bai2026du!Xq", "Sf-Express@2026", "Comet@2026xy")) {
			assertThat(PasswordPolicy.isBrandWithDecorations(other)).as(other).isFalse();
		}
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Kunshan@2026a")).doesNotThrowAnyException();
	}

	@Test
	void rejectsCommonPasswordsThatOtherwiseMeetTheRules() {
		assertThat(rules("P@ssw0rd123")).containsExactly("common");
		assertThat(rules("1qaz@WSX3edc")).containsExactly("common");
		assertThat(rules("Huawei@123456")).containsExactly("common");
	}

	@Test
	void reportsEveryBrokenRuleAtOnce() {
		assertThat(rules("abc", "abc")).contains("min-length", "character-classes", "not-username");
	}

	private static List<String> rules(String password) {
		return rules(password, "zhang");
	}

	private static List<String> rules(String password, String username) {
		return rules(password, username, List.of());
	}

	private static List<String> rules(String password, String username, List<String> accountWords) {
		try {
			PasswordPolicy.check("p", username, accountWords, password);
			return List.of();
		}
		catch (InvalidValueException ex) {
			return ex.fieldErrors().stream().map(FieldError::rule).toList();
		}
	}

	/**
	 * bcrypt reads 72 bytes and Spring's encoder refuses more (attack: an 85-character new password was a 500): more is
	 * refused naming the rule, counted in UTF-8 bytes (25 汉字 are 75); a character that shows nothing is refused too.
	 */
	@Test
	void refusesMoreThanSeventyTwoBytesAndInvisibleCharacters() {
		assertThatCode(() -> PasswordPolicy.check("p", "zhang", "Xk9#" + "q".repeat(63) + "TAIL1")).doesNotThrowAnyException();
		assertThat(rules("Xk9#" + "q".repeat(64) + "TAIL1")).containsExactly("max-length");
		assertThat(rules("Xk9#" + "密".repeat(23))).containsExactly("max-length");
		assertThat(rules("Abcdefghij1\u200B")).containsExactly("invisible-character");
		assertThat(rules("Abcdefg hij1")).isEmpty();
	}
}
