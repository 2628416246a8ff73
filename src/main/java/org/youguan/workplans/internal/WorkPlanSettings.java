package org.youguan.workplans.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Work-plan settings ({@code youguan.workplans.*}).
 *
 * @param reportDay after this day of the month, a task without a report for the month is lagging (default 25)
 * @param remindDay from this day of the month, departments that owe the month's reports are reminded (default 20)
 * @param maxAttachmentBytes the largest file attached to a progress report (default 10 MB)
 */
@ConfigurationProperties("youguan.workplans")
public record WorkPlanSettings(Integer reportDay, Integer remindDay, Long maxAttachmentBytes) {

	public WorkPlanSettings {
		reportDay = reportDay == null ? 25 : reportDay;
		remindDay = remindDay == null ? 20 : remindDay;
		maxAttachmentBytes = maxAttachmentBytes == null ? 10L * 1024 * 1024 : maxAttachmentBytes;
	}
}
