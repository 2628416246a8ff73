package org.youguan.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Law in one place: no text the product shows types an article ("行政处罚法第58条", "（第32条第1项）",
 * "《中华人民共和国邮政法》第九条") outside the rule catalogue (this module). A refusal, hint or document cites a
 * {@link Provision} or a rule's citation; a message of the UI bundle and an API description in an annotation name one
 * by token ({@code [[PENALTY_LEGAL_REVIEW]]}). Read here: the string literals and text blocks of the main Java sources
 * outside {@code org.youguan.rules} (comments may cite articles: they explain, they are not shown), the templates
 * outside HTML comments, and the Chinese messages of {@code tools/messages.py}; and every token those name must be a
 * provision, or the page would show it raw.
 */
class NoTypedCitationsTest {

	/** An article number as Chinese text writes it: 第58条, 第五十八条. */
	private static final Pattern ARTICLE = Pattern.compile("第[0-9０-９一二三四五六七八九十百零〇]+条");

	/** Phrases with 第…条 that count records, not articles ("请求体的第一条记录", "第一条为生效的变更"). */
	private static final Set<String> NOT_LAW = Set.of("第一条记录", "第一条为");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Path RULES = JAVA.resolve("org/youguan/rules");

	private static final Pattern TOKEN = Pattern.compile("\\[\\[[A-Za-z_:,]+]]");

	@Test
	void noJavaStringOutsideTheCatalogueTypesAnArticle() throws IOException {
		List<String> typed = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			if (file.startsWith(RULES)) {
				continue;
			}
			for (Literal l : literals(Files.readString(file, StandardCharsets.UTF_8))) {
				if (citesAnArticle(l.text())) {
					typed.add(file + ":" + l.line() + ": " + l.text());
				}
			}
		}
		assertThat(typed).as("cite org.youguan.rules.Provision (or a rule's citations) instead").isEmpty();
	}

	@Test
	void noTemplateTypesAnArticle() throws IOException {
		List<String> typed = new ArrayList<>();
		for (Path file : files(Path.of("src/main/resources/templates"), ".html")) {
			String html = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
			if (citesAnArticle(html)) {
				typed.add(file.toString());
			}
		}
		assertThat(typed).as("a template shows the citation its model gives, even as its prototype text").isEmpty();
	}

	/**
	 * The built-in .docx templates of every module name a provision's field ({@code ${law_PENALTY_DELIVERY}},
	 * {@link Provision#lawField}), never a typed "《中华人民共和国邮政法》第五十二条": the licence decisions cited 邮政法 52/53
	 * as fixed text, and one of them the wrong article. Read back as Word reads them (POI).
	 */
	@Test
	void noDocumentTemplateTypesAnArticle() throws IOException {
		List<String> typed = new ArrayList<>();
		List<Path> templates = files(Path.of("src/main/resources/documents"), ".docx");
		assertThat(templates).as("the built-in templates").isNotEmpty();
		for (Path file : templates) {
			try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(file));
					var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
				String written = text.getText();
				if (citesAnArticle(written)) {
					Matcher m = ARTICLE.matcher(written);
					m.find();
					typed.add(file + ": " + written.substring(Math.max(0, m.start() - 30), m.end()));
				}
			}
		}
		assertThat(typed).as("write ${law_<PROVISION>} (Provision#lawField) instead").isEmpty();
	}

	@Test
	void noMessageTypesAnArticleAndEveryTokenIsAProvision() throws IOException {
		List<String> typed = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		// a row of the table: "key": ("中文", "English"),
		Pattern row = Pattern.compile("^\\s*\"([^\"]+)\":\\s*\\(\"((?:[^\"\\\\]|\\\\.)*)\"");
		for (String line : Files.readAllLines(Path.of("tools/messages.py"), StandardCharsets.UTF_8)) {
			Matcher m = row.matcher(line);
			if (!m.find()) {
				continue;
			}
			if (citesAnArticle(m.group(2))) {
				typed.add(m.group(1) + ": " + m.group(2));
			}
			unknown.addAll(unresolved(m.group(1), m.group(2)));
		}
		assertThat(typed).as("write the article as a token, [[PROVISION]]").isEmpty();
		assertThat(unknown).isEmpty();
	}

	/**
	 * Where the Chinese of a message names an article by token, its English names it by token too (written out as
	 * "Article N of the … (version)", {@link Provision#english}), never typing "art.N" by hand — and every token the
	 * English names is a provision.
	 */
	@Test
	void anEnglishMessageCitesByTokenWhereItsChineseDoes() throws IOException {
		List<String> typed = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		// a row of the table, its English perhaps on the next line: "key": ("中文", "English"),
		Pattern row = Pattern.compile("\"([^\"]+)\":\\s*\\(\"((?:[^\"\\\\]|\\\\.)*)\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
		Matcher m = row.matcher(Files.readString(Path.of("tools/messages.py"), StandardCharsets.UTF_8));
		int rows = 0;
		while (m.find()) {
			rows++;
			if (TOKEN.matcher(m.group(2)).find() && ENGLISH_ARTICLE.matcher(m.group(3)).find()) {
				typed.add(m.group(1) + ": " + m.group(3));
			}
			unknown.addAll(unresolved(m.group(1), m.group(3)));
		}
		assertThat(rows).as("rows read").isGreaterThan(4000);
		assertThat(typed).as("write the article as the Chinese does, [[PROVISION]]").isEmpty();
		assertThat(unknown).isEmpty();
		assertThat(ENGLISH_ARTICLE.matcher("(Postal Law art.9)").find()).isTrue();
		assertThat(ENGLISH_ARTICLE.matcher("(art. 61 para. 2)").find()).isTrue();
		assertThat(ENGLISH_ARTICLE.matcher("at most {0} days").find()).isFalse();
	}

	/** An article number as English text types it: art.9, art. 61, Article 48, articles 51-52, 第58条. */
	private static final Pattern ENGLISH_ARTICLE = Pattern.compile("(?i)\\bart(icle)?s?\\.?\\s*\\d|第[0-9]+条");

	@Test
	void everyTokenOfTheJavaSourcesIsAProvision() throws IOException {
		List<String> unknown = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			for (Literal l : literals(Files.readString(file, StandardCharsets.UTF_8))) {
				unknown.addAll(unresolved(file + ":" + l.line(), l.text()));
			}
		}
		assertThat(unknown).isEmpty();
	}

	/** The scan itself: a literal is told from a comment, a text block and a char literal are read. */
	@Test
	void theScanReadsStringsNotComments() {
		String source = """
				// 行政处罚法第58条 in a comment
				/* 第9条 */ String a = "依行政处罚法第58条"; /** 第1条 */
				char q = '"'; String b = "转义\\"第3条\\"";
				String c = \"""
				    邮政法第九条
				    \""";
				String d = "请求体的第一条记录";
				""";
		List<String> found = literals(source).stream().map(Literal::text).filter(NoTypedCitationsTest::citesAnArticle)
			.toList();
		assertThat(found).hasSize(3).allSatisfy(t -> assertThat(t).doesNotContain("comment"));
		assertThat(citesAnArticle("共" + 3 + "条")).isFalse();
	}

	private static List<String> unresolved(String where, String text) {
		List<String> unknown = new ArrayList<>();
		Matcher t = TOKEN.matcher(text);
		while (t.find()) {
			try {
				if (Provision.resolve(t.group()).contains("[[")) {
					unknown.add(where + ": " + t.group());
				}
			}
			catch (IllegalArgumentException ex) {
				unknown.add(where + ": " + t.group());
			}
		}
		return unknown;
	}

	private static boolean citesAnArticle(String text) {
		Matcher m = ARTICLE.matcher(text);
		while (m.find()) {
			int from = m.start();
			if (NOT_LAW.stream().noneMatch(p -> text.startsWith(p, from))) {
				return true;
			}
		}
		return false;
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	record Literal(int line, String text) {
	}

	/** The string literals and text blocks of a Java source, comments and char literals skipped. */
	static List<Literal> literals(String src) {
		List<Literal> found = new ArrayList<>();
		int line = 1;
		int i = 0;
		int n = src.length();
		while (i < n) {
			char c = src.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (src.startsWith("//", i)) {
				while (i < n && src.charAt(i) != '\n') {
					i++;
				}
			}
			else if (src.startsWith("/*", i)) {
				int end = src.indexOf("*/", i + 2);
				end = end < 0 ? n : end + 2;
				line += count(src, i, end);
				i = end;
			}
			else if (src.startsWith("\"\"\"", i)) {
				int end = i + 3;
				while (end < n && !src.startsWith("\"\"\"", end)) {
					end += src.charAt(end) == '\\' ? 2 : 1;
				}
				found.add(new Literal(line, src.substring(i + 3, Math.min(end, n))));
				line += count(src, i, Math.min(end, n));
				i = Math.min(end + 3, n);
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < n && src.charAt(end) != c && src.charAt(end) != '\n') {
					end += src.charAt(end) == '\\' ? 2 : 1;
				}
				if (c == '"') {
					found.add(new Literal(line, src.substring(i + 1, Math.min(end, n))));
				}
				i = end + 1;
			}
			else {
				i++;
			}
		}
		return found;
	}

	private static int count(String s, int from, int to) {
		int lines = 0;
		for (int k = from; k < to; k++) {
			if (s.charAt(k) == '\n') {
				lines++;
			}
		}
		return lines;
	}
}
