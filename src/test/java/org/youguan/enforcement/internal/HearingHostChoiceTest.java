package org.youguan.enforcement.internal;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 听证主持人 of the hearing notice form is chosen from a select of accounts: what is no account's id is told to
 * choose from the list, on {@code host}, not the 64-bit range of an id the select never shows.
 */
class HearingHostChoiceTest {

	@Test
	void whatIsNoAccountsIdIsToldToChooseFromTheList() {
		assertThat(EnforcementController.host(" ")).isNull();
		assertThat(EnforcementController.host("42")).isEqualTo(42L);
		for (String typed : new String[] { "1.5", "abc", "0", "99999999999999999999" }) {
			assertThatThrownBy(() -> EnforcementController.host(typed))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
					assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
						assertThat(e.field()).isEqualTo("host");
						assertThat(e.message()).contains("请从列表中选择").doesNotContain("9223372036854775807");
					});
				});
		}
	}
}
