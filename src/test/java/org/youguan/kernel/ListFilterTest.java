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
			.isInstanceOf(InvalidValueException.class).hasMessage("色调（shade）应为浅色（LIGHT）、深色（DARK）之一");
		assertThat(Choice.listed(Colour.class)).isEqualTo("RED、GREEN");
	}

	@Test
	void blankIsNoFilterAndAKnownNameInAnyCaseIsTheFilter() {
		assertThat(ListFilter.oneOf(Colour.class, "colour", "颜色", " ")).isNull();
		assertThat(ListFilter.oneOf(Colour.class, "colour", "颜色", null)).isNull();
		assertThat(ListFilter.oneOf(Colour.class, "colour", "颜色", " green ")).isEqualTo(Colour.GREEN);
		assertThat(ListFilter.oneOf(List.of("OPEN", "CLOSED"), "status", "状态", "open")).isEqualTo("OPEN");
		assertThat(ListFilter.known(Colour.RED, "红", "colour", "颜色", List.of("RED", "GREEN"))).isEqualTo(Colour.RED);
	}

	@Test
	void anUnknownValueIsRefusedNamingTheFieldAndTheValuesAllowed() {
		assertThatThrownBy(() -> ListFilter.oneOf(Colour.class, "colour", "颜色", "BLUE"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("colour");
					assertThat(e.rule()).isEqualTo("one-of");
					assertThat(e.message()).isEqualTo("颜色（colour）应为RED、GREEN之一");
				});
			});
		assertThatThrownBy(() -> ListFilter.oneOf(List.of("OPEN", "CLOSED"), "status", "状态", "LATE"))
			.isInstanceOf(InvalidValueException.class).hasMessage("状态（status）应为OPEN、CLOSED之一");
		assertThatThrownBy(() -> ListFilter.known(null, "蓝", "colour", "颜色", List.of("RED", "GREEN")))
			.isInstanceOf(InvalidValueException.class).hasMessage("颜色（colour）应为RED、GREEN之一");
	}
}
