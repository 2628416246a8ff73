package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A list's filter value: blank is no filter, a known value (any case) the filter, anything else a 400 naming it. */
class ListFilterTest {

	enum Colour {
		RED, GREEN
	}

	enum Shade {
		LIGHT("浅色"), DARK("深色");

		private final String label;

		Shade(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Attack round 21: an enum with labels is refused listing them with the code to send, as a form shows them. */
	@Test
	void anUnknownValueOfALabelledEnumIsRefusedListingTheLabels() {
		assertThatThrownBy(() -> ListFilter.oneOf(Shade.class, "shade", "色调", "GREY"))
			.isInstanceOf(InvalidValueException.class).hasMessage("色调应为浅色（LIGHT）、深色（DARK）之一");
		assertThat(Choice.listed(Colour.class)).isEqualTo("RED、GREEN");
	}

	@Test
	void blankIsNoFilterAndAKnownNameInAnyCaseIsTheFilter() {
		assertThat(ListFilter.oneOf(Colour.class, "colour", "颜色", " ")).isNull();
		assertThat(ListFilter.oneOf(Colour.class, "colour", "颜色", null)).isNull();
		assertThat(ListFilter.oneOf(Colour.class, "colour", "颜色", " green ")).isEqualTo(Colour.GREEN);
		assertThat(ListFilter.oneOf(List.of("OPEN", "CLOSED"), ListFilterTest::openOrClosed, "status", "状态", "open"))
			.isEqualTo("OPEN");
		assertThat(ListFilter.known(Colour.RED, "红", "colour", "颜色", Colour.class)).isEqualTo(Colour.RED);
	}

	@Test
	void anUnknownValueIsRefusedNamingTheFieldAndTheValuesAllowed() {
		assertThatThrownBy(() -> ListFilter.oneOf(Colour.class, "colour", "颜色", "BLUE"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("colour");
					assertThat(e.rule()).isEqualTo("one-of");
					assertThat(e.message()).isEqualTo("颜色应为RED、GREEN之一");
				});
			});
		assertThatThrownBy(() -> ListFilter.known(null, "蓝", "colour", "颜色", Colour.class))
			.isInstanceOf(InvalidValueException.class).hasMessage("颜色应为RED、GREEN之一");
		assertThatThrownBy(() -> ListFilter.known(null, "灰", "shade", "色调", Shade.class))
			.isInstanceOf(InvalidValueException.class).hasMessage("色调应为浅色（LIGHT）、深色（DARK）之一");
	}

	/**
	 * Codes listed as strings (a form's values, a list's states) were refused as bare codes ("应为OPEN、CLOSED之一",
	 * "应为APPROVE、REFUSE之一"): each is listed with its label as the form shows it, the code to send in brackets.
	 */
	@Test
	void codesOfAStringListAreRefusedListingTheirLabels() {
		assertThatThrownBy(() -> ListFilter.oneOf(List.of("OPEN", "CLOSED"), ListFilterTest::openOrClosed, "status", "状态",
				"LATE"))
			.isInstanceOf(InvalidValueException.class).hasMessage("状态应为未结（OPEN）、已结（CLOSED）之一");
		assertThatThrownBy(() -> Choice.of(List.of("APPROVE", "REFUSE"), d -> d.equals("APPROVE") ? "批准" : "不予批准",
				"decision", "决定", "MAYBE"))
			.isInstanceOf(InvalidValueException.class).hasMessage("决定应为批准（APPROVE）、不予批准（REFUSE）之一");
		assertThatThrownBy(() -> Choice.of(List.of("APPROVE", "REFUSE"), d -> d.equals("APPROVE") ? "批准" : "不予批准",
				"decision", "决定", " "))
			.isInstanceOf(InvalidValueException.class).hasMessage("决定不能为空：请选择批准或不予批准");
		assertThatThrownBy(() -> Choice.yesNo("passed", "核查结论", "maybe"))
			.isInstanceOf(InvalidValueException.class).hasMessage("核查结论应为是（true）、否（false）之一");
	}

	private static String openOrClosed(String code) {
		return code.equals("OPEN") ? "未结" : "已结";
	}
}
