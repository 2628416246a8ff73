package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A quantity sent as a JSON number reaches the service as the text a person would have typed. */
class NumberTextTest {

	record Body(@JsonDeserialize(using = NumberText.class) String amount) {
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	static String read(String amount) {
		return JSON.readValue("{\"amount\":" + amount + "}", Body.class).amount();
	}

	@Test
	void aNumberArrivesAsItsTextAndTextAsItIs() {
		assertThat(read("8000")).isEqualTo("8000");
		assertThat(read("-5")).isEqualTo("-5");
		assertThat(read("100.1")).isEqualTo("100.1");
		assertThat(read("2600000.50")).isEqualTo("2600000.50");
		assertThat(read("1e2")).isEqualTo("1e2");
		assertThat(read("12345678901234567.89")).isEqualTo("12345678901234567.89");
		assertThat(read("1e309")).isEqualTo("1e309");
		assertThat(read("1e999999999")).isEqualTo("1e999999999");
		assertThat(read("123456789012345678901234567890")).isEqualTo("123456789012345678901234567890");
		assertThat(read("\"12abc\"")).isEqualTo("12abc");
		assertThat(read("null")).isNull();
	}

	@Test
	void aValueThatIsNoQuantityIsRefused() {
		for (String bad : new String[] { "true", "[1]", "{\"a\":1}" }) {
			assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(DatabindException.class)
				.rootCause().isInstanceOf(InvalidValueException.class);
		}
	}
}
