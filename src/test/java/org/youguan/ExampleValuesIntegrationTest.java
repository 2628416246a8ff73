package org.youguan;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.documents.SheetCell;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Telephone;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;
import org.youguan.statistics.Period;
import org.youguan.statistics.PeriodType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The example values the product shows — placeholders in forms and the "如…" examples in its messages — pass the
 * validation of the field they stand for. (The import templates' example rows: ImportTemplatesIntegrationTest.)
 */
@IntegrationTest
class ExampleValuesIntegrationTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("id=\"(\\w+)\"[^>]*placeholder=\"([^\"]+)\"");

	private static final Pattern EXAMPLES = Pattern.compile("如([^）]+)）");

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MutableClock clock;

	static String template(String path) throws IOException {
		try (InputStream in = ExampleValuesIntegrationTest.class.getResourceAsStream("/templates/" + path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static String placeholder(String template, String id) {
		Matcher m = PLACEHOLDER.matcher(template);
		while (m.find()) {
			if (m.group(1).equals(id)) {
				return m.group(2);
			}
		}
		throw new AssertionError("no placeholder for " + id);
	}

	/** The examples a message gives: "…（如0512-65551234，分机号写在最后：0512-65551234-801）" → both numbers. */
	static List<String> examples(String message) {
		List<String> found = new ArrayList<>();
		Matcher m = EXAMPLES.matcher(message);
		while (m.find()) {
			for (String part : m.group(1).split("、|或|，[^：]*：")) {
				if (!part.isBlank()) {
					found.add(part.strip());
				}
			}
		}
		assertThat(found).as(message).isNotEmpty();
		return found;
	}

	static String message(Runnable failing) {
		try {
			failing.run();
		}
		catch (InvalidValueException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("no failure");
	}

	@Test
	void theOutletFormsCoordinatePlaceholdersAreValidCoordinates() throws IOException {
		String form = template("registry/outlet-fields.html");
		String first17 = "32050619850101" + String.format("%03d", (int) (Math.random() * 1000));
		OutletData data = new OutletData("示例网点" + UUID.randomUUID().toString().substring(0, 6),
				enterprises.findByCreditCode("91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q")).orElseThrow().id(),
				null, "FRANCHISE", "示例路1号", "320506001", new BigDecimal(placeholder(form, "longitude")),
				new BigDecimal(placeholder(form, "latitude")), "王五", first17 + IdCardNumber.checkCharacter(first17), "13812345678",
				new BigDecimal("30"), true, true, true, true, LocalDate.now(clock).minusDays(1));
		assertThat(outlets.check(DataScope.region("3205"), data).longitude()).isNotNull();
	}

	@Test
	void theReportPeriodPlaceholdersAreReportPeriods() throws IOException {
		for (String page : List.of("statistics/enterprise-home.html", "statistics/reports.html")) {
			String placeholder = Pattern.compile("name=\"period\"[^>]*placeholder=\"([^\"]+)\"").matcher(template(page)).results()
				.map(r -> r.group(1)).findFirst().orElseThrow();
			for (String example : placeholder.split("\\s*/\\s*")) {
				PeriodType type = example.contains("Q") ? PeriodType.QUARTER : PeriodType.MONTH;
				assertThat(Period.parse(type, example, "period").code()).as(page).isEqualTo(example);
			}
		}
	}

	@Test
	void theTelephoneExamplesInMessagesAndFormsAreTelephones() throws IOException {
		List<String> shown = new ArrayList<>(examples(message(() -> Telephone.of("123"))));
		shown.addAll(examples(message(() -> Telephone.of("65551234"))));
		// the complaint form's phone hint is a message (th:title="#{…}"): read the key from the template, the text from the bundle
		Properties zh = MessageBundles.load(MessageBundles.CHINESE);
		shown.addAll(examples(Pattern.compile("th:title=\"#\\{([^}]+)\\}\"").matcher(template("complaints/fields.html")).results()
			.map(r -> zh.getProperty(r.group(1), "")).filter(t -> t.contains("如")).findFirst().orElseThrow()));
		assertThat(shown).contains("0512-65551234", "0512-65551234-801");
		shown.forEach(example -> assertThat(Telephone.of(example).value()).isEqualTo(example));
	}

	@Test
	void theDateAndMonthExamplesInSpreadsheetMessagesReadAsDates() {
		List<String> dates = examples(message(() -> SheetCell.text("下周一").asDate("开办日期")));
		assertThat(dates).hasSize(4);
		dates.forEach(example -> assertThat(SheetCell.text(example).asDate("开办日期")).isEqualTo(LocalDate.of(2026, 3, 5)));
		List<String> months = examples(message(() -> SheetCell.text("上月").asMonth("月份")));
		months.forEach(example -> assertThat(SheetCell.text(example).asMonth("月份")).hasToString("2024-01"));
		assertThatThrownBy(() -> SheetCell.text("2024-13").asMonth("月份")).isInstanceOf(InvalidValueException.class);
	}
}
