package org.youguan.statistics;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.youguan.org.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau's annual target is set by its administrators only ({@link Targets#SETTERS}, of their own region): no public
 * way to set one by a data scope alone, which would pass that check (two tests and any caller could use it).
 */
class TargetSettersTest {

	@Test
	void aTargetIsSetOnlyThroughTheCheckedPathOfAUser() {
		assertThat(Arrays.stream(Targets.class.getMethods()).filter(m -> m.getName().equals("set")))
			.extracting(Method::getParameterTypes)
			.allSatisfy(types -> assertThat(types[0]).isEqualTo(CurrentUser.class))
			.hasSize(1);
	}
}
