package org.youguan.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.platform.ChinaTime;

/**
 * The password rule 等保2.0 level 3 expects (GB/T 22239-2019 8.1.4.1 身份鉴别: 口令具有复杂度要求): at least
 * {@value #MIN_LENGTH} characters, at least three of the four classes (upper case, lower case, digits, other
 * characters), not containing the user name (nor the user name reversed), not one of the common passwords shipped
 * in {@code security/common-passwords.txt} (compared case-insensitively), and not easily guessed — a word or common
 * password with digits and symbols around it ("Password1!"), a keyboard run, a repeated or sequential pattern
 * ("Ab1!Ab1!Ab1!"): zxcvbn's estimate ({@code com.nulab-inc:zxcvbn}) at least {@value #MIN_SCORE} of 4, about
 * 10^8 guesses, the score its authors recommend. zxcvbn knows English words and names; it is also given the pinyin
 * words a Chinese postal user reaches for ({@link PinyinWords#dictionary}: provinces, cities and counties, the express
 * brands, youzheng, kuaidi …), and the account's own words — its user name and the name's parts, the person's name and
 * its pinyin, the places of its region, its enterprise's name — so "Suzhou@2026", "Shunfeng@2026" or
 * "Chenwuzhong@1" count as the guessable word plus a year they are; at most {@value #MAX_BYTES} bytes in UTF-8
 * (what bcrypt reads), not a common site's, brand's or YouGuan's own name with only digits and symbols around it
 * ({@code security/brand-words.txt}, look-alike characters included: "Baidu@2026!!", "Y0ugu@n#2026"), nor several
 * of them or one with the parts of a web address ("BaiduTaobao@2026", "baidu.com@2026"; see
 * {@link #isBrandWithDecorations}), and no character that shows nothing or looks like a space ({@link Text#invisibleAt}: U+200B,
 * a no-break space — typed once, never again on another device).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	/** The most a password may hold, in UTF-8 bytes: bcrypt reads no more (and Spring's encoder refuses more). */
	public static final int MAX_BYTES = 72;

	/** The least zxcvbn score (0–4) a new password must reach: 3, "safely unguessable", about 10^8 guesses. */
	public static final int MIN_SCORE = 3;

	/**
	 * How many of an account's latest passwords, the current one included, a new password must differ from (400
	 * {@code changed} for the current one, {@code reused} for the others; only their bcrypt hashes are kept).
	 */
	public static final int REMEMBERED = 5;

	private static final Set<String> COMMON = load();

	/** The characters typed for a letter to pass a character-class rule ("P@$$w0rd"), the usual l33t table. */
	private static final Map<Character, String> LOOK_ALIKES = Map.of('a', "@4", 'o', "0", 'i', "1!|", 'l', "1|", 's',
			"$5", 'e', "3", 't', "7+", 'g', "9", 'b', "8");

	/** The names of {@code security/brand-words.txt}, in lower case (their letters also typed as {@link #LOOK_ALIKES}). */
	private static final List<String> BRANDS = PinyinWords.lines("/security/brand-words.txt").stream()
		.map(w -> w.toLowerCase(Locale.ROOT))
		.toList();

	/**
	 * The parts of a web address people add to a site's name ("www.baidu.com", "taobao.cn"): alone they make no
	 * guessable password, around one of {@link #BRANDS} they add nothing a guesser would not try.
	 */
	static final List<String> WEB_PARTS = List.of("www", "com", "cn", "net", "org");

	private PasswordPolicy() {
	}

	/**
	 * Checks a new password, knowing of the account only its user name, and reports every rule it breaks at once.
	 * @see #check(String, String, List, String)
	 */
	public static void check(String field, String username, String password) {
		check(field, username, List.of(), password);
	}

	/**
	 * Checks a new password and reports every rule it breaks at once.
	 * @param field the form field the errors are reported on
	 * @param username the account's user name (null when unknown)
	 * @param accountWords the account's own words a guesser would try (its person's name and its pinyin, its places,
	 * its enterprise's name — see {@link #accountWords}); the user name and its parts are added here
	 * @param password the candidate password
	 * @throws InvalidValueException with one field error per broken rule (min-length, character-classes,
	 * not-username, max-length, invisible-character, common; guessable only when it breaks no other rule)
	 */
	public static void check(String field, String username, List<String> accountWords, String password) {
		List<FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			errors.add(new FieldError(field, "min-length", "密码长度不能少于" + MIN_LENGTH + "位"));
		}
		if (password != null && classes(password) < 3) {
			errors.add(new FieldError(field, "character-classes", "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类"));
		}
		if (password != null && containsUsername(password, username)) {
			errors.add(new FieldError(field, "not-username", "密码不能包含用户名"));
		}
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			errors.add(new FieldError(field, "max-length", "密码不能超过" + MAX_BYTES + "字节（英文字母、数字和符号每个1字节，汉字每个3字节）"));
		}
		int hidden = password == null ? -1 : Text.invisibleAt(password);
		if (hidden >= 0) {
			errors.add(new FieldError(field, "invisible-character", "密码含有看不见或形似空格的字符（" + Text.codePoint(password, hidden)
					+ "），在其他设备上无法输入，请删除后重试"));
		}
		if (password != null && COMMON.contains(password.toLowerCase(Locale.ROOT))) {
			errors.add(new FieldError(field, "common", "该密码过于常见，容易被猜中，请换一个"));
		}
		else if (password != null && errors.isEmpty() && isBrandWithDecorations(password)) {
			errors.add(new FieldError(field, "guessable", "该密码容易被猜中（常见网站、品牌或本系统的名称只加年份、数字或符号，如Baidu@2026!!；"
					+ "几个这样的名称连写或加上www、com、cn等网址部分也一样，如BaiduTaobao@2026、baidu.com@2026；"
					+ "字母写成@、0等形近字符也一样；地名、快递品牌、本人姓名或用户名的拼音不算强度），请换一个不易猜到的组合"));
		}
		else if (password != null && errors.isEmpty()
				&& Strength.ZXCVBN.measure(password, userInputs(username, accountWords)).getScore() < MIN_SCORE) {
			errors.add(new FieldError(field, "guessable", "该密码容易被猜中（常见单词或密码加数字符号、键盘连续键、重复或连续的字符；"
					+ "地名、快递品牌、本人姓名或用户名的拼音不算强度），请换一个不易猜到的组合"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
	}

	/**
	 * Whether the password's letters are nothing but names of {@code security/brand-words.txt} — one or several, in
	 * any case, letters possibly written as their look-alikes (0 for o, 1 for l or i, @ or 4 for a, $ or 5 for s …) —
	 * and the parts of a web address ({@link #WEB_PARTS}: www, com, cn, net, org), with digits and symbols anywhere
	 * around and between them: "Baidu@2026!!", "2026#T@obao", "Huawei2026..", "baidu.com@2026", "www.Baidu@2026",
	 * "BaiduTaobao@2026", "Taobao.cn#2026". zxcvbn lets such a password through when its decoration falls into two
	 * pieces (a word, "@2026" and "!!" reach its 10^8 only by the 10^4 guesses it allows for each piece), or when it
	 * counts a site's address or two names joined as a long unknown word, yet these are what a guesser tries first. A
	 * name inside other letters is no such password ("Kunshan@2026a", "Baidu#Kx92mQwZ": zxcvbn weighs them).
	 * @param password the candidate password (at most {@link #MAX_BYTES} bytes: the check runs only once the other
	 * rules hold)
	 * @return true when every letter belongs to such a name or address part, at least one of them a name
	 */
	static boolean isBrandWithDecorations(String password) {
		String p = password.toLowerCase(Locale.ROOT);
		int n = p.length();
		// reached[i][b]: the first i characters split into names, address parts and characters that are no letter,
		// b = 1 when a name is among them (a look-alike is either a letter of a word or a character between words)
		boolean[][] reached = new boolean[n + 1][2];
		reached[0][0] = true;
		for (int i = 0; i < n; i++) {
			for (int b = 0; b < 2; b++) {
				if (!reached[i][b]) {
					continue;
				}
				if (!Character.isLetter(p.charAt(i))) {
					reached[i + 1][b] = true;
				}
				for (String brand : BRANDS) {
					if (spelt(p, i, brand)) {
						reached[i + brand.length()][1] = true;
					}
				}
				for (String part : WEB_PARTS) {
					if (spelt(p, i, part)) {
						reached[i + part.length()][b] = true;
					}
				}
			}
		}
		return reached[n][1];
	}

	/** Whether {@code word} is written at {@code at} of {@code p}, each letter as itself or one of its look-alikes. */
	private static boolean spelt(String p, int at, String word) {
		if (at + word.length() > p.length()) {
			return false;
		}
		for (int k = 0; k < word.length(); k++) {
			char c = word.charAt(k);
			char typed = p.charAt(at + k);
			if (typed != c && LOOK_ALIKES.getOrDefault(c, "").indexOf(typed) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The words of an account a guesser tries first, for {@link #check(String, String, List, String)}: the person's
	 * name (as written, in pinyin, surname and given name, initials), the names of its places (province down to its
	 * own region, and the regions just below it) and its enterprise's name, each as written and in pinyin.
	 * @param displayName the person's (or the account's) name
	 * @param placeNames the names of the account's regions, e.g. 江苏省, 苏州市, 吴中区
	 * @param enterpriseName the enterprise's name for an enterprise account, else null
	 */
	public static List<String> accountWords(String displayName, List<String> placeNames, String enterpriseName) {
		Set<String> words = new LinkedHashSet<>(PinyinWords.person(displayName));
		placeNames.forEach(name -> words.addAll(PinyinWords.place(name)));
		words.addAll(PinyinWords.enterprise(enterpriseName));
		return List.copyOf(words);
	}

	/** The user name, without its separators and its parts (wz.staff → wzstaff, wz, staff), then the account's words. */
	private static List<String> userInputs(String username, List<String> accountWords) {
		Set<String> inputs = new LinkedHashSet<>();
		if (username != null && !Text.isBlank(username)) {
			String u = Text.strip(username).toLowerCase(Locale.ROOT);
			inputs.add(u);
			inputs.add(u.replaceAll("[^\\p{L}\\p{N}]", ""));
			inputs.addAll(List.of(u.split("[^\\p{L}\\p{N}]+")));
		}
		accountWords.forEach(w -> inputs.add(w.toLowerCase(Locale.ROOT)));
		inputs.removeIf(String::isEmpty);
		return List.copyOf(inputs);
	}

	/**
	 * Builds the guessability estimator now rather than at the first check: its pinyin dictionary takes about three
	 * seconds of one core, which a node otherwise spends in the first password change it serves (the password form
	 * waits). Called once at startup, off the startup thread ({@code org.internal.PasswordRuleWarmUp}); later calls
	 * return at once.
	 * @throws ExceptionInInitializerError when the dictionaries cannot be read (a broken build)
	 */
	public static void prepare() {
		Objects.requireNonNull(Strength.ZXCVBN);
	}

	/**
	 * zxcvbn with its English dictionaries and keyboards and YouGuan's pinyin words: built once, by {@link #prepare} at
	 * startup or else at the first check.
	 */
	private static final class Strength {

		static final Zxcvbn ZXCVBN = build();

		private static Zxcvbn build() {
			try {
				return new ZxcvbnBuilder().dictionaries(StandardDictionaries.loadAllDictionaries())
					.keyboards(StandardKeyboards.loadAllKeyboards())
					.dictionary(new Dictionary("pinyin", PinyinWords.dictionary()))
					.dictionary(new Dictionary("decorations", decorations(Year.now(ChinaTime.ZONE).getValue())))
					.build();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * What people put around a word to pass a character-class rule, most likely first: a year near this one, a
		 * lucky or easy number (123, 888, 520, 1314 …), alone or with a symbol before, after or on both sides
		 * ("@2026", "2026!", "#123", "@2026!"). Without them zxcvbn counts "@2026" as 10^5 random characters, and a
		 * place name of rank 300 plus "@2026" reached 10^8 guesses; with them "Guangzhou@2026" is a place name times a
		 * decoration, as a guesser tries it.
		 */
		static List<String> decorations(int thisYear) {
			List<String> tokens = new ArrayList<>();
			for (int y = thisYear + 1; y >= thisYear - 3; y--) {
				tokens.add(Integer.toString(y));
			}
			tokens.addAll(List.of("123", "1234", "12345", "123456", "888", "666", "520", "1314", "5201314", "168", "8888",
					"6666", "111", "000", "001", "321", "abc"));
			for (int y = thisYear - 4; y >= thisYear - 80; y--) {
				tokens.add(Integer.toString(y));
			}
			for (int y = thisYear + 2; y <= thisYear + 10; y++) {
				tokens.add(Integer.toString(y));
			}
			List<String> before = List.of("@", "#", "_", ".", "!", "*", "&", "$", "%", "-", "+", "~");
			List<String> after = List.of("!", ".", "@", "#", "?", "*", "$", "%", "&", "~", "_", "-", "+");
			Set<String> words = new LinkedHashSet<>();
			for (String t : tokens) {
				before.forEach(b -> words.add(b + t));
				after.forEach(a -> words.add(t + a));
			}
			for (String t : tokens) {
				for (String b : before.subList(0, 6)) {
					after.subList(0, 6).forEach(a -> words.add(b + t + a));
				}
			}
			return List.copyOf(words);
		}
	}

	private static boolean containsUsername(String password, String username) {
		if (username == null || Text.isBlank(username)) {
			return false;
		}
		String p = password.toLowerCase(Locale.ROOT);
		String u = Text.strip(username).toLowerCase(Locale.ROOT);
		if (u.length() < 3) {
			return p.equals(u);
		}
		return p.contains(u) || p.contains(new StringBuilder(u).reverse());
	}

	static int classes(String password) {
		boolean upper = false, lower = false, digit = false, other = false;
		for (char c : password.toCharArray()) {
			if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	private static Set<String> load() {
		return PinyinWords.lines("/security/common-passwords.txt").stream()
			.map(l -> l.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}
}
