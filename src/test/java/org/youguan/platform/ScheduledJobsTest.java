package org.youguan.platform;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N nodes run the same scheduled methods: each must either take the cluster-wide lock (runs once per occasion) or be
 * declared {@link EveryNode} with its reason. A new module's job without either fails here, before it sends double
 * reminders in production.
 */
class ScheduledJobsTest {

	@Test
	void everyScheduledJobIsGuardedByALockOrDeclaredPerNode() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<String> scheduled = new ArrayList<>();
		List<String> unguarded = new ArrayList<>();
		List<String> lockNames = new ArrayList<>();
		for (BeanDefinition bean : scanner.findCandidateComponents("org.youguan")) {
			Class<?> type = ClassUtils.forName(bean.getBeanClassName(), getClass().getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
					continue;
				}
				String name = type.getSimpleName() + "." + method.getName();
				scheduled.add(name);
				SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
				if (lock != null) {
					lockNames.add(lock.name());
					assertThat(Modifier.isPublic(method.getModifiers()))
						.as("%s: the lock proxies public methods only", name).isTrue();
					assertThat(method.getReturnType()).as("%s: a skipped run returns nothing", name)
						.isEqualTo(void.class);
				}
				else if (method.getAnnotation(EveryNode.class) == null) {
					unguarded.add(name);
				}
			}
		}
		assertThat(scheduled).contains("WorkPlanClock.run", "ComplaintClock.run", "WorkingCalendar.refreshIfChanged");
		assertThat(unguarded).as("scheduled jobs with neither @SchedulerLock nor @EveryNode").isEmpty();
		assertThat(lockNames).as("one lock name per job").doesNotHaveDuplicates()
			.allMatch(n -> n.matches("[a-z]+(\\.[a-z-]+)+"), "named module.job");
	}
}
