package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one scan of the templates' text (attack B1, the English-mode finding): a page's words come from the UI bundle,
 * so the English mode ({@code ?lang=en}) shows no Chinese the bundle does not give, and a page never decides anything by
 * a Chinese wording. Every template ({@code src/main/resources/templates/**}) holds
 * <ul>
 * <li>no Chinese (a Han character or a full-width mark such as ：) in a text an element shows without {@code th:text}/
 * {@code th:utext} — a prototype text that one of them, a {@code th:replace}/{@code th:insert} or a
 * {@code th:remove} puts aside is fine, on the element or around it — nor in an inline script;</li>
 * <li>no Chinese in an attribute written as it is ({@code placeholder}, {@code aria-label}, {@code title},
 * {@code data-confirm} …): a reader sees or hears it, its {@code th:} twin or not;</li>
 * <li>no Chinese word in a literal of a {@code th:} expression: neither a text shown ({@code '共 ' + n + ' 个网点'}) nor a
 * value compared ({@code d.role() == '配合'}, {@code eq '及时立案'}), which breaks once the value is worded in English or
 * renamed — compare the enum's name or a key; full-width marks around Chinese data (a name, a reason) aside;</li>
 * <li>no choice's Chinese {@code label()} read past {@code @labels} ({@code ${x.kind().label()}}).</li>
 * </ul>
 * Comments are the developers'; the brand mark ({@code yg-logo}, 邮) is the same in every language. Data values (names,
 * addresses) come from the model and are not in a template at all. A later module's templates are held to it by being
 * there: nothing to register.
 */
class TemplateTextInMessagesTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** Chinese as a text shows it: a Han character or a full-width mark (：, ；, （…）). */
	static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\x{3000}-\\x{303F}\\x{FF00}-\\x{FFEF}]");

	private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	/** A tag, its quoted attribute values whole (an expression's {@code status < 500} inside one). */
	private static final Pattern TAG = Pattern.compile("<(?:[^<>\"]|\"[^\"]*\")*>");

	/** An attribute of a tag with its value: {@code th:text="…"}, {@code aria-label="…"}. */
	private static final Pattern ATTRIBUTE = Pattern.compile("(?<![\\w:-])([\\w:-]+)=\"([^\"]*)\"");

	/** A select's tag, opening or closing. */
	private static final Pattern SELECT = Pattern.compile("<(/?)select\\b");

	/** A string literal of a Thymeleaf/SpEL expression, and what stands before it (a comparison's operator). */
	private static final Pattern LITERAL = Pattern.compile("(==|!=|\\beq|\\bne)?\\s*'((?:[^'\\\\]|\\\\.)*)'");

	/**
	 * A choice's Chinese label read past {@code @labels}: an accessor's {@code .label()} (a period's aside, worded by
	 * {@code stat.periodLabel}), a variable's, or a projection of it.
	 */
	private static final Pattern RAW_LABEL = Pattern.compile(
			"(?<!period\\(\\))(?<=\\))\\.label\\(\\)|\\b(kind|target)\\.label\\(\\)|!\\[label\\(\\)\\]");

	/** The Thymeleaf attributes whose value is shown, where a raw {@code label()} would be read. */
	private static final Pattern SHOWN = Pattern.compile("th:(text|utext|title|placeholder|aria-label|value|data-confirm|replace)");

	@Test
	void theTemplatesHoldNoChineseOutsideTheMessageBundles() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				found.addAll(chineseOutsideTheBundles(TEMPLATES.relativize(file).toString(),
						Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		assertThat(found).as("Chinese in templates outside the bundles (tools/messages.py)").isEmpty();
	}

	@Test
	void theCheckFindsEachKindOfChineseOutsideTheBundles() {
		String page = """
				<section><h2 class="card-title">快递业务经营许可查询</h2><h3 th:text="#{x}">替换的</h3>
				<input placeholder="企业名称" th:placeholder="#{y}"><input aria-label="许可查询">
				<span th:text="'共 ' + ${n} + ' 个网点'">共</span><span th:text="${a} + '（' + ${b} + '）'">x</span>
				<!-- 注释 --><th:block th:if="${x}">块中文字</th:block></section>""";
		assertThat(chineseOutsideTheBundles("t.html", page)).containsExactly("t.html: attribute placeholder=\"企业名称\"",
				"t.html: attribute aria-label=\"许可查询\"", "t.html: literal '共 ' in th:text",
				"t.html: literal ' 个网点' in th:text", "t.html: text 快递业务经营许可查询", "t.html: text 块中文字");
		assertThat(chineseOutsideTheBundles("t", "<div><span th:text=\"#{a}\">甲</span>：<span>乙</span></div>")).hasSize(2);
		assertThat(chineseOutsideTheBundles("t", "<input aria-label=\"搜索\" th:value=\"${x}\">")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<b th:text=\"${n} + '月'\">1月</b>")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<b th:text=\"${x.kind().label()}\">k</b>")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<script>alert('确定')</script>")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<b th:text=\"${a + '（' + b + '）'}\">甲</b><span class=\"yg-logo\">邮</span>"))
			.as("marks around data and the logo's glyph").isEmpty();
		assertThat(chineseOutsideTheBundles("t", "<div th:replace=\"~{x :: y}\"><p>原型</p></div><p th:remove=\"all\">示例</p>"))
			.as("prototype text a fragment or th:remove puts aside").isEmpty();
		assertThat(chineseOutsideTheBundles("t", "<select><option value=\"\"><th:block th:text=\"#{a}\">请选择</th:block></option>"
				+ "<option>其他</option></select>")).as("an option's text replaced, another's not").containsExactly("t: text 其他");
	}

	/** A page decides by a key, never by the wording a reader sees: a comparison with a Chinese literal is found. */
	@Test
	void theCheckFindsAComparisonWithAChineseWording() {
		assertThat(chineseOutsideTheBundles("t", "<td th:if=\"${d.role() == '配合'}\" th:text=\"#{a}\">x</td>"))
			.containsExactly("t: compared with the wording '配合' in th:if (compare the enum's name or a key)");
		assertThat(chineseOutsideTheBundles("t", "<span th:text=\"${g != '及时立案'} ? #{a} : #{b}\">x</span>")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<span th:if=\"${g eq '及时立案'}\"></span>")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<span th:if=\"${d.role().name() == 'SUPPORTING'}\"></span>")).isEmpty();
	}

	/**
	 * Where a template shows Chinese that no bundle gives, or decides by a Chinese wording, each as "name: what": the
	 * attributes of each tag as written (a tag the HTML parser would drop, a {@code th:block} inside a {@code select},
	 * is read too), then the texts as the page shows them.
	 */
	static List<String> chineseOutsideTheBundles(String name, String html) {
		String markup = COMMENT.matcher(html).replaceAll("");
		List<String> found = new ArrayList<>();
		Matcher tags = TAG.matcher(markup);
		while (tags.find()) {
			String tag = tags.group();
			if (tag.startsWith("</") || tag.startsWith("<!")) {
				continue;
			}
			Matcher attributes = ATTRIBUTE.matcher(tag);
			while (attributes.find()) {
				found.addAll(attribute(name, tag, attributes.group(1), attributes.group(2)));
			}
		}
		// an HTML parser drops any tag but an option inside a select (a th:block replacing an option's text): read as a
		// plain element there, the select keeps what Thymeleaf reads
		Document doc = Jsoup.parse(SELECT.matcher(markup).replaceAll("<$1yg-select"));
		for (Element e : doc.getAllElements()) {
			for (TextNode t : e.textNodes()) {
				if (CHINESE.matcher(t.text()).find() && !replaced(e)) {
					found.add(name + ": text " + t.text().strip());
				}
			}
			for (DataNode d : e.dataNodes()) {
				if (CHINESE.matcher(d.getWholeData()).find() && !replaced(e)) {
					found.add(name + ": script " + d.getWholeData().strip());
				}
			}
		}
		return found;
	}

	/** What one attribute of a tag writes outside the bundles. */
	private static List<String> attribute(String name, String tag, String key, String value) {
		List<String> found = new ArrayList<>();
		if (!key.startsWith("th:")) {
			if (CHINESE.matcher(value).find() && !tag.startsWith("<html") && !key.startsWith("xmlns")) {
				found.add(name + ": attribute " + key + "=\"" + value + "\"");
			}
			return found;
		}
		String th = key.substring(3);
		Matcher literals = LITERAL.matcher(value);
		while (literals.find()) {
			String literal = literals.group(2);
			if (!HAN.matcher(literal).find()) {
				continue; // marks around data: （, ）, ：
			}
			found.add(literals.group(1) != null
					? name + ": compared with the wording '" + literal + "' in th:" + th + " (compare the enum's name or a key)"
					: name + ": literal '" + literal + "' in th:" + th);
		}
		if (SHOWN.matcher(key).matches() && RAW_LABEL.matcher(value).find()) {
			found.add(name + ": label() in th:" + th + " " + value);
		}
		return found;
	}

	/**
	 * Whether a page shows another text in place of the element's own: it, or an element around it, has its text
	 * replaced ({@code th:text}, {@code th:utext}), is removed with its body, or is a fragment put in place (not the page's
	 * own {@code html} a layout takes in); the logo's glyph is the same in every language.
	 */
	private static boolean replaced(Element e) {
		for (Element x = e; x != null; x = x.parent()) {
			if (x.hasAttr("th:text") || x.hasAttr("th:utext") || x.hasClass("yg-logo")
					|| Stream.of("all", "body", "all-but-first").anyMatch(x.attr("th:remove")::equals)) {
				return true;
			}
			if ((x.hasAttr("th:replace") || x.hasAttr("th:insert")) && !x.tagName().equals("html")) {
				return true;
			}
		}
		return false;
	}
}
