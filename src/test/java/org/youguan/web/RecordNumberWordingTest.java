package org.youguan.web;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record's number (编号 — a path or query id, an id chosen in a form, typed in a sheet or sent in a JSON body's
 * {@code …Id}) is told in one wording platform-wide, "应为正整数（至多19位）": never "1至9223372036854775807" nor a
 * long's −9223372036854775808 to 9223372036854775807, which no clerk reads. A count keeps its own range (and, declaring
 * none, is told its type's real range when a whole number lies beyond it).
 */
class RecordNumberWordingTest {

	@Test
	void aRecordsNumberIsToldItIsAPositiveWholeNumberNotALongsRange() {
		assertThat(Decimals.wholeIn(1, Long.MAX_VALUE)).isEqualTo("应为正整数（至多19位）");
		assertThat(Decimals.wholeIn(1, Long.MAX_VALUE, "即品牌编号")).isEqualTo("应为正整数（至多19位，即品牌编号）");
		assertThatThrownBy(() -> Validation.id("outletId", "网点编号", "99999999999999999999"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors().get(0).message())
				.isEqualTo("网点编号应为正整数（至多19位）"));
		// a count's own range is still told
		assertThat(Decimals.wholeIn(1, 365)).isEqualTo("应为整数（1至365）");
	}

	@Test
	void aParameterOrFieldNamedAsAnIdBeyondALongIsToldItIsARecordNumber() {
		for (String name : new String[] { "id", "planId", "brandIds[0]", "items[1].outletId" }) {
			assertThat(ErrorHandling.wrong(Long.class, "99999999999999999999", name)).as(name)
				.isEqualTo("格式不正确（应为正整数（至多19位））");
		}
		// a Long that is no record's number (a count, an amount) and declares no range, sent a whole number beyond a
		// long, is told the long's real range: "应为整数" alone would not say what is wrong with a whole number
		assertThat(ErrorHandling.wrong(Long.class, "99999999999999999999", "parcels"))
			.isEqualTo("格式不正确（应为整数（-9223372036854775808至9223372036854775807））");
		assertThat(Decimals.wholeIn(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo("应为整数");
		assertThat(Decimals.wholeIn(0, Long.MAX_VALUE, "单位：件")).isEqualTo("应为不小于0的整数（单位：件）");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.youguan.kernel.Validation.wholeNumber("amount", "金额", "1.5"))
			.isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors().get(0).message()).isEqualTo("金额应为整数"));
		assertThat(ErrorHandling.wrong(Long.class, "abc", "planId")).isEqualTo("格式不正确（应为整数）");
		assertThat(ErrorHandling.recordNumber("identity")).isFalse();
		assertThat(ErrorHandling.recordNumber("paid")).isFalse();
	}
}
