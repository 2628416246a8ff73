package org.youguan;

import java.util.function.Supplier;

import org.mockito.Mockito;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * How many statements a read runs through one bean's {@link JdbcClient}: the bean's {@code jdbc} field (its target
 * behind any proxy) swapped for a spy while the read runs, and put back after.
 */
public final class JdbcStatements {

	private JdbcStatements() {
	}

	/**
	 * What a read returned, and the statements it ran through the one bean's {@link JdbcClient} watched.
	 * @param statements the {@code JdbcClient.sql} calls made
	 */
	public record Counted<T>(long statements, T value) {
	}

	/**
	 * {@code read} run with a spy of {@code jdbc} in place of {@code bean}'s {@code jdbc} field: what it returned and how
	 * many statements it ran through that bean.
	 */
	public static <T> Counted<T> counted(Object bean, JdbcClient jdbc, Supplier<T> read) {
		Object target = AopTestUtils.getTargetObject(bean);
		JdbcClient spy = Mockito.spy(jdbc);
		ReflectionTestUtils.setField(target, "jdbc", spy);
		try {
			T value = read.get();
			long statements = Mockito.mockingDetails(spy).getInvocations().stream()
				.filter(i -> i.getMethod().getName().equals("sql")).count();
			return new Counted<>(statements, value);
		}
		finally {
			ReflectionTestUtils.setField(target, "jdbc", jdbc);
		}
	}
}
