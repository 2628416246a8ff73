package org.youguan.registry.internal.licences;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.org.InstallationAdmins;
import org.youguan.registry.CancellationGround;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.registry.Registrar;
import org.youguan.registry.internal.RegistryAccess;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * Express licences as records: list with derived status, recording an issued licence, cancellation and revocation —
 * the writing steps for the licence's issuing authority only ({@link Licences#mayCorrect}, {@link Licences#mayEnd};
 * 邮政法(2015) art.53), whose buttons the page shows to it alone.
 */
@Controller
class LicenceController {

	static final List<Column<LicenceView>> COLUMNS = List.of(Column.of("许可证编号", LicenceView::number, 16),
			Column.of("企业名称", LicenceView::enterpriseName, 36), Column.of("统一社会信用代码", LicenceView::creditCode, 22),
			Column.of("业务范围", l -> l.scope(), 10), Column.of("发证机关", LicenceView::issuingBureauName, 20),
			Column.of("发证日期", LicenceView::issuedOn, 12), Column.of("有效期至", LicenceView::expiresOn, 12),
			Column.of("状态", l -> l.status(), 8), Column.of("注销/吊销原因", LicenceView::stateReason, 30));

	private final Licences licences;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final StatutoryRules rules;

	/** Today, for the note beside a licence in force past its expiry (视为准予延续). */
	private final Clock clock;

	/** Who may register a licence of any scope in the registry (the installation's 系统管理员, {@link Registrar}). */
	private final InstallationAdmins installationAdmins;

	LicenceController(Licences licences, Enterprises enterprises, AuditTrail audit, Spreadsheets spreadsheets,
			StatutoryRules rules, Clock clock, InstallationAdmins installationAdmins) {
		this.clock = clock;
		this.installationAdmins = installationAdmins;
		this.rules = rules;
		this.licences = licences;
		this.enterprises = enterprises;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
	}

	@GetMapping("/registry/licences")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest list,
			@RequestParam(required = false) LicenceStatus status,
			@RequestParam(required = false) LicenceScope licenceScope, Model model) {
		model.addAttribute("mayRecord", Registrar.of(me, installationAdmins).recordsAny());
		PageQuery query = list.toPage();
		model.addAttribute("result", licences.list(scope, new Licences.Filter(status, licenceScope, null), query));
		model.addAttribute("query", query);
		model.addAttribute("statuses", LicenceStatus.values());
		model.addAttribute("scopes", LicenceScope.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "registry/licences";
	}

	@GetMapping("/registry/licences/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest list,
			@RequestParam(required = false) LicenceStatus status,
			@RequestParam(required = false) LicenceScope licenceScope) {
		var rows = licences.list(scope, new Licences.Filter(status, licenceScope, null),
				list.toExport()).items();
		return Downloads.xlsx(ExportNames.of("快递业务经营许可证", scope), spreadsheets.write("许可证", COLUMNS, rows));
	}

	@GetMapping("/registry/licences/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		LicenceView licence = licences.get(scope, id);
		model.addAttribute("licence", licence);
		model.addAttribute("deemedRenewed", licence.deemedRenewed(LocalDate.now(clock)));
		model.addAttribute("mayCorrect", me.writer() && licences.mayCorrect(Registrar.of(me, installationAdmins), licence));
		model.addAttribute("mayEnd", me.writer() && licences.mayEnd(Registrar.of(me, installationAdmins), licence));
		// the grounds and the hint name the period of 超过…未经营 as the rule catalogue has it for the holder, in the
		// reader's language
		model.addAllAttributes(CancellationGround.wording(rules, licence.regionCode()));
		model.addAttribute("noOperationBasis", StatutoryRule.LICENCE_NO_OPERATION.basis());
		model.addAttribute("history", audit.history(scope, "ExpressLicence", id));
		return "registry/licence";
	}

	@GetMapping("/registry/licences/new")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initCreateForm(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long enterprise,
			Model model) {
		Licences.requireRecorder(Registrar.of(me, installationAdmins));
		model.addAttribute("enterpriseId", enterprise);
		model.addAttribute("scopes", LicenceScope.values());
		return "registry/licence-form";
	}

	@PostMapping({ "/registry/licences/new", "/registry/licences/{id}/edit" })
	@PreAuthorize(RegistryAccess.WRITERS)
	String processForm(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable(required = false) Long id,
			@RequestParam(required = false) String creditCode, @RequestParam String number,
			@RequestParam(required = false) LicenceScope licenceScope, @RequestParam String issuingBureauName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		Registrar by = Registrar.of(me, installationAdmins);
		if (id == null) {
			Licences.requireRecorder(by); // 403 before the holder is looked up
		}
		return FormSteps.run(model, response, redirect, () -> {
			// the issuing region is the scope's authority's for the holder (Licences#check), never the recorder's
			if (id == null) {
				long enterprise = enterprises.idInScope(scope, creditCode, "creditCode");
				long recorded = licences.record(scope, by, new LicenceData(enterprise, number, licenceScope, issuingBureauName,
						null, issuedOn, expiresOn), false);
				return new PageSteps.Done("已登记许可证" + Text.strip(number), "/registry/licences/" + recorded);
			}
			LicenceView current = licences.get(scope, id);
			licences.correct(scope, by, id, new LicenceData(current.enterpriseId(), number, licenceScope, issuingBureauName,
					null, issuedOn, expiresOn));
			return new PageSteps.Done("已更正许可证登记信息", "/registry/licences/" + id);
		}, () -> {
			model.addAttribute("scopes", LicenceScope.values());
			model.addAttribute("licenceId", id);
			return "registry/licence-form";
		});
	}

	@GetMapping("/registry/licences/{id}/edit")
	@PreAuthorize(RegistryAccess.WRITERS)
	String initUpdateForm(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		LicenceView licence = licences.get(scope, id);
		Licences.requireCorrector(Registrar.of(me, installationAdmins), licence); // the refusal the post would give
		model.addAttribute("licence", licence);
		model.addAttribute("licenceId", id);
		model.addAttribute("scopes", LicenceScope.values());
		return "registry/licence-form";
	}

	@PostMapping("/registry/licences/{id}/{action:cancel|revoke}")
	@PreAuthorize(RegistryAccess.WRITERS)
	String end(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@PathVariable String action, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) String ground, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		String here = "/registry/licences/" + id;
		Registrar by = Registrar.of(me, installationAdmins);
		return PageSteps.run(redirect, here, () -> {
			if (action.equals("cancel")) {
				licences.cancel(scope, by, id, ground, reason);
			}
			else {
				licences.revoke(scope, by, id, decisionNumber, reason);
			}
			LicenceView ended = licences.get(scope, id);
			return new PageSteps.Done("许可证" + ended.number() + (action.equals("cancel") ? "已注销" : "已吊销") + "："
					+ ended.stateReason(), here);
		});
	}
}
