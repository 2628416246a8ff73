package org.youguan.statistics.internal;

import java.util.function.BiFunction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.kernel.DataScope;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.Reports;

/**
 * Statistics reports in the audit trail by period, form and enterprise ("2026年10月 邮政行业运行情况月报 · 某企业"),
 * linked to the report's page — only those in the reader's scope. The due-date recount recorded its entries as
 * {@code Report}, the procedure as {@code StatReport}: both name the same reports.
 */
@Configuration(proxyBeanMethods = false)
class StatisticsAuditObjects {

	@Bean
	AuditObjects statReportTitles(Reports reports, ReportForms forms) {
		return AuditObjects.of("StatReport", title(reports, forms));
	}

	@Bean
	AuditObjects recountedReportTitles(Reports reports, ReportForms forms) {
		return AuditObjects.of("Report", title(reports, forms));
	}

	private static BiFunction<DataScope, Long, AuditObjects.Title> title(Reports reports, ReportForms forms) {
		return (scope, id) -> {
			ReportView report = reports.get(scope, id);
			String period = Period.parse(forms.get(report.formId()).periodType(), report.period(), "period").label();
			return new AuditObjects.Title(period + " " + report.formName() + " · " + report.enterpriseName(),
					"/statistics/reports/" + id);
		};
	}
}
