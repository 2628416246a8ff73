package org.youguan.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A list's default order ({@link ListRequest#orDefaultOrder}) fills in what the user did not choose and drops nothing
 * the user did: a direction asked for without a column reverses the default column, and a direction other than
 * asc/desc is still refused (it was replaced by the default and taken silently — attack 40 item 4).
 */
class ListRequestTest {

	@Test
	void theDefaultColumnTakesTheDirectionTheUserAskedFor() {
		assertThat(new ListRequest(null, 0, 20, null, null).orDefaultOrder("due_on", "asc"))
			.isEqualTo(new ListRequest(null, 0, 20, "due_on", "asc"));
		assertThat(new ListRequest(null, 0, 20, null, "desc").orDefaultOrder("due_on", "asc").toPage().descending())
			.as("dir=desc without a column").isTrue();
		ListRequest chosen = new ListRequest("x", 1, 20, "name", null);
		assertThat(chosen.orDefaultOrder("due_on", "desc")).as("a chosen column keeps its own direction").isSameAs(chosen);
	}

	@Test
	void aDirectionOtherThanAscOrDescIsRefusedWithoutAColumnToo() {
		ListRequest sideways = new ListRequest(null, 0, 20, null, "sideways").orDefaultOrder("due_on", "asc");
		assertThatThrownBy(sideways::toPage).isInstanceOf(InvalidValueException.class).hasMessageContaining("desc");
	}

}
