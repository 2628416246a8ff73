package org.youguan.web;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A list of numbers in a request parameter ({@code ids=1,2} or {@code ids=1&ids=2}) is converted element by element by
 * Spring MVC's conversion service, not by the editors of {@link InputBinding}: its numbers are read as every whole-number
 * parameter is ({@link org.youguan.kernel.Decimals#whole}) — {@code "1,٣"} is no list of 1 and 3, nor {@code 0x10} 16.
 */
@IntegrationTest
class NumberConversionsIntegrationTest {

	@Autowired
	@Qualifier("mvcConversionService")
	FormattingConversionService conversions;

	static final TypeDescriptor LONGS = TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(Long.class));

	static final TypeDescriptor INTEGERS = TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(Integer.class));

	static final TypeDescriptor TEXT = TypeDescriptor.valueOf(String.class);

	@Test
	void aListOfIdsTakesAsciiAndFullWidthDigitsOnly() {
		assertThat(conversions.convert("1,2", TEXT, LONGS)).isEqualTo(List.of(1L, 2L));
		assertThat(conversions.convert(" １ ,２", TEXT, LONGS)).isEqualTo(List.of(1L, 2L));
		assertThat(conversions.convert(new String[] { "3", "4" }, TypeDescriptor.valueOf(String[].class), INTEGERS))
			.isEqualTo(List.of(3, 4));
		for (String typed : List.of("1,\u0663", "\u0661", "0x10", "#10", "1.5", "99999999999999999999")) {
			assertThatThrownBy(() -> conversions.convert(typed, TEXT, LONGS)).as(typed).isInstanceOf(ConversionFailedException.class);
		}
		assertThatThrownBy(() -> conversions.convert("2147483648", TEXT, INTEGERS)).isInstanceOf(ConversionFailedException.class);
		assertThatThrownBy(() -> conversions.convert(new String[] { "1", "\u06F3" }, TypeDescriptor.valueOf(String[].class), INTEGERS))
			.isInstanceOf(ConversionFailedException.class);
	}

	@Test
	void aSingleNumberIsReadAsTheEditorsReadIt() {
		assertThat(conversions.convert("１２", Integer.class)).isEqualTo(12);
		assertThat(conversions.convert(" ", Long.class)).as("a blank is null, as Spring's own reading makes it").isNull();
		assertThatThrownBy(() -> conversions.convert("\u0663", Long.class)).isInstanceOf(ConversionFailedException.class);
		assertThatThrownBy(() -> conversions.convert("\u0663", Integer.class)).isInstanceOf(ConversionFailedException.class);
	}

	@Test
	void decimalsAreBoundedAndPlain() {
		assertThat(conversions.convert("1,000.5", BigDecimal.class)).isEqualByComparingTo("1000.5");
		for (String typed : List.of("1e-40000000", "\u0663.5", "NaN", "Infinity", "50 000")) {
			assertThatThrownBy(() -> conversions.convert(typed, BigDecimal.class)).as(typed).isInstanceOf(ConversionFailedException.class);
			assertThatThrownBy(() -> conversions.convert(typed, Double.class)).as(typed).isInstanceOf(ConversionFailedException.class);
		}
	}

	/**
	 * A controller taking a list of ids, bound with the application's conversion service; an inner class, which the
	 * application's component scan does not take (it is not independent), so it joins no other test's application.
	 */
	@RestController
	class Ids {

		@GetMapping("/ids")
		String ids(@RequestParam List<Long> ids) {
			return ids.toString();
		}
	}

	@Test
	void aListParameterWithAnotherScriptsDigitIs400() throws Exception {
		// the application's binding: its conversion service and the editors of InputBinding, on which a conversion the
		// service refuses falls back (element by element) — both must refuse
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new Ids()).setConversionService(conversions)
			.setControllerAdvice(new InputBinding()).build();
		mvc.perform(get("/ids").param("ids", "1,２")).andExpect(status().isOk()).andExpect(content().string("[1, 2]"));
		mvc.perform(get("/ids").param("ids", "1,\u0663")).andExpect(status().isBadRequest());
		mvc.perform(get("/ids").param("ids", "1").param("ids", "\u0663")).andExpect(status().isBadRequest());
	}
}
