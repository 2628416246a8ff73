package org.youguan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.youguan.rules.LegalText;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words a person reads — a refusal, a page's text — are Chinese without the code's internals (attack 32): no
 * request field name in brackets ("调查终结报告（report）", "请确认放弃听证（confirm）"; the refusal's {@code field} names it
 * for a program), no rule catalogue code ("规则目录safety.ledger.lookback"; the rule is named by its title) and none of
 * the catalogue's working marks ("未确认", 地方实践（未确认）: a basis is cited through {@code StatutoryRule.basisFor} for its
 * reader). Doc comments, comments and the OpenAPI descriptions (written for programmers) may name fields; so may the
 * messages about uploaded records and files whose field or column names are what the uploader writes (parcel batches,
 * courier rosters, the region CSV), a command (chown) and a key of the audit checkpoint file. The rule catalogue's own
 * pages name the code the admin works with ({@code org.youguan.rules}).
 */
class MessagesInPlainWordsTest {

	static final Path SOURCES = Path.of("src/main/java/org/youguan");

	static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	/** A field name alone in brackets ("（report）"), or leading them ("（handedOverOn，不早于送达）", "（a、b）"). */
	static final Pattern FIELD_IN_BRACKETS = Pattern
		.compile("（[a-z][A-Za-z0-9]*(?:\\[\\d*])?(?:\\.[a-z][A-Za-z0-9]*(?:\\[\\d*])?)*(?:、[a-z][A-Za-z0-9]*)*[），：；、]");

	static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

	static final Pattern OPENAPI = Pattern.compile("^@(Operation|Parameter|Parameters|Schema|ApiResponse|ApiResponses|Tag)\\b");

	/** Where the name in brackets is the uploader's own column or key, or no field at all. */
	static final Set<String> FILE_CONTRACTS = Set.of("ParcelValidator.java", "ParcelIngest.java", "Couriers.java",
			"CourierApiController.java", "RegionImport.java", "KeyFiles.java", "AuditChain.java");

	/** The catalogue's marks of what is no law (地方实践（未确认）…): its working notes, cited through StatutoryRule.basisFor. */
	static final List<String> NOT_LAW = Arrays.stream(LegalText.values()).filter(t -> !t.isText()).map(LegalText::title).toList();

	@Test
	void messagesNameNoRequestFieldAndNoRuleCode() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				boolean contract = FILE_CONTRACTS.contains(f.getFileName().toString());
				boolean catalogue = SOURCES.relativize(f).startsWith("rules");
				for (String[] literal : literals(Files.readAllLines(f))) {
					String where = SOURCES.relativize(f) + ":" + literal[0] + ": ";
					Matcher field = FIELD_IN_BRACKETS.matcher(literal[1]);
					if (!contract && field.find()) {
						offences.add(where + field.group() + " in " + literal[1]);
					}
					if (!catalogue && (literal[1].contains("未确认") || NOT_LAW.stream().anyMatch(literal[1]::contains))) {
						offences.add(where + "an internal mark of the catalogue in " + literal[1]);
					}
					if (!catalogue && CHINESE.matcher(literal[1]).find()) {
						for (StatutoryRule rule : StatutoryRule.values()) {
							if (literal[1].matches(".*(?<![\\w.-])" + Pattern.quote(rule.code()) + "(?![\\w-]).*")) {
								offences.add(where + rule.code() + " in " + literal[1]);
							}
						}
					}
				}
			}
		}
		assertThat(offences).as("English field names or rule codes in Chinese messages").isEmpty();
	}

	/**
	 * Nor joined in by the code: a rule's catalogue code ({@code "…规则目录" + RULE.code()}) or a field's name
	 * ({@code label + "（" + field + "）"}). Renaming a field inside a message that names it is no message of its own.
	 */
	@Test
	void ruleCodesAndFieldNamesAreNotJoinedIntoMessages() throws IOException {
		Pattern joined = Pattern.compile("[\\u4e00-\\u9fff][^\"]*\"\\s*\\+\\s*(StatutoryRule\\.\\w+|rule|\\w*RULE)\\.code\\(\\)"
				+ "|(StatutoryRule\\.\\w+|rule|\\w*RULE)\\.code\\(\\)\\s*\\+\\s*\"[^\"]*[\\u4e00-\\u9fff]"
				+ "|（\"\\s*\\+\\s*\\w*[Ff]ield\\w*\\s*\\+");
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java") && !SOURCES.relativize(p).startsWith("rules")).toList()) {
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i).strip();
					if (!comment(line) && !line.contains(".replace(") && joined.matcher(line).find()) {
						offences.add(SOURCES.relativize(f) + ":" + (i + 1) + ": " + line);
					}
				}
			}
		}
		assertThat(offences).as("a rule's catalogue code joined into a message").isEmpty();
	}

	/** Each string literal outside comments, text blocks and OpenAPI annotations: {line number, text}. */
	private static List<String[]> literals(List<String> lines) {
		List<String[]> found = new ArrayList<>();
		int depth = 0;
		boolean textBlock = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (depth == 0 && OPENAPI.matcher(line).find() || depth > 0) {
				String bare = LITERAL.matcher(line).replaceAll("\"\"");
				depth = Math.max(0, depth + count(bare, '(') - count(bare, ')'));
				continue;
			}
			if (line.contains("\"\"\"")) {
				if (line.split("\"\"\"", -1).length == 2) {
					textBlock = !textBlock;
				}
				continue;
			}
			if (textBlock || comment(line)) {
				continue;
			}
			Matcher m = LITERAL.matcher(line);
			while (m.find()) {
				found.add(new String[] { String.valueOf(i + 1), m.group() });
			}
		}
		return found;
	}

	private static boolean comment(String line) {
		return line.startsWith("*") || line.startsWith("//") || line.startsWith("/*");
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter(x -> x == c).count();
	}
}
