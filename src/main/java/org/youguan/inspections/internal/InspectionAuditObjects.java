package org.youguan.inspections.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionItems;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;

/**
 * The inspections module's objects in the audit trail by their titles, linked to their pages, for readers in whose
 * scope they lie: an inspection record by enterprise and day ("某快递公司 · 2026-03-05 · 专项检查"; the steps of its
 * 责令改正通知书 are recorded on the record too), a 双随机 plan by its name, an inspector by name and certificate number,
 * an added item by code and name, a published item list by bureau and version (both linked to the catalogue page).
 */
@Configuration(proxyBeanMethods = false)
class InspectionAuditObjects {

	@Bean
	AuditObjects inspectionRecordTitles(InspectionFieldRecords records) {
		return AuditObjects.of("inspection", (scope, id) -> {
			InspectionFieldRecords.Detail r = records.get(scope, id);
			return new AuditObjects.Title(r.enterpriseName() + " · " + r.inspectedOn() + " · " + r.kind().label(),
					"/inspections/records/" + id);
		});
	}

	@Bean
	AuditObjects inspectionPlanTitles(InspectionPlans plans) {
		return AuditObjects.of("inspection-plan",
				(scope, id) -> new AuditObjects.Title(plans.get(scope, id).name(), "/inspections/plans/" + id));
	}

	@Bean
	AuditObjects inspectionItemTitles(InspectionItems items) {
		return AuditObjects.ofMany("inspection-item", (scope, ids) -> titles(items.itemTitles(scope, ids)));
	}

	@Bean
	AuditObjects inspectionItemListTitles(InspectionItems items) {
		return AuditObjects.ofMany("inspection-item-list", (scope, ids) -> titles(items.listTitles(scope, ids)));
	}

	private static Map<Long, AuditObjects.Title> titles(Map<Long, String> texts) {
		Map<Long, AuditObjects.Title> titles = new LinkedHashMap<>();
		texts.forEach((id, text) -> titles.put(id, new AuditObjects.Title(text, "/inspections/items")));
		return titles;
	}

	@Bean
	AuditObjects inspectorTitles(Inspectors inspectors) {
		return AuditObjects.of("inspector", (scope, id) -> {
			Inspector i = inspectors.get(scope, id);
			return new AuditObjects.Title(i.name() + "（执法证号" + i.certificateNumber() + "）", "/inspections/inspectors/" + id);
		});
	}
}
