package org.youguan.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects every failed check of a form or an import row, so the user sees all of them at once.
 */
public final class Validation {

	private final List<FieldError> errors = new ArrayList<>();

	/** Fields that failed before these checks (a form's malformed values): their later failures are not added. */
	private final Set<String> settled = new HashSet<>();

	/**
	 * The markup found in free texts and names by {@link #maxLength} and {@link #name(String, String, String)}, by field:
	 * told only for a field no other rule refused ({@link #errors}), so a 文号, 证号 or 编号 holding "&lt;b&gt;" is told
	 * by the rule of what such a number is written with, which names the character, and a name by {@link #wordsOnly}.
	 */
	private final Map<String, FieldError> markup = new LinkedHashMap<>();

	/** The bundle keys of failures that carry one ({@link #require(String, boolean, String, Wording, String)}). */
	private final Map<FieldError, Wording> wordings = new HashMap<>();

	/** Checks starting with no failure. */
	public Validation() {
	}

	/**
	 * The checks of a service continuing those a form ran while reading its values (a date or number it could not
	 * read): they start with the form's failures, so one answer names every broken field, and a field the form already
	 * refused is not refused again for the null it became ("不能为空" after "应为日期").
	 * @param earlier the form's failures, or an empty list
	 */
	public static Validation after(List<FieldError> earlier) {
		Validation v = new Validation();
		v.errors.addAll(earlier);
		earlier.forEach(e -> v.settled.add(e.field()));
		return v;
	}

	/**
	 * A value read by {@code parse} (a credit code, a telephone, an ID number): its refusal's failures are this
	 * field's, each keeping its sentence's key ({@link DomainException#wording(FieldError)}), so a page words a
	 * malformed credit code in the reader's language as the refusal thrown alone would be.
	 * @return the value read, or null when it was refused
	 */
	public <T> T check(String field, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidValueException ex) {
			// each failure keeps its sentence's key (a phone's, a number's), so a page words it in the reader's language
			InvalidValueException renamed = ex.forField(field);
			for (FieldError error : renamed.fieldErrors()) {
				Wording words = renamed.wording(error);
				if (add(error) && words != null) {
					wordings.put(error, words);
				}
			}
			return null;
		}
	}

	public Validation require(String field, boolean condition, String rule, String message) {
		if (!condition) {
			add(new FieldError(field, rule, message));
		}
		return this;
	}

	/**
	 * {@link #require(String, boolean, String, String)} with the sentence's bundle key: when this failure is the first
	 * one {@link #throwIfInvalid} throws, the exception carries {@code wording}, so a page words it in the reader's
	 * language (the API's problem keeps the Chinese {@code message}).
	 * @param wording the sentence as a bundle key with its values, the Chinese of which is {@code message}
	 */
	public Validation require(String field, boolean condition, String rule, Wording wording, String message) {
		if (!condition) {
			FieldError error = new FieldError(field, rule, message);
			if (add(error)) {
				wordings.put(error, wording);
			}
		}
		return this;
	}

	/**
	 * A value that could not be read is told once, by the rule its reading broke, as an import's row tells a cell
	 * ({@code RowContext.fail}): a fine of 1e20 is "too many digits", not that and "须大于0" for the null it became; a
	 * field a form refused while reading it ({@link #after}) likewise. Rules about a value that was read still add up —
	 * a checklist names each of its bad lines.
	 */
	private boolean add(FieldError error) {
		if (settled.contains(error.field())) {
			return false;
		}
		errors.add(error);
		if (UNREADABLE.contains(error.rule())) {
			settled.add(error.field());
		}
		return true;
	}

	/** The rules a value breaks when it cannot be read at all: a number, a date or a choice of the wrong shape. */
	private static final Set<String> UNREADABLE = Set.of("number", "digits", "integer", "date", "format");

	/**
	 * The value must hold something visible: blank, or made only of whitespace and invisible format characters
	 * (zero-width space U+200B, joiners, U+FEFF…, see {@link Text#isBlank}), is "不能为空".
	 */
	public Validation required(String field, String label, String value) {
		return require(field, !Text.isBlank(value), "required", Wording.of("kernel.invalid.required", label), label + "不能为空");
	}

	/**
	 * A value a form or sheet read (a number, a choice) that must be given: none — an empty field — is "不能为空", told
	 * before and instead of the range a value must lie in (an empty 完成进度 is not "应为0至100": attack 71 B4). Use
	 * it with the range's check written for a value that is there ({@code value == null || …}).
	 * @param value the value as read, null for an empty field
	 */
	public Validation given(String field, String label, Object value) {
		return require(field, value != null, "required", Wording.of("kernel.invalid.required", label), label + "不能为空");
	}

	/**
	 * A money amount in yuan as typed: at most two decimals (fen), refused rather than rounded (1.005 is not silently
	 * 1.01), and refused when its notation would have to be expanded to read it (1e5 is not silently 100000: a
	 * negative scale). The value alone is judged, not the notation: an exponent form that writes the digits out to
	 * the fen (1.00e1, 1.23456e3 = 1234.56) is that amount. The message
	 * shows the value written out as it should be typed ({@link Decimals#echo(BigDecimal)}: 1e5 as "应写作：100000",
	 * never Java's 1E+5; only a value too long to write out, {@code 1e-30000000}, keeps its exponent). A field already
	 * refused (by a rule checked before this one) is not told again: one message a value, naming the first rule it broke.
	 */
	public Validation money(String field, String label, BigDecimal value) {
		if (value == null || hasError(field)) {
			return this;
		}
		if (value.scale() < 0) {
			return require(field, false, "money", label + "请写成普通数字（元，最多两位小数），不能用科学计数法，应写作：" + Decimals.echo(value));
		}
		return require(field, value.scale() <= 2, "money", label + "最多两位小数（精确到分），不会自动四舍五入：" + Decimals.echo(value));
	}

	/**
	 * A whole number (件, 人, 家, a count) as typed, of at most {@code digits} digits, or null when blank; a fraction
	 * ({@code 1.5}) is this field's error (rule {@code integer}), as is text that is no number ({@code number}) or too
	 * many digits ({@code digits}). {@code 30.0} is 30.
	 */
	public Long whole(String field, String label, String text, int digits) {
		BigDecimal d = decimal(field, label, text, digits, 0);
		return d == null ? null : d.longValueExact();
	}

	/**
	 * At most {@code max} characters as the user sees and PostgreSQL's {@code varchar(n)} counts them — code points, so
	 * an emoji or a rare name character outside the Basic Multilingual Plane (𠮷) is one character, not the two UTF-16
	 * units Java stores it in; else this field's error (rule {@code max-length}, "{label}不能超过{max}个字符"). Null passes.
	 * <p>Every free text and name of every form, body and sheet is held to this check, and with it to two rules of what
	 * such a text is written with: no run of stacked combining marks ({@link #ownWords}, the length and marks checked
	 * there, one rule in one place) and no markup (rule {@code markup}, {@link #MARKUP}: a tag, a closing tag, a comment
	 * or a processing instruction — {@code <} or ＜ followed by a letter, {@code /}, {@code !} or {@code ?}) — a reason,
	 * report, opinion, description, address or name is printed as typed on documents (.docx), notices, public lists and
	 * sheets, where "&lt;script&gt;" or "&lt;b&gt;" would stand in the official text. A comparison is no markup and
	 * passes: "增长&gt;5%", "&lt;3天", "≥95%", "＞10件". Markup is told only when no other rule refused the field
	 * ({@link #errors}).
	 */
	public Validation maxLength(String field, String label, String value, int max) {
		markupUnlessRefused(field, value, label + TEXT_MARKUP, false);
		return ownWords(field, label, value, max);
	}

	/**
	 * A person's own account kept as typed, as evidence (a complaint's 申诉内容): at most {@code max} characters and no
	 * stacked combining marks — the checks every free text runs ({@link #maxLength} adds the markup rule to them) — but
	 * markup is not refused: the account is the filer's words (the public contract of 申诉 takes "&lt;script&gt;" and the
	 * pages show it escaped), quoted as theirs, never printed as the bureau's own text. Null passes.
	 */
	public Validation ownWords(String field, String label, String value, int max) {
		require(field, value == null || value.length() <= max || value.codePointCount(0, value.length()) <= max,
				"max-length", Wording.of("kernel.invalid.maxLengthTyped", label, max), label + "不能超过" + max + "个字符");
		return combiningMarks(field, label, value);
	}

	/** What a free text holding markup is told ({@link #maxLength}, {@link #plainText}), after its label. */
	private static final String TEXT_MARKUP = "不能含有网页标记（“<”后紧接字母或“/”“!”“?”，如“<b>”“</p>”“<!--”），该内容会原样写入文书、页面和公告；"
			+ "表示比较的“<”“>”可以使用（如“<3天”“增长>5%”）";

	/** What a name, address or place holding markup is told ({@link #name(String, String, String)}), after its label. */
	private static final String NAME_MARKUP = "不能含有网页标记（“<”后紧接字母或“/”“!”“?”，如“<b>”“</b>”），名称、地址会原样印在文书、页面和公示名单上，"
			+ "请只填写名称或地址本身";

	/**
	 * Notes markup ({@link #MARKUP}) in {@code value} as this field's error (rule {@code markup}, {@code message}), told
	 * unless another rule refuses the field ({@link #errors}). One note a field, in the words of what the field is: a
	 * name's ({@code name}: {@link #name(String, String, String)}, {@link #NAME_MARKUP}) over a free text's
	 * ({@link #maxLength}, {@link #TEXT_MARKUP}) whichever ran first — a one-line name checked for its length before its
	 * name rules ({@link #name(String, String, String, int)}, {@link #line}) was told the free text's words; else the
	 * first note stands.
	 */
	private void markupUnlessRefused(String field, String value, String message, boolean name) {
		if (value != null && MARKUP.matcher(value).find()) {
			FieldError note = new FieldError(field, "markup", message);
			if (name) {
				markup.put(field, note);
			}
			else {
				markup.putIfAbsent(field, note);
			}
		}
	}

	/**
	 * The most combining marks (Unicode Mn, Me, Mc) a text may stack on one character: Vietnamese stacks two, Indic and
	 * Tibetan scripts a few; a longer run ("a" and 1999 marks, "Zalgo" text) is no writing — it draws over the lines
	 * above and below on every page, list and document that shows it, and passes a length check as a few letters.
	 */
	public static final int MAX_COMBINING_RUN = 8;

	/**
	 * A text holds no run of more than {@link #MAX_COMBINING_RUN} combining marks in a row (rule {@code combining-marks});
	 * checked with every length ({@link #maxLength}), so every free text and name of every form, body and sheet is held
	 * to it. Null passes.
	 */
	public Validation combiningMarks(String field, String label, String value) {
		if (value == null) {
			return this;
		}
		int run = 0;
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			run = combiningMark(value.codePointAt(i)) ? run + 1 : 0;
			if (run > MAX_COMBINING_RUN) {
				return require(field, false, "combining-marks", label + "含有连续叠加的组合附加符号（超过" + MAX_COMBINING_RUN
						+ "个，如叠加的重音符），会遮盖上下行的文字，请删除后重试");
			}
		}
		return this;
	}

	/**
	 * A name — a person's, a department's, a brand's, an outlet's, an enterprise's, a plan's — holds no character inside
	 * it that shows nothing and is no space ({@link Text#hiddenAt}: zero-width space U+200B, the joiners U+200C/U+200D,
	 * U+2060, U+FEFF, the Braille blank U+2800, the Hangul fillers, a tab …): "顺丰\u200B速运" would look like "顺丰速运" and
	 * pass every uniqueness rule as another name (rule {@code invisible-character}); a line break inside (an import
	 * cell's Alt+Enter, U+2028, U+2029) is refused saying so (rule {@code line-break}). Spaces inside are stored as one
	 * ASCII space ({@link Text#name}). Such characters around the name are
	 * stripped ({@link Text#strip}), and a name of only them is blank ({@link #required}). Nor does a name start with a
	 * combining mark (Unicode categories Mn, Me, Mc: U+0301 the acute accent, U+20DD the enclosing circle …), which
	 * belongs to the character before it and alone shows nothing or a stray accent: "\u0301" is no one's name (rule
	 * {@code combining-mark}). Nor does it mix letters that pass for Latin ones (Cyrillic, Greek …) with Latin or Han
	 * letters ({@link Text#mixedScriptAt}: "顺丰Ехpress" with a Cyrillic Е and х; rule {@code look-alike-character}).
	 * Nor does it hold markup (rule {@code markup}: "南京&lt;b&gt;市&lt;/b&gt;邮政管理局", "…&lt;img src=x onerror=…&gt;"):
	 * a registered name, a bureau's name, an address or a place is printed as typed on every document, licence and
	 * public list; told unless another rule refuses the field ({@link #errors}: a name written in words only is told by
	 * {@link #wordsOnly}, naming the character). Nor is it made only of punctuation, brackets and symbols ("——",
	 * "（ ）"; rule {@code no-words}): its twin key ({@link Text#textKey}) would be empty. Null passes.
	 */
	public Validation name(String field, String label, String value) {
		nameRules(field, label, value, true);
		String typed = Text.strip(value);
		if (typed != null && !typed.isEmpty() && !hasError(field) && Text.textKey(typed).isEmpty()) {
			// "——" or "（ ）" names nothing, and its twin key (Text.textKey) is empty, so every such name would be one
			// another's twin: a name holds a letter or a digit
			require(field, false, "no-words", label + "不能只由标点、括号或符号组成，请填写含汉字、字母或数字的名称");
		}
		return this;
	}

	/**
	 * The name's rules ({@link #name(String, String, String)}); markup told in a name's words only when
	 * {@code asName} (a one-line text that is no name has been told it as a free text by its length check,
	 * {@link #line}).
	 */
	private Validation nameRules(String field, String label, String value, boolean asName) {
		String typed = Text.strip(value);
		if (asName) {
			markupUnlessRefused(field, typed, label + NAME_MARKUP, true);
		}
		int at = Text.hiddenAt(typed);
		if (at >= 0 && lineBreak(typed.charAt(at))) {
			// an import cell's Alt+Enter, or Enter in a pasted name: say so, a code point means nothing to the user
			require(field, false, "line-break", label + "含换行，请改为一行");
			at = -1;
		}
		require(field, at < 0, "invisible-character", label + "含有看不见的字符（"
				+ (at < 0 ? "" : Text.codePoint(typed, at)) + "，如零宽空格、盲文空白、韩文填充符），请删除后重试");
		boolean mark = typed != null && !typed.isEmpty() && combiningMark(typed.codePointAt(0));
		require(field, !mark, "combining-mark", label + "不能以组合附加符号开头（"
				+ (mark ? Text.codePoint(typed, 0) : "") + "，如单独的重音符、圈号），它只能附在前一个字符上，请填写完整的名称");
		documentText(field, label, value);
		symbols(field, label, typed);
		int alike = Text.mixedScriptAt(typed);
		return require(field, alike < 0, "look-alike-character", label + "在汉字或英文字母中夹有形似英文字母的外文字母（"
				+ (alike < 0 ? "" : Text.codePoint(typed, alike)) + "，如西里尔字母、希腊字母），请改用英文字母");
	}

	/**
	 * A name, an address or a place ({@link #name(String, String, String)}, {@link #line}) holds no emoji, pictograph or
	 * other symbol and no control character (rule {@code characters}, naming the first one): "苏州😀快递有限公司" or
	 * "顺丰木渎|快递站" would be printed so on the filing receipt, the licence and the public outlet list. Refused, as a
	 * person's name refuses them ({@link #personName}): a symbol ({@link #symbol}: Unicode So and Sk — 😀 ★ ☎ ™ and
	 * the skin-tone modifiers — with the emoji variation selectors), the separators {@code |} and ｜, a control
	 * character, an unassigned code point or a lone surrogate. Every letter of any script, digits, spaces and the
	 * punctuation of Chinese names and addresses — （）()·・、，-—《》“”/：# &amp; and the like — pass, and so does ○, with
	 * which 〇 is often typed (二○二六), and the degree sign ° (东经120°). Null and a field already refused pass.
	 */
	private Validation symbols(String field, String label, String typed) {
		if (typed == null || hasError(field)) {
			return this;
		}
		for (int i = 0; i < typed.length(); i += Character.charCount(typed.codePointAt(i))) {
			int c = typed.codePointAt(i);
			if (symbol(c)) {
				// in the words of a name written in words only (wordsOnly): one message of the rule for every name
				String shown = Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED
						|| Character.getType(c) == Character.SURROGATE ? Text.codePoint(typed, i) : new String(Character.toChars(c));
				return require(field, false, "characters", Wording.of("kernel.invalid.nameCharacters", label, shown),
						label + "只能含汉字、字母、数字和常用标点（如（）·、-），不能含“" + shown + "”");
			}
		}
		return this;
	}

	/** Whether a code point is refused in a name, an address or a place ({@link #symbols}). */
	private static boolean symbol(int c) {
		int type = Character.getType(c);
		return type == Character.OTHER_SYMBOL && c != '○' && c != '°' || type == Character.MODIFIER_SYMBOL || type == Character.CONTROL
				|| type == Character.UNASSIGNED || type == Character.SURROGATE || c == '|' || c == '｜'
				|| c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF || c >= 0xE0000 && c <= 0xE007F;
	}

	/**
	 * The one rule of a text printed as typed on a document, a certificate, a notice or a public list and exported to
	 * sheets (a name, an address, a service area, a place, a channel — every {@link #name(String, String, String)} and
	 * {@link #line} runs it): it does not begin as a spreadsheet formula (rule {@code formula}) — with {@code =},
	 * {@code +} or {@code @}, with {@code -} followed by anything but a digit ("-5℃" is a temperature, "-HYPERLINK(…)"
	 * a formula) — OWASP CSV injection: "=cmd|' /C calc'!A0" printed on a 许可证 or pasted from an export into a sheet
	 * runs. A leading tab or carriage return, the other formula starters, never reaches a record: every reader strips
	 * it ({@link Text#strip}), and the text after it is what is judged. The exports write such cells as text, but the
	 * certificate and a sheet saved on as CSV carry the text itself. A person's name refuses these characters anywhere
	 * ({@link #wordsOnly}).
	 * Null passes; a field already refused is not told again.
	 * @param field the field's name in the request
	 * @param label the field's Chinese label, named in the message
	 * @param value the text as typed
	 */
	public Validation documentText(String field, String label, String value) {
		if (value == null || value.isEmpty() || hasError(field)) {
			return this;
		}
		String typed = Text.strip(value);
		return require(field, typed == null || typed.isEmpty() || !startsFormula(typed), "formula",
				Wording.of("kernel.invalid.formula", label), label + "不能以“=”“+”“@”开头，也不能以“-”开头后接非数字或公式符号"
				+ "（如“=HYPERLINK(…)”“-1+cmd|…!A0”），该内容会原样印在文书、证照和公示名单上并导出到表格，表格软件会把它当作公式执行");
	}

	/**
	 * A free text of a document that is printed and exported item by item (a work plan's 任务内容, 进展情况, 总体工作要求):
	 * at most {@code max} characters with the checks of every free text ({@link #maxLength}) and the one rule of
	 * document text ({@link #documentText}, rule {@code formula}) — judged after a leading space, tab, zero-width
	 * character or BOM is stripped ({@link Text#strip}), so "\u200B=HYPERLINK(…)" is refused as "=HYPERLINK(…)" is.
	 * Null passes.
	 */
	public Validation documentText(String field, String label, String value, int max) {
		maxLength(field, label, value, max);
		return documentText(field, label, value);
	}

	/**
	 * Whether a stripped text begins as a formula: = + @, or - followed by anything but a digit (a lone - is text), or -
	 * and a digit followed later by what only a formula holds ({@link #FORMULA_AFTER_NUMBER}: "-1+cmd|' /C calc'!A0",
	 * the DDE payload, or "-1+HYPERLINK(…)"), while "-1楼", "-2层B区" or "-5℃" are text.
	 */
	private static boolean startsFormula(String typed) {
		char first = typed.charAt(0);
		if (first == '=' || first == '+' || first == '@') {
			return true;
		}
		return first == '-' && typed.length() > 1
				&& (!Character.isDigit(typed.charAt(1)) || FORMULA_AFTER_NUMBER.matcher(typed.substring(1)).find());
	}

	/**
	 * After a leading sign and a digit, what turns a number into a formula a spreadsheet runs: an operator joining it
	 * to more ({@code + * / ^ &} — "-1+cmd|…", "-1&HYPERLINK(…)"), a call's or a reference's bracket or mark
	 * ({@code ( = ! | " $ ;}). A hyphen ("-1-2号") or a letter alone ("-2层B区") joins nothing a spreadsheet runs.
	 */
	private static final Pattern FORMULA_AFTER_NUMBER = Pattern.compile("[+*/^&(=!|\"$;]");

	/** The fewest characters an address printed on a document holds ({@link #address}): 区县、街道门牌 at the least. */
	public static final int MIN_ADDRESS_LENGTH = 5;

	/**
	 * An address printed on a document or certificate (经营场所地址, 网点地址, 交接点地址): a {@link #line} of at most
	 * {@code max} characters, no formula ({@link #documentText}), and a real address — at least
	 * {@link #MIN_ADDRESS_LENGTH} characters of which at least two are 汉字 or letters (rule {@code address}: "1", "x"
	 * or "12345" locates nothing). Null and blank pass (an optional address left empty; pair with {@link #required}).
	 */
	public Validation address(String field, String label, String value, int max) {
		line(field, label, value, max);
		String typed = Text.name(value);
		if (typed == null || typed.isBlank() || hasError(field)) {
			return this;
		}
		long letters = typed.codePoints().filter(Character::isLetter).count();
		require(field, typed.codePointCount(0, typed.length()) >= MIN_ADDRESS_LENGTH && letters >= 2, "address",
				label + "应填写完整的地址（至少" + MIN_ADDRESS_LENGTH + "个字，含市、区县、街道和门牌号等），该地址会印在文书和证照上");
		Matcher labelled = ADDRESS_LABEL.matcher(Text.folded(typed));
		if (!hasError(field) && labelled.find()) {
			String words = labelled.group(1);
			require(field, false, "address-label", Wording.of("kernel.invalid.addressLabel", label, words),
					label + "只填写地址本身，不要以“" + words + "”等说明文字开头（该地址会原样印在文书和证照上）");
		}
		return this;
	}

	/**
	 * A label typed before an address ("注册地：", "地址:", "（住所）", "经营场所地址为", "所在地："): the words of a label,
	 * optionally in brackets and followed by a colon or 为/是. Saved with the address it was printed on the decision and
	 * certificate ("变更为“注册地：浙江省…”"), so it is refused on every address field ({@link #address}), not stripped.
	 * Bare 地 starts a real address (地安门), so it counts only after a label's word (注册地, 所在地).
	 */
	private static final Pattern ADDRESS_LABEL = Pattern.compile("^\\s*[（(【\\[]?\\s*((?:(?:" + Validation.LABEL_WORDS
			+ ")*(?:地址|住所|住址|场所|地点)|(?:" + Validation.LABEL_WORDS + ")+地)(?:为|是)?)\\s*(?:[）)】\\]]\\s*[:：]?|[:：]|(?<=为|是))");

	/** The words a label of an address is made of ("注册", "经营", "所在" …). */
	private static final String LABEL_WORDS = "注册|经营|办公|通讯|通信|联系|详细|企业|单位|实际|营业|收件|寄件|所在|公司|住所|场所";

	/**
	 * A short text that names a place, an area or a body and is printed on a document (服务地域, 被申诉企业, 投诉渠道): at
	 * most {@code max} characters ({@link #maxLength}), no formula ({@link #documentText}), and at least two 汉字 or
	 * letters (rule {@code words}: "1" or "x" names nothing). Null passes.
	 */
	public Validation placeText(String field, String label, String value, int max) {
		maxLength(field, label, value, max);
		documentText(field, label, value);
		return words(field, label, value);
	}

	/**
	 * A text that names a place, an area or a body holds at least two 汉字 or letters (rule {@code words}: "1" or "x"
	 * names nothing, "村委会" or "全国" does). Null and a field already refused pass.
	 */
	public Validation words(String field, String label, String value) {
		String typed = Text.strip(value);
		if (typed == null || typed.isEmpty() || hasError(field)) {
			return this;
		}
		return require(field, typed.codePoints().filter(Character::isLetter).count() >= 2, "words",
				label + "应填写文字（至少两个汉字或字母），该内容会印在文书和公示名单上");
	}

	/**
	 * A one-line text that is no name — an address, a place, opening hours, a training topic, a seized item — of at
	 * most {@code max} characters ({@link #maxLength}) under the name's rules ({@link #name(String, String, String)}): no
	 * line break inside (rule {@code line-break}: a pasted "…26号\n二楼" would print as two lines on a list, a notice
	 * or a sheet), no hidden character (rule {@code invisible-character}: "…街道\u200B越溪路26号" would look like the
	 * address it copies and pass a duplicate check as another), no leading combining mark. Stored as {@link Text#name}
	 * gives it (spaces inside as one ASCII space). Null passes (pair with {@link #required} where it is required).
	 */
	public Validation line(String field, String label, String value, int max) {
		maxLength(field, label, value, max);
		return nameRules(field, label, value, namesAPlace(label));
	}

	/**
	 * The words in a label that make a one-line text a name, an address or a place ({@link #line}): told markup in a
	 * name's words ({@link #NAME_MARKUP}: "名称、地址会原样印在…公示名单上，请只填写名称或地址本身"). Any other one-line
	 * text — a note (送达说明), a reason (吊销原因), a title, a number, opening hours, a seed — is told in a free text's
	 * ({@link #TEXT_MARKUP}): it is neither a name nor an address, and was told to write one.
	 */
	private static final List<String> PLACE_WORDS = List.of("名称", "地址", "地点", "场所", "局所", "机关", "单位", "姓名");

	/** Whether a one-line text labelled {@code label} is a name, an address or a place ({@link #PLACE_WORDS}). */
	private static boolean namesAPlace(String label) {
		return label != null && PLACE_WORDS.stream().anyMatch(label::contains);
	}

	/**
	 * A one-line list of names typed in one box (联合执法单位, 培训对象: "市公安局、海关 邮政分公司"): no line break or tab
	 * anywhere in it (rule {@code line-break}: the list prints on one line of a ledger, a sheet or the audit trail; the
	 * names are separated by 、 , ， ; ； or a space), and each name as {@link Text#names} splits it under the name's rules
	 * ({@link #name(String, String, String)}: no hidden character inside such as U+200B, rule {@code invisible-character};
	 * no leading combining mark), the message naming the list and the name's place in it ("培训对象第2个名称…"). The length
	 * and whether it is required are the caller's ({@link #maxLength}, {@link #required}). Null passes.
	 */
	public Validation names(String field, String label, String value) {
		return list(field, label, value, Text::names, "名称", "顿号“、”、逗号或空格");
	}

	/**
	 * A one-line list of people typed in one box (见证人 "王 普服、李四"), checked as {@link #names} checks a list of
	 * bodies but split as people are, by the project's one splitter of names of people ({@link Text#personNames}: at
	 * 、 , ， ; ； only, never at a space — "王 普服" is one person), so each person is checked whole and named by
	 * their place in the list ("见证人第2个姓名…"), and written in words as every person's name ({@link #personName}: no
	 * markup, emoji or symbol, a letter at least; rule {@code characters}). Null passes.
	 */
	public Validation personNames(String field, String label, String value) {
		return list(field, label, value, Text::personNames, PEOPLE, "顿号“、”或逗号");
	}

	/** What a list of people holds, as its messages name each part ("见证人第2个姓名…"). */
	private static final String PEOPLE = "姓名";

	/**
	 * A one-line list split by {@code split}, each part checked as a name ({@link #names}, {@link #personNames}; the
	 * parts of a list of people, {@code what} 姓名, as people's names too).
	 */
	private Validation list(String field, String label, String value, Function<String, List<String>> split, String what,
			String separators) {
		String typed = Text.strip(value);
		if (typed == null) {
			return this;
		}
		boolean broken = typed.chars().anyMatch(c -> c == '\t' || lineBreak((char) c));
		if (broken) {
			return require(field, false, "line-break", label + "含换行或制表符，请写成一行，多个" + what + "用" + separators + "分隔");
		}
		List<String> names = split.apply(typed);
		for (int i = 0; i < names.size(); i++) {
			String part = label + "第" + (i + 1) + "个" + what + "“" + Text.excerpt(names.get(i), 20) + "”";
			name(field, part, names.get(i));
			if (PEOPLE.equals(what)) {
				personWords(field, part, Text.strip(names.get(i)));
			}
		}
		return this;
	}

	/**
	 * The punctuation a name written in words is written with ({@link #wordsOnly}): brackets, the middle dot of a
	 * transcribed name, the enumeration comma, hyphens and dashes, full stops, apostrophes and quotation marks, book
	 * title marks, the slash and the colon.
	 */
	public static final String NAME_PUNCTUATION = "（）()〔〕【】[]·・•、，,．.－-—–‐_'’‘\"“”《》〈〉/：:";

	/**
	 * A name written in words only — a region's (乡镇/街道, 村/社区), a holiday's — holds letters of any script (汉字
	 * with its extensions, 〇, and the private-use characters official lists write a rare 汉字 with; Latin letters),
	 * digits, spaces, combining marks on a letter and the punctuation of {@link #NAME_PUNCTUATION} only: no markup
	 * ({@code <script>}: {@code <} {@code >} {@code &} {@code =}), no emoji or other symbol, no control character (rule
	 * {@code characters}, naming the first one refused). Such a name is shown on every page, list, sheet and document
	 * as it is stored. Null passes; the length, the line and whether it is required are the caller's
	 * ({@link #name(String, String, String, int)}), checked first: a field already refused (a line break, a hidden
	 * character) is not refused again here for the same character.
	 */
	public Validation wordsOnly(String field, String label, String value) {
		if (value == null || hasError(field)) {
			return this;
		}
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			int c = value.codePointAt(i);
			int type = Character.getType(c);
			boolean word = Character.isLetterOrDigit(c) || type == Character.LETTER_NUMBER || combiningMark(c)
					|| type == Character.PRIVATE_USE || c == ' ' || c == '\u3000' || NAME_PUNCTUATION.indexOf(c) >= 0;
			if (!word) {
				String shown = Character.isISOControl(c) || Character.isWhitespace(c) ? Text.codePoint(value, i)
						: new String(Character.toChars(c));
				return require(field, false, "characters", Wording.of("kernel.invalid.nameCharacters", label, shown),
						label + "只能含汉字、字母、数字和常用标点（如（）·、-），不能含“" + shown + "”");
			}
		}
		return this;
	}

	/** A line break: LF, CR, the vertical tab, NEL, the line and paragraph separators U+2028/U+2029. */
	private static boolean lineBreak(char c) {
		return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

	/** A combining mark: Unicode category Mn (non-spacing), Me (enclosing) or Mc (spacing combining). */
	private static boolean combiningMark(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	/**
	 * A required name of at most {@code max} characters ({@link #required}, {@link #maxLength}) holding no hidden
	 * character ({@link #name(String, String, String)}): the one check every name field of a form, a JSON body or a
	 * sheet's row runs.
	 */
	public Validation name(String field, String label, String value, int max) {
		return required(field, label, value).maxLength(field, label, value, max).name(field, label, value);
	}

	/**
	 * A required name that is never printed, published or exported — what a user calls something of their own (an API
	 * token's 令牌名称) — of at most {@code max} characters, under the name's rules ({@link #name(String, String, String)}:
	 * no hidden character, no leading combining mark, no look-alike letters, no formula), its markup told in words that
	 * fit it (rule {@code markup}, "…请只填写名称本身"), never that it is printed on documents and public lists.
	 */
	public Validation ownName(String field, String label, String value, int max) {
		required(field, label, value).ownWords(field, label, value, max);
		markupUnlessRefused(field, Text.strip(value), label + OWN_NAME_MARKUP, true);
		return nameRules(field, label, value, false);
	}

	/** What a name only its user sees holding markup is told ({@link #ownName}), after its label. */
	private static final String OWN_NAME_MARKUP = "不能含有网页标记（“<”后紧接字母或“/”“!”“?”，如“<b>”“</b>”），请只填写名称本身";

	/**
	 * An identifier typed by hand — a 文号, 编号 or 证号 that names one record and is compared with others — holds no
	 * character that is invisible or looks like another inside it ({@link Text#invisibleAt}): "…000001" and
	 * "…000001\u200B" would look alike and differ, so a number already used would pass as new (rule
	 * {@code invisible-character}); nor, once normalised ({@link Text#identifier}), a letter or digit outside Han and
	 * ASCII ({@link Text#lookAlikeAt}: a Cyrillic О for the Latin O; rule {@code look-alike-character}). Spaces and
	 * invisible characters around it are trimmed and a no-break space inside is the ASCII space it looks like
	 * ({@link Text#strip}), as the caller trims it. A line break inside is refused saying so (rule {@code line-break}):
	 * a number is one line, and {@link Text#documentNumber} does not join its lines.
	 * <p>Nor is it, or does it hold, a 居民身份证 number or a mobile number ({@link Masking#holdsPersonalNumber}, the
	 * detector the parcel records' courier ids and batch ids are refused by; spaces inside taken out too, as a waybill
	 * number is stored without them): an identifier is listed, searched, exported and audited as it is, so a filer's
	 * ID or phone typed as a waybill number would be shown in full and found by a search for it (rule
	 * {@code personal-number}). A landline number is no such number here, as there (an office's 0512-68881234 says
	 * nothing of a person).
	 * <p>Nor does it begin as a spreadsheet formula ({@link #formulaLike}: {@code =HYPERLINK(…)}, {@code @SUM(…)}; rule
	 * {@code formula}): a form's and an import's identifier alike, so one idiom holds every path that records it.
	 */
	public Validation identifier(String field, String label, String value) {
		if (value == null) {
			return this;
		}
		String typed = Text.strip(value);
		int at = Text.invisibleAt(typed);
		if (at >= 0 && lineBreak(typed.charAt(at))) {
			// a sheet cell's Alt+Enter or a pasted "吴邮罚〔2025〕\n922号": said so, never joined into one number unseen
			return require(field, false, "line-break", label + "含换行，请改为一行");
		}
		if (at >= 0) {
			return require(field, false, "invisible-character", label + "含有不可见或形似的字符（"
					+ Text.codePoint(typed, at) + "，如零宽空格、不换行空格、全角空格），请删除后重试");
		}
		if (formulaLike(typed)) {
			return require(field, false, "formula", label + "不能以“=”“@”开头，也不能以“+”“-”开头后接字母、括号等公式内容（如"
					+ "=HYPERLINK(…)、@SUM(…)）：编号会原样导出到表格，表格软件会把它当作公式执行；请填写单据上的编号");
		}
		String shown = Text.identifier(typed);
		int alike = shown == null ? -1 : Text.lookAlikeAt(shown);
		require(field, alike < 0, "look-alike-character", label + "含有与常用字符形似的外文字母、数字或连字符（"
				+ (alike < 0 ? "" : Text.codePoint(shown, alike)) + "），只能使用汉字、半角英文字母和数字、半角连字符“-”及标点");
		return require(field, alike >= 0 || !personalNumber(shown), "personal-number",
				label + "不得是或含有身份证号码、手机号码（编号会在列表、查询和导出中原样显示），请填写单据上的编号");
	}

	/**
	 * Whether an identifier as typed would be read as a formula by a spreadsheet it is exported or copied to (CSV/formula
	 * injection, OWASP): it begins with {@code =} or {@code @}, or with {@code +} or {@code -} followed by a letter, a
	 * bracket or another sign of a formula ({@code -HYPERLINK(…)}, {@code +A1}, {@code -2+cmd|…!A0}). A plain
	 * {@code -}, a dialling prefix {@code +86 512…} or a number {@code -2024-001} is no formula. No 文号 or 编号 on a
	 * document begins so; the exports write cells as text (POI), but a sheet saved on as CSV or copied out would not.
	 */
	static boolean formulaLike(String typed) {
		if (typed == null || typed.isEmpty()) {
			return false;
		}
		char first = typed.charAt(0);
		if (first == '=' || first == '@') {
			return true;
		}
		return (first == '+' || first == '-') && FORMULA_AFTER_SIGN.matcher(typed.substring(1)).find();
	}

	/**
	 * After a leading + or -: what only a formula holds (a letter as in a function or a cell, a bracket, =, !, |, ", $,
	 * and the operators that join the number to more, {@code + * / ^ &}: "-1+1" and "-1&…" are sums and joins; a
	 * hyphen is not one of them, so "-2024-001" and "+86 512-6888 1234" stay numbers).
	 */
	private static final Pattern FORMULA_AFTER_SIGN = Pattern.compile("[A-Za-z(=!|\"$;+*/^&]");

	/**
	 * A person's name (负责人, 法定代表人, 联系人) holds no 居民身份证 number or mobile number ({@link Masking#holdsPersonalNumber},
	 * spaces inside taken out too): a name is listed, searched, exported and audited as it is, unmasked, so
	 * "张三11010519491231002X" would show the ID in full (rule {@code personal-number}). Nor is it anything but a name
	 * written in words: no markup ({@link #noMarkup}, rule {@code markup}), no emoji or other symbol ({@link #wordsOnly},
	 * rule {@code characters}), and at least one letter (rule {@code characters}: "😀😀" or "123" names no one) — the one
	 * rule of a person's name, whichever form, portal, API or sheet takes it (a filer's name on the public complaint
	 * form as a staff account's 姓名). Null passes; the length and whether it is required are the caller's
	 * ({@link #name(String, String, String, int)}).
	 */
	public Validation personName(String field, String label, String value) {
		String typed = Text.strip(value);
		require(field, !personalNumber(typed), "personal-number",
				label + "只填写姓名，不得含有身份证号码或手机号码（姓名会在列表、查询和导出中原样显示）");
		return personWords(field, label, typed);
	}

	/**
	 * A person's name as typed is written in words ({@link #personName}): no markup, no emoji or symbol, a letter at
	 * least — unless the field is refused already.
	 */
	private Validation personWords(String field, String label, String typed) {
		if (typed == null || typed.isEmpty() || hasError(field)) {
			return this;
		}
		noMarkup(field, label, typed);
		wordsOnly(field, label, typed);
		return require(field, hasError(field) || typed.codePoints().anyMatch(Character::isLetter), "characters",
				label + "应填写姓名，至少含有一个汉字或字母");
	}

	/**
	 * A person's name typed by the public holds no markup ({@link #MARKUP}: a tag such as "&lt;b&gt;王&lt;/b&gt;") — shown
	 * escaped as it was typed on every page, notice and document, and in a sheet or an e-mail that does not escape it,
	 * it is markup (rule {@code markup}); any other {@code <} or {@code >} in a name is refused as a symbol by
	 * {@link #wordsOnly}. Null passes.
	 */
	public Validation noMarkup(String field, String label, String value) {
		return require(field, value == null || !MARKUP.matcher(value).find(), "markup",
				label + "不能含有网页标记（如“<b>”“</b>”），请只填写姓名");
	}

	/**
	 * A free text printed on a document or notice (a reason, an address, a finding, a 公告方式) holds no markup
	 * ({@link #MARKUP}: {@code <b>}, {@code </p>}, {@code <script>}, {@code <!--}; a comparison such as "&lt;3天" or
	 * "增长&gt;5%" passes, and 《》 and 〈〉 are title marks). Pages escape it, but a .docx, a PDF or a notice copied to a
	 * website would carry it as typed (rule {@code markup}). Null passes.
	 */
	public Validation plainText(String field, String label, String value) {
		return require(field, value == null || !MARKUP.matcher(value).find(), "markup", label + TEXT_MARKUP);
	}

	/**
	 * Markup, the one rule of it for every free text and name ({@link #maxLength}, {@link #name(String, String, String)},
	 * {@link #plainText}, {@link #noMarkup}): a {@code <}, half- or full-width (＜, which a page's markup is typed with by
	 * an input method in full-width mode), followed by what opens a tag ({@code <b>}, {@code <script>},
	 * {@code <img …>}, an ASCII or full-width Latin letter), a closing tag ({@code </p>}), a comment or declaration
	 * ({@code <!--}, {@code <!DOCTYPE}) or a processing instruction ({@code <?xml}). A {@code <} before a digit, a space,
	 * a Chinese character or a sign ("&lt;3天", "&lt; 5%", "&lt;=10"), and a {@code >} or ≥ ≤ anywhere ("增长&gt;5%"), are
	 * comparisons, which work-plan notices and statistics comments are written with: no browser reads them as markup,
	 * and every page shows every text escaped (Thymeleaf {@code th:text}).
	 */
	private static final Pattern MARKUP = Pattern.compile("[<＜][A-Za-zＡ-Ｚａ-ｚ/／!！?？]");

	/**
	 * A short text that has no business holding a personal number — a channel ("电话、APP、网点"), the name of a place
	 * or an outlet — holds no 居民身份证 number or mobile number ({@link Masking#holdsPersonalNumber}, spaces inside taken
	 * out too; rule {@code personal-number}): such a text is shown as typed to the readers of the record (the respondent
	 * enterprise, leaders), so a number typed into it would be shown in full. A landline passes (an outlet's 0512-…
	 * names a place, not a person). Null passes; the length and whether it is required are the caller's.
	 */
	public Validation noPersonalNumber(String field, String label, String value) {
		return require(field, !personalNumber(Text.strip(value)), "personal-number",
				label + "不得含有身份证号码或手机号码（会原样显示给处理人员和被申诉企业），请只填写" + label + "本身");
	}

	/**
	 * A free text the project lists, exports or shows to the public or to the other party (a village's handover address,
	 * a credit record's summary, an objection's reasons, a check's findings) holds no 居民身份证 or mobile number
	 * ({@link Masking#holdsPersonalNumber}, as typed or with its spaces taken out; rule {@code personal-number}): a
	 * contact's number belongs to a contact field, not the text everyone reads (个人信息保护法(2021) art.6: no more than
	 * the purpose needs). A landline passes. The one rule of such texts, whichever module, form, API or sheet takes them;
	 * texts stored before it are shown masked ({@link Masking#personalNumbersIn}). Null passes.
	 * @param field the field named in the error
	 * @param label the field's Chinese label, as the message names it
	 * @param value the text as it will be stored
	 */
	public Validation noPersonalNumberInText(String field, String label, String value) {
		return require(field, !personalNumber(value), "personal-number", label
				+ "不能含身份证号码或手机号码：该内容会在列表、导出和公开信息中显示，联系人的电话请登记在联系方式中");
	}

	/** Whether an identifier holds an ID or mobile number as typed or with its spaces taken out. */
	private static boolean personalNumber(String shown) {
		return shown != null && (Masking.holdsPersonalNumber(shown) || Masking.holdsPersonalNumber(shown.replace(" ", "")));
	}

	/**
	 * A 文号 typed by hand (a decision's, an order's, another body's 复议决定书): an {@link #identifier} written only with
	 * what document numbers are written with (GB/T 9704-2012 7.2.4: 机关代字, year, sequence, 号) — Han characters,
	 * Arabic digits, Latin letters, the brackets 〔〕[]()（）【】〖〗, 第, 号, hyphens and dashes, 〇/○ and spaces; anything
	 * else (&lt;b&gt;, quotes, slashes, semicolons) is rule {@code document-number}, naming the first such character: a
	 * 文号 is printed on documents, listed on public pages and used in download names. A year written with fewer than four
	 * digits (〔26〕6号, 26年6号: {@link Text#documentShortYear}) is rule {@code year-digits}: GB/T 9704-2012 7.2.4 writes it
	 * in full, and a 〔26〕 kept as typed would stand beside the series' 〔2026〕 of the same sequence (attack A2). Null
	 * passes.
	 */
	public Validation documentNumber(String field, String label, String value) {
		writtenWith(field, label, value, NOT_IN_DOCUMENT_NUMBER, "document-number",
				"汉字、数字、英文字母和〔〕[]()（）【】〖〗、第、号、连字符");
		String shortYear = value == null || hasError(field) ? null : Text.documentShortYear(Text.identifier(Text.strip(value)));
		return require(field, shortYear == null, "year-digits", Wording.of("kernel.invalid.documentShortYear", label, shortYear),
				label + "中的年份应写全4位数字（如〔2026〕），不能写作“" + shortYear + "”");
	}

	/** A character no 文号 is written with ({@link #documentNumber}). */
	private static final Pattern NOT_IN_DOCUMENT_NUMBER = Pattern
		.compile("[^\\p{IsHan}A-Za-z0-9〔〕\\[\\]()（）【】〖〗第号號〇○\\-－—_ ]");

	/**
	 * The characters a 许可证编号 is recorded with, as a regular-expression class: Han characters (the province's 简称,
	 * 邮, 字, 第, 号), upper-case Latin letters, Arabic digits, the round brackets ()（） and the hyphen — the one set of
	 * the registry's default pattern ({@code registry.internal.RegistrySettings}) and of {@link #licenceNumber}, so that
	 * a character one refuses the other does not take (〔〕【】[] are neither's).
	 */
	public static final String LICENCE_NUMBER_CHARACTERS = "\\p{IsHan}A-Z0-9()（）\\-";

	/** {@link #LICENCE_NUMBER_CHARACTERS} in words, as every refusal of a licence number states them. */
	public static final String LICENCE_NUMBER_WORDS = "汉字、大写英文字母、数字、圆括号()（）或连字符-";

	/**
	 * A 许可证编号 typed by staff (the licence to cancel, the licence a past application was decided with): an
	 * {@link #identifier} written only with {@link #LICENCE_NUMBER_CHARACTERS}, as typed for a look-up — lower-case
	 * letters and the spaces a number is typed with for its hyphens too (快递许可 32 2026 h00001, folded to one number by
	 * {@link Text#identifierKey}); anything else (&lt;b&gt;, quotes, slashes, dots, semicolons, the brackets 〔〕【】[]) is
	 * rule {@code licence-number}, naming the first such character and saying exactly what is allowed: the number is
	 * printed on the licence, shown on the public verification page and looked up by the registry, whose own pattern
	 * holds no other character. Null passes; the length is the caller's ({@link #maxLength}).
	 */
	public Validation licenceNumber(String field, String label, String value) {
		return writtenWith(field, label, value, NOT_IN_LICENCE_NUMBER, "licence-number",
				"汉字、英文字母、数字、圆括号()（）、连字符-和空格");
	}

	/** A character no 许可证编号 is written with ({@link #licenceNumber}). */
	private static final Pattern NOT_IN_LICENCE_NUMBER = Pattern.compile("[^" + LICENCE_NUMBER_CHARACTERS + "a-z ]");

	/**
	 * The number of a voucher or certificate typed by staff — a 退付凭证号 (收入退还书 No.3205001234), a 执法证号 — : an
	 * {@link #identifier} written only with what such numbers are printed with — Han characters, Arabic digits, Latin
	 * letters, spaces, the brackets ()（）〔〕[]【】, № and the marks - _ . / # : ：; anything else (&lt;b&gt;, quotes,
	 * semicolons, &amp;) is rule {@code voucher-number}, naming the first such character: the number is shown on the
	 * case's page, in the 结案报告, the audit and exports. Null passes; the length is the caller's ({@link #maxLength}).
	 */
	public Validation voucherNumber(String field, String label, String value) {
		return writtenWith(field, label, value, NOT_IN_VOUCHER_NUMBER, "voucher-number",
				"汉字、数字、英文字母、空格和()（）〔〕[]【】、№及 - _ . / # : ：");
	}

	/** A character no voucher or certificate number is written with ({@link #voucherNumber}). */
	private static final Pattern NOT_IN_VOUCHER_NUMBER = Pattern
		.compile("[^\\p{IsHan}A-Za-z0-9()（）〔〕\\[\\]【】№\\-－_./#:： ]");

	/**
	 * A 设备序列号 typed by staff or imported (a screening machine's serial, as its nameplate prints it): an
	 * {@link #identifier} written only with what manufacturers' serials are written with — Latin letters, Arabic digits,
	 * spaces and the separators - _ . / (another dash is refused as a look-alike by the identifier rule); anything else
	 * (&lt;b&gt;, quotes, semicolons, Han characters) is rule {@code serial-number}, naming the first such character: the
	 * serial is listed, exported, matched against the parcel records' screening machine and audited as it is. Null
	 * passes; the length is the caller's ({@link #maxLength}).
	 */
	public Validation serialNumber(String field, String label, String value) {
		return writtenWith(field, label, value, NOT_IN_SERIAL_NUMBER, "serial-number", "英文字母、数字、空格和 - _ . /");
	}

	/** A character no machine serial is written with ({@link #serialNumber}). */
	private static final Pattern NOT_IN_SERIAL_NUMBER = Pattern.compile("[^A-Za-z0-9\\-－_./ ]");

	/**
	 * A terminal outlet's 备案编号 given before YouGuan, typed on the register's form or imported (快递末端网点备案暂行规定
	 * 2018): an {@link #identifier} written only with what filing numbers are written with — Han characters (the
	 * bureau's 简称, 备, 第, 号), Arabic digits, Latin letters, spaces, the brackets ()（）〔〕[]【】, hyphens and
	 * underscores; anything else (&lt;b&gt;, quotes, slashes, semicolons) is rule {@code filing-number}, naming the first
	 * such character: the number is shown on the outlet's page, listed, exported and matched against the parcel records'
	 * outlet. Null passes; the length is the caller's ({@link #maxLength}).
	 */
	public Validation filingNumber(String field, String label, String value) {
		return writtenWith(field, label, value, NOT_IN_FILING_NUMBER, "filing-number",
				"汉字、数字、英文字母、空格和()（）〔〕[]【】、连字符、下划线");
	}

	/** A character no 备案编号 is written with ({@link #filingNumber}). */
	private static final Pattern NOT_IN_FILING_NUMBER = Pattern.compile("[^\\p{IsHan}A-Za-z0-9()（）〔〕\\[\\]【】\\-－_ ]");

	/**
	 * A 运单号 typed by a filer or staff (a complaint's, on the public form, the API and the staff's entry): an
	 * {@link #identifier} that, as it is stored — {@link Text#identifier} (full-width letters and digits as ASCII), the
	 * spaces inside taken out ("SF 7000 0001" retyped in groups from a label) — keeps the one waybill rule the parcel
	 * records are held to ({@link WaybillNumber}: 1–40 letters, digits or '-', at least one letter or digit); else rule
	 * {@code waybill-number}, stating the rule and naming the first other character: a number the enterprise's records
	 * could not hold names no parcel, and it is shown to the enterprise, listed, searched and exported as it is. Null and
	 * blank pass; the length as typed is the caller's ({@link #maxLength}).
	 */
	public Validation waybillNumber(String field, String label, String value) {
		identifier(field, label, value);
		String typed = value == null ? null : Text.identifier(Text.strip(value));
		if (typed == null || typed.isEmpty() || hasError(field)) {
			return this;
		}
		String kept = typed.replace(" ", "");
		int other = WaybillNumber.firstOther(kept);
		return require(field, WaybillNumber.wellFormed(kept), "waybill-number", label + "应为" + WaybillNumber.FORM
				+ (other < 0 ? "" : "，不能含有“" + kept.substring(other, kept.offsetByCodePoints(other, 1)) + "”"));
	}

	/**
	 * An {@link #identifier} holding only the characters {@code notAllowed} does not match: else an error on
	 * {@code field} with {@code rule}, "{label}只能由{allowed}组成，不能含有“x”" naming the first other character.
	 */
	private Validation writtenWith(String field, String label, String value, Pattern notAllowed, String rule, String allowed) {
		identifier(field, label, value);
		if (value == null || hasError(field)) {
			return this;
		}
		String typed = Text.identifier(Text.strip(value));
		Matcher bad = typed == null ? null : notAllowed.matcher(typed);
		if (bad == null || !bad.find()) {
			return this;
		}
		String other = typed.substring(bad.start(), typed.offsetByCodePoints(bad.start(), 1));
		// the allowed characters in the reader's words: kernel.invalid.allowed.<rule>, whose Chinese is {@code allowed}
		return require(field, false, rule, Wording.of("kernel.invalid.writtenWith", label, Wording.of("kernel.invalid.allowed." + rule),
				other), label + "只能由" + allowed + "组成，不能含有“" + other + "”");
	}

	/**
	 * A 文号 that states its year ({@link Text#documentYear}: 〔2025〕) states the year it was issued in: a decision
	 * dated in 2026 cannot carry a 2025 number (GB/T 9704-2012 7.2.4; rule {@code year}). Nothing is checked when the
	 * number states no year or the day is unknown. Its sequence number counts from 1 ({@link Text#documentSequence}):
	 * 〔2026〕0号 or 第0号 numbers no document, and one of more than 9 digits is a typing error (rule {@code sequence}).
	 */
	public Validation documentYear(String field, String label, String number, LocalDate issuedOn) {
		Integer year = Text.documentYear(number);
		Long sequence = Text.documentSequence(number);
		require(field, sequence == null || sequence != Text.SEQUENCE_TOO_LONG, "sequence",
				label + "中的发文顺序号过长（最多9位数字）：" + number);
		require(field, sequence == null || sequence != 0, "sequence", label + "中的发文顺序号应从1起编，不能为0：" + number);
		return require(field, year == null || issuedOn == null || year == issuedOn.getYear(), "year",
				label + "中的年份（" + year + "）应与发文日期的年份（" + (issuedOn == null ? "" : issuedOn.getYear()) + "）一致");
	}

	/**
	 * The earliest date of a regulatory record typed by a user (开办日期, 营业执照日期, 备案日期, 发证日期, 变更日期, 印发日期,
	 * 完成时限): the founding of the People's Republic, before which no record this product keeps can start. Fields with
	 * an older past name their own bound (a post office's 启用日期).
	 */
	public static final LocalDate EARLIEST_RECORD = LocalDate.of(1949, 10, 1);

	/**
	 * The earliest date of a bureau's own regulatory act kept as a record — an inspection or village check, a penalty
	 * case's steps, a post-office approval — entered live or imported from the past: 2000-01-01, the first day of every figures query ({@link FiguresPeriod#firstDay}). Not law: the acts this
	 * product records rest on texts of this century (邮政法 2009, 快递暂行条例 2018, 快递市场管理办法 2023, the
	 * 双随机 inspections of 2015), and the ledgers the bureaus import start later; a date before it is a typing error (a
	 * year typed 1950 for 2050 or 2015), and an act dated so would be counted in figures and shown to its party.
	 * Records of other things keep {@link #EARLIEST_RECORD} (a licence issued, an outlet opened).
	 */
	public static final LocalDate EARLIEST_ACT = FiguresPeriod.firstDay();

	/** The latest date a record or deadline may carry: beyond it a date is a typing error. */
	public static final LocalDate LATEST_RECORD = LocalDate.of(2099, 12, 31);

	/**
	 * Whether a date lies within {@link #EARLIEST_RECORD} … {@link #LATEST_RECORD}: the one bound of every date a request
	 * binds as a date (a form's 收到日期, a calendar question's {@code from}; web's binding refuses any other as a type
	 * mismatch naming the parameter and stating the bound, {@link #DATE_BOUND}). A field's own rule is narrower and
	 * stated by its service (an act's from {@link #EARLIEST_ACT}); a figures period, a list's days and a year asked for
	 * as text keep to {@link FiguresPeriod} (2000 to next year).
	 */
	public static boolean plausible(LocalDate date) {
		return !date.isBefore(EARLIEST_RECORD) && !date.isAfter(LATEST_RECORD);
	}

	/** What a date beyond {@link #plausible} is told after the parameter's name and value. */
	public static final String DATE_BOUND = "年份不合理，日期应在" + ChineseText.day(EARLIEST_RECORD) + "至" + ChineseText.day(LATEST_RECORD) + "之间，请核对";

	/**
	 * A period asked for by {@code from} and {@code to} (inclusive) runs forward: every figures, metrics and list
	 * endpoint refuses a reversed one the same way, rather than answer "0" for a period that cannot hold anything.
	 * Either day may be null (open-ended).
	 * @return this, with an error on {@code to} (rule {@code after-from}) when {@code to} is before {@code from}
	 */
	public Validation period(LocalDate from, LocalDate to) {
		return require("to", from == null || to == null || !to.isBefore(from), "after-from",
				"截止日期不能早于起始日期");
	}

	/**
	 * As {@link #period(LocalDate, LocalDate)}, at once.
	 * @throws InvalidValueException (400, field {@code to}, rule {@code after-from}) when {@code to} is before {@code from}
	 */
	public static void requirePeriod(LocalDate from, LocalDate to) {
		new Validation().period(from, to).throwIfInvalid();
	}

	/** The most integer digits a decimal field may have unless it names its own (the widest numeric column holds 20). */
	public static final int MAX_INTEGER_DIGITS = 15;

	/**
	 * A whole number typed in a form field (a count), null when blank.
	 * @throws InvalidValueException on {@code field}, rule {@code format} ("{label}应为整数（…至…）", {@link Decimals#wholeIn}),
	 *         when it is no whole number a {@code long} holds — a refusal naming the field and the range, never a server
	 *         error
	 */
	public static Long wholeNumber(String field, String label, String text) {
		return wholeNumber(field, label, text, Long.MIN_VALUE, Long.MAX_VALUE);
	}

	/**
	 * A record's id typed or chosen in a form field (a plan, a department): a whole number from 1 to
	 * {@link Long#MAX_VALUE}, null when blank; else refused as {@link #wholeNumber(String, String, String)} refuses,
	 * stating that range.
	 */
	public static Long id(String field, String label, String text) {
		return wholeNumber(field, label, text, 1, Long.MAX_VALUE);
	}

	/**
	 * A whole number typed in a form field or a parameter (an id chosen in a select, a count, an article) within
	 * {@code min} … {@code max}, null when blank — the one reader of such numbers, so every refusal states the range.
	 * @param detail what the numbers mean, written in the brackets after the range ("0表示整部法规", "即品牌编号"), or
	 *        null
	 * @throws InvalidValueException on {@code field}, rule {@code format} ("{label}应为整数（min至max，detail）",
	 *         {@link Decimals#wholeIn(long, long, String)}) when it is no whole number in the range (a fraction, text,
	 *         digits of other scripts, a number beyond a {@code long})
	 */
	public static Long wholeNumber(String field, String label, String text, long min, long max, String detail) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		Long n = Decimals.whole(text);
		if (n == null || n < min || n > max) {
			throw new InvalidValueException(field, "format", label + Decimals.wholeIn(min, max, detail));
		}
		return n;
	}

	/** As {@link #wholeNumber(String, String, String, long, long, String)} without a detail. */
	public static Long wholeNumber(String field, String label, String text, long min, long max) {
		return wholeNumber(field, label, text, min, max, null);
	}

	/**
	 * As {@link #wholeNumber(String, String, String, long, long, String)}, the refusal recorded as this field's error
	 * (rule {@code format}, stating the range) instead of thrown, so the form's other fields are still checked.
	 * @return the number, or null when blank or refused
	 */
	public Long whole(String field, String label, String text, long min, long max, String detail) {
		try {
			return wholeNumber(field, label, text, min, max, detail);
		}
		catch (InvalidValueException ex) {
			ex.fieldErrors().forEach(e -> require(e.field(), false, e.rule(), e.message()));
			return null;
		}
	}

	/**
	 * A date typed as YYYY-MM-DD within {@link #EARLIEST_RECORD} … {@link #LATEST_RECORD}, or null when blank; a malformed
	 * or implausible date is recorded as this field's error (rule {@code date} or {@code range}).
	 */
	public LocalDate date(String field, String label, String text) {
		return date(field, label, text, EARLIEST_RECORD, LATEST_RECORD);
	}

	/**
	 * A date typed as YYYY-MM-DD: blanks around it dropped, and the full-width forms a Chinese input method types
	 * (２０２６－１２－０１) read as the ASCII they show — the one rule of full-width digits in every typed field, as a
	 * number's (５０００ is 5000, {@link Decimals#ascii}) and a code's are read. The one reading of a typed date: the
	 * forms', the APIs' text dates and the page parameters' ({@code web.InputBinding}) alike.
	 * @param text the date as typed, not blank
	 * @throws DateTimeParseException when it is no date in that form (digits of other scripts, a full-width space
	 * inside it, another layout)
	 */
	public static LocalDate parseDate(String text) {
		String typed = Text.strip(text);
		String ascii = typed.indexOf('\u3000') >= 0 ? null : Text.halfWidthAscii(typed);
		return LocalDate.parse(ascii == null ? typed : ascii);
	}

	/** A date typed as YYYY-MM-DD ({@link #parseDate}) within {@code min} … {@code max}, or null when blank; else this field's error. */
	public LocalDate date(String field, String label, String text, LocalDate min, LocalDate max) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		try {
			LocalDate date = parseDate(text);
			within(field, label, date, min, max);
			return date;
		}
		catch (DateTimeParseException ex) {
			require(field, false, "date", label + "应为日期（YYYY-MM-DD）");
			return null;
		}
	}

	/**
	 * How a moment with its offset is written, in every message that refuses one (a JSON body's {@code Instant} or
	 * {@code OffsetDateTime} that does not parse, a form's or a ledger's time, {@link #moment}): ISO 8601's extended
	 * format, the China-time offset written {@code +08:00} with its colon ({@code +0800} is refused) or {@code Z}.
	 */
	public static final String ZONED_TIME = "带时区的时间 ISO-8601，如 2026-01-31T08:30:00+08:00，时区写作+08:00（带冒号）或Z";

	/**
	 * A moment typed as a date and time: China time without an offset ({@code 2026-01-31T08:30}, as a page's
	 * date-time box sends it, read in {@code zone}) or with one ({@link #ZONED_TIME}: {@code +08:00} or {@code Z});
	 * null when blank. Anything else (a {@code +0800} offset, a date alone, text) is this field's error (rule
	 * {@code datetime}), the message naming both forms — one message for every time a form, body or ledger takes.
	 */
	public Instant moment(String field, String label, String text, ZoneId zone) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		String t = Text.strip(text);
		try {
			return t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$") ? OffsetDateTime.parse(t).toInstant()
					: LocalDateTime.parse(t).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			require(field, false, "datetime", label + "应为日期时间：中国时间 YYYY-MM-DDTHH:MM（如 2026-01-31T08:30），或"
					+ ZONED_TIME);
			return null;
		}
	}

	/**
	 * Records an error (rule {@code range}) when {@code date} lies outside {@code min} … {@code max}; null passes. The
	 * message names the bound the date passes first — "收到申请日期不得晚于2026年12月7日（应在2025年12月7日至2026年12月7日之间）"
	 * for a day after the latest (today, for most), "…不得早于…" for one before the earliest — then the whole range, so
	 * a future day in a form, a body or a sheet's column is told it is too late, never only a range it must work out.
	 * When no day can be right yet — the earliest allowed is after the latest (a hearing held before the day it was set
	 * for, with today the latest) — the message says that instead of naming an impossible range; when both bounds are
	 * one day, it names that day ("核查日期应为2026年12月7日"), not a range of one day.
	 */
	public Validation within(String field, String label, LocalDate date, LocalDate min, LocalDate max) {
		if (date == null || !date.isBefore(min) && !date.isAfter(max)) {
			return this;
		}
		Wording wording = min.isAfter(max) ? Wording.of("kernel.invalid.dateNotYet", label, min.toString(), max.toString())
				: min.equals(max) ? Wording.of("kernel.invalid.dateExactly", label, min.toString())
				: date.isAfter(max) ? Wording.of("kernel.invalid.dateTooLate", label, max.toString(), min.toString())
				: Wording.of("kernel.invalid.dateTooEarly", label, min.toString(), max.toString());
		return require(field, false, "range", wording, min.isAfter(max)
				? label + "不能早于" + ChineseText.day(min) + "，而最迟只能是" + ChineseText.day(max) + "：目前还不能登记，请到" + ChineseText.day(min) + "或以后再办理"
				: min.equals(max) ? label + "应为" + ChineseText.day(min)
				: label + (date.isAfter(max) ? "不得晚于" + ChineseText.day(max) : "不得早于" + ChineseText.day(min)) + "（应在" + ChineseText.day(min) + "至" + ChineseText.day(max) + "之间）");
	}

	/**
	 * {@link #within(String, String, LocalDate, LocalDate, LocalDate)} with a message of the caller's for each bound, where
	 * the bound has a reason to give (a catalogue rule's look-back: “培训日期不能早于2016-12-05（安全台账只登记10年内的日期…）”).
	 * The latest bound is checked first.
	 * @param tooEarly the message when {@code date} is before {@code min}; {@code tooLate} when after {@code max}
	 * @return whether {@code date} lies within {@code min} … {@code max}; when not, this field's error (rule {@code range})
	 *         is recorded
	 */
	public boolean within(String field, LocalDate date, LocalDate min, String tooEarly, LocalDate max, String tooLate) {
		return within(field, date, min, tooEarly, max, null, tooLate);
	}

	/**
	 * {@link #within(String, LocalDate, LocalDate, String, LocalDate, String)} with the latest bound's sentence keyed
	 * ("…不能晚于今天（2026年12月5日）"): a page words it in the reader's language.
	 * @param lateWording the key and values of {@code tooLate}, or null (told in Chinese only)
	 */
	public boolean within(String field, LocalDate date, LocalDate min, String tooEarly, LocalDate max, Wording lateWording,
			String tooLate) {
		if (date.isAfter(max)) {
			if (lateWording == null) {
				require(field, false, "range", tooLate);
			}
			else {
				require(field, false, "range", lateWording, tooLate);
			}
			return false;
		}
		if (date.isBefore(min)) {
			require(field, false, "range", tooEarly);
			return false;
		}
		return true;
	}

	/**
	 * A plain decimal number of at most {@link #MAX_INTEGER_DIGITS} integer digits and 6 fraction digits, or null when
	 * blank; anything else ({@code 1e309}, {@code NaN}, too many digits) is recorded as this field's error.
	 */
	public BigDecimal decimal(String field, String label, String text) {
		return decimal(field, label, text, MAX_INTEGER_DIGITS, 6);
	}

	/**
	 * A plain decimal number that fits a column of {@code integerDigits} integer and {@code fractionDigits} fraction
	 * digits (numeric(p, s): p − s and s), or null when blank; else this field's error (rule {@code number} for text that
	 * is no number or is written in an exponent form that must be expanded to be read — 1e3, as {@link #money} refuses
	 * it —, {@code digits} for one out of the column; see {@link Decimals#parse}). Cheap for any exponent.
	 */
	public BigDecimal decimal(String field, String label, String text, int integerDigits, int fractionDigits) {
		BigDecimal d = check(field, () -> Decimals.parse(field, label, text, integerDigits, fractionDigits));
		if (d != null && d.scale() < 0) {
			// as money: a notation that must be expanded to be read (1e3 for 1000) is no number a person types
			plain(field, label, d);
			return null;
		}
		return d;
	}

	/**
	 * The one check that a number already read (a JSON field, a spreadsheet cell, a service's argument) fits its column
	 * of {@code integerDigits} integer and {@code fractionDigits} fraction digits — numeric(p, s): p − s and s — so that
	 * it is refused (rule {@code digits}, as {@link Decimals#require} names it) rather than failing in the database
	 * ("numeric field overflow", a 500) or being rounded there to the column's scale without a word. Trailing zeros of
	 * the fraction do not count (1.50 fits two decimals); cheap for any exponent; null passes, and so does a field
	 * already refused by an earlier rule (one message a value).
	 */
	public Validation fits(String field, String label, BigDecimal value, int integerDigits, int fractionDigits) {
		// a value already refused (money's "two decimals" for 8000.004) is not told again as too many digits
		return require(field, value == null || hasError(field) || Decimals.fits(value, integerDigits, fractionDigits), "digits",
				Decimals.tooManyDigits(label, integerDigits, fractionDigits) + "，不会自动四舍五入"
						+ (value == null ? "" : "：" + Decimals.echo(value)));
	}

	/**
	 * Every failed check, in the order checked, and after them the markup of fields no other rule refused
	 * ({@link #maxLength}, {@link #name(String, String, String)}; nor a field refused before these checks, {@link #after}).
	 */
	public List<FieldError> errors() {
		List<FieldError> all = new ArrayList<>(errors);
		markup.values().stream().filter(e -> !settled.contains(e.field()) && !hasError(e.field())).forEach(all::add);
		return List.copyOf(all);
	}

	/**
	 * A number already read (a JSON field) written in an exponent form that must be expanded to be read ({@code 1e2},
	 * {@code "1E+2"}) is this field's error (rule {@code number}), as {@link #decimal} refuses it typed; the message
	 * shows it written out as it should be typed ("应写作：100", {@link Decimals#echo(BigDecimal)}); null passes.
	 */
	public Validation plain(String field, String label, BigDecimal value) {
		return require(field, value == null || value.scale() >= 0, "number",
				label + "请写成普通数字，不能用科学计数法" + (value == null ? "" : "，应写作：" + Decimals.echo(value)));
	}

	/** Whether {@code field} has an error already (a later rule on it would only repeat that it is wrong). */
	public boolean hasError(String field) {
		return errors.stream().anyMatch(e -> e.field().equals(field));
	}

	public boolean hasErrors() {
		return !errors().isEmpty();
	}

	/**
	 * The key a keyed check ({@link #require(String, boolean, String, Wording, String)}) failed with, or null.
	 * @param error one of {@link #errors()}
	 */
	public Wording wording(FieldError error) {
		return wordings.get(error);
	}

	public void throwIfInvalid() {
		List<FieldError> all = errors();
		if (!all.isEmpty()) {
			throw new InvalidValueException(all, wordings);
		}
	}
}
