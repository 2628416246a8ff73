package org.youguan.documents;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the files held for forms that were never completed, once their hold has expired
 * ({@code youguan.attachments.provisional-ttl}); hourly, on one node of a cluster at a time.
 */
@Component
class ProvisionalAttachments {

	private final Attachments attachments;

	ProvisionalAttachments(Attachments attachments) {
		this.attachments = attachments;
	}

	/** Deletes the expired provisional uploads. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "documents.provisional-attachments", lockAtLeastFor = "PT1M")
	public void removeExpired() {
		attachments.removeExpired();
	}
}
