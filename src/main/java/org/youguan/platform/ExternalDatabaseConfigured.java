package org.youguan.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.youguan.kernel.Text;

/**
 * Boot has no "property missing" condition: this one holds when {@code youguan.db.url} ({@code YOUGUAN_DB_URL}) is
 * set; its negation starts the embedded database.
 */
final class ExternalDatabaseConfigured {

	private ExternalDatabaseConfigured() {
	}

	static boolean in(Environment environment) {
		String url = environment.getProperty("youguan.db.url");
		return url != null && !Text.isBlank(url);
	}

	static final class Absent implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !in(context.getEnvironment());
		}
	}
}
