package org.youguan.audit;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.youguan.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A value is remembered while no audit event follows it and it is younger than its time to live. */
class AuditedMemoryTest {

	final AtomicLong head = new AtomicLong(100);

	final AtomicInteger computed = new AtomicInteger();

	final MutableClock clock = new MutableClock();

	String compute() {
		return "value " + computed.incrementAndGet();
	}

	@Test
	void aValueIsRememberedUntilTheNextAuditEvent() {
		clock.set(LocalDateTime.of(2026, 12, 1, 10, 0));
		var memory = new AuditedMemory(head::get, clock, Duration.ofSeconds(60), 100);
		assertThat(memory.get(memory.head(), List.of("outlets", "320506", 0), this::compute)).isEqualTo("value 1");
		assertThat(memory.get(memory.head(), List.of("outlets", "320506", 0), this::compute)).isEqualTo("value 1");
		assertThat(memory.get(memory.head(), List.of("outlets", "320506", 1), this::compute)).as("another key")
			.isEqualTo("value 2");
		head.incrementAndGet();
		assertThat(memory.get(memory.head(), List.of("outlets", "320506", 0), this::compute)).as("a change was audited")
			.isEqualTo("value 3");
	}

	@Test
	void nothingIsRememberedUnderTheHeadOfAnOpenWritingTransaction() {
		head.set(-1);
		var memory = new AuditedMemory(head::get, clock, Duration.ofSeconds(60), 100);
		assertThat(memory.get(memory.head(), List.of("outlets"), this::compute)).isEqualTo("value 1");
		assertThat(memory.get(memory.head(), List.of("outlets"), this::compute)).isEqualTo("value 2");
		head.set(7);
		memory.get(memory.head(), List.of("outlets"), this::compute);
		assertThat(memory.get(memory.head(), List.of("outlets"), this::compute)).isEqualTo("value 3");
	}

	@Test
	void aValueExpiresAfterItsTimeToLive() {
		clock.set(LocalDateTime.of(2026, 12, 1, 10, 0));
		var memory = new AuditedMemory(head::get, clock, Duration.ofSeconds(60), 100);
		memory.get(memory.head(), List.of("pickers"), this::compute);
		clock.set(LocalDateTime.of(2026, 12, 1, 10, 0, 59));
		assertThat(memory.get(memory.head(), List.of("pickers"), this::compute)).isEqualTo("value 1");
		clock.set(LocalDateTime.of(2026, 12, 1, 10, 1, 1));
		assertThat(memory.get(memory.head(), List.of("pickers"), this::compute)).isEqualTo("value 2");
	}

	@Test
	void aZeroTimeToLiveRemembersNothingAndReadsNoHead() {
		head.set(-1);
		var memory = new AuditedMemory(() -> {
			throw new AssertionError("the head is not read when the memory is off");
		}, clock, Duration.ZERO, 100);
		assertThat(memory.head()).isZero();
		memory.get(memory.head(), List.of("pickers"), this::compute);
		memory.get(memory.head(), List.of("pickers"), this::compute);
		assertThat(computed).hasValue(2);
	}

	@Test
	void aFailureIsPassedOnAndNotRemembered() {
		var memory = new AuditedMemory(head::get, clock, Duration.ofSeconds(60), 100);
		assertThatThrownBy(() -> memory.get(memory.head(), List.of("outlets", "x"), () -> {
			throw new IllegalArgumentException("地区代码有误");
		})).isInstanceOf(IllegalArgumentException.class);
		assertThat(memory.get(memory.head(), List.of("outlets", "x"), this::compute)).isEqualTo("value 1");
	}
}
