package org.youguan.org.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.PasswordPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRuleWarmUpTest {

	/** The warm-up runs apart from the startup thread, never holds the JVM open, and leaves the rule working. */
	@Test
	void buildsTheEstimatorOnADaemonThreadOfItsOwn() throws InterruptedException {
		Thread thread = new PasswordRuleWarmUp().start();
		assertThat(thread).isNotSameAs(Thread.currentThread());
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getName()).isEqualTo("password-rule-warm-up");
		thread.join(Duration.ofMinutes(2).toMillis());
		assertThat(thread.isAlive()).as("the build finishes").isFalse();
		assertThatThrownBy(() -> PasswordPolicy.check("p", "zhang", "Suzhou@2026")).isInstanceOf(InvalidValueException.class);
	}
}
