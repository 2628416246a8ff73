package org.youguan.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-delivers module events whose listener failed or never finished, on one node of the cluster at a time. Spring
 * Modulith's republication at start-up would hand a restarting node every incomplete event, including those another
 * node is processing at that moment, so it is off; instead each node's staleness monitor marks a publication failed
 * when it has been waiting or processing for {@code spring.modulith.events.staleness.*} (15 minutes: its node died or
 * hung), and this job resubmits failed publications every {@code youguan.events.resubmit-interval} (5 minutes), each at
 * most {@code youguan.events.max-attempts} (5) times — after that it stays failed in {@code event_publication} for an
 * operator to look at.
 */
@Component
class EventResubmission {

	private final FailedEventPublications failed;

	private final int maxAttempts;

	EventResubmission(FailedEventPublications failed, @Value("${youguan.events.max-attempts:5}") int maxAttempts) {
		this.failed = failed;
		this.maxAttempts = maxAttempts;
	}

	@Scheduled(fixedDelayString = "${youguan.events.resubmit-interval:PT5M}",
			initialDelayString = "${youguan.events.resubmit-interval:PT5M}")
	@SchedulerLock(name = "platform.events.resubmit", lockAtLeastFor = "PT1M")
	public void resubmitFailed() {
		failed.resubmit(ResubmissionOptions.defaults()
			.withMinAge(Duration.ofMinutes(1))
			.withFilter(publication -> publication.getCompletionAttempts() < maxAttempts));
	}
}
