package org.youguan.workplans;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Work-plan settings ({@code youguan.workplans.*}).
 *
 * @param reportDay after this day of the month, a task without a report for the month is lagging (default 25)
 */
@ConfigurationProperties("youguan.workplans")
record WorkPlanSettings(Integer reportDay) {

	WorkPlanSettings {
		reportDay = reportDay == null ? 25 : reportDay;
	}
}
