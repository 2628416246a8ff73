package org.youguan.credit;

import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.StepAccess;

/**
 * The bureau's steps on credit records, on the pages and the API, are the handling bureau's staff's
 * ({@link CreditRecords#requireHandlingBureau}), decided before the step's form or body is read ({@link StepAccess}):
 * out of the caller's scope 404, a bureau above 403 — as the steps themselves decide. The enterprise files its objection
 * at another address ({@code /entries/{id}/objections}), not guarded here.
 */
final class CreditStepAccess {

	private CreditStepAccess() {
	}

	/** An entry's correction (更正). */
	@Component
	static class Entries implements StepAccess {

		private final CreditRecords records;

		Entries(CreditRecords records) {
			this.records = records;
		}

		@Override
		public List<String> steps() {
			return List.of("/credit/entries/{id}/correction", "/api/v1/credit/entries/{id}/correction");
		}

		@Override
		public void requireStep(DataScope scope, long id, String rest) {
			records.requireHandlingBureau(records.get(scope, id).regionCode());
		}
	}

	/** An objection's review (复核). */
	@Component
	static class Objections implements StepAccess {

		private final CreditRecords records;

		private final CreditObjections objections;

		Objections(CreditRecords records, CreditObjections objections) {
			this.records = records;
			this.objections = objections;
		}

		@Override
		public List<String> steps() {
			return List.of("/credit/objections/{id}/review", "/api/v1/credit/objections/{id}/review");
		}

		@Override
		public void requireStep(DataScope scope, long id, String rest) {
			records.requireHandlingBureau(objections.get(scope, id).regionCode());
		}
	}
}
