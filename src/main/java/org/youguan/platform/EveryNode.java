package org.youguan.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} method that runs on every node of a cluster on purpose, because it looks after that
 * node's own state (its in-memory calendar snapshot, the heartbeat of the jobs it runs). Every other scheduled method
 * takes a cluster-wide lock with {@code @SchedulerLock(name = "module.job")} so it runs once per occasion; a test
 * ({@code ScheduledJobsTest}) fails on a scheduled method that has neither.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryNode {

	/** Why this job must run on each node. */
	String value();
}
