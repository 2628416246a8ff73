package org.youguan.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import org.youguan.kernel.Text;

/**
 * The words a Chinese postal user builds a password from, in pinyin: place names (苏州 → suzhou), people's names
 * (陈吴中 → chenwuzhong, chen, wuzhong) and the brands and words of the trade. Pinyin comes from ICU's Han-Latin
 * transliteration, one character at a time, and also from the readings in {@code security/pinyin-words.txt} for
 * characters ICU reads otherwise in names (长沙 is changsha, 曾 as a surname zeng): both spellings count, since a
 * user may type either.
 */
final class PinyinWords {

	/** Administrative suffixes left out of a place's short name: 苏州市 → 苏州, 吴中区 → 吴中, 浦东新区 → 浦东. */
	private static final Pattern PLACE_SUFFIX = Pattern.compile(
			"(?:自治区|自治州|自治县|自治旗|特别行政区|地区|林区|新区|省|市|区|县|盟|旗|镇|乡|街道)$");

	/** The peoples named before 自治: 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施, 新疆维吾尔自治区 → 新疆. */
	private static final Pattern PEOPLES = Pattern.compile("(?:(?:壮|回|维吾尔|藏|羌|彝|苗|土家|朝鲜|蒙古|布依|侗|傣|景颇|傈僳"
			+ "|白|哈尼|哈萨克|柯尔克孜|瑶|黎|畲|水|仡佬|毛南|纳西|拉祜|佤|满|锡伯|土|撒拉|东乡|保安|裕固|达斡尔|鄂温克|鄂伦春"
			+ "|仫佬|普米|怒|独龙|布朗|塔吉克)族?)+$");

	/** Company-form suffixes left out of an enterprise's short name: …顺丰快递服务有限公司 → …顺丰快递服务. */
	private static final Pattern COMPANY_SUFFIX = Pattern.compile(
			"(?:股份)?(?:有限责任公司|有限公司|集团公司|分公司|公司|营业部|营业厅|网点|分部)+$");

	private static final Set<String> NOT_PLACES = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

	private static final Map<Integer, String> READINGS = new HashMap<>();

	private static final List<String> WORDS = new ArrayList<>();

	static {
		for (String line : lines("/security/pinyin-words.txt")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				READINGS.put(line.codePointAt(0), line.substring(eq + 1));
			}
			else {
				WORDS.add(line.toLowerCase(Locale.ROOT));
			}
		}
	}

	private static final Map<Integer, String> ICU = new ConcurrentHashMap<>();

	private PinyinWords() {
	}

	/**
	 * The trade's words and the words of everyday Chinese passwords listed in {@code security/pinyin-words.txt}
	 * (youzheng, kuaidi, yzgl, woaini …), lower case, most likely first — without the place names of {@link #dictionary}.
	 */
	static List<String> words() {
		return List.copyOf(WORDS);
	}

	/**
	 * The dictionary, most likely first: the trade's words and brands, then the provinces' and prefecture-level
	 * cities' short names, their full names, then the counties' short and full names — from the region data YouGuan
	 * ships ({@code regions/*.csv}).
	 */
	static List<String> dictionary() {
		Set<String> words = new LinkedHashSet<>(WORDS);
		List<String> provinces = names("/regions/provinces.csv");
		List<String> cities = names("/regions/cities.csv");
		List<String> counties = names("/regions/areas.csv");
		for (List<String> level : List.of(provinces, cities)) {
			level.forEach(name -> words.addAll(pinyin(placeShortName(name))));
		}
		for (List<String> level : List.of(provinces, cities)) {
			level.forEach(name -> words.addAll(pinyin(name)));
		}
		counties.forEach(name -> words.addAll(pinyin(placeShortName(name))));
		counties.forEach(name -> words.addAll(pinyin(name)));
		words.removeIf(w -> w.length() < 3);
		return List.copyOf(words);
	}

	/** A place's name and short name, each as written and in pinyin; nothing for 市辖区 and the like. */
	static List<String> place(String name) {
		if (name == null || NOT_PLACES.contains(name)) {
			return List.of();
		}
		Set<String> words = new LinkedHashSet<>();
		String shortName = placeShortName(name);
		words.add(name);
		words.add(shortName);
		words.addAll(pinyin(shortName));
		words.addAll(pinyin(name));
		return List.copyOf(words);
	}

	/**
	 * A person's name as written and in pinyin: whole (chenwuzhong), surname (chen), given name (wuzhong), initials
	 * (cwz) and the given name's syllables in another order (zhongwu). A name in Latin letters is taken as it is.
	 */
	static List<String> person(String name) {
		if (name == null || Text.isBlank(name)) {
			return List.of();
		}
		String n = Text.strip(name);
		Set<String> words = new LinkedHashSet<>();
		words.add(n);
		words.addAll(pinyin(n));
		int chars = n.codePointCount(0, n.length());
		if (chars >= 2 && chars <= 4 && n.codePoints().allMatch(PinyinWords::han)) {
			int split = n.offsetByCodePoints(0, 1);
			words.addAll(pinyin(n.substring(0, split)));
			words.addAll(pinyin(n.substring(split)));
			StringBuilder initials = new StringBuilder();
			n.codePoints().forEach(c -> initials.append(syllable(c).charAt(0)));
			words.add(initials.toString());
			// the given name's syllables in another order (吴中 → zhongwu): tried as soon as the name itself
			words.addAll(orderings(readings(n.substring(split)), false));
		}
		return List.copyOf(words);
	}

	/**
	 * A person's full name in pinyin as a password would hold it: surname then given name and given name then surname,
	 * syllables joined, lower case, without tones (ICU's reading and the reading in names, {@link #READINGS}): 李四 →
	 * lisi, sili; 张三 → zhangsan, sanzhang. A name of three or four 汉字 is also split after its second character, for a
	 * two-character surname (欧阳修 → ouyangxiu, xiuouyang). A syllable with ü (吕 lü, 女 nü — which ICU's ASCII form
	 * turns into u) is spelt each way people type it: u, v and yu (吕伟 → luwei, lvwei, lyuwei). Then the syllables in
	 * every other order, each also written backwards ({@link #orderings}: 陈吴中 → zhongwuchen, nehcgnohzuw). Nothing for a name
	 * that is not two to four 汉字, and no spelling shorter than four letters (it would be found inside everyday words).
	 * @param name the person's name as registered (display name), may be null
	 * @return the spellings, most usual first
	 */
	static List<String> fullNames(String name) {
		Set<String> spellings = new LinkedHashSet<>();
		List<String[]> splits = nameParts(name);
		for (String[] parts : splits) {
			for (String surname : spellings(parts[0])) {
				for (String given : spellings(parts[1])) {
					spellings.add(surname + given);
					spellings.add(given + surname);
				}
			}
		}
		if (!splits.isEmpty()) {
			// then every other order of its syllables, each also written backwards (陈吴中 → zhongwuchen, nehcgnohzuw)
			spellings.addAll(orderings(readings(Text.strip(name)), true));
		}
		spellings.removeIf(s -> s.length() < 4);
		return List.copyOf(spellings);
	}

	/**
	 * Every order of the given syllables joined, each syllable in any of its spellings and, when {@code backwards},
	 * also written backwards on its own (chen, wu, zhong → chenwuzhong, zhongwuchen, nehcgnohzuw, chengnohzuw …): the
	 * shuffles and reversals a guesser tries once the name itself is refused. At most four syllables (a name of two
	 * to four 汉字): 4! orders.
	 * @param syllables each syllable's spellings, in the name's order
	 * @return the joined spellings, the name's own order first
	 */
	static List<String> orderings(List<List<String>> syllables, boolean backwards) {
		Set<String> joined = new LinkedHashSet<>();
		for (List<Integer> order : orders(syllables.size())) {
			List<String> partial = List.of("");
			for (int index : order) {
				List<String> next = new ArrayList<>();
				for (String before : partial) {
					for (String spelling : syllables.get(index)) {
						next.add(before + spelling);
						if (backwards) {
							next.add(before + new StringBuilder(spelling).reverse());
						}
					}
				}
				partial = next;
			}
			joined.addAll(partial);
		}
		return List.copyOf(joined);
	}

	/** The orders of the indexes 0 … n-1 (n at most 4), the natural order first. */
	static List<List<Integer>> orders(int n) {
		if (n == 0) {
			return List.of(List.of());
		}
		List<List<Integer>> orders = new ArrayList<>();
		for (List<Integer> shorter : orders(n - 1)) {
			for (int at = shorter.size(); at >= 0; at--) {
				List<Integer> order = new ArrayList<>(shorter);
				order.add(at, n - 1);
				orders.add(List.copyOf(order));
			}
		}
		return orders;
	}

	/**
	 * A person's full name in 汉字 as a password would hold it: as written, and given name then surname — split after
	 * the first character and, for three or four, also after the second (陈吴中 → 陈吴中, 吴中陈, 中陈吴) —, then its
	 * characters in every other order (陈中吴, 吴陈中, 中吴陈).
	 * @param name the person's name as registered (display name), may be null
	 * @return the forms, as written first; nothing for a name that is not two to four 汉字
	 */
	static List<String> fullNamesInHan(String name) {
		Set<String> forms = new LinkedHashSet<>();
		List<String[]> splits = nameParts(name);
		for (String[] parts : splits) {
			forms.add(parts[0] + parts[1]);
			forms.add(parts[1] + parts[0]);
		}
		if (!splits.isEmpty()) {
			// then every other order of its characters (中吴陈, 吴陈中 …)
			forms.addAll(orderings(Text.strip(name).codePoints().mapToObj(c -> List.of(Character.toString(c))).toList(),
					false));
		}
		return List.copyOf(forms);
	}

	/**
	 * The ways a name of two to four 汉字 splits into surname and given name: after the first character and, for three
	 * or four, after the second (a two-character surname, 欧阳修); nothing for another name.
	 */
	private static List<String[]> nameParts(String name) {
		if (name == null || Text.isBlank(name)) {
			return List.of();
		}
		String n = Text.strip(name);
		int chars = n.codePointCount(0, n.length());
		if (chars < 2 || chars > 4 || !n.codePoints().allMatch(PinyinWords::han)) {
			return List.of();
		}
		List<String[]> parts = new ArrayList<>();
		for (int surnameChars = 1; surnameChars <= Math.min(2, chars - 1); surnameChars++) {
			int split = n.offsetByCodePoints(0, surnameChars);
			parts.add(new String[] { n.substring(0, split), n.substring(split) });
		}
		return parts;
	}

	/**
	 * Every spelling of a few 汉字 in pinyin: each character's ICU reading, its reading in names ({@link #READINGS}) and,
	 * for a ü, its spellings u, v and yu, combined in order (吕 → lu, lv, lyu).
	 */
	private static List<String> spellings(String text) {
		List<String> spellings = List.of("");
		for (List<String> readings : readings(text)) {
			List<String> next = new ArrayList<>();
			for (String before : spellings) {
				readings.forEach(r -> next.add(before + r));
			}
			spellings = next;
		}
		return spellings;
	}

	/** Each character's spellings in pinyin ({@link #spellings}), in the text's order: 吕伟 → [lu, lv, lyu], [wei]. */
	private static List<List<String>> readings(String text) {
		List<List<String>> all = new ArrayList<>();
		for (int c : text.codePoints().toArray()) {
			Set<String> readings = new LinkedHashSet<>(UMLAUT_SPELLINGS.computeIfAbsent(c, PinyinWords::umlautSpellings));
			if (READINGS.containsKey(c)) {
				readings.add(READINGS.get(c));
			}
			all.add(List.copyOf(readings));
		}
		return all;
	}

	private static final Map<Integer, List<String>> UMLAUT_SPELLINGS = new ConcurrentHashMap<>();

	/** A character's ICU reading, its ü written u, v and yu when it has one (吕 lǚ → lu, lv, lyu), else the reading alone. */
	private static List<String> umlautSpellings(int c) {
		String reading = Normalizer.normalize(Holder.HAN_LATIN_TONED.transliterate(new String(Character.toChars(c))),
				Normalizer.Form.NFD);
		if (!reading.contains("u\u0308")) {
			return List.of(syllable(c));
		}
		String marked = reading.replace("u\u0308", "\u00fc").replaceAll("[^a-z\u00fc]", "");
		return List.of(marked.replace("\u00fc", "u"), marked.replace("\u00fc", "v"), marked.replace("\u00fc", "yu"));
	}

	/** An enterprise's name as written and in pinyin, whole and without its company form (有限公司, 分公司 …). */
	static List<String> enterprise(String name) {
		if (name == null || Text.isBlank(name)) {
			return List.of();
		}
		String n = Text.strip(name);
		String shortName = COMPANY_SUFFIX.matcher(n).replaceFirst("");
		Set<String> words = new LinkedHashSet<>();
		words.add(n);
		words.add(shortName);
		words.addAll(pinyin(shortName));
		words.addAll(pinyin(n));
		return List.copyOf(words);
	}

	/** 苏州市 → 苏州, 延边朝鲜族自治州 → 延边, 内蒙古自治区 → 内蒙古; the name itself when less than two characters remain. */
	static String placeShortName(String name) {
		String shortName = PLACE_SUFFIX.matcher(name).replaceFirst("");
		if (name.contains("自治")) {
			String withoutPeoples = PEOPLES.matcher(shortName).replaceFirst("");
			shortName = withoutPeoples.codePointCount(0, withoutPeoples.length()) >= 2 ? withoutPeoples : shortName;
		}
		return shortName.codePointCount(0, shortName.length()) >= 2 ? shortName : name;
	}

	/**
	 * The pinyin of a text, syllables joined, without tones, lower case: ICU's reading and, where a character has a
	 * reading of its own in names, that one too (长沙 → zhangsha, changsha). Characters other than 汉字 are kept as
	 * they are, lower-cased; nothing for a text without any 汉字.
	 */
	static List<String> pinyin(String text) {
		if (text == null || text.codePoints().noneMatch(PinyinWords::han)) {
			return List.of();
		}
		StringBuilder usual = new StringBuilder();
		StringBuilder named = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (han(c)) {
				usual.append(syllable(c));
				named.append(READINGS.getOrDefault(c, syllable(c)));
			}
			else if (Character.isLetterOrDigit(c)) {
				usual.appendCodePoint(Character.toLowerCase(c));
				named.appendCodePoint(Character.toLowerCase(c));
			}
		});
		return usual.toString().equals(named.toString()) ? List.of(usual.toString())
				: List.of(named.toString(), usual.toString());
	}

	private static boolean han(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	private static String syllable(int c) {
		return ICU.computeIfAbsent(c, k -> Holder.HAN_LATIN.transliterate(new String(Character.toChars(k)))
			.replaceAll("[^a-z]", ""));
	}

	private static final class Holder {

		/** ICU's Han-Latin rules are large: loaded at the first password checked, not at start. */
		static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

		/** The reading with its tone marks and ü kept (吕 → lǚ), for {@link #umlautSpellings}. */
		static final Transliterator HAN_LATIN_TONED = Transliterator.getInstance("Han-Latin; Lower");
	}

	/** The names (second column) of a region CSV shipped with YouGuan ({@code code,"name",…}). */
	private static List<String> names(String resource) {
		List<String> names = new ArrayList<>();
		List<String> lines = lines(resource);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",");
			if (cells.length > 1) {
				names.add(cells[1].replace("\"", ""));
			}
		}
		return names;
	}

	/** A text resource's lines, stripped, without blank lines and "#" comments. */
	static List<String> lines(String resource) {
		try (InputStream in = PinyinWords.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(Text::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
