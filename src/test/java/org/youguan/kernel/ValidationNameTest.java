package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The name rule ({@link Validation#name}): no character that shows nothing inside, and no combining mark (Mn, Me, Mc)
 * as the first character, where it belongs to nothing.
 */
class ValidationNameTest {

	static String rules(String name) {
		return String.join(",", new Validation().name("filerName", "申诉人姓名", name, 60).errors().stream()
			.map(FieldError::rule)
			.toList());
	}

	@Test
	void aNameMadeOfACombiningMarkAloneIsRefusedNamingTheFieldAndTheCharacter() {
		var errors = new Validation().name("filerName", "申诉人姓名", "\u0301").errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("filerName", "combining-mark"));
		assertThat(errors.get(0).message()).startsWith("申诉人姓名不能以组合附加符号开头（U+0301");
	}

	@Test
	void aNameStartingWithANonSpacingEnclosingOrSpacingCombiningMarkIsRefused() {
		assertThat(rules("\u0301张三")).isEqualTo("combining-mark");
		assertThat(rules("\u20DD")).as("enclosing circle (Me)").isEqualTo("combining-mark");
		assertThat(rules("\u0903")).as("Devanagari visarga (Mc)").isEqualTo("combining-mark");
		assertThat(rules(" \u0301 ")).as("spaces around it are stripped first").isEqualTo("combining-mark");
	}

	@Test
	void aCombiningMarkAfterALetterIsPartOfTheName() {
		assertThat(rules("Jose\u0301")).isEmpty();
		assertThat(rules("张三")).isEmpty();
		assertThat(rules("Zoë")).isEmpty();
	}

	@Test
	void anInvisibleCharacterInsideStillIsItsOwnRuleAndNullPasses() {
		assertThat(rules("张\u200B三")).isEqualTo("invisible-character");
		assertThat(new Validation().name("subject", "被询问人", null).errors()).isEmpty();
	}

	/** An import cell's Alt+Enter (or a pasted line break) is refused saying so, not as a code point. */
	@Test
	void aLineBreakInsideIsRefusedSayingSo() {
		for (String name : new String[] { "顺丰速运\n苏州", "顺丰速运\r\n苏州", "顺丰速运\u2028苏州", "顺丰速运\u2029苏州" }) {
			var errors = new Validation().name("name", "网点名称", name, 60).errors();
			assertThat(errors).as(name).extracting(FieldError::rule).containsExactly("line-break");
			assertThat(errors.get(0).message()).isEqualTo("网点名称含换行，请改为一行");
		}
	}

	/** A name's inner spaces of any width are one ASCII space, stored and compared so. */
	@Test
	void spacesInsideANameAreOneAsciiSpace() {
		assertThat(Text.name("顺丰速运\u3000苏州")).isEqualTo("顺丰速运 苏州");
		assertThat(Text.name(" 顺丰速运\u3000\u3000 \u00A0苏州\u3000")).isEqualTo("顺丰速运 苏州");
		assertThat(Text.name("顺丰速运  苏州")).isEqualTo("顺丰速运 苏州");
		assertThat(Text.name("顺丰速运 苏州")).isEqualTo("顺丰速运 苏州");
		assertThat(Text.name(null)).isNull();
		assertThat(rules("顺丰速运\u3000苏州")).isEmpty();
	}

	/** Every one-line text (an address above all) is stored as Text.line writes it: a name's spaces, null when blank. */
	@Test
	void aOneLineTextIsStoredWithOneAsciiSpaceForEveryRunAndNullWhenBlank() {
		assertThat(Text.line("吴中区\u3000\u3000分支路  8号\u3000")).isEqualTo("吴中区 分支路 8号");
		assertThat(Text.line("\u3000 \u00A0")).isNull();
		assertThat(Text.line(null)).isNull();
	}

	static String listRules(String list) {
		return String.join(",", new Validation().names("audience", "培训对象", list).errors().stream()
			.map(FieldError::rule)
			.toList());
	}

	/**
	 * A one-line list of people (见证人) is split as people are ({@code Text.personNames}): never at a space, so "王 普服"
	 * is one person and the one after it the second, named so in the message (split at spaces it was the third).
	 */
	@Test
	void aListOfPeopleIsSplitAsPeopleAreNeverAtASpace() {
		assertThat(new Validation().personNames("witnesses", "见证人", "王 普服、吴文书").errors()).isEmpty();
		assertThat(new Validation().personNames("witnesses", "见证人", "王 普服、李\u200B四").errors())
			.extracting(FieldError::message)
			.singleElement()
			.asString()
			.startsWith("见证人第2个姓名“李");
		assertThat(new Validation().personNames("witnesses", "见证人", "王普服\n吴文书").errors())
			.extracting(FieldError::rule, FieldError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("line-break",
					"见证人含换行或制表符，请写成一行，多个姓名用顿号“、”或逗号分隔"));
	}

	/**
	 * A person's name, wherever it is typed (a public filer's, an enterprise's 经办人, a staff account's 姓名, each name
	 * of a list of people), is written in words: emoji, symbols or no letter at all is rule {@code characters}, markup
	 * rule {@code markup}; a name with a middle dot, a space or Latin letters passes.
	 */
	@Test
	void aPersonsNameIsWrittenInWords() {
		for (String name : new String[] { "😀😀", "★", "123", "——" }) {
			assertThat(new Validation().personName("filerName", "申诉人姓名", name).errors()).as(name)
				.extracting(FieldError::rule).containsExactly("characters");
		}
		assertThat(new Validation().personName("filerName", "申诉人姓名", "<b>王</b>").errors())
			.extracting(FieldError::rule).containsExactly("markup");
		for (String name : new String[] { "阿依古丽·买买提", "王 普服", "John Smith", "王某（代）" }) {
			assertThat(new Validation().personName("filerName", "申诉人姓名", name).errors()).as(name).isEmpty();
		}
		assertThat(new Validation().personNames("witnesses", "见证人", "王普服、😀").errors())
			.extracting(FieldError::rule, FieldError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("characters", "见证人第2个姓名“😀”只能含汉字、字母、数字和常用标点（如（）·、-），不能含“😀”"));
	}

	/**
	 * A one-line list of names refuses a line break or tab anywhere, then checks each name as a name, the message naming
	 * the name's place in the list.
	 */
	@Test
	void aListOfNamesIsOneLineAndEachNameIsChecked() {
		assertThat(listRules("网点负责人、驾驶员，保安 分拣员")).isEmpty();
		assertThat(listRules("网点负责人\n驾驶员")).isEqualTo("line-break");
		assertThat(listRules("网点负责人\t驾驶员")).isEqualTo("line-break");
		assertThat(listRules("网点负责人\u2028驾驶员")).isEqualTo("line-break");
		assertThat(listRules("网点负责人、驾\u200B驶员")).isEqualTo("invisible-character");
		assertThat(new Validation().names("audience", "培训对象", "网点负责人、驾\u200B驶员").errors())
			.extracting(FieldError::message)
			.singleElement()
			.asString()
			.startsWith("培训对象第2个名称“驾");
		assertThat(listRules("网点负责人、\u0301驾驶员")).isEqualTo("combining-mark");
		assertThat(listRules(null)).isEmpty();
	}

	/**
	 * Letters that pass for Latin ones (Cyrillic, Greek, Armenian, Cherokee) among Latin or Han letters are refused
	 * naming the first: "顺丰Ехpress" would show as "顺丰Express" and pass every duplicate rule as another name. One such
	 * script alone, Latin with accents and Greek-looking symbols that are no letters pass.
	 */
	@Test
	void lettersThatPassForLatinOnesAmongLatinOrHanAreRefused() {
		assertThat(rules("顺丰\u0415\u0445press")).isEqualTo("look-alike-character");
		assertThat(rules("\u0421hina Post 苏州")).as("Cyrillic С").isEqualTo("look-alike-character");
		assertThat(rules("圆通速递\u0391")).as("Greek Alpha after Han").isEqualTo("look-alike-character");
		assertThat(new Validation().name("name", "网点名称", "顺丰\u0415\u0445press", 60).errors()).singleElement()
			.satisfies(e -> assertThat(e.message()).contains("U+0415"));
		assertThat(rules("Москва")).as("one script alone").isEmpty();
		assertThat(rules("Zoë Müller")).isEmpty();
		assertThat(rules("顺丰速运Express")).isEmpty();
		assertThat(rules("A°区 ±5")).isEmpty();
		assertThat(listRules("网点负责人、\u0421EO")).isEqualTo("look-alike-character");
	}
}
