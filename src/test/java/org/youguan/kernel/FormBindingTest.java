package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page form record's whole number refused only for lying beyond its type is told the type's real range where the
 * field declares none of its own, as the parameters' and JSON fields' refusals tell it; a declared range, a record's
 * number and a value that is no number keep their own wording.
 */
class FormBindingTest {

	record Counts(Integer parcels, @WholeIn(min = 0, max = 7) Integer days, Long brandId) {
	}

	private static java.lang.reflect.RecordComponent component(String name) {
		for (java.lang.reflect.RecordComponent c : Counts.class.getRecordComponents()) {
			if (c.getName().equals(name)) {
				return c;
			}
		}
		throw new IllegalArgumentException(name);
	}

	@Test
	void aWholeNumberBeyondItsTypeIsToldTheTypesRange() {
		assertThat(FormBinding.expected(Integer.class, "parcels", component("parcels"), 2026, "99999999999"))
			.isEqualTo("应为整数（-2147483648至2147483647）");
		assertThat(FormBinding.expected(Integer.class, "parcels", component("parcels"), 2026, "abc")).isEqualTo("应为整数");
		assertThat(FormBinding.expected(Integer.class, "days", component("days"), 2026, "99999999999"))
			.isEqualTo("应为整数（0至7）");
		assertThat(FormBinding.expected(Long.class, "brandId", component("brandId"), 2026, "99999999999999999999"))
			.isEqualTo(Decimals.RECORD_NUMBER);
	}
}
