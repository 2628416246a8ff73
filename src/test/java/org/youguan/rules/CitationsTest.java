package org.youguan.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The law is cited as it is now: 快递暂行条例 in its 2025 numbering (DOMAIN.md, "快递暂行条例: 2019 → 2025 article
 * numbers") and every citation with the version of its text.
 */
class CitationsTest {

	/** 2025 article numbers of the table in DOMAIN.md. */
	static final Set<Integer> ARTICLES_2025 = Set.of(18, 19, 20, 23, 28, 29, 30, 32, 33, 34, 35, 46, 47, 48, 49, 50, 51,
			52, 53, 54, 55, 56, 57, 58);

	/**
	 * 2019 article numbers of the same table: a citation of the text in force before 2025-06-01 names its version,
	 * 快递暂行条例(2019) 第40条 ({@link Citation#on}, the citation of a decision made then).
	 */
	static final Set<Integer> ARTICLES_2019 = Set.of(17, 18, 19, 22, 28, 29, 31, 32, 33, 34, 36, 37, 38, 39, 40, 41, 42,
			43, 44, 45, 46, 47);

	/**
	 * A 快递暂行条例 citation in running text: the name (or the short 条例), anything up to 16 characters that is no
	 * sentence end, then 第N条 / 第十九条 / art.N.
	 */
	static final Pattern CITATION = Pattern.compile(
			"(快递暂行条例|(?<![\\p{IsHan}])条例)([^。；;\\n第]{0,16}?)(?:第([0-9]+|[一二三四五六七八九十]+)条|art\\.\\s?([0-9]+))");

	@Test
	void everyRuleCitesAVersionedTextOrIsAnUnconfirmedPractice() {
		for (StatutoryRule rule : StatutoryRule.values()) {
			assertThat(rule.citations()).as(rule.code()).isNotEmpty();
			for (Citation c : rule.citations()) {
				if (c.text().isText()) {
					assertThat(c.version()).as(rule.code()).matches("(19|20)[0-9]{2}");
					assertThat(rule.basis()).as(rule.code()).contains(c.text().title() + "(" + c.version() + ")");
				}
				else {
					assertThat(rule.confirmed()).as(rule.code() + " rests on practice, so it is unconfirmed").isFalse();
				}
			}
		}
	}

	@Test
	void expressRegulationRulesUseThe2025ArticleNumbers() {
		assertThat(StatutoryRule.OUTLET_FILING_AFTER_OPENING.basis()).isEqualTo("快递暂行条例(2025) 第19条");
		assertThat(StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT.basis()).isEqualTo("快递暂行条例(2025) 第29条");
		assertThat(StatutoryRule.FINE_OUTLET_UNFILED_MAX.citations())
			.containsExactly(Citation.of(LegalText.EXPRESS_REGULATION, 50));
		assertThat(StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MAX.basis()).isEqualTo("快递暂行条例(2025) 第50条");
		assertThat(StatutoryRule.INSPECTION_MIN_INSPECTORS.basis()).isEqualTo("邮政法(2015) 第63条；行政处罚法(2021) 第42条");
	}

	@Test
	void theScanFindsOld2019NumbersAndCitationsWithoutVersion() {
		assertThat(violations("x", "网点开办超过20日才申请备案（快递暂行条例第40条）")).hasSize(1);
		assertThat(violations("x", "末端网点应当自开办之日起20日内备案（快递暂行条例第十八条）")).hasSize(1);
		assertThat(violations("x", "prior complaint (条例 art.28) and")).hasSize(1);
		assertThat(violations("x", "(快递暂行条例(2025) art.40)")).as("art.40 is a packaging article now").hasSize(1);
		assertThat(violations("x", "快递暂行条例(2025) 第19条；条例(2025) art.50")).isEmpty();
		assertThat(violations("x", "《快递暂行条例》（2025年修订）第十九条")).isEmpty();
		assertThat(violations("x", "邮政法实施条例第5条")).as("another 条例").isEmpty();
		assertThat(violations("x", "违反了《快递暂行条例》第十九条的规定")).as("the formal form of a document").isEmpty();
		assertThat(violations("x", "违反了《快递暂行条例》第四十条的规定")).as("a 2019 number in the formal form").hasSize(1);
		assertThat(violations("x", "2024年的决定：快递暂行条例(2019) 第40条")).as("the 2019 text, named").isEmpty();
		assertThat(violations("x", "快递暂行条例(2019) 第50条")).as("no such article in the 2019 text's table").hasSize(1);
	}

	@Test
	void noSourceCitesTheExpressRegulationIn2019NumberingOrWithoutVersion() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main"), Path.of("tools"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					found.addAll(violations(file.toString(), text(file)));
				}
			}
		}
		found.addAll(violations("README.md", Files.readString(Path.of("README.md"))));
		assertThat(found).isEmpty();
	}

	static List<String> violations(String file, String text) {
		List<String> out = new ArrayList<>();
		Matcher m = CITATION.matcher(text);
		while (m.find()) {
			String between = m.group(2);
			String n = m.group(3) != null ? m.group(3) : m.group(4);
			int article = n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : number(n);
			// the formal form a document cites (《快递暂行条例》第十九条, Citation#formal) names no version by design: the
			// catalogue writes it from its 2025 citations, so only the number is checked
			boolean formal = m.start() > 0 && text.charAt(m.start() - 1) == '《' && between.equals("》");
			if (!formal && between.contains("2019")) {
				if (!ARTICLES_2019.contains(article)) {
					out.add(file + ": article " + article + " is not in the 2019 numbering: " + m.group());
				}
			}
			else if (!formal && !between.contains("2025")) {
				out.add(file + ": citation without the text's version (2025): " + m.group());
			}
			else if (!ARTICLES_2025.contains(article)) {
				out.add(file + ": article " + article + " is not in the 2025 numbering: " + m.group());
			}
		}
		return out;
	}

	private static String text(Path file) throws IOException {
		String name = file.getFileName().toString();
		if (name.endsWith(".docx") || name.endsWith(".xlsx")) {
			StringBuilder sb = new StringBuilder();
			try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
				for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
					if (e.getName().endsWith(".xml")) {
						sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", ""));
					}
				}
			}
			return sb.toString();
		}
		byte[] bytes = Files.readAllBytes(file);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static final Map<Character, Integer> DIGITS = Map.of('一', 1, '二', 2, '三', 3, '四', 4, '五', 5, '六', 6,
			'七', 7, '八', 8, '九', 9);

	/** 十八 → 18, 五十 → 50, 三 → 3 (article numbers below 100). */
	static int number(String chinese) {
		int ten = chinese.indexOf('十');
		if (ten < 0) {
			return DIGITS.get(chinese.charAt(0));
		}
		int tens = ten == 0 ? 1 : DIGITS.get(chinese.charAt(0));
		int units = ten == chinese.length() - 1 ? 0 : DIGITS.get(chinese.charAt(ten + 1));
		return tens * 10 + units;
	}
}
