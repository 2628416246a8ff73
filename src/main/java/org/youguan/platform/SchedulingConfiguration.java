package org.youguan.platform;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutorListener;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs in a cluster. Every node runs the same {@code @Scheduled} methods; one that must run once per
 * occasion (daily reminders, sweeps) also carries {@code @SchedulerLock(name = "module.job", lockAtLeastFor = …)}:
 * the node that first takes the job's row in table {@code shedlock} (migration V60) runs it, the others skip that run.
 * Lock times are the database's clock ({@code usingDbTime()}), so node clocks do not decide who runs; a lock is held at
 * least {@code lockAtLeastFor} (so a node whose clock is a few seconds late does not run a short job again) and at
 * most {@code lockAtMostFor} (default 30 minutes: a node that dies mid-job frees it then). {@code locked_by} is
 * {@link ClusterNode#name()}.
 *
 * <p>Each attempt is counted in the meter {@code youguan.scheduled.jobs} with tags {@code job} (the lock name) and
 * {@code outcome} ({@code ran} on the node that ran it, {@code skipped} on the others), visible on
 * {@code /actuator/prometheus}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

	@Bean
	LockProvider lockProvider(DataSource dataSource, ClusterNode node) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.withLockedByValue(node.name())
			.usingDbTime()
			.build());
	}

	@Bean
	LockingTaskExecutorListener scheduledJobMeter(MeterRegistry meters, ClusterNode node) {
		return new LockingTaskExecutorListener() {

			@Override
			public void onTaskStarted(LockConfiguration job) {
				log.info("Scheduled job {} runs on this node ({})", job.getName(), node.name());
				meters.counter("youguan.scheduled.jobs", "job", job.getName(), "outcome", "ran").increment();
			}

			@Override
			public void onLockNotAcquired(LockConfiguration job) {
				log.debug("Scheduled job {} skipped: another node holds its lock", job.getName());
				meters.counter("youguan.scheduled.jobs", "job", job.getName(), "outcome", "skipped").increment();
			}
		};
	}
}
