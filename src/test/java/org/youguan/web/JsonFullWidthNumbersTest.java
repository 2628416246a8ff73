package org.youguan.web;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A number a JSON body sends as text, typed with a Chinese input method (full-width digits, point and sign), is read
 * as a form reads it ({@code Decimals.parse}, {@code Decimals.whole}): the API takes the numbers the page takes.
 */
class JsonFullWidthNumbersTest {

	static final JsonMapper JSON = JsonMapper.builder().addModule(new JsonText().cleanTextModule()).build();

	record Amounts(BigDecimal fine, Integer count, Long total, int parcels) {
	}

	record Fine(BigDecimal fine) {
	}

	record Floating(Double share, double rate, Float weight, Long total) {
	}

	@Test
	void numbersTypedInFullWidthAreReadAsAFormReadsThem() {
		Amounts a = JSON.readValue("""
				{"fine":"１２３４．５","count":"１２","total":"－７","parcels":" ３０ "}""", Amounts.class);
		assertThat(a.fine()).isEqualByComparingTo("1234.5");
		assertThat(a.count()).isEqualTo(12);
		assertThat(a.total()).isEqualTo(-7L);
		assertThat(a.parcels()).isEqualTo(30);
	}

	@Test
	void aFullWidthTextThatIsNoNumberOfItsTypeIsRefusedNamingTheField() {
		for (String body : new String[] { "{\"count\":\"１２．５\"}", "{\"count\":\"９９９９９９９９９９９\"}",
				"{\"fine\":\"１２ａ\"}", "{\"parcels\":\"３\u3000０\"}" }) {
			assertThatThrownBy(() -> JSON.readValue(body, Amounts.class)).as(body)
				.isInstanceOfSatisfying(MismatchedInputException.class,
						e -> assertThat(e.getPath().get(0).getPropertyName()).isIn("count", "fine", "parcels"));
		}
	}

	/**
	 * Finding (JSON decimals refused the thousands separators page forms accept): "1,234.50", "１,２３４" and
	 * "１，２３４" are read as a form reads them; commas out of their place or digits grouped by spaces are refused with
	 * the form's rule, thousands-separator, the field named by its path; a plain number and text that is no number are
	 * read or refused as before.
	 */
	@Test
	void decimalsSentWithThousandsSeparatorsAreReadAsAFormReadsThem() {
		assertThat(JSON.readValue("{\"fine\":\"1,234.50\"}", Fine.class).fine()).isEqualByComparingTo("1234.50");
		assertThat(JSON.readValue("{\"fine\":\"１,２３４\"}", Fine.class).fine()).isEqualByComparingTo("1234");
		assertThat(JSON.readValue("{\"fine\":\"１，２３４，５６７．８\"}", Fine.class).fine()).isEqualByComparingTo("1234567.8");
		assertThat(JSON.readValue("{\"fine\":\" -12,345 \"}", Fine.class).fine()).isEqualByComparingTo("-12345");
		assertThat(JSON.readValue("{\"fine\":\"1234.5\"}", Fine.class).fine()).isEqualByComparingTo("1234.5");
		for (String grouped : new String[] { "1,00", "1,2345", "50 000" }) {
			assertThatThrownBy(() -> JSON.readValue("{\"fine\":\"" + grouped + "\"}", Fine.class)).as(grouped)
				.isInstanceOfSatisfying(tools.jackson.databind.DatabindException.class, e -> {
					assertThat(e.getPath().get(0).getPropertyName()).isEqualTo("fine");
					assertThat(e.getCause()).isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class,
							v -> assertThat(v.fieldErrors().get(0).rule()).isEqualTo("thousands-separator"));
				});
		}
		assertThatThrownBy(() -> JSON.readValue("{\"fine\":\"1,234元\"}", Fine.class))
			.isInstanceOf(tools.jackson.databind.DatabindException.class);
	}

	/**
	 * Finding (valid 6): a Double or Float field refused the number a page shows ("1,234.5", "１，２３４") that a decimal
	 * field reads; a whole number's grouped text ("1,234") likewise. One reading for every number type; a JSON number
	 * and a plain text number are read as before, a misplaced comma refused with the form's rule.
	 */
	@Test
	void floatingAndWholeNumbersSentWithThousandsSeparatorsAreReadAsADecimalIs() {
		Floating f = JSON.readValue("""
				{"share":"1,234.5","rate":"１，２３４．２５","weight":"12,000","total":"1,234,567"}""", Floating.class);
		assertThat(f.share()).isEqualTo(1234.5d);
		assertThat(f.rate()).isEqualTo(1234.25d);
		assertThat(f.weight()).isEqualTo(12000f);
		assertThat(f.total()).isEqualTo(1234567L);
		Floating plain = JSON.readValue("{\"share\":0.5,\"rate\":\"2.5\",\"weight\":3}", Floating.class);
		assertThat(plain.share()).isEqualTo(0.5d);
		assertThat(plain.rate()).isEqualTo(2.5d);
		assertThat(plain.weight()).isEqualTo(3f);
		for (String grouped : new String[] { "1,00", "50 000" }) {
			assertThatThrownBy(() -> JSON.readValue("{\"share\":\"" + grouped + "\"}", Floating.class)).as(grouped)
				.isInstanceOfSatisfying(tools.jackson.databind.DatabindException.class, e -> {
					assertThat(e.getPath().get(0).getPropertyName()).isEqualTo("share");
					assertThat(e.getCause()).isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class,
							v -> assertThat(v.fieldErrors().get(0).rule()).isEqualTo("thousands-separator"));
				});
		}
		assertThatThrownBy(() -> JSON.readValue("{\"share\":\"1,234元\"}", Floating.class))
			.isInstanceOf(tools.jackson.databind.DatabindException.class);
		assertThatThrownBy(() -> JSON.readValue("{\"rate\":\"٣\"}", Floating.class))
			.isInstanceOf(tools.jackson.databind.DatabindException.class);
	}
}
