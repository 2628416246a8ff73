package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.youguan.audit.ChainVerification;
import org.youguan.kernel.FieldError;

/**
 * A flash map holds simple values only — text, numbers, dates, lists and maps of them, records made of them (a
 * refusal's errors, an audit check's result) — so the session stores nothing else; any other value is refused before
 * it is saved.
 */
class FlashAttributesSimpleTest {

	@Test
	void simpleValuesAndRecordsOfThemAreSaved() {
		FlashMap flash = new FlashMap();
		flash.put("message", "已保存");
		flash.put("refused", true);
		flash.put("status", 409);
		flash.put("amount", new BigDecimal("1.5"));
		flash.put("day", LocalDate.of(2026, 3, 5));
		flash.put("errors", List.of(new FieldError("name", "required", "名称不能为空")));
		flash.put("refusedValues", Map.of("name", List.of("")));
		flash.put("verification", new ChainVerification(3, null, null, null, 0, null));
		Saved saved = new Saved();
		assertThatCode(() -> new TokenFlashMaps.Sessionless(saved).saveOutputFlashMap(flash, new MockHttpServletRequest(),
				new MockHttpServletResponse())).doesNotThrowAnyException();
		org.assertj.core.api.Assertions.assertThat((Object) saved.saved).isSameAs(flash);
	}

	@Test
	void anyOtherValueIsRefusedBeforeTheSessionSeesIt() {
		for (Object value : List.of(new Object(), URI.create("http://x"), List.of("text", new StringBuilder("x")),
				Map.of("k", new Object()), new Holder(new Object()))) {
			FlashMap flash = new FlashMap();
			flash.put("value", value);
			Saved saved = new Saved();
			assertThatThrownBy(() -> new TokenFlashMaps.Sessionless(saved).saveOutputFlashMap(flash,
					new MockHttpServletRequest(), new MockHttpServletResponse())).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("value");
			org.assertj.core.api.Assertions.assertThat((Object) saved.saved).isNull();
		}
	}

	record Holder(Object inside) implements java.io.Serializable {
	}

	static final class Saved implements FlashMapManager {

		FlashMap saved;

		@Override
		public FlashMap retrieveAndUpdate(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response) {
			return null;
		}

		@Override
		public void saveOutputFlashMap(FlashMap flashMap, jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response) {
			saved = flashMap;
		}
	}
}
