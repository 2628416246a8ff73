package org.youguan.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.platform.ChinaTime;

/**
 * The password rule 等保2.0 level 3 expects (GB/T 22239-2019 8.1.4.1 身份鉴别: 口令具有复杂度要求): at least
 * {@value #MIN_LENGTH} characters, at least three of the four classes (upper case, lower case, digits, other
 * characters), not containing the user name (nor the user name reversed, nor its parts in another order or each
 * reversed — wz.staff's "staffwz", "zwffats"; all compared also without separators: "t7.x" is refused in "…t7x…"),
 * not one of the common passwords shipped
 * in {@code security/common-passwords.txt} (compared case-insensitively), and not easily guessed — a word or common
 * password with digits and symbols around it ("Password1!"), a keyboard run, a repeated or sequential pattern
 * ("Ab1!Ab1!Ab1!"): zxcvbn's estimate ({@code com.nulab-inc:zxcvbn}) at least {@value #MIN_SCORE} of 4, about
 * 10^8 guesses, the score its authors recommend. zxcvbn knows English words and names; it is also given the pinyin
 * words a Chinese postal user reaches for ({@link PinyinWords#dictionary}: provinces, cities and counties, the express
 * brands, youzheng, kuaidi …), and the account's own words — its user name and the name's parts, the person's name and
 * its pinyin, the places of its region, its enterprise's name — so "Suzhou@2026", "Shunfeng@2026" or
 * "Chenwuzhong@1" count as the guessable word plus a year they are; at most {@value #MAX_BYTES} bytes in UTF-8
 * (what bcrypt reads), not built on a common site's, brand's or YouGuan's own name ({@code security/brand-words.txt})
 * with too little else: the names and the parts of a web address count as the few guesses they are (also written
 * with look-alike characters, Cyrillic letters, separators between their letters or one letter changed, left out or
 * added), and the
 * password must still need 10^8 guesses — "Baidu@2026!!", "baidu.gov.cn@2026", "Admin@2026abc" or "Tao-bao#2026!" do
 * not, "7Sf!9Qq#3Jd" does (see {@link #brandGuessesLog10}); and no character that shows nothing or looks like a space ({@link Text#invisibleAt}: U+200B,
 * a no-break space — typed once, never again on another device); no space at either end (a sign-in form or password
 * manager may trim it, and the password typed then is another) and nothing beyond printable ASCII (full-width letters
 * and digits, 汉字, look-alike letters of other scripts: {@link #nonAsciiAt}) — another keyboard or input method types
 * them otherwise, and they would pass the character-class rule as the classes they only look like.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	/** The most a password may hold, in UTF-8 bytes: bcrypt reads no more (and Spring's encoder refuses more). */
	public static final int MAX_BYTES = 72;

	/** The least zxcvbn score (0–4) a new password must reach: 3, "safely unguessable", about 10^8 guesses. */
	public static final int MIN_SCORE = 3;

	/**
	 * The guesses, as a power of ten, a password built on a brand name must still need once a guesser who knows the
	 * names is counted ({@link #brandGuessesLog10}): 10^8, where zxcvbn's {@link #MIN_SCORE} begins.
	 */
	static final double MIN_GUESSES_LOG10 = 8;

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
	 * The parts of a web address people add to a site's name ("www.baidu.com", "http://taobao.cn", "m.baidu.com",
	 * "yzj.gov.cn"): the scheme, common host names, generic and country endings. Around one of {@link #BRANDS} they
	 * add nothing a guesser would not try; those of one or two letters count only as a whole run of letters.
	 */
	static final List<String> WEB_PARTS = List.of("www", "http", "https", "wap", "m", "mail", "com", "cn", "net", "org", "gov",
			"edu", "info", "top", "vip", "xyz", "site", "shop", "club", "online", "biz", "cc", "io", "co", "me", "tv", "hk",
			"tw", "mo", "us", "uk", "jp");

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
	 * not-username, max-length, invisible-character, edge-space, non-ascii, common; guessable only when it breaks no
	 * other rule)
	 */
	public static void check(String field, String username, List<String> accountWords, String password) {
		check(field, username, null, accountWords, password);
	}

	/**
	 * Checks a new password and reports every rule it breaks at once, refusing also the person's own name in 汉字 or
	 * pinyin ({@code not-name}: 李四's "Lisi@2026!!" or "李四@2026abcd", 张三's "ZhangSan#2026" or "sanzhang…", 吕伟's
	 * "Lvwei@2026!!" or "Lyuwei…", surname and given name in either order, any case, separators ignored, ü as u, v or
	 * yu; {@link PinyinWords#fullNamesInHan}, {@link PinyinWords#fullNames}) — the first thing a guesser who knows the
	 * account tries, however many symbols and digits follow it.
	 * @param field the form field the errors are reported on
	 * @param username the account's user name (null when unknown)
	 * @param personName the account's person's name as registered (显示名称, e.g. 李四), or null
	 * @param accountWords the account's own words a guesser would try ({@link #accountWords})
	 * @param password the candidate password
	 * @throws InvalidValueException with one field error per broken rule (min-length, character-classes,
	 * not-username, not-name, max-length, invisible-character, edge-space, non-ascii, common; guessable only when it
	 * breaks no other rule)
	 */
	public static void check(String field, String username, String personName, List<String> accountWords,
			String password) {
		List<FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			errors.add(refusal(field, "min-length", MIN_LENGTH));
		}
		if (password != null && classes(password) < 3) {
			errors.add(refusal(field, "character-classes"));
		}
		if (password != null && containsUsername(password, username)) {
			errors.add(refusal(field, "not-username"));
		}
		if (password != null && containsPersonName(password, personName)) {
			errors.add(refusal(field, "not-name"));
		}
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			errors.add(refusal(field, "max-length", MAX_BYTES));
		}
		int hidden = password == null ? -1 : Text.invisibleAt(password);
		if (hidden >= 0) {
			errors.add(refusal(field, "invisible-character", Text.codePoint(password, hidden)));
		}
		if (password != null && !password.isEmpty() && (password.charAt(0) == ' ' || password.charAt(password.length() - 1) == ' ')) {
			errors.add(refusal(field, "edge-space"));
		}
		int foreign = password == null ? -1 : nonAsciiAt(password);
		if (foreign >= 0) {
			errors.add(refusal(field, "non-ascii", password.substring(foreign, password.offsetByCodePoints(foreign, 1))));
		}
		if (password != null && COMMON.contains(password.toLowerCase(Locale.ROOT))) {
			errors.add(refusal(field, "common"));
		}
		else if (password != null && errors.isEmpty()) {
			List<String> inputs = userInputs(username, accountWords);
			OptionalDouble named = brandGuessesLog10(password, inputs);
			if (named.isPresent() && named.getAsDouble() < MIN_GUESSES_LOG10) {
				errors.add(new FieldError(field, "guessable", message("guessable.brand")));
			}
			else if (knownWordsGuessesLog10(password, inputs).orElse(Double.MAX_VALUE) < MIN_GUESSES_LOG10
					|| Estimator.ZXCVBN.measure(password, inputs).getScore() < MIN_SCORE) {
				errors.add(refusal(field, "guessable"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidValueException(errors);
		}
	}

	/**
	 * The refusals' wording, from the UI bundle ({@code tools/messages.py}, keys {@code password.refused.<rule>}): Chinese,
	 * as every domain message (the password form and the API show them as they are).
	 */
	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	/** A refusal of rule {@code rule} on {@code field}, worded by {@link #message} with the rule's key. */
	private static FieldError refusal(String field, String rule, Object... arguments) {
		return new FieldError(field, rule, message(rule, arguments));
	}

	/**
	 * The wording of a password refusal, {@code password.refused.<key>} of the UI bundle ({@code tools/messages.py}) in
	 * Chinese, its {0} … filled in with the arguments (as text) when it has any: this rule's and those of the steps
	 * around it (changed, reused, current, confirm), so every refusal of a password is worded in one place.
	 * @param key the refusal's key after {@code password.refused.} ("min-length", "reused" …)
	 * @param arguments the values of its placeholders, in order
	 * @return the message
	 * @throws java.util.MissingResourceException when the bundle lacks the key (a broken build)
	 */
	public static String message(String key, Object... arguments) {
		String pattern = MESSAGES.getString("password.refused." + key);
		if (arguments.length == 0) {
			return pattern;
		}
		return new MessageFormat(pattern, Locale.ROOT).format(Arrays.stream(arguments).map(String::valueOf).toArray());
	}

	/**
	 * How many guesses a guesser who knows {@code security/brand-words.txt} needs for a password built on its names, as
	 * a power of ten, or empty when no name is found in it. The password is read as a guesser reads it: letters
	 * folded to lower case and to the Latin letter they look like (full-width letters, Cyrillic "а", Greek "ο"), and
	 * split into names of the list, parts of a web address ({@link #WEB_PARTS}, with the dots, colons and slashes
	 * around them: "www.", ".gov.cn", "http://") and the rest. A name is found
	 * <ul>
	 * <li>written in any case, letters as their look-alikes ({@link #LOOK_ALIKES}: "B@idu", "T@0bao"), with one same
	 * separator between its letters ("Tao-bao", "B.a.i.d.u", "Bai_du") and, for a name of five letters or more, with one
	 * letter after the first changed, left out or added ("Bvidu", "Badu", "Baiidu": an edit distance of at most 1);</li>
	 * <li>inside a longer run of letters ("MyBaidu", "BaiduLove", "Baidux") when it has at least
	 * {@value #BRAND_INSIDE_RUNS} letters (or two Chinese characters; three for a web part); a shorter name (sf, qq, jd,
	 * sto, ems, m, cn) only as a whole run of letters ("Qq@2026", "Sto@2026", not the "qq" of "Sqqx" nor the "sto" of
	 * "History").</li>
	 * </ul>
	 * The reading that leaves the fewest characters over counts. Each name counts as zxcvbn counts a word of its
	 * dictionaries: its rank in the list (the most tried first), times its case pattern, times its length × 26 when a
	 * letter was edited; a web part counts as nothing, and the rest as
	 * zxcvbn's guesses for it alone with the account's words — the product of its pieces' guesses in their order, not
	 * the 10^4 per extra piece zxcvbn adds for an attacker who does not know the password's shape: this one knows it is
	 * a name plus decoration. So "Baidu@2026!!", "baidu.com@2026", "Admin@2026abc" or "Yzj.gov.cn@2026" are a name
	 * (or two) and a year and count far below 10^8, while "Baidu#Kx92mQwZ" keeps the strength of "#Kx92mQwZ", and
	 * "7Sf!9Qq#3Jd" (three names of the list's and five random characters) reaches 10^9.
	 * @param password the candidate password (at most {@link #MAX_BYTES} bytes)
	 * @param inputs the account's words (lower case) for zxcvbn's estimate of the rest
	 * @return log10 of the guesses, or empty when the password holds none of the names
	 */
	static OptionalDouble brandGuessesLog10(String password, List<String> inputs) {
		return namedGuessesLog10(password, ranked(BRANDS), inputs);
	}

	/**
	 * How many guesses a guesser who knows the account and the words Chinese passwords are built on needs for a
	 * password built on them, as a power of ten, or empty when it holds none of them: {@link #brandGuessesLog10} with,
	 * tried first, the account's words (every part of its user name of two characters or more — split at dots,
	 * underscores, hyphens and where letters meet digits: sz.test9 → sz, test —, its person's name in pinyin, the places
	 * of its region and around it, its enterprise's name; {@link #userInputs}), each right after it also written
	 * backwards (wz.staff's "Ffats", 陈吴中's "Gnohzuw"), alternating with the everyday words of {@link #COMMON_WORDS}
	 * (yzgl, woaini, iloveyou …: each its rank in that list, twice the guesses, so an account with many words does not
	 * push them back), then the names of {@code security/brand-words.txt} (which {@link #brandGuessesLog10} weighs
	 * on their own first). What is left beside them (a year, symbols, a
	 * digit, a few letters) must still need 10^8 guesses on its own: xc.staff's "Suzhou@Xc2026!" (city, user-name part,
	 * year, symbol), sz.test9's "Test9@Suzhou!", "Woaini#2026520" or "Ffats#2026Qzw" do not, although zxcvbn's 10^4 per
	 * extra piece took them.
	 * @param password the candidate password
	 * @param inputs the account's words, lower case ({@link #userInputs}); only those of two or more ASCII letters or
	 * digits are looked for (other characters are refused as non-ascii anyway)
	 * @return log10 of the guesses, or empty when the password holds none of these words
	 */
	static OptionalDouble knownWordsGuessesLog10(String password, List<String> inputs) {
		List<String> own = inputs.stream().filter(w -> w.matches("[a-z0-9]{2,}")).distinct().toList();
		Map<String, Double> names = new LinkedHashMap<>(ranked(own));
		// each written backwards right after it: its own rank, twice the guesses (zxcvbn's reversed words)
		for (int rank = 1; rank <= own.size(); rank++) {
			names.putIfAbsent(new StringBuilder(own.get(rank - 1)).reverse().toString(), Math.log10(rank * 2.0));
		}
		// the everyday words alternate with them: their own rank, twice the guesses — however many the account has
		for (int rank = 1; rank <= COMMON_WORDS.size(); rank++) {
			names.putIfAbsent(COMMON_WORDS.get(rank - 1), Math.log10(rank * 2.0));
		}
		int next = own.size() + COMMON_WORDS.size();
		for (String word : BRANDS) {
			if (!names.containsKey(word)) {
				names.put(word, Math.log10(++next));
			}
		}
		return namedGuessesLog10(password, names, inputs);
	}

	/** The words with their ranks as powers of ten, the first of rank 1. */
	private static Map<String, Double> ranked(List<String> words) {
		Map<String, Double> ranked = new LinkedHashMap<>();
		for (String word : words) {
			ranked.putIfAbsent(word, Math.log10(ranked.size() + 1));
		}
		return ranked;
	}

	/**
	 * The words everyday passwords are built on, most tried first, for {@link #knownWordsGuessesLog10}: those of
	 * {@code security/pinyin-words.txt} that are not place names, of letters only (youzheng, kuaidi, yzgl, woaini, laopo
	 * …, {@link PinyinWords#words}), then the {@value #LEAKED_WORDS} most frequent words of letters only, six letters or more, of
	 * the leaked-password list zxcvbn ships (its {@code passwords} dictionary: password, qwerty, dragon, iloveyou …).
	 */
	static final List<String> COMMON_WORDS = commonWords();

	/** How many words of zxcvbn's leaked-password list {@link #COMMON_WORDS} takes. */
	static final int LEAKED_WORDS = 100;

	private static List<String> commonWords() {
		// letters only: the digits beside a word (woaini520, woaini1314) are the decorations' to count, and a name that
		// holds digits would be read through a year with one digit "left out" ("Woaini#2026" as woaini520's spelling)
		Set<String> words = new LinkedHashSet<>();
		PinyinWords.words().stream().filter(w -> w.matches("[a-z]{2,}")).forEach(words::add);
		try {
			StandardDictionaries.PASSWORDS_LOADER.load()
				.getFrequencies()
				.stream()
				.filter(w -> w.matches("[a-z]{6,}"))
				.limit(LEAKED_WORDS)
				.forEach(words::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(words);
	}

	/**
	 * {@link #brandGuessesLog10} for any names, each with its rank (how many words a guesser tries up to it) as a power
	 * of ten.
	 */
	private static OptionalDouble namedGuessesLog10(String password, Map<String, Double> names, List<String> inputs) {
		int n = password.length();
		char[] f = new char[n];
		for (int i = 0; i < n; i++) {
			f[i] = fold(password.charAt(i));
		}
		// best[i]: the reading of the first i characters leaving the fewest over, then with the fewest guesses
		int[] over = new int[n + 1];
		double[] weight = new double[n + 1];
		int[] from = new int[n + 1];
		boolean[] name = new boolean[n + 1];
		Arrays.fill(over, Integer.MAX_VALUE);
		over[0] = 0;
		for (int i = 0; i < n; i++) {
			if (over[i] == Integer.MAX_VALUE) {
				continue;
			}
			reach(over, weight, from, name, i, i + 1, over[i] + 1, weight[i], false);
			for (Map.Entry<String, Double> ranked : names.entrySet()) {
				String brand = ranked.getKey();
				boolean changeable = brand.length() >= 5 && !isHan(brand.charAt(0));
				for (int[] end : spellings(f, i, brand, changeable)) {
					if (!insideRuns(brand, BRAND_INSIDE_RUNS) && !wholeRun(f, i, end[0])) {
						continue;
					}
					double w = ranked.getValue() + Math.log10(caseVariations(password.substring(i, end[0])))
							+ (end[1] == 1 ? Math.log10(brand.length() * 26.0) : 0);
					reach(over, weight, from, name, i, end[0], over[i], weight[i] + w, true);
				}
			}
			int at = i;
			while (at < n && URL_PUNCTUATION.indexOf(f[at]) >= 0) {
				at++;
			}
			for (String part : WEB_PARTS) {
				int end = at + part.length();
				if (!spelt(f, at, part) || !insideRuns(part, 3) && !wholeRun(f, at, end)) {
					continue;
				}
				while (end < n && URL_PUNCTUATION.indexOf(f[end]) >= 0) {
					end++;
				}
				reach(over, weight, from, name, i, end, over[i], weight[i], false);
			}
		}
		StringBuilder rest = new StringBuilder();
		boolean named = false;
		double log10 = weight[n];
		for (int i = n; i > 0; i = from[i]) {
			named |= name[i];
			if (from[i] == i - 1 && over[i] == over[i - 1] + 1) {
				rest.insert(0, password.charAt(i - 1));
			}
		}
		if (!named) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(log10 + restGuessesLog10(rest.toString(), inputs));
	}

	/**
	 * Keeps the reading of the password's characters from 0 to before {@code to} through {@code at} when it leaves fewer
	 * over, or as many for fewer guesses.
	 */
	private static void reach(int[] over, double[] weight, int[] from, boolean[] name, int at, int to, int left,
			double guesses, boolean isName) {
		if (left < over[to] || left == over[to] && guesses < weight[to]) {
			over[to] = left;
			weight[to] = guesses;
			from[to] = at;
			name[to] = isName;
		}
	}

	/**
	 * zxcvbn's guesses for what is left beside the names, as a power of ten: the product of its pieces' guesses times
	 * the orders they can come in (l!), 0 for nothing left.
	 */
	private static double restGuessesLog10(String rest, List<String> inputs) {
		if (rest.isEmpty()) {
			return 0;
		}
		Strength strength = Estimator.ZXCVBN.measure(rest, inputs);
		double log10 = 0;
		int pieces = strength.getSequence().size();
		for (int k = 2; k <= pieces; k++) {
			log10 += Math.log10(k);
		}
		for (Match m : strength.getSequence()) {
			if (m.guesses == null) {
				return strength.getGuessesLog10();
			}
			log10 += Math.log10(m.guesses);
		}
		return Math.min(log10, strength.getGuessesLog10());
	}

	/**
	 * Where {@code word} can end when written at {@code at} of the folded password {@code f}: each letter as itself or
	 * one of its {@link #LOOK_ALIKES}, one same separator (a character neither letter nor digit) allowed between any
	 * two of its letters, and when {@code changeable} one edit of a letter after the first — changed ("Bvidu"), left
	 * out ("Badu") or one added inside the name ("Baiidu"): an edit distance of at most 1, the typing slip or the
	 * disguise a guesser tries next.
	 * @return pairs {end, 1 when a letter was edited else 0}
	 */
	private static List<int[]> spellings(char[] f, int at, String word, boolean changeable) {
		List<int[]> ends = new ArrayList<>();
		spell(f, at, word, 0, (char) 0, changeable, false, false, ends);
		return ends;
	}

	/**
	 * @param separated whether the character before {@code pos} was read as a separator: the name's next letter must
	 * then be typed — a letter left out right after it would let the name swallow the symbol that follows it
	 * ("Yzgl#2026" read as yzglj with its j left out), fewer characters over for more guesses
	 */
	private static void spell(char[] f, int pos, String word, int k, char separator, boolean changeable, boolean changed,
			boolean separated, List<int[]> ends) {
		if (k == word.length()) {
			ends.add(new int[] { pos, changed ? 1 : 0 });
			return;
		}
		boolean edit = changeable && !changed && k > 0;
		if (edit && !separated) {
			// a letter left out: the name goes on with its next letter here
			spell(f, pos, word, k + 1, separator, changeable, true, false, ends);
		}
		if (pos >= f.length) {
			return;
		}
		char c = word.charAt(k);
		char typed = f[pos];
		if (typed == c || LOOK_ALIKES.getOrDefault(c, "").indexOf(typed) >= 0) {
			spell(f, pos + 1, word, k + 1, separator, changeable, changed, false, ends);
		}
		else if (edit && Character.isLetter(typed) && !isHan(typed)) {
			spell(f, pos + 1, word, k + 1, separator, changeable, true, false, ends);
		}
		if (edit && Character.isLetter(typed) && !isHan(typed)) {
			// a letter added inside the name: the same letter of the name is looked for after it
			spell(f, pos + 1, word, k, separator, changeable, true, false, ends);
		}
		// a separator between two letters: the same one each time ("B.a.i.d.u"), never two in a row
		if (k > 0 && !separated && !Character.isLetterOrDigit(typed) && (separator == 0 || separator == typed)
				&& pos + 1 < f.length
				&& (Character.isLetterOrDigit(f[pos + 1]) || LOOK_ALIKES.getOrDefault(c, "").indexOf(f[pos + 1]) >= 0)) {
			spell(f, pos + 1, word, k, typed, changeable, changed, true, ends);
		}
	}

	/** Whether {@code word} is written at {@code at} of {@code f}, each letter as itself or one of its look-alikes. */
	private static boolean spelt(char[] f, int at, String word) {
		if (at + word.length() > f.length) {
			return false;
		}
		for (int k = 0; k < word.length(); k++) {
			char c = word.charAt(k);
			char typed = f[at + k];
			if (typed != c && LOOK_ALIKES.getOrDefault(c, "").indexOf(typed) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The fewest Latin letters a name of {@code security/brand-words.txt} has to be looked for inside a longer run of
	 * letters: the names of three letters are initials (sto 申通, ems, pdd, zto, yzj) whose letters run through everyday
	 * words (hi<b>sto</b>ry, <b>sto</b>ne, syst<b>ems</b>), so they count only as a whole run ("Sto@2026", "STO-2026"), as
	 * those of one or two letters do.
	 */
	static final int BRAND_INSIDE_RUNS = 4;

	/**
	 * A name searched for inside longer runs of letters: Chinese characters, or at least {@code fewest} Latin letters
	 * (a shorter one only as a whole run, {@link #wholeRun}).
	 */
	private static boolean insideRuns(String word, int fewest) {
		return word.length() >= fewest || isHan(word.charAt(0));
	}

	/**
	 * Whether the characters of {@code f} from {@code from} to before {@code to} are a whole run of letters: no letter of
	 * the same script touches it on either side.
	 */
	private static boolean wholeRun(char[] f, int from, int to) {
		boolean before = from > 0 && Character.isLetter(f[from - 1]) && isHan(f[from - 1]) == isHan(f[from]);
		boolean after = to < f.length && Character.isLetter(f[to]) && isHan(f[to]) == isHan(f[to - 1]);
		return !before && !after;
	}

	private static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/**
	 * zxcvbn's count of the ways a word's letters can be cased: 1 for all lower case, 2 for a first or last capital or
	 * all capitals, otherwise the sum of C(letters, i) for i up to the smaller of the capitals and the small letters.
	 */
	static double caseVariations(String word) {
		int upper = 0;
		int lower = 0;
		for (char c : word.toCharArray()) {
			upper += Character.isUpperCase(c) ? 1 : 0;
			lower += Character.isLowerCase(c) ? 1 : 0;
		}
		if (upper == 0) {
			return 1;
		}
		String letters = word.replaceAll("[^\\p{L}]", "");
		if (lower == 0 || upper == 1 && (Character.isUpperCase(letters.charAt(0))
				|| Character.isUpperCase(letters.charAt(letters.length() - 1)))) {
			return 2;
		}
		double variations = 0;
		for (int i = 1; i <= Math.min(upper, lower); i++) {
			variations += binomial(upper + lower, i);
		}
		return variations;
	}

	private static double binomial(int n, int k) {
		double r = 1;
		for (int i = 1; i <= k; i++) {
			r = r * (n - k + i) / i;
		}
		return r;
	}

	/**
	 * A character as a guesser reads it: lower case, a full-width or other compatibility form as its plain letter
	 * (NFKC: "Ｂ" is b), and a Cyrillic or Greek letter that looks like a Latin one as that letter ("Bаidu" with a
	 * Cyrillic а is baidu).
	 */
	static char fold(char c) {
		String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
		char d = plain.length() == 1 ? plain.charAt(0) : c;
		d = Character.toLowerCase(d);
		int at = CONFUSABLE.indexOf(d);
		return at >= 0 ? LATIN.charAt(at) : d;
	}

	/** Cyrillic and Greek small letters ({@link #fold} lowers capitals first) and the Latin letters they look like. */
	private static final String CONFUSABLE = "авеёкмнорстухѕіїјһԁԛԝɡαβεικνορτυχ";

	private static final String LATIN = "abeekmhopctyxsiijhdqwgabeikvoptux";

	/** Dots, colons and slashes around the parts of a web address ("www.", ".gov.cn", "http://"). */
	private static final String URL_PUNCTUATION = ".:/";

	/**
	 * The words of an account a guesser tries first, for {@link #check(String, String, List, String)}: the person's
	 * name (as written, in pinyin, surname and given name, initials), the names of its places (province down to its
	 * own region, and the regions just below it) and its enterprise's name, each as written and in pinyin.
	 * @param displayName the person's (or the account's) name
	 * @param placeNames the names of the account's regions, e.g. 江苏省, 苏州市, 吴中区
	 * @param enterpriseName the enterprise's name for an enterprise account, else null
	 */
	public static List<String> accountWords(String displayName, List<String> placeNames, String enterpriseName) {
		return accountWords(displayName, placeNames, enterpriseName, List.of());
	}

	/**
	 * The words of an account a guesser tries first ({@link #accountWords(String, List, String)}), then the names of
	 * the places around it a guesser who knows where the account works tries next: the other cities of its province
	 * (its capital among them), the other counties of its city, the streets of its county — each as written and in
	 * pinyin ("Nanjing", "Kunshan", "Gusu" for a bureau in 苏州市吴中区).
	 * @param nearbyPlaceNames the names of the places around the account's region, e.g. 南京市, 无锡市, 姑苏区, 昆山市
	 */
	public static List<String> accountWords(String displayName, List<String> placeNames, String enterpriseName,
			List<String> nearbyPlaceNames) {
		Set<String> words = new LinkedHashSet<>(PinyinWords.person(displayName));
		placeNames.forEach(name -> words.addAll(PinyinWords.place(name)));
		words.addAll(PinyinWords.enterprise(enterpriseName));
		nearbyPlaceNames.forEach(name -> words.addAll(PinyinWords.place(name)));
		return List.copyOf(words);
	}

	/**
	 * The user name, without its separators and its parts — split at separators and where letters meet digits, parts
	 * of one character left out (wz.staff → wzstaff, wz, staff; sz.test9 → sztest9, sz, test) — then the account's
	 * words.
	 */
	static List<String> userInputs(String username, List<String> accountWords) {
		Set<String> inputs = new LinkedHashSet<>();
		if (username != null && !Text.isBlank(username)) {
			String u = Text.strip(username).toLowerCase(Locale.ROOT);
			inputs.add(u);
			inputs.add(bare(u));
			for (String part : u.split("[^\\p{L}\\p{N}]+|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})")) {
				if (part.length() >= 2) {
					inputs.add(part);
				}
			}
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
		Objects.requireNonNull(Estimator.ZXCVBN);
	}

	/**
	 * zxcvbn with its English dictionaries and keyboards and YouGuan's pinyin words: built once, by {@link #prepare} at
	 * startup or else at the first check.
	 */
	private static final class Estimator {

		/** The lucky and easy numbers of Chinese passwords: 520 and 1314 (我爱你, 一生一世) and their combinations, 888 … */
		static final List<String> LUCKY = List.of("123", "1234", "12345", "123456", "888", "666", "520", "1314", "5201314",
				"1314520", "521", "7758521", "168", "8888", "6666");

		/** Declared after {@link #LUCKY}, which {@link #decorations} reads while it is built. */
		static final Zxcvbn ZXCVBN = build();

		private static Zxcvbn build() {
			try {
				return new ZxcvbnBuilder().dictionaries(StandardDictionaries.loadAllDictionaries())
					.keyboards(StandardKeyboards.loadAllKeyboards())
					.dictionary(new Dictionary("pinyin", PinyinWords.dictionary()))
					.dictionary(new Dictionary("brands", Stream.concat(BRANDS.stream(), WEB_PARTS.stream()).distinct().toList()))
					.dictionary(new Dictionary("decorations", decorations(Year.now(ChinaTime.ZONE).getValue())))
					.build();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * What people put around a word to pass a character-class rule, most likely first: a year near this one, a
		 * lucky or easy number (123, 888, 520, 1314, 5201314 …), alone or with a symbol before, after or on both sides
		 * ("@2026", "2026!", "#123", "@2026!"), and the lucky numbers and "abc" on their own. Without them zxcvbn
		 * counts "@2026" as 10^5 random characters, and a place name of rank 300 plus "@2026" reached 10^8 guesses; with them "Guangzhou@2026" is a place name times a
		 * decoration, as a guesser tries it.
		 */
		static List<String> decorations(int thisYear) {
			List<String> tokens = new ArrayList<>();
			for (int y = thisYear + 1; y >= thisYear - 3; y--) {
				tokens.add(Integer.toString(y));
			}
			tokens.addAll(LUCKY);
			tokens.addAll(List.of("111", "000", "001", "321", "abc"));
			for (int y = thisYear - 4; y >= thisYear - 80; y--) {
				tokens.add(Integer.toString(y));
			}
			for (int y = thisYear + 2; y <= thisYear + 10; y++) {
				tokens.add(Integer.toString(y));
			}
			List<String> before = List.of("@", "#", "_", ".", "!", "*", "&", "$", "%", "-", "+", "~");
			List<String> after = List.of("!", ".", "@", "#", "?", "*", "$", "%", "&", "~", "_", "-", "+");
			// the lucky numbers and "abc" alone first, as they follow a decorated year ("#2026" "520", "@2026" "abc")
			Set<String> words = new LinkedHashSet<>(LUCKY);
			words.add("abc");
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
		if (p.contains(u) || p.contains(new StringBuilder(u).reverse())) {
			return true;
		}
		// the name written without its separators, or with others ("t7.x" as "t7x", "t7-x"): both sides compared bare
		String bareP = bare(p);
		String bareU = bare(u);
		if (bareU.length() >= 3 && (bareP.contains(bareU) || bareP.contains(new StringBuilder(bareU).reverse()))) {
			return true;
		}
		// its parts in another order, each also backwards ("wz.staff" as "staffwz", "zwffats", "ffatswz")
		List<List<String>> parts = Arrays.stream(u.split("[^\\p{L}\\p{N}]+"))
			.filter(part -> !part.isEmpty())
			.map(List::of)
			.toList();
		return parts.size() >= 2 && parts.size() <= 4 && bareU.length() >= 3
				&& PinyinWords.orderings(parts, true).stream().anyMatch(bareP::contains);
	}

	/** {@code s} without its separators: every character that is neither a letter nor a digit left out. */
	private static String bare(String s) {
		return s.replaceAll("[^\\p{L}\\p{N}]", "");
	}

	/**
	 * Whether the password, lower-cased and without separators ("Li.Si", "zhang_san", "陈-吴中"), holds the name in
	 * 汉字 or in pinyin, surname and given name in either order ({@link PinyinWords#fullNamesInHan},
	 * {@link PinyinWords#fullNames}, ü also as v or yu).
	 */
	private static boolean containsPersonName(String password, String personName) {
		String p = bare(password.toLowerCase(Locale.ROOT));
		return Stream.concat(PinyinWords.fullNamesInHan(personName).stream(), PinyinWords.fullNames(personName).stream())
			.anyMatch(p::contains);
	}

	/**
	 * Where the password holds its first character beyond the printable ASCII a sign-in form is sure to send as typed
	 * (a letter, digit, symbol or inner space, U+0020–U+007E), not counting those {@link Text#invisibleAt} already
	 * refuses: a full-width "Ａ", a 汉字 or a Cyrillic "а" is typed differently by another keyboard or input method and
	 * would count as a character class it is not; -1 when there is none.
	 */
	static int nonAsciiAt(String password) {
		for (int i = 0; i < password.length(); i = password.offsetByCodePoints(i, 1)) {
			int c = password.codePointAt(i);
			if ((c < 0x20 || c > 0x7E) && !Text.invisible(c)) {
				return i;
			}
		}
		return -1;
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
