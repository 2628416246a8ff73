package org.youguan.inspections.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.Bureaus;

/**
 * 检查人员名录库 on pages (邮政法(2015) art.63; 行政处罚法(2021) art.42: inspectors show their enforcement certificate):
 * the roster of the caller's region by bureau with certificate number and valid-until (an expired certificate is
 * highlighted and never drawn), and for bureau administrators a form to add an inspector or correct one (a renewed
 * certificate, the declared relations — enterprises the inspector must not inspect). Each change is audited and shown
 * on the entry's page.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectorRosterController {

	/** Who keeps the roster: the bureau's administrators (as the API). */
	static final String MANAGERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')";

	/** The form as posted; the avoidance list one credit code per line. */
	record InspectorForm(String bureauId, String name, String certificateNumber, String validUntil, String avoid) {

		static InspectorForm of(Inspector i) {
			return new InspectorForm(Long.toString(i.bureauId()), i.name(), i.certificateNumber(), i.validUntil().toString(),
					String.join("\n", i.avoidCreditCodes()));
		}
	}

	private final Inspectors inspectors;

	private final Bureaus bureaus;

	private final AuditTrail audit;

	private final Clock clock;

	private final Spreadsheets spreadsheets;

	InspectorRosterController(Inspectors inspectors, Bureaus bureaus, AuditTrail audit, Clock clock,
			Spreadsheets spreadsheets) {
		this.spreadsheets = spreadsheets;
		this.inspectors = inspectors;
		this.bureaus = bureaus;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The roster's export columns: what the list shows, the certificate's state on the day of the export and the
	 * number of declared relations (their credit codes stay on the entry's page).
	 */
	static List<Column<Inspector>> columns(LocalDate today) {
		return List.of(Column.of("所属单位", Inspector::bureauName, 24), Column.of("姓名", Inspector::name, 10),
				Column.of("执法证号", Inspector::certificateNumber, 16), Column.of("执法证有效期至", Inspector::validUntil, 14),
				Column.of("状态", i -> i.validOn(today) ? SheetWord.of("有效") : SheetWord.of("已过期"), 8),
				Column.of("回避企业数", i -> i.avoidCreditCodes().size(), 10));
	}

	/**
	 * The roster of the caller's region: search by name or certificate number, bureau and certificate-state filters,
	 * sorts by bureau region, name and valid-until, pages, and the export of the same rows.
	 */
	@GetMapping("/inspections/inspectors")
	String roster(DataScope scope, ListRequest request, @RequestParam(required = false) Long bureau,
			@RequestParam(required = false) String validity, Model model) {
		PageQuery query = request.toPage();
		PageResult<Inspector> result = inspectors.list(scope, bureau, validity, query);
		model.addAttribute("result", result);
		model.addAttribute("inspectors", result.items());
		model.addAttribute("query", query);
		model.addAttribute("bureaus", bureaus.all(scope));
		model.addAttribute("bureau", bureau);
		model.addAttribute("validities", Inspectors.VALIDITIES);
		model.addAttribute("today", LocalDate.now(clock));
		return "inspections/inspectors";
	}

	/**
	 * The roster as .xlsx in {@link #columns}: the page's bureau and certificate-state filters, search and order, every
	 * inspector of the caller's region up to the export limit.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code validity} for an unknown state
	 */
	@GetMapping("/inspections/inspectors/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) Long bureau,
			@RequestParam(required = false) String validity) {
		var rows = inspectors.list(scope, bureau, validity, request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("检查人员名录库", scope), spreadsheets.write("检查人员名录库", columns(LocalDate.now(clock)), rows));
	}

	@GetMapping("/inspections/inspectors/{id:\\d+}")
	String inspector(DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("inspector", inspectors.get(scope, id));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("history", audit.history(scope, "inspector", id));
		return "inspections/inspector";
	}

	@GetMapping("/inspections/inspectors/new")
	@PreAuthorize(MANAGERS)
	String initCreateForm(DataScope scope, Model model) {
		return form(model, scope, new InspectorForm("", "", "", "", ""), null);
	}

	@PostMapping("/inspections/inspectors/new")
	@PreAuthorize(MANAGERS)
	String processCreateForm(DataScope scope, @ModelAttribute InspectorForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			Validation read = new Validation();
			long id = inspectors.register(scope, data(form, null, read), read.errors());
			return new PageSteps.Done("已将" + Text.strip(form.name()) + "登记入检查人员名录库", "/inspections/inspectors/" + id);
		}, () -> form(model, scope, form, null));
	}

	@GetMapping("/inspections/inspectors/{id:\\d+}/edit")
	@PreAuthorize(MANAGERS)
	String initUpdateForm(DataScope scope, @PathVariable long id, Model model) {
		return form(model, scope, InspectorForm.of(inspectors.get(scope, id)), id);
	}

	@PostMapping("/inspections/inspectors/{id:\\d+}/edit")
	@PreAuthorize(MANAGERS)
	String processUpdateForm(DataScope scope, @PathVariable long id, @ModelAttribute InspectorForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Inspector current = inspectors.get(scope, id);
		return FormSteps.run(model, response, redirect, "/inspections/inspectors/" + id, "已保存", () -> {
			Validation read = new Validation();
			inspectors.update(scope, id, data(form, current.bureauId(), read), read.errors());
		}, () -> form(model, scope, form, id));
	}

	private String form(Model model, DataScope scope, InspectorForm form, Long id) {
		model.addAttribute("form", form);
		model.addAttribute("inspectorId", id);
		model.addAttribute("bureaus", bureaus.all(scope));
		return "inspections/inspector-form";
	}

	/** The form's values as the service takes them; a malformed one is named in {@code v} and left null. */
	private static Inspectors.InspectorData data(InspectorForm form, Long bureauId, Validation v) {
		LocalDate validUntil = v.date("validUntil", "执法证有效期至", form.validUntil());
		Long bureau = bureauId;
		if (bureau == null) {
			bureau = v.whole("bureauId", "所属单位", form.bureauId(), 1, Long.MAX_VALUE, "即单位编号，请从列表中选择");
		}
		List<String> avoid = Text.names(form.avoid());
		return new Inspectors.InspectorData(bureau, null, form.name(), form.certificateNumber(), validUntil, avoid);
	}
}
