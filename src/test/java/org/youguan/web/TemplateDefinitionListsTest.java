package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A definition list of a template holds terms and their descriptions only (attack C5: the enterprise's penalty page
 * put the provisional mark, a {@code span}, straight into its {@code dl}, outside any {@code dd}): a {@code dl}'s
 * children — through the {@code th:block}s that render only their content — are {@code dt}, {@code dd} or
 * {@code div} (HTML's grouping of a term with its descriptions), and the provisional mark (the fragment
 * {@code fragments :: provisional}, a {@code span}) stands inside one of them. Fragments that render terms and
 * descriptions themselves (complaints/summary :: mediation) may stand in the list.
 */
class TemplateDefinitionListsTest {

	static final Set<String> ALLOWED = Set.of("dt", "dd", "div", "script", "template");

	@Test
	void everyDefinitionListHoldsTermsAndDescriptionsOnly() throws IOException {
		List<String> found = new ArrayList<>();
		try (var files = Files.walk(TemplateTextInMessagesTest.TEMPLATES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				found.addAll(misplaced(TemplateTextInMessagesTest.TEMPLATES.relativize(f).toString(),
						Files.readString(f, StandardCharsets.UTF_8)));
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theCheckFindsAFragmentOrSpanStraightInAList() {
		String page = """
				<dl><dt>a</dt><dd>b <th:block th:replace="~{fragments :: provisional(${d})}"></th:block></dd>
				<th:block th:if="${x}"><dt>c</dt><dd>d</dd><th:block th:replace="~{fragments :: provisional(${d})}"></th:block></th:block>
				<span class="provisional">x</span></dl>""";
		assertThat(misplaced("t.html", page)).containsExactly("t.html: th:block ~{fragments :: provisional(${d})} in a dl",
				"t.html: span in a dl");
	}

	static List<String> misplaced(String name, String html) {
		List<String> found = new ArrayList<>();
		for (Element dl : Jsoup.parse(html).select("dl")) {
			children(dl, name, found);
		}
		return found;
	}

	private static void children(Element parent, String name, List<String> found) {
		for (Element child : parent.children()) {
			String tag = child.tagName();
			if (tag.equals("th:block") && child.attr(child.hasAttr("th:replace") ? "th:replace" : "th:insert")
				.contains(":: provisional")) {
				found.add(name + ": th:block " + child.attr(child.hasAttr("th:replace") ? "th:replace" : "th:insert")
						+ " in a dl");
			}
			else if (tag.equals("th:block")) {
				children(child, name, found);
			}
			else if (!ALLOWED.contains(tag)) {
				found.add(name + ": " + tag + " in a dl");
			}
		}
	}
}
