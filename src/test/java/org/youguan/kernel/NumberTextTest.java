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

	record Term(@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = "第{n}期金额", integer = 12,
			fraction = 2) String amount) {
	}

	record Plan(@JsonDeserialize(using = NumberText.class) @NumberText.Digits(label = "罚款金额（fine）", integer = 12,
			fraction = 2) String fine, java.util.List<Term> terms) {
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
		assertThat(read("123456789012345678901234567890")).isEqualTo("123456789012345678901234567890");
		assertThat(read("\"12abc\"")).isEqualTo("12abc");
		assertThat(read("null")).isNull();
	}

	@Test
	void aNumberWithAnExponentNoQuantityHasIsRefusedAsItIsRead() {
		for (String bad : new String[] { "1e309", "1e999999999", "1e-40000000", "-1e40000000" }) {
			assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(DatabindException.class)
				.rootCause().isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule()).isEqualTo("digits"))
				.satisfies(ex -> assertThat(ex.getMessage()).hasSizeLessThan(80));
		}
		assertThat(read("1e2")).isEqualTo("1e2");
	}

	@Test
	void aValueThatIsNoQuantityIsRefused() {
		for (String bad : new String[] { "true", "[1]", "{\"a\":1}" }) {
			assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(DatabindException.class)
				.rootCause().isInstanceOf(InvalidValueException.class);
		}
	}

	@Test
	void aFieldThatStatesItsServicesDigitsIsRefusedBeyondTheBoundInTheServicesWords() {
		assertThatThrownBy(() -> JSON.readValue("{\"fine\":1e40}", Plan.class)).rootCause()
			.isInstanceOf(InvalidValueException.class)
			.hasMessageStartingWith("罚款金额（fine）超出允许的位数（最多12位整数、2位小数）")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).field()).isEqualTo("fine"));
		assertThatThrownBy(() -> JSON.readValue("{\"terms\":[{\"amount\":1},{\"amount\":1e40}]}", Plan.class)).rootCause()
			.hasMessageStartingWith("第2期金额超出允许的位数（最多12位整数、2位小数）");
		// within the bound it is the service's to judge, as written
		assertThat(JSON.readValue("{\"fine\":1e20}", Plan.class).fine()).isEqualTo("1e20");
	}
}
