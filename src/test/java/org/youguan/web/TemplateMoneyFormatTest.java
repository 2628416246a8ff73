package org.youguan.web;

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
 * Every page writes money one way ({@link MoneyTexts}: 80000, 12345.50 — never 80,000.00 beside it): an amount a
 * template reads (an accessor named for money — amount, compensation, fine, confiscated, capital …) is written through
 * {@code @money.yuan}/{@code @money.figures}, handed to a method that words it ({@code describe}, its reader's-language
 * twin {@code @caseWords.penalty}, {@code labelWith}) or
 * compared ({@code != null}, {@code signum()}, {@code below(…)}); never {@code #numbers.formatDecimal}, never raw.
 */
class TemplateMoneyFormatTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** An accessor of an amount of money, as the views name them. */
	static final Pattern MONEY = Pattern.compile("\\b(\\w*(Amount|Compensation|Fine|Fines|Confiscated|Capital|Yuan)"
			+ "|amount|compensation|fine|fines|confiscated|capital|surchargeToday)\\(\\)");

	static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

	/** The calls an amount may be handed to: the money format, a wording of the penalty, a comparison. */
	static final Set<String> WORDED_BY = Set.of("@money.yuan", "@money.figures", "describe", "@caseWords.penalty", "@caseWords.kind", "labelWith",
			"below");

	static final Pattern CONDITION = Pattern.compile("^\\s*(!=|==|\\.signum\\(|\\.compareTo\\()");

	@Test
	void everyAmountATemplateWritesGoesThroughTheMoneyFormat() throws IOException {
		List<String> raw = new ArrayList<>();
		int amounts = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher e = EXPRESSION.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (e.find()) {
					String expression = e.group(1);
					Matcher m = MONEY.matcher(expression);
					while (m.find()) {
						amounts++;
						boolean worded = WORDED_BY.contains(enclosingCall(expression, m.start()));
						boolean compared = CONDITION.matcher(expression.substring(m.end())).find();
						if (!worded && !compared) {
							raw.add(TEMPLATES.relativize(file) + ": ${" + expression + "}");
						}
					}
				}
			}
		}
		assertThat(amounts).as("amounts the templates write").isGreaterThan(10);
		assertThat(raw).as("amounts written without the money format").isEmpty();
	}

	@Test
	void theGuardSeesAnAmountFormattedWithSeparators() {
		String expression = "#numbers.formatDecimal(c.mediationAmount(), 1, 'COMMA', 2, 'POINT')";
		Matcher m = MONEY.matcher(expression);
		assertThat(m.find()).isTrue();
		assertThat(enclosingCall(expression, m.start())).isEqualTo("#numbers.formatDecimal");
		assertThat(enclosingCall("@money.figures(c.paidAmount() ?: c.fine())", 30)).isEqualTo("@money.figures");
	}

	/** The name of the call whose brackets hold {@code at} ("@money.figures", "describe"), or "" at the top. */
	static String enclosingCall(String expression, int at) {
		int depth = 0;
		for (int i = at - 1; i >= 0; i--) {
			char c = expression.charAt(i);
			if (c == ')') {
				depth++;
			}
			else if (c == '(' && depth > 0) {
				depth--;
			}
			else if (c == '(') {
				int from = i;
				while (from > 0 && (Character.isLetterOrDigit(expression.charAt(from - 1))
						|| "@#._".indexOf(expression.charAt(from - 1)) >= 0)) {
					from--;
				}
				String name = expression.substring(from, i);
				// a method of a value (c.penalty().describe): its own name
				int dot = name.lastIndexOf('.');
				return name.startsWith("@") || name.startsWith("#") || dot < 0 ? name : name.substring(dot + 1);
			}
		}
		return "";
	}
}
