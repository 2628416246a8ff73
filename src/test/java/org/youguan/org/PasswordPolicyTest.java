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
		for (String guessable : List.of("Chenwuzhong@1", "Wuzhongqu#1", "Chenwuzhong2026!", "Cwz@20262026")) {
			assertThat(rules(guessable, "wz.staff", words)).as(guessable).containsExactly("guessable");
		}
		// the user name without its dot is the user name itself
		assertThat(rules("Wzstaff@2026", "wz.staff", words)).containsExactly("not-username");
		// the same passwords for someone else: it is the account's words that make them guessable
		assertThat(rules("Chenwuzhong@1", "zhang", List.of())).isEmpty();
		assertThat(rules("Wzstaff@2026", "zhang", List.of())).isEmpty();
	}

	/**
	 * Attack: 李四's "Lisi@2026!!" and 张三's "ZhangSan#2026" were taken. The person's full name in pinyin is refused
	 * whatever surrounds it: either order, any case, separators between the syllables; not another person's name, nor a
	 * strong password.
	 */
	@Test
	void refusesThePersonsOwnNameInPinyin() {
		for (String guessable : List.of("Lisi@2026!!", "LISI#2026abc", "Sili@2026!!", "Li.Si@2026!!", "x9#lisi!QQ7")) {
			assertThat(nameRules(guessable, "李四")).as(guessable).containsExactly("not-name");
		}
		for (String guessable : List.of("ZhangSan#2026", "Sanzhang@2026!", "zhang_san#2026X")) {
			assertThat(nameRules(guessable, "张三")).as(guessable).containsExactly("not-name");
		}
		assertThat(nameRules("Ouyangxiu#2026", "欧阳修")).containsExactly("not-name");
		assertThat(nameRules("Xiuouyang#2026", "欧阳修")).containsExactly("not-name");
		assertThat(nameRules("Lisi@2026!!", "王五")).doesNotContain("not-name");
		assertThat(nameRules("Xk9#qTr7mPz2", "李四")).isEmpty();
		assertThat(nameRules("Tr0ub4dor&Zq9", null)).isEmpty();
		assertThat(nameRules("Tr0ub4dor&Zq9", "Li Lei")).isEmpty();
	}

	/**
	 * Attack: 陈吴中's "陈吴中@2026abcd" was taken — only the pinyin was refused. The name in 汉字 is refused as written
	 * and given name first, with separators between the characters; another person's name in 汉字 is not.
	 */
	@Test
	void refusesThePersonsOwnNameInHanCharacters() {
		// 汉字 are refused in a password anyway (non-ascii); the own name is still named as the rule it breaks
		for (String guessable : List.of("陈吴中@2026abcd", "吴中陈@2026abcd", "x9#陈-吴中!QQ7a")) {
			assertThat(nameRules(guessable, "陈吴中")).as(guessable).containsExactly("not-name", "non-ascii");
		}
		assertThat(nameRules("李四@2026abcdE", "李四")).containsExactly("not-name", "non-ascii");
		assertThat(nameRules("四李@2026abcdE", "李四")).containsExactly("not-name", "non-ascii");
		assertThat(nameRules("修欧阳#2026abc", "欧阳修")).containsExactly("not-name", "non-ascii");
		assertThat(nameRules("陈吴中@2026abcd", "王五")).doesNotContain("not-name");
	}

	/**
	 * Attack: ICU reads 吕 as "lu" (its ASCII form drops the ü), so 吕伟's "Lvwei@2026!!" and "Lyuwei@2026!!" were
	 * taken. The ü is read each way people type it: u, v and yu.
	 */
	@Test
	void readsTheUmlautOfTheNameAsUVOrYu() {
		for (String guessable : List.of("Luwei@2026!!", "Lvwei@2026!!", "Lyuwei@2026!!", "Weilv#2026abc")) {
			assertThat(nameRules(guessable, "吕伟")).as(guessable).containsExactly("not-name");
		}
		assertThat(nameRules("Zhangnv#2026x", "张女")).containsExactly("not-name");
		assertThat(nameRules("Lvwei@2026!!", "李伟")).doesNotContain("not-name");
	}

	private static List<String> nameRules(String password, String personName) {
		try {
			PasswordPolicy.check("p", "someone", personName, PasswordPolicy.accountWords(personName, List.of(), null),
					password);
			return List.of();
		}
		catch (InvalidValueException ex) {
			return ex.fieldErrors().stream().map(FieldError::rule).toList();
		}
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

	/**
	 * Attack 69 M4: xc.staff's "Suzhou@Xc2026!" (its city, a part of its user name, the year, a symbol) and sz.test9's
	 * "Test9@Suzhou!" were taken — zxcvbn allowed 10^4 for each piece. The account's own words count as the few guesses
	 * they are, and the year and symbols left are far below 10^8; a strong rest keeps its strength.
	 */
	@Test
	void refusesAPasswordBuiltFromTheAccountsOwnWordsAndAYear() {
		List<String> xiangcheng = PasswordPolicy.accountWords("张明", List.of("江苏省", "苏州市", "相城区"), null);
		for (String guessable : List.of("Suzhou@Xc2026!", "Staff#Xiangcheng1", "Xc.Suzhou@2026", "Jiangsu!Xc2026")) {
			assertThat(rules(guessable, "xc.staff", xiangcheng)).as(guessable).containsExactly("guessable");
		}
		List<String> suzhou = PasswordPolicy.accountWords("测试九", List.of("江苏省", "苏州市"), null);
		for (String guessable : List.of("Test9@Suzhou!", "Sz@Test2026!!", "Suzhou#Test99")) {
			assertThat(rules(guessable, "sz.test9", suzhou)).as(guessable).containsExactly("guessable");
		}
		assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "sz.test9", suzhou, "Test9@Suzhou!"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> {
					assertThat(e.field()).isEqualTo("newPassword");
					assertThat(e.message()).contains("用户名的各部分", "年份");
				}));
		// the same passwords for an account without these words are zxcvbn's to weigh, and a strong rest stays strong
		assertThat(rules("Suzhou@Xc2026!", "zhang", List.of())).isEmpty();
		assertThat(PasswordPolicy.knownWordsGuessesLog10("Xc#Kx92mQwZ7", PasswordPolicy.userInputs("xc.staff", xiangcheng))
			.orElseThrow()).isGreaterThan(8);
		for (String strong : List.of("Xk9#qTr7mPz2", "Tr0ub4dor&Zq9", "Changed#2026y")) {
			assertThat(rules(strong, "xc.staff", xiangcheng)).as(strong).isEmpty();
			assertThat(rules(strong, "sz.test9", suzhou)).as(strong).isEmpty();
		}
	}

	/**
	 * Attack on password rules (D): wz.staff (陈吴中) chose "ZhongwuChen#26" (given name's syllables swapped),
	 * "Nehc#Gnohzuw26" (surname and given name each backwards) and "Ffats#2026Qzw" (each part of the user name
	 * backwards) — only the whole name and its full reversal were compared. Every order of the name's syllables and of
	 * the user name's parts, each also backwards, counts as the name; the same passwords stay open to another account.
	 */
	@Test
	void refusesTheNamesSyllablesAndTheUserNamesPartsInAnyOrderOrBackwards() {
		List<String> words = PasswordPolicy.accountWords("陈吴中", List.of("江苏省", "苏州市", "吴中区"), null);
		for (String guessable : List.of("ZhongwuChen#26", "Nehc#Gnohzuw26", "Wuchen.zhong#26", "Gnohzuw.Nehc#7Q")) {
			assertThat(nameRules(guessable, "陈吴中")).as(guessable).containsExactly("not-name");
			assertThat(nameRules(guessable, "王五")).as(guessable).doesNotContain("not-name");
		}
		for (String guessable : List.of("Staff.Wz#2026Q", "Zwffats#2026Q", "Ffats-Wz#2026Q")) {
			assertThat(rules(guessable, "wz.staff", words)).as(guessable).containsExactly("not-username");
			assertThat(rules(guessable, "li.ming", List.of())).as(guessable).doesNotContain("not-username");
		}
		for (String guessable : List.of("Ffats#2026Qzw", "Gnohzuw#2026Qx", "Zhongwu#2026Qx")) {
			assertThat(rules(guessable, "wz.staff", words)).as(guessable).containsExactly("guessable");
		}
		assertThat(rules("Ffats#2026Qzw", "li.ming", List.of())).isEmpty();
		assertThat(rules("Qv7#mT2!pLx9", "wz.staff", words)).isEmpty();
	}

	/**
	 * Attack on password rules (low): "Woaini#2026520", "Iloveyou#2026x" and "Yzgl#2026abcQ" (邮政管理's initials) were
	 * taken — zxcvbn knew the words but added 10^4 for each piece around them. The everyday words of Chinese passwords
	 * and the most used words of the leaked-password list count as the few guesses they are, whoever the account is.
	 */
	@Test
	void refusesEverydayChinesePasswordWordsWithAYearAndLuckyNumbers() {
		for (String guessable : List.of("Woaini#2026520", "Iloveyou#2026x", "Yzgl#2026abcQ", "Kuaidiyuan#1314x",
				"Dragon#2026Qx")) {
			assertThat(rules(guessable)).as(guessable).containsExactly("guessable");
		}
		assertThat(PasswordPolicy.COMMON_WORDS).contains("woaini", "yzgl", "iloveyou", "password", "qwerty")
			.hasSizeGreaterThan(PasswordPolicy.LEAKED_WORDS);
		for (String strong : List.of("Qv7#mT2!pLx9", "Woaini#Kx92mQwZ7")) {
			assertThat(rules(strong)).as(strong).isEmpty();
		}
	}

	@Test
	void splitsTheUserNameAtSeparatorsAndWhereLettersMeetDigits() {
		assertThat(PasswordPolicy.userInputs("sz.test9", List.of())).containsExactly("sz.test9", "sztest9", "sz", "test");
		assertThat(PasswordPolicy.userInputs("wang_li-2026ab", List.of())).contains("wang", "li", "2026", "ab");
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
	 * Attack (licensing/accounts, finding E): the user name written without its separator, or with another one, is the
	 * user name all the same — "t7.x" was accepted inside "Qz9#t7xLm2!k"; reversed likewise.
	 */
	@Test
	void rejectsTheUserNameWrittenWithoutOrWithAnotherSeparator() {
		assertThat(rules("Qz9#t7xLm2!k", "t7.x")).containsExactly("not-username");
		assertThat(rules("Qz9#T7-XLm2!k", "t7.x")).containsExactly("not-username");
		assertThat(rules("Qz9#x7tLm2!k", "t7.x")).containsExactly("not-username");
		assertThat(rules("Qz9#ZhangsanLm2!k", "zhang_san")).containsExactly("not-username");
		// the same letters apart are no user name
		assertThat(rules("Qz9#t7Lm2!kx", "t7.x")).doesNotContain("not-username");
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
	 * more letters around it. Names and the parts of a web address count as the few guesses they are (look-alikes too),
	 * and what is left must still be hard to guess; a name beside strong random characters keeps their strength.
	 */
	@Test
	void refusesBrandNamesJoinedOrWrittenAsAWebAddress() {
		for (String guessable : List.of("baidu.com@2026", "www.Baidu@2026", "BaiduTaobao@2026", "Taobao.cn#2026",
				"WWW.Baidu.COM#26", "Jd.c0m@2026!", "Baidu2026Taobao!", "Admin@Root2026", "www.T@0bao.c0m#1",
				"Qq.net@2026!!", "Sina.org#2026!", "BaiduTaobao@2026!!", "Baidu@Kunshan2026")) {
			refusedAsBrand(guessable);
		}
		for (String other : List.of("Kunshan@2026a", "Baidu#Kx92mQwZ", "Bai2026du!Xq", "Comet@2026xy")) {
			assertThat(rules(other, "wz.staff", List.of())).as(other).isEmpty();
		}
		assertThat(PasswordPolicy.brandGuessesLog10("Kunshan@2026a", List.of())).as("no name in it").isEmpty();
		assertThat(PasswordPolicy.brandGuessesLog10("Baidu#Kx92mQwZ", List.of()).orElseThrow()).isGreaterThan(8);
	}

	/**
	 * Attack round 31: other web endings, separators inside a name, a name plus a few letters, look-alikes outside the
	 * table and other scripts, and common sites the list did not name were all taken. Each is a name a guesser tries
	 * first with too little else.
	 */
	@Test
	void refusesBrandsWrittenInOtherShapes() {
		List<String> families = List.of(
				// other web endings and web addresses
				"Baidu.hk@2026", "Baidu.io@2026", "Baidu.top@2026", "Baidu.vip@2026", "Baidu.co@2026", "Baidu.me@2026",
				"Baidu.tv@2026", "Baidu.gov@2026", "Baidu.edu@2026", "Baidu.info@2026", "Yzj.gov.cn@2026",
				"Youguan.gov.cn@2026", "http://Baidu@2026", "m.Baidu.com@2026",
				// separators inside a name
				"Tao-bao#2026!", "B.a.i.d.u@2026", "Bai_du@2026!",
				// a name plus a few letters
				"Admin@2026abc", "Taobao@2026abc", "BaiduLove@2026", "MyBaidu@2026", "Baidux@2026",
				// a letter changed (other scripts, full-width letters and 汉字 are refused as non-ascii, below)
				"Bvidu@2026!!",
				// common sites the list did not name
				"Google@2026!", "Github@2026!", "Tiktok@2026!", "Zhihu@2026!", "Ctrip@2026!", "Sohu@2026!!",
				"Bilibili@2026", "ZTO@2026!!!", "SF-Express@2026", "Sf-Express@2026");
		for (String guessable : families) {
			refusedAsBrand(guessable);
		}
		for (String foreign : List.of("B\u0430idu@2026!", "Baidu百度@2026", "\uFF22\uFF41\uFF49\uFF44\uFF55@2026!!")) {
			assertThat(rules(foreign, "wz.staff", List.of())).as(foreign).containsExactly("non-ascii");
		}
	}

	/**
	 * Short names (sf, qq, jd, ems, pdd, ygt, yzj, root) made random passwords refused: a name of fewer than three
	 * letters is a name only as a whole run of letters, and every name found counts as a word of a short list, not as
	 * nothing — three of them among random digits and symbols are hard to guess.
	 */
	@Test
	void acceptsRandomPasswordsThatHoldShortNames() {
		for (String strong : List.of("7Sf!9Qq#3Jd", "Ems7!Pdd#Ygt9", "Yzj4#Root!8Kq", "Sqqx#7Jdw!92", "Xk9#qTr7mPz2")) {
			assertThat(rules(strong, "wz.staff", List.of())).as(strong).isEmpty();
		}
	}

	/** The passwords the suite signs in and changes passwords with stay accepted. */
	@Test
	void keepsTheSuitesPasswords() {
		for (String used : List.of("Kunshan@2026a", "Changed#2026y", "Tr0ub4dor&Zq9", "Abcdefgh1k")) {
			assertThat(rules(used, "wz.staff", List.of())).as(used).isEmpty();
		}
	}

	private static void refusedAsBrand(String guessable) {
		assertThatThrownBy(() -> PasswordPolicy.check("password", "wz.staff", List.of(), guessable)).as(guessable)
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("password");
					assertThat(e.rule()).isEqualTo("guessable");
					assertThat(e.message()).contains("该密码容易被猜中", "网址", "名称");
				}));
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
		assertThat(rules("Xk9#" + "密".repeat(23))).containsExactly("max-length", "non-ascii");
		assertThat(rules("Abcdefghij1\u200B")).containsExactly("invisible-character");
		assertThat(rules("Abcdefg hij1")).isEmpty();
	}

	/**
	 * Attack: " Abcdefg1!xyz " was stored with its spaces (the sign-in typed trimmed then failed), and full-width
	 * "Ａｂｃｄｅｆｇ１２３４" counted as upper case, lower case and digits. A space at either end and any character beyond
	 * printable ASCII are refused, naming the character; a space inside stays allowed.
	 */
	@Test
	void refusesSpacesAtEitherEndAndCharactersBeyondAscii() {
		assertThat(rules(" Xk9#qTr7mPz2")).containsExactly("edge-space");
		assertThat(rules("Xk9#qTr7mPz2 ")).containsExactly("edge-space");
		assertThat(rules("\uFF21\uFF42\uFF43\uFF44\uFF45\uFF46\uFF47\uFF11\uFF12\uFF13\uFF14")).containsExactly("non-ascii");
		assertThat(rules("Xk9#qTr7mPz2\u00E9")).containsExactly("non-ascii");
		assertThatThrownBy(() -> PasswordPolicy.check("p", "zhang", "Xk9#qTr7\uFF2DPz2"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors().get(0).message())
				.contains("半角", "\uFF2D"));
		assertThatThrownBy(() -> PasswordPolicy.check("p", "zhang", " Xk9#qTr7mPz2"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors().get(0).message())
				.contains("首尾", "空格"));
		assertThat(rules("Xk9#q Tr7mPz2")).isEmpty();
	}

	/**
	 * Note 37: a name with a letter left out ("Badu") or added ("Baiidu") was no name to the rule, though a guesser tries
	 * it right after the name; one edit (changed, left out, added) counts for a name of five letters or more, and no
	 * more than one.
	 */
	@Test
	void refusesABrandWithALetterLeftOutOrAdded() {
		for (String guessable : List.of("Badu@2026!!", "Baiidu@2026!", "Taobo#2026!", "Tencnt@2026!!", "Hua-wi@2026!", "Alibba@2026")) {
			refusedAsBrand(guessable);
		}
		assertThat(PasswordPolicy.brandGuessesLog10("Bdu@2026!!", List.of())).as("two letters left out").isEmpty();
		assertThat(PasswordPolicy.brandGuessesLog10("Sna@2026!!", List.of())).as("sina has four letters").isEmpty();
	}

	/**
	 * Note 37: sto (申通) was no name of the list; initials of three letters count only as a whole run of letters, as
	 * those of one or two do, so the sto of "History" or the ems of "Problems" is no name.
	 */
	@Test
	void refusesTheInitialsOfShentongButNotTheLettersOfEverydayWords() {
		for (String guessable : List.of("Sto@2026!!!!", "STO.com@2026", "St0#2026!!!!")) {
			refusedAsBrand(guessable);
		}
		for (String word : List.of("Historic#Kx92mQ", "Problems#Kx92mQ", "Stone#River92")) {
			assertThat(PasswordPolicy.brandGuessesLog10(word, List.of())).as(word).isEmpty();
			assertThat(rules(word, "wz.staff", List.of())).as(word).isEmpty();
		}
	}

	/**
	 * Note 37: the refusals were worded in the Java code, beside every other message of the product in
	 * {@code tools/messages.py}; each is the bundle's {@code password.refused.<rule>}, placeholders filled in.
	 */
	@Test
	void refusalsAreWordedByTheMessageBundle() throws Exception {
		java.util.Properties bundle = new java.util.Properties();
		try (var in = new java.io.InputStreamReader(PasswordPolicyTest.class.getResourceAsStream("/messages.properties"),
				java.nio.charset.StandardCharsets.UTF_8)) {
			bundle.load(in);
		}
		assertThat(messages("abc", "abc")).containsExactly(
				bundle.getProperty("password.refused.min-length").replace("{0}", "10"),
				bundle.getProperty("password.refused.character-classes"), bundle.getProperty("password.refused.not-username"));
		assertThat(messages("Xk9#" + "密".repeat(23), "zhang")).containsExactly(
				bundle.getProperty("password.refused.max-length").replace("{0}", "72"),
				bundle.getProperty("password.refused.non-ascii").replace("{0}", "密"));
		assertThat(messages(" Xk9#qTr7mPz2", "zhang")).containsExactly(bundle.getProperty("password.refused.edge-space"));
		assertThat(messages("Abcdefghij1\u200B", "zhang")).containsExactly(
				bundle.getProperty("password.refused.invisible-character").replace("{0}", "U+200B"));
		assertThat(messages("P@ssw0rd123", "zhang")).containsExactly(bundle.getProperty("password.refused.common"));
		assertThat(messages("Baidu@2026!!", "zhang")).containsExactly(bundle.getProperty("password.refused.guessable.brand"));
		assertThat(messages("Ab1!Ab1!Ab1!", "zhang")).containsExactly(bundle.getProperty("password.refused.guessable"));
		assertThat(PasswordPolicy.message("reused", PasswordPolicy.REMEMBERED))
			.isEqualTo(bundle.getProperty("password.refused.reused").replace("{0}", "5")).isEqualTo("新密码不能与最近5次使用过的密码相同");
	}

	private static List<String> messages(String password, String username) {
		try {
			PasswordPolicy.check("p", username, List.of(), password);
			return List.of();
		}
		catch (InvalidValueException ex) {
			return ex.fieldErrors().stream().map(FieldError::message).toList();
		}
	}
}
