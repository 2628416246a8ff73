package org.youguan.inspections;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;

/**
 * The bureau's steps on inspections, on the pages and the API, decided before the step's form or body is read
 * ({@link StepAccess}): out of the caller's scope 404; a record's order (下达), an order's steps (验收, 不予验收, 安排复查,
 * 复查结果) and a 双随机 plan's steps (冻结, 种子, 抽取, 公示, 公示结果) are the inspecting bureau's
 * ({@link InspectingBureau}), staff of another bureau 403 naming it — as every step decides inside. The enterprise
 * replies on its own addresses ({@code /enterprise/inspections/orders/{id}/reply}), not these.
 */
@Configuration(proxyBeanMethods = false)
class InspectionStepAccess {

	/** A record's steps ({@code /inspections/records/{id}/order}): the bureau that inspected issues its order. */
	@Bean
	StepAccess inspectionRecordSteps(InspectionOrders orders) {
		return StepAccess.of(List.of("/inspections/records/{id}/**", "/api/v1/inspections/records/{id}/**"),
				(scope, id, rest) -> orders.requireRecordStep(scope, id));
	}

	/** A 责令改正通知书's steps ({@code /inspections/orders/{id}/…}): the bureau that inspected takes them. */
	@Bean
	StepAccess rectificationOrderSteps(InspectionOrders orders) {
		return StepAccess.of(List.of("/inspections/orders/{id}/**", "/api/v1/inspections/orders/{id}/**"),
				(scope, id, rest) -> orders.requireStep(scope, id));
	}

	/** A 双随机 plan's steps ({@code /inspections/plans/{id}/…}): the bureau that made it takes them. */
	@Bean
	StepAccess inspectionPlanSteps(InspectionPlans plans) {
		return StepAccess.of(List.of("/inspections/plans/{id}/**", "/api/v1/inspections/plans/{id}/**"),
				(scope, id, rest) -> plans.requireStep(scope, id));
	}

	/**
	 * A roster entry's steps ({@code /inspections/inspectors/{id}/edit}, {@code PUT /api/v1/inspections/inspectors/{id}}):
	 * an entry outside the caller's scope is not there (404) whatever the values sent — the roster is kept within the
	 * scope, as an entry is registered (a city keeps its counties' rosters, {@link Inspectors#register}).
	 */
	@Bean
	StepAccess inspectorSteps(Inspectors inspectors) {
		return StepAccess.of(List.of("/inspections/inspectors/{id}/**", "/api/v1/inspections/inspectors/{id}/**"),
				(scope, id, rest) -> inspectors.get(scope, id));
	}

	/**
	 * The enterprise's 整改报告 on its own order ({@code /enterprise/inspections/orders/{id}/reply},
	 * {@code POST /api/v1/enterprise/inspections/orders/{id}}): another enterprise's order, or one not there, is not found
	 * (404) before the report or its files are read, as {@link InspectionOrders#get} reads it for the enterprise.
	 */
	@Bean
	StepAccess enterpriseOrderSteps(InspectionOrders orders) {
		return StepAccess.of(List.of("/enterprise/inspections/orders/{id}/**", "/api/v1/enterprise/inspections/orders/{id}/**"),
				(scope, id, rest) -> orders.get(scope, id));
	}

	/**
	 * A new 双随机 plan of a region ({@code POST /inspections/plans/new}, {@code POST /api/v1/inspections/plans},
	 * {@code regionCode}): a region outside the caller's scope is not there (404) before any field is read — the JSON
	 * body's too, before a malformed {@code periodFrom} beside it is bound.
	 */
	@Bean
	StepAccess planRegionSteps() {
		return StepAccess.ofRegionInScope(List.of("/inspections/plans/new", "/api/v1/inspections/plans"), "regionCode");
	}

	/**
	 * A new roster entry of a bureau ({@code POST /inspections/inspectors/new}, {@code POST /api/v1/inspections/inspectors},
	 * {@code bureauId}): a bureau unknown or outside the caller's scope is not there (404) before any field is read —
	 * a malformed {@code validUntil} beside it is not told ({@link Inspectors#requireBureau}).
	 */
	@Bean
	StepAccess inspectorBureauSteps(Inspectors inspectors) {
		return StepAccess.ofValue(List.of("/inspections/inspectors/new", "/api/v1/inspections/inspectors"), "bureauId",
				(scope, value, rest) -> inspectors.requireBureau(scope, value));
	}

	/**
	 * A new inspection record ({@code POST /inspections/records}, the page form; {@code POST /api/v1/inspections/records})
	 * naming what was inspected outside the caller's region is not there (404) before any field is read or bound — read
	 * every way the request names it ({@link InspectionRecords#refuseOutside}): the enterprise
	 * ({@code enterpriseCreditCode}), or one of its branches or outlets ({@code objectType}/{@code objectId}, the form's
	 * {@code object}), which places the record in the caller's region when it lies there.
	 */
	@Bean
	StepAccess inspectedObjectSteps(InspectionRecords records) {
		return StepAccess.ofSent(List.of("/inspections/records", "/api/v1/inspections/records"), records::refuseOutside);
	}
}
