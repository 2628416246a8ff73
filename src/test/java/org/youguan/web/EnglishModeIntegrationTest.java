package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.ProvinceStaff;
import org.youguan.SignIn;
import org.youguan.documents.Column;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.org.Bureaus;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The English mode ({@code ?lang=en}) reads the pages and exports in English, Chinese staying the default (finding: the
 * layout's page-title parameter, 我的待办's recent activity, the licensing missing-materials list, the cancellation
 * grounds and the .xlsx headers stayed Chinese). The templates hold no Chinese text outside the message bundles — no
 * word in a text node, an attribute a reader sees or hears, or a literal of an expression — and no Chinese
 * {@code label()} of a choice read past {@code @labels}.
 */
@IntegrationTest
class EnglishModeIntegrationTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** Chinese as a text shows it: a Han character or a full-width mark (：, ；, （…）). */
	private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\x{3000}-\\x{303F}\\x{FF00}-\\x{FFEF}]");

	private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	/** A tag, its quoted attribute values whole (an expression's {@code status < 500} inside one). */
	private static final Pattern TAG = Pattern.compile("<(?:[^<>\"]|\"[^\"]*\")*>");

	/** An attribute a reader sees or hears, written as it is (not by Thymeleaf). */
	private static final Pattern PLAIN_ATTRIBUTE = Pattern.compile("(?<![:\\w-])([\\w-]+)=\"([^\"]*)\"");

	/** A Thymeleaf attribute's value, whose literals ('…') must not be Chinese words. */
	private static final Pattern TH_ATTRIBUTE = Pattern.compile("th:(text|utext|title|placeholder|aria-label|value|data-confirm|replace)=\"([^\"]*)\"");

	/** A literal, unless compared with ({@code d.role() == '配合'}: a value read, not shown). */
	private static final Pattern LITERAL = Pattern.compile("(?<!==\\s)(?<!==)(?<!!=\\s)(?<!!=)'([^']*)'");

	/**
	 * A choice's Chinese label read past {@code @labels}: an accessor's {@code .label()} (a period's aside, worded by
	 * {@code stat.periodLabel}), a variable's, or a projection of it.
	 */
	private static final Pattern RAW_LABEL = Pattern.compile(
			"(?<!period\\(\\))(?<=\\))\\.label\\(\\)|\\b(kind|target)\\.label\\(\\)|!\\[label\\(\\)\\]");

	/** Punctuation only: the full-width marks around Chinese data (a name, a reason), no word. */
	private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[\\s（）：、，；·—…%]*");

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Spreadsheets spreadsheets;

	@Test
	void theTemplatesHoldNoChineseWordOutsideTheMessageBundles() throws IOException {
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
		assertThat(chineseOutsideTheBundles("t", "<div><span th:text=\"#{a}\">甲</span>：<span>乙</span></div>")).hasSize(2);
		assertThat(chineseOutsideTheBundles("t", "<input aria-label=\"搜索\" th:value=\"${x}\">")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<b th:text=\"${n} + '月'\">1月</b>")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<b th:text=\"${x.kind().label()}\">k</b>")).hasSize(1);
		assertThat(chineseOutsideTheBundles("t", "<b th:text=\"${a + '（' + b + '）'}\">甲</b><span class=\"yg-logo\">邮</span>"))
			.as("marks around data and the logo's glyph").isEmpty();
	}

	@Test
	void aPublicPageAndTheLayoutReadInEnglishChineseStayingTheDefault() throws Exception {
		String english = mvc.perform(get("/public/lookup").param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Express licence lookup", "All brands", "YouGuan · Postal regulation platform")
			.doesNotContain("快递业务经营许可查询", "全部品牌", "邮政管理信息平台");
		String chinese = mvc.perform(get("/public/lookup")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("快递业务经营许可查询", "全部品牌", "邮管通 YouGuan · 邮政管理信息平台");
	}

	@Test
	void theCancellationGroundsReadInTheReadersLanguageWithTheCataloguesPeriod() throws Exception {
		MockHttpSession province = ProvinceStaff.session(mvc, users, bureaus);
		String english = mvc.perform(get("/licensing/licences/cancellation").param("lang", "en").session(province))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Validity ended without renewal", "No operation for more than 6 months")
			.doesNotContain("有效期届满未延续", "未经营");
		String chinese = mvc.perform(get("/licensing/licences/cancellation").param("lang", "zh-CN").session(province))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("有效期届满未延续", "取得许可后无正当理由超过6个月未经营");
	}

	@Test
	void anExportsHeadersReadInTheRequestsLanguageAndInChineseOutsideARequest() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		assertThat(headers(mvc.perform(get("/statistics/reports/export.xlsx").param("state", "ALL").param("lang", "en")
			.session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
			.startsWith("Form", "Period", "Reporting enterprise").contains("On time", "Region code");
		assertThat(headers(mvc.perform(get("/statistics/reports/export.xlsx").param("state", "ALL").param("lang", "zh-CN")
			.session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
			.startsWith("报表", "报告期", "报送企业");
		// a sheet written outside a request (a job, a service called directly) keeps the Chinese headers, whatever the
		// machine's own language
		Locale machine = Locale.getDefault();
		try {
			Locale.setDefault(Locale.ENGLISH);
			assertThat(headers(spreadsheets.write("报表", List.of(Column.of("报表", (String s) -> s)), List.of("月报"))))
				.containsExactly("报表");
		}
		finally {
			Locale.setDefault(machine);
		}
	}

	/**
	 * Every export's words have their English: each header a column names ({@code Column.of("…"}), each sheet's name
	 * ({@code .write("…"}) and each word an export writes in its cells ({@code SheetWord.of("…")}) — the enterprise's
	 * penalty export kept 缴款日期 and its sheet name in Chinese.
	 */
	@Test
	void everyExportsHeadersSheetNamesAndWordsHaveTheirEnglish() throws IOException {
		Properties english = new Properties();
		try (var in = Files.newBufferedReader(Path.of("src/main/resources/messages_en.properties"), StandardCharsets.UTF_8)) {
			english.load(in);
		}
		Map<String, Pattern> kinds = Map.of(Spreadsheets.HEADER_KEY, Pattern.compile("Column\\.(?:of|label)\\(\\s*\"([^\"]+)\""),
				Spreadsheets.SHEET_KEY, Pattern.compile("\\.write\\(\\s*\"([^\"]+)\""),
				SheetWord.KEY, Pattern.compile("SheetWord\\.of\\(\"([^\"]+)\"\\)"));
		List<String> missing = new ArrayList<>();
		int found = 0;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				String source = Files.readString(file, StandardCharsets.UTF_8);
				for (var kind : kinds.entrySet()) {
					Matcher words = kind.getValue().matcher(source);
					while (words.find()) {
						found++;
						String key = kind.getKey() + words.group(1);
						if (HAN.matcher(words.group(1)).find() && english.getProperty(key) == null) {
							missing.add(file.getFileName() + ": " + key);
						}
					}
				}
			}
		}
		assertThat(found).as("exports found").isGreaterThan(300);
		assertThat(missing).as("export words without English (tools/messages.py)").isEmpty();
	}

	/**
	 * A module's refusal reads in English on an English page — a record not found worded by its key with the id — while
	 * the API's problem keeps the Chinese sentence, and the Chinese page keeps it word for word.
	 */
	@Test
	void aModulesRefusalReadsInEnglishOnAnEnglishPage() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String english = mvc.perform(get("/complaints/999999999").param("lang", "en").session(staff))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Not found, or outside your data scope: 999999999")
			.doesNotContain("不存在或不在您的数据权限范围内");
		String chinese = mvc.perform(get("/complaints/999999999").session(staff)).andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(chinese).contains("不存在或不在您的数据权限范围内：999999999");
		String api = mvc.perform(get("/api/v1/complaints/999999999").param("lang", "en")
			.header("Authorization", "Bearer demo-wz-staff-token")).andExpect(status().isNotFound()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("不存在或不在您的数据权限范围内");
	}

	/** The header row of the workbook's first sheet. */
	private static List<String> headers(byte[] xlsx) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row header = book.getSheetAt(0).getRow(0);
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < header.getLastCellNum(); c++) {
				cells.add(header.getCell(c).getStringCellValue());
			}
			return cells;
		}
	}

	/**
	 * Where a template shows Chinese that no bundle gives: a text node holding a Chinese character outside an element
	 * whose text Thymeleaf replaces (the logo's glyph aside), a plain attribute with Chinese, a literal of a Thymeleaf
	 * attribute with a Chinese word (full-width marks around data aside), and a choice's {@code label()} read past
	 * {@code @labels}.
	 */
	static List<String> chineseOutsideTheBundles(String name, String html) {
		String text = COMMENT.matcher(html).replaceAll("");
		List<String> found = new ArrayList<>();
		Matcher tags = TAG.matcher(text);
		String previous = null;
		int end = 0;
		while (tags.find()) {
			String between = text.substring(end, tags.start());
			if (previous != null && CHINESE.matcher(between).find() && !replacesItsText(previous)) {
				found.add(name + ": text " + between.strip());
			}
			String tag = tags.group();
			Matcher attributes = PLAIN_ATTRIBUTE.matcher(tag);
			while (attributes.find()) {
				if (CHINESE.matcher(attributes.group(2)).find() && !tag.startsWith("<html")) {
					found.add(name + ": attribute " + attributes.group(1) + "=\"" + attributes.group(2) + "\"");
				}
			}
			Matcher expressions = TH_ATTRIBUTE.matcher(tag);
			while (expressions.find()) {
				Matcher literals = LITERAL.matcher(expressions.group(2));
				while (literals.find()) {
					if (HAN.matcher(literals.group(1)).find() && !PUNCTUATION_ONLY.matcher(literals.group(1)).matches()) {
						found.add(name + ": literal '" + literals.group(1) + "' in th:" + expressions.group(1));
					}
				}
				if (RAW_LABEL.matcher(expressions.group(2)).find()) {
					found.add(name + ": label() in th:" + expressions.group(1) + " " + expressions.group(2));
				}
			}
			previous = tag;
			end = tags.end();
		}
		return found;
	}

	/** Whether the text after {@code tag} is replaced: an opening tag with th:text/utext/replace/insert, or the logo. */
	private static boolean replacesItsText(String tag) {
		return !tag.startsWith("</") && !tag.endsWith("/>") && (tag.contains("th:text=") || tag.contains("th:utext=")
				|| tag.contains("th:replace=") || tag.contains("th:insert=") || tag.contains("yg-logo"));
	}
}
