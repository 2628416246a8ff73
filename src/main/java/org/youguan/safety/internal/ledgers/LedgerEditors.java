package org.youguan.safety.internal.ledgers;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.DataScope;
import org.youguan.safety.internal.ledgers.LedgerEditor.Field;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;
import org.youguan.platform.ChinaTime;

/**
 * The safety ledgers' corrections on the one edit page: trainings, seizures, hazards (open), incidents (open) and
 * screening contracts — each its fields, its row's values and its service's correction. (Screening machines are the
 * registry's facilities and are corrected on the registry's own facility form.)
 */
@Configuration(proxyBeanMethods = false)
class LedgerEditors {

	private static final ZoneId CHINA = ChinaTime.ZONE;

	/** An editor from its parts. */
	private record Editor(String ledger, String title, Function<CurrentUser, List<Field>> fieldsOf,
			BiFunction<DataScope, Long, Map<String, String>> read, Correction correction,
			Function<Long, String> pageOf) implements LedgerEditor {

		@Override
		public List<Field> fields(CurrentUser me) {
			return fieldsOf.apply(me);
		}

		@Override
		public Map<String, String> values(CurrentUser me, long id) {
			return read.apply(me.scope(), id);
		}

		@Override
		public Map<String, Object[]> correct(CurrentUser me, long id, Map<String, String> form) {
			return correction.correct(me.scope(), id, form);
		}

		@Override
		public String page(long id) {
			return pageOf.apply(id);
		}
	}

	private interface Correction {

		Map<String, Object[]> correct(DataScope scope, long id, Map<String, String> form);
	}

	@Bean
	LedgerEditor trainingEditor(RegionRecords records, Regions regions) {
		return new Editor("trainings", "safety.training.edit", me -> List.of(region(me, regions),
				Field.of("heldOn", "safety.training.heldOn", "date", true, 0),
				Field.of("topic", "safety.training.topic", "text", true, 200),
				Field.of("trainees", "safety.training.trainees", "number", true, 0),
				Field.of("audience", "safety.training.audience", "text", true, 500),
				Field.of("organiser", "safety.training.organiser", "text", true, 200)), (scope, id) -> {
					TrainingView t = records.training(scope, id);
					return values("region", t.regionCode(), "heldOn", t.heldOn(), "topic", t.topic(), "trainees",
							t.trainees(), "audience", t.audience(), "organiser", t.organiser());
				}, (scope, id, f) -> {
					return records.correctTraining(scope, id, new RegionRecords.TrainingData(f.get("region"),
							f.get("heldOn"), f.get("topic"), f.get("trainees"), f.get("audience"), f.get("organiser")));
				}, id -> RegionRecordController.TRAININGS);
	}

	@Bean
	LedgerEditor seizureEditor(RegionRecords records, Regions regions) {
		return new Editor("seizures", "safety.seizure.edit", me -> List.of(region(me, regions),
				Field.of("seizedOn", "safety.seizure.seizedOn", "date", true, 0),
				Field.of("agencies", "safety.seizure.agencies", "text", true, 500),
				Field.of("item", "safety.seizure.item", "text", true, 200),
				Field.of("quantity", "safety.seizure.quantity", "text", true, 20),
				Field.of("unit", "safety.seizure.unit", "text", true, 20),
				Field.of("valueYuan", "safety.seizure.value", "text", false, 20),
				Field.of("note", "safety.seizure.note", "textarea", false, 1000)), (scope, id) -> {
					SeizureView s = records.seizure(scope, id);
					return values("region", s.regionCode(), "seizedOn", s.seizedOn(), "agencies", s.agencies(), "item",
							s.item(), "quantity", Corrections.text(s.quantity()), "unit", s.unit(), "valueYuan",
							s.valueYuan() == null ? null : s.valueYuan().toPlainString(), "note", s.note());
				}, (scope, id, f) -> records.correctSeizure(scope, id, new RegionRecords.SeizureData(f.get("region"),
						f.get("seizedOn"), f.get("agencies"), f.get("item"), f.get("quantity"), f.get("unit"),
						f.get("valueYuan"), f.get("note"))), id -> RegionRecordController.SEIZURES);
	}

	@Bean
	LedgerEditor hazardEditor(Hazards hazards) {
		return new Editor("hazards", "safety.hazard.edit", me -> List.of(
				Field.of("enterpriseCreditCode", "safety.enterprise.creditCode", Field.ENTERPRISE, true, 18),
				Field.of("outletId", "safety.outletId", Field.PLACE, false, 0),
				Field.of("facilityId", "safety.facilityId", Field.PLACE, false, 0),
				Field.of("foundOn", "safety.hazard.foundOn", "date", true, 0),
				Field.of("foundBy", "safety.hazard.foundBy", "text", true, 100),
				Field.choice("source", "safety.hazard.source", HazardSource.values(), HazardSource::label),
				Field.choice("level", "safety.hazard.level", HazardLevel.values(), HazardLevel::label),
				Field.of("deadline", "safety.hazard.deadline", "date", false, 0),
				Field.of("description", "safety.hazard.description", "textarea", true, 1000)), (scope, id) -> {
					HazardView h = hazards.get(scope, id);
					return values("enterpriseCreditCode", h.enterpriseCreditCode(), "outletId", h.outletId(),
							"facilityId", h.facilityId(), "foundOn", h.foundOn(), "foundBy", h.foundBy(), "source",
							h.source(), "level", h.level(), "deadline", h.deadline(), "description", h.description());
				}, (scope, id, f) -> {
					// a number that is no number is told with every other bad field at once
					Validation read = new Validation();
					HazardData data = new HazardData(f.get("enterpriseCreditCode"), LedgerForms.id(read, f, "outletId"),
							LedgerForms.id(read, f, "facilityId"), f.get("foundOn"), f.get("foundBy"), f.get("source"),
							f.get("description"), f.get("level"), f.get("deadline"));
					return hazards.correct(scope, id, data, read.errors());
				}, id -> HazardController.STAFF + "/" + id);
	}

	@Bean
	LedgerEditor incidentEditor(Incidents incidents) {
		return new Editor("incidents", "safety.incident.edit", me -> List.of(
				Field.of("enterpriseCreditCode", "safety.enterprise.creditCode", Field.ENTERPRISE, true, 18),
				Field.of("outletId", "safety.outletId", Field.PLACE, false, 0),
				Field.of("occurredAt", "safety.incident.occurredAt", "datetime-local", true, 0),
				Field.choice("kind", "safety.incident.kind", IncidentKind.values(), IncidentKind::label),
				Field.choice("level", "safety.incident.level", IncidentLevel.values(), IncidentLevel::label),
				Field.of("reportedAt", "safety.incident.reportedAt", "datetime-local", false, 0),
				Field.of("description", "safety.incident.description", "textarea", true, 1000)), (scope, id) -> {
					IncidentView x = incidents.get(scope, id);
					return values("enterpriseCreditCode", x.enterpriseCreditCode(), "outletId", x.outletId(),
							"occurredAt", x.occurredAt().atZone(CHINA).toLocalDateTime(), "kind", x.kind(), "level",
							x.level(), "reportedAt", x.reportedAt() == null ? null
									: x.reportedAt().atZone(CHINA).toLocalDateTime(),
							"description", x.description());
				}, (scope, id, f) -> {
					Validation read = new Validation();
					IncidentData data = new IncidentData(f.get("enterpriseCreditCode"), LedgerForms.id(read, f, "outletId"),
							f.get("occurredAt"), f.get("kind"), f.get("level"), f.get("description"), f.get("reportedAt"));
					return incidents.correct(scope, id, data, read.errors());
				}, id -> IncidentController.STAFF + "/" + id);
	}

	@Bean
	LedgerEditor contractorEditor(Contractors contractors) {
		return new Editor("contractors", "safety.contractor.edit", me -> List.of(
				Field.of("name", "safety.contractor.name", "text", true, 200),
				Field.of("creditCode", "safety.contractor.creditCode", "text", true, 18),
				Field.of("enterpriseCreditCode", "safety.enterprise.creditCode", Field.ENTERPRISE, true, 18),
				Field.of("contractFrom", "safety.contractor.from", "date", true, 0),
				Field.of("contractTo", "safety.contractor.to", "date", true, 0),
				Field.of("outletIds", "safety.contractor.outletIds", Field.OUTLETS, true, 0)), (scope, id) -> {
					ContractorView c = contractors.get(scope, id);
					return values("name", c.name(), "creditCode", c.creditCode(), "enterpriseCreditCode",
							c.enterpriseCreditCode(), "contractFrom", c.contractFrom(), "contractTo", c.contractTo(),
							"outletIds", contractors.outlets(id).stream().map(o -> String.valueOf(o.outletId()))
								.collect(Collectors.joining(", ")));
				}, (scope, id, f) -> contractors.correct(scope, id, new ContractorData(f.get("name"),
						f.get("creditCode"), f.get("enterpriseCreditCode"), f.get("contractFrom"), f.get("contractTo"),
						ScreeningController.ids(f.get("outletIds")))), id -> ScreeningController.CONTRACTORS + "/" + id);
	}

	/** The region picker of the bureau's own records: its region and the regions inside it. */
	private static LedgerEditor.Field region(CurrentUser me, Regions regions) {
		String own = me.regionCode() == null || me.regionCode().isEmpty() ? "0" : me.regionCode();
		List<LedgerEditor.Option> options = new ArrayList<>();
		regions.find(own).ifPresent(r -> options.add(new LedgerEditor.Option(r.code(), r.name())));
		regions.children(own).forEach(r -> options.add(new LedgerEditor.Option(r.code(), r.name())));
		return new LedgerEditor.Field("region", "safety.region", "select", true, 0, options);
	}

	/** Field name, value, … as the form shows them (enums by name, dates in ISO form, null as blank). */
	private static Map<String, String> values(Object... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object v = pairs[i + 1];
			values.put((String) pairs[i], v == null ? "" : v instanceof Enum<?> e ? e.name() : v.toString());
		}
		return values;
	}

}
