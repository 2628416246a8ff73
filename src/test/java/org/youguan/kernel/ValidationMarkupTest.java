package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One rule of markup for every free text and name ({@link Validation#maxLength}, {@link Validation#name}): markup
 * typed into a report, a reason, a bureau's or an applicant's name or an address was stored and printed verbatim in the
 * .docx documents and on the public lists (attack: "南京&lt;b&gt;市&lt;/b&gt;邮政管理局", "&lt;script&gt;alert(1)&lt;/script&gt;制度",
 * "…&lt;img src=x onerror=alert(1)&gt;"), the rule {@code markup} applied to a few fields only. A 文号 whose lines would
 * be joined unseen ("吴邮罚〔2025〕\n922号") is refused saying so.
 */
class ValidationMarkupTest {

	@Test
	void aFreeTextWithMarkupIsRefusedByTheLengthCheckEveryFreeTextRuns() {
		var errors = new Validation().maxLength("report", "调查终结报告", "经查<script>alert(1)</script>属实", 4000).errors();
		assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("report", "markup"));
		assertThat(errors.get(0).message()).startsWith("调查终结报告不能含有网页标记");
		assertThat(new Validation().maxLength("reason", "理由", "超过＜b＞5日", 500).errors()).extracting(FieldError::rule)
			.containsExactly("markup");
		assertThatThrownBy(() -> new Validation().maxLength("reason", "理由", "a<b", 500).throwIfInvalid())
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void aNameOrAnAddressWithMarkupIsRefusedByTheNameRule() {
		assertThat(new Validation().name("name", "机构名称", "南京<b>市</b>邮政管理局", 100).errors())
			.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("name", "markup"));
		assertThat(new Validation().name("applicantName", "申请人名称", "苏州四八<b>快递</b>有限公司").errors())
			.extracting(FieldError::rule).containsExactly("markup");
		assertThat(new Validation().line("premisesAddress", "经营场所地址", "吴中区示例路8号<img src=x onerror=alert(1)>", 300).errors())
			.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("premisesAddress", "markup"));
	}

	@Test
	void titleMarksAndLineBreaksOfAMultiLineTextAreNoMarkup() {
		assertThat(new Validation().maxLength("report", "调查终结报告", "违反《快递市场管理办法》〈第十条〉\n证据确凿", 4000).errors()).isEmpty();
		assertThat(new Validation().name("name", "名称", "《快递》杂志社", 100).errors()).isEmpty();
	}

	@Test
	void aFieldRefusedByItsOwnRuleOfCharactersIsToldOnceByThatRule() {
		// a 文号's own rule names the character; a name written in words only is told by that rule
		assertThat(new Validation().maxLength("decisionNumber", "决定书文号", "吴邮罚字<b>1</b>", 60)
			.documentNumber("decisionNumber", "决定书文号", "吴邮罚字<b>1</b>").errors()).extracting(FieldError::rule)
			.containsExactly("document-number");
		assertThat(new Validation().name("name", "乡镇名称", "<b>镇</b>", 100).wordsOnly("name", "乡镇名称", "<b>镇</b>").errors())
			.extracting(FieldError::rule).containsExactly("characters");
		// a markup-free field is told nothing; a name and its length both note markup: told once
		assertThat(new Validation().maxLength("name", "名称", "<b>x</b>", 100).name("name", "名称", "<b>x</b>").errors())
			.extracting(FieldError::rule).containsExactly("markup");
	}

	@Test
	void aDocumentNumberBrokenOverTwoLinesIsRefusedNotJoined() {
		String typed = "吴邮罚〔2025〕\n922号";
		assertThat(Text.documentNumber(typed)).as("the lines are not joined").contains("\n");
		assertThat(new Validation().documentNumber("decisionNumber", "决定书文号", Text.documentNumber(typed)).errors())
			.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("decisionNumber", "line-break"));
		assertThat(Text.documentNumber("吴邮罚〔2025〕 922号")).isEqualTo("吴邮罚〔2025〕922号");
	}

	/**
	 * Markup is a tag, a closing tag, a comment or a processing instruction — {@code <} or ＜ followed by a letter,
	 * {@code /}, {@code !} or {@code ?} — in a free text, a name and a line alike; the comparisons of work-plan notices
	 * and statistics comments ("增长>5%", "<3天", "≥95%", "＞10件", "< 5", "<=3") are no markup and pass.
	 */
	@Test
	void comparisonsAreNoMarkupButTagsCommentsAndInstructionsAre() {
		for (String comparison : new String[] { "同比增长>5%", "投递时限<3天", "达标率≥95%，≤100%", "超时＞10件、＜2件", "a < 5",
				"<=3天", "<3>", "<100米处", "1<2且3>2", "时限<三天" }) {
			assertThat(new Validation().maxLength("text", "说明", comparison, 500).errors()).as(comparison).isEmpty();
			assertThat(new Validation().name("name", "名称", comparison, 100).errors()).as(comparison).isEmpty();
			assertThat(new Validation().line("place", "地点", comparison, 100).errors()).as(comparison).isEmpty();
			assertThat(new Validation().plainText("reason", "理由", comparison).errors()).as(comparison).isEmpty();
		}
		for (String markup : new String[] { "<b>", "</p>", "<!-- x -->", "<!DOCTYPE html>", "<?xml version=1.0?>",
				"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "＜script＞", "＜／b＞", "a<b" }) {
			assertThat(new Validation().maxLength("text", "说明", "经查" + markup, 500).errors()).as(markup)
				.extracting(FieldError::rule).containsExactly("markup");
			assertThat(new Validation().name("name", "名称", "名称" + markup, 100).errors()).as(markup)
				.extracting(FieldError::rule).containsExactly("markup");
			assertThat(new Validation().line("place", "地点", "示例路" + markup, 100).errors()).as(markup)
				.extracting(FieldError::rule).containsExactly("markup");
			assertThat(new Validation().plainText("reason", "理由", markup).errors()).as(markup)
				.extracting(FieldError::rule).containsExactly("markup");
		}
		// a name's own rule tells it as a name (the length check every text runs notes it first, as a text)
		assertThat(new Validation().name("name", "名称", "<b>王</b>").errors().get(0).message())
			.isEqualTo("名称不能含有网页标记（“<”后紧接字母或“/”“!”“?”，如“<b>”“</b>”），名称、地址会原样印在文书、页面和公示名单上，请只填写名称或地址本身");
		// finding stat50-5: a one-line name checked for its length first (name with a limit, line) is told as a name
		// too, naming its field — it was told the free text's "该内容会原样写入文书" words
		assertThat(new Validation().name("name", "网点名称", "<b>王</b>", 100).errors()).singleElement()
			.satisfies(e -> assertThat(e.message()).startsWith("网点名称不能含有网页标记").contains("请只填写名称或地址本身"));
		assertThat(new Validation().line("place", "地点", "示例路<i>1</i>号", 100).errors()).singleElement()
			.satisfies(e -> assertThat(e.message()).startsWith("地点不能含有网页标记").contains("请只填写名称或地址本身"));
		// a free text stays told as one
		assertThat(new Validation().maxLength("note", "说明", "<b>说明</b>", 100).errors().get(0).message())
			.startsWith("说明不能含有网页标记").contains("该内容会原样写入文书");
		// finding scope-4: a one-line text that is no name, address or place (送达说明, 吊销原因, 文书文号, 营业时间) is
		// told as the free text it is — it was told "名称、地址会原样印在…公示名单上，请只填写名称或地址本身"
		for (String label : new String[] { "送达说明", "吊销原因", "文书文号", "营业时间", "随机种子" }) {
			assertThat(new Validation().line("note", label, "已送达<b>本人</b>", 200).errors()).as(label).singleElement()
				.satisfies(e -> assertThat(e.message()).startsWith(label + "不能含有网页标记").contains("该内容会原样写入文书")
					.doesNotContain("名称、地址").doesNotContain("请只填写名称或地址本身"));
		}
		for (String label : new String[] { "地址", "听证地点", "经营场所地址", "作出机关", "就近替代的营业场所" }) {
			assertThat(new Validation().line("place", label, "示例路<i>1</i>号", 200).errors()).as(label).singleElement()
				.satisfies(e -> assertThat(e.message()).contains("请只填写名称或地址本身"));
		}
	}

	/** A person's own account (申诉内容) keeps its markup as typed, under the same length and marks as every free text. */
	@Test
	void ownWordsAreTheFreeTextChecksWithoutTheMarkupRule() {
		assertThat(new Validation().ownWords("description", "申诉内容", "<script>alert(1)</script>", 2000).errors()).isEmpty();
		assertThat(new Validation().ownWords("description", "申诉内容", "x".repeat(11), 10).errors())
			.extracting(FieldError::rule).containsExactly("max-length");
		assertThat(new Validation().maxLength("description", "申诉内容", "x".repeat(11), 10).errors())
			.extracting(FieldError::rule).containsExactly("max-length");
	}
}
