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
}
