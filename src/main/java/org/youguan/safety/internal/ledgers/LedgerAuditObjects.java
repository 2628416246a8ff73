package org.youguan.safety.internal.ledgers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;

/** The ledgers' records in the audit trail by their titles ("重大隐患 · 企业 · 2026-11-02"), linked to their pages. */
@Configuration(proxyBeanMethods = false)
class LedgerAuditObjects {

	@Bean
	AuditObjects safetyHazardTitles(Hazards hazards) {
		return AuditObjects.of(Hazards.AUDIT_TYPE, (scope, id) -> {
			HazardView h = hazards.get(scope, id);
			String base = scope.kind() == DataScope.Kind.ENTERPRISE ? HazardController.PORTAL
					: HazardController.STAFF;
			return new AuditObjects.Title(h.level().label() + " · " + h.enterpriseName() + " · " + h.foundOn(),
					base + "/" + id);
		});
	}

	@Bean
	AuditObjects safetyPeriodTitles(SecurityPeriods periods) {
		return AuditObjects.of(SecurityPeriods.AUDIT_TYPE, (scope, id) -> {
			PeriodView p = periods.get(scope, id);
			String base = scope.kind() == DataScope.Kind.ENTERPRISE ? PeriodController.PORTAL : PeriodController.STAFF;
			return new AuditObjects.Title(p.name() + "（" + ChineseText.day(p.startsOn()) + "至" + ChineseText.day(p.endsOn()) + "）", base + "/" + id);
		});
	}

	@Bean
	AuditObjects safetyContractorTitles(Contractors contractors) {
		return AuditObjects.of(Contractors.AUDIT_TYPE, (scope, id) -> {
			ContractorView c = contractors.get(scope, id);
			return new AuditObjects.Title(c.enterpriseName() + " · " + c.name(),
					scope.kind() == DataScope.Kind.ENTERPRISE ? null : ScreeningController.CONTRACTORS + "/" + id);
		});
	}

	@Bean
	AuditObjects safetyTrainingTitles(RegionRecords records) {
		return AuditObjects.of(RegionRecords.TRAINING, (scope, id) -> new AuditObjects.Title(
				records.title(scope, RegionRecords.TRAINING, id), RegionRecordController.TRAININGS));
	}

	@Bean
	AuditObjects safetySeizureTitles(RegionRecords records) {
		return AuditObjects.of(RegionRecords.SEIZURE, (scope, id) -> new AuditObjects.Title(
				records.title(scope, RegionRecords.SEIZURE, id), RegionRecordController.SEIZURES));
	}

	@Bean
	AuditObjects safetyIncidentTitles(Incidents incidents) {
		return AuditObjects.of(Incidents.AUDIT_TYPE, (scope, id) -> {
			IncidentView x = incidents.get(scope, id);
			String base = scope.kind() == DataScope.Kind.ENTERPRISE ? IncidentController.PORTAL : IncidentController.STAFF;
			return new AuditObjects.Title(x.level().label() + x.kind().label() + " · " + x.enterpriseName(), base + "/" + id);
		});
	}

	@Bean
	AuditObjects safetyLetterTitles(ResponsibilityLetters letters) {
		return AuditObjects.of(ResponsibilityLetters.AUDIT_TYPE, (scope, id) -> {
			LetterView l = letters.get(scope, id);
			String base = scope.kind() == DataScope.Kind.ENTERPRISE ? LetterController.PORTAL : LetterController.STAFF;
			return new AuditObjects.Title(l.year() + "年度安全生产责任书 · " + l.enterpriseName(), base + "/" + id);
		});
	}
}
