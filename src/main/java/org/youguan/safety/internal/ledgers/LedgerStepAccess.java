package org.youguan.safety.internal.ledgers;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.StepAccess;
import org.youguan.registry.Enterprises;

/**
 * The safety ledgers' record steps on the pages, the portal and the API, decided before the step's form or body is read
 * ({@link StepAccess}), as each step decides inside: a record outside the caller's scope is not there (404: another
 * county's, another enterprise's); a bureau's step is refused to an enterprise (a hazard's 销号, an incident's 结案, a
 * period's 撤销: 403) and an enterprise's to the bureau (a period's 日报: 403). A ledger's row is its owner's — the
 * bureau that recorded it, else the one handling its region ({@link Corrections#requireOwn}): staff of another bureau
 * (one above reads it) take none of its steps (403 naming the owner), before the step's values are read.
 */
@Configuration(proxyBeanMethods = false)
class LedgerStepAccess {

	/** The bureau's closing step, refused to an enterprise before its values are read. */
	private static final String CLOSE = "close";

	/** A 隐患's steps (整改, 销号, 更正). */
	@Bean
	StepAccess hazardSteps(Hazards hazards, Corrections corrections) {
		return StepAccess.of(addresses(HazardController.STAFF, HazardController.PORTAL, "hazards"), (scope, id, rest) -> {
			hazards.get(scope, id);
			bureauOnly(scope, CLOSE.equals(rest), Hazards.CLOSE_REFUSAL);
			corrections.requireOwn("safety_hazard", "隐患", id);
		});
	}

	/** An incident's steps (后续处置, 结案, 更正). */
	@Bean
	StepAccess incidentSteps(Incidents incidents, Corrections corrections) {
		return StepAccess.of(addresses(IncidentController.STAFF, IncidentController.PORTAL, "incidents"), (scope, id, rest) -> {
			incidents.get(scope, id);
			bureauOnly(scope, CLOSE.equals(rest), Incidents.CLOSE_REFUSAL);
			corrections.requireOwn("safety_incident", "事故/突发事件", id);
		});
	}

	/** A 寄递安保期's steps: the bureau cancels it, an enterprise reports its days. */
	@Bean
	StepAccess periodSteps(SecurityPeriods periods) {
		return StepAccess.of(addresses(PeriodController.STAFF, PeriodController.PORTAL, "periods"), (scope, id, rest) -> {
			if ("reports".equals(rest) && scope.kind() != DataScope.Kind.ENTERPRISE) {
				throw new AccessRefusedException("day", SecurityPeriods.REPORT_REFUSAL);
			}
			PeriodView p = periods.get(scope, id);
			bureauOnly(scope, "cancel".equals(rest), SecurityPeriods.CANCEL_REFUSAL);
			if (scope.kind() != DataScope.Kind.ENTERPRISE) {
				// a higher level's period, which a county reads, is its owner's to cancel (403), before the reason is read
				periods.requireCancelling(scope, p);
			}
		});
	}

	/** A ledger's record addresses: the staff's pages, the portal's and the API's. */
	private static List<String> addresses(String staff, String portal, String api) {
		return List.of(staff + "/{id}/**", portal + "/{id}/**", "/api/v1/safety/" + api + "/{id}/**");
	}

	/** Refuses an enterprise the bureau's step ({@code bureaus}), as the step itself does. */
	private static void bureauOnly(DataScope scope, boolean bureaus, String refusal) {
		if (bureaus && scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("id", refusal);
		}
	}

	/**
	 * Recording a region's row — a 寄递安保期, a training, a seizure (page forms, {@code region}) — and correcting one
	 * into a region ({@code /safety/{ledger}/{id}/edit}), and the API's ({@code POST /api/v1/safety/periods},
	 * {@code trainings}, {@code seizures}: the JSON body's {@code region} or {@code regionCode}): a region outside the
	 * caller's scope is not there (404) before any field is read or bound. A region below the caller's own is taken: the
	 * row is then the recording bureau's ({@link Corrections#requireOwn}), which its page says ({@code safety/region-fields}).
	 */
	@Bean
	StepAccess ledgerRegionSteps() {
		return StepAccess.ofRegionInScope(List.of(PeriodController.STAFF, RegionRecordController.TRAININGS,
				RegionRecordController.SEIZURES, "/safety/{ledger}/{id}/edit", "/api/v1/safety/periods",
				"/api/v1/safety/trainings", "/api/v1/safety/seizures"), "region");
	}

	/**
	 * A new hazard, incident, 委托安检 entry or 安全生产责任书 of an enterprise — on the staff's page forms
	 * ({@code POST /safety/hazards}, {@code incidents}, {@code contractors}, {@code letters}), on the API
	 * ({@code POST /api/v1/safety/hazards}, {@code incidents}, {@code contractors}, {@code letters}) and in a row's
	 * correction ({@code /safety/{ledger}/{id}/edit}), each naming it by {@code enterpriseCreditCode}: one registered
	 * outside the caller's region is not there (404) before any field is read or bound ({@link Enterprises#refuseOutside}),
	 * as {@link Placement} refuses it — unless one of its outlets or facilities ({@code outletId}, {@code facilityId})
	 * places the record, which the step decides. The portal's forms are an enterprise's own (its scope holds no region).
	 */
	@Bean
	StepAccess ledgerEnterpriseSteps(Enterprises enterprises) {
		return StepAccess.ofValue(List.of(HazardController.STAFF, IncidentController.STAFF, ScreeningController.CONTRACTORS,
				LetterController.STAFF, "/safety/{ledger}/{id}/edit", "/api/v1/safety/hazards", "/api/v1/safety/incidents",
				"/api/v1/safety/contractors", "/api/v1/safety/letters"), "enterpriseCreditCode",
				List.of("outletId", "facilityId"), (scope, code, rest) -> enterprises.refuseOutside(scope, code));
	}
}
