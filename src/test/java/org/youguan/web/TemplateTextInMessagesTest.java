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
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's words come from the UI bundle (attack B1): a template of the public portal, the enterprise portal and the
 * error pages writes no Chinese the English mode ({@code ?lang=en}) would show as is — no text an element shows without
 * {@code th:text}/{@code th:utext} (a prototype text a {@code th:text} replaces is fine), no attribute such as
 * {@code placeholder} or {@code aria-label} without its {@code th:} twin, and no Chinese string literal inside a
 * {@code th:} expression ({@code '共 ' + n + ' 个网点'}). Comments are the developers'; the brand mark
 * ({@code yg-logo}, 邮) is the same in every language. Data values (names, addresses)
 * come from the model and are not in a template at all.
 */
class TemplateTextInMessagesTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** A string literal of a Thymeleaf/SpEL expression. */
	static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

	/**
	 * The templates the English mode must show in English: the public portal, the enterprise portal and the error pages.
	 * (The staff pages are worked through next; they are listed in the module READMEs' open items.)
	 */
	static final List<String> CHECKED = List.of("public-layout.html", "public-error.html", "error.html",
			"registry/public-lookup.html", "registry/public-outlets.html", "complaints/public-new.html",
			"complaints/public-status.html", "complaints/public-notices.html", "complaints/public-notice.html",
			"enforcement/public-penalties.html", "enforcement/public-penalty.html", "inspections/public.html",
			"licensing/verify.html", "web/public-home.html", "inspections/order-parts.html",
			"enforcement/enterprise-case.html");

	@Test
	void publicAndEnterprisePagesWriteNoChineseOutsideTheBundle() throws IOException {
		List<String> found = new ArrayList<>();
		for (String name : CHECKED) {
			found.addAll(hardCoded(TEMPLATES.resolve(name)));
		}
		assertThat(found).as("Chinese a page shows without a message key").isEmpty();
	}

	@Test
	void theCheckFindsEachKindOfHardCodedText() {
		String page = """
				<section><h2 class="card-title">快递业务经营许可查询</h2><h3 th:text="#{x}">替换的</h3>
				<input placeholder="企业名称" th:placeholder="#{y}"><input aria-label="许可查询">
				<span th:text="'共 ' + ${n} + ' 个网点'">共</span><span th:text="${a} + '（' + ${b} + '）'">x</span>
				<!-- 注释 --><th:block th:if="${x}">块中文字</th:block></section>""";
		assertThat(hardCoded("t.html", page)).containsExactly("t.html: text 快递业务经营许可查询",
				"t.html: aria-label=许可查询", "t.html: th:text literal '共 '", "t.html: th:text literal ' 个网点'",
				"t.html: text 块中文字");
	}

	/** Every hard-coded Chinese text of a template file. */
	static List<String> hardCoded(Path file) throws IOException {
		return hardCoded(TEMPLATES.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
	}

	/** Every hard-coded Chinese text of a template's markup, each as "name: what". */
	static List<String> hardCoded(String name, String html) {
		Document doc = Jsoup.parse(html);
		List<String> found = new ArrayList<>();
		for (Element e : doc.getAllElements()) {
			for (Attribute a : e.attributes()) {
				String key = a.getKey();
				if (key.startsWith("th:")) {
					Matcher m = LITERAL.matcher(a.getValue());
					while (m.find()) {
						if (HAN.matcher(m.group(1)).find()) {
							found.add(name + ": " + key + " literal '" + m.group(1) + "'");
						}
					}
				}
				else if (HAN.matcher(a.getValue()).find() && !e.hasAttr("th:" + key) && !e.hasAttr("th:attr")) {
					found.add(name + ": " + key + "=" + a.getValue());
				}
			}
			for (TextNode t : e.textNodes()) {
				// the brand mark (邮) is a picture in letters, the same in every language
				if (HAN.matcher(t.text()).find() && !replaced(e) && !e.hasClass("yg-logo")) {
					found.add(name + ": text " + t.text().strip());
				}
			}
		}
		return found;
	}

	/** Whether a page shows another text in place of the element's own (it, or an element around it, is replaced). */
	private static boolean replaced(Element e) {
		for (Element x = e; x != null; x = x.parent()) {
			if (x.hasAttr("th:text") || x.hasAttr("th:utext")
					|| Stream.of("all", "body", "all-but-first").anyMatch(x.attr("th:remove")::equals)) {
				return true;
			}
			// a fragment put in the element's place, or in it; not the page's own body a layout takes in
			if ((x.hasAttr("th:replace") || x.hasAttr("th:insert")) && !x.tagName().equals("html")) {
				return true;
			}
		}
		return false;
	}
}
