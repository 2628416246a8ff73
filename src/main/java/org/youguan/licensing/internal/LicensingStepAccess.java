package org.youguan.licensing.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.StepAccess;
import org.youguan.kernel.Text;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.LicenceApplications;
import org.youguan.org.CurrentUser;

/**
 * A licence application's steps on the bureau's and the enterprise's pages and on the API ({@code …/{id}/review},
 * {@code …/{id}/approval}, {@code …/{id}/materials} …) are decided before the step's form, body or files are read
 * ({@link StepAccess}), as each step decides inside ({@link LicenceApplications#requireStep}): an application outside the
 * caller's scope is not there (404), a bureau that does not take the step is refused it (403) — another city's staff
 * sending a 初审 with a bad opinion were told which field was wrong (400), or that JSON was not the type (415).
 */
@Configuration(proxyBeanMethods = false)
class LicensingStepAccess {

	/** An application's steps: the signed-in user as the procedure's {@link Clerk}. */
	@Bean
	StepAccess applicationSteps(LicenceApplications applications) {
		return StepAccess.of(List.of("/licensing/applications/{id}/**", "/api/v1/licensing/applications/{id}/**"),
				(scope, id, rest) -> CurrentUser.signedIn().ifPresent(me -> applications.requireStep(Clerk.of(me), id, rest)));
	}

	/**
	 * A branch's filing by staff ({@code POST /licensing/branch-filings}, {@code regionCode}) and a paper application
	 * recorded by staff ({@code POST /api/v1/licensing/applications}, {@code regionCode}: the premises' county): a
	 * region outside the caller's scope is not there (404) before any field is read; an enterprise's filing or
	 * application is left to the step.
	 */
	@Bean
	StepAccess branchFilingRegionSteps() {
		return StepAccess.ofRegionInScope(List.of("/licensing/branch-filings", "/api/v1/licensing/branch-filings",
				"/api/v1/licensing/applications"), "regionCode");
	}

	/**
	 * A paper application entered on the staff's page form ({@code POST /licensing/applications}, {@code regionCode}:
	 * the premises' county): a region outside the caller's scope is not there (404) before any field or file is read
	 * ({@link org.youguan.kernel.DataScope#refuseRegionOutside}, as the API's body and the step itself); a value that is
	 * no region code, and an enterprise's own application, are left to the step, which tells the field on the form.
	 */
	@Bean
	StepAccess applicationRegionPageSteps() {
		return StepAccess.ofSent(List.of("/licensing/applications"),
				(scope, sent) -> sent.values("regionCode").forEach(code -> scope.refuseRegionOutside("regionCode", code)));
	}

	/**
	 * A change, renewal or branch application ({@code POST /licensing/applications}, {@code POST
	 * /api/v1/licensing/applications}; {@code kind}, {@code applicantCreditCode}): a licence holder outside a bureau's
	 * scope is not there (404, {@link LicenceApplications#refuseHolderOutside}) before the form is bound or the body
	 * read — as the step refuses it before its fields — so a malformed capital beside it is not told first.
	 */
	@Bean
	StepAccess applicationHolderSteps(LicenceApplications applications) {
		return StepAccess.ofSent(List.of("/licensing/applications", "/api/v1/licensing/applications"), (scope, sent) -> {
			CurrentUser me = CurrentUser.signedIn().orElse(null);
			if (me == null || me.enterpriseCreditCode() != null) {
				return;
			}
			for (String code : sent.values("applicantCreditCode")) {
				for (String kind : sent.values("kind")) {
					applications.refuseHolderOutside(scope, kind, code);
				}
			}
		});
	}

	/**
	 * An enterprise's application through the API ({@code POST /api/v1/licensing/applications}) naming another
	 * applicant than itself ({@code applicantCreditCode}): refused (403) before the body is read. On the portal's page
	 * form the step refuses it itself ({@code kernel.FormSteps}): the form again in 403 with the refusal and what was
	 * typed, not the bare error page.
	 */
	@Bean
	StepAccess enterpriseApplicantSteps() {
		return StepAccess.ofSent(List.of("/api/v1/licensing/applications"), (scope, sent) -> {
			String own = CurrentUser.signedIn().map(CurrentUser::enterpriseCreditCode).orElse(null);
			if (own == null) {
				return;
			}
			for (String code : sent.values("applicantCreditCode")) {
				if (!Text.isBlank(code) && !CreditCode.written(code).equalsIgnoreCase(own)) {
					throw new AccessRefusedException("applicantCreditCode", "企业用户只能为本企业提交许可申请");
				}
			}
		});
	}

	/**
	 * A past application imported one by one ({@code POST /api/v1/licensing/applications/imported},
	 * {@code applicantCreditCode}) and an annual report entered by staff ({@code POST /licensing/annual-reports},
	 * {@code POST /api/v1/licensing/annual-reports}, {@code creditCode}): an enterprise registered outside the caller's
	 * region is not there (404 naming the field) before any field is read or bound
	 * ({@link LicenceApplications#refuseOutside}), as each step refuses it.
	 */
	@Bean
	StepAccess importedApplicantSteps(LicenceApplications applications) {
		return StepAccess.ofValue(List.of("/api/v1/licensing/applications/imported"), "applicantCreditCode",
				(scope, code, rest) -> applications.refuseOutside(scope, "applicantCreditCode", code));
	}

	/** See {@link #importedApplicantSteps}: the annual report's enterprise ({@code creditCode}). */
	@Bean
	StepAccess annualReportEnterpriseSteps(LicenceApplications applications) {
		return StepAccess.ofValue(List.of("/licensing/annual-reports", "/api/v1/licensing/annual-reports"), "creditCode",
				(scope, code, rest) -> applications.refuseOutside(scope, "creditCode", code));
	}
}
