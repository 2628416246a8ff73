package org.youguan.safety.internal.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

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
import org.youguan.region.Regions;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListFilter;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.safety.internal.SafetyAccess;

/**
 * The alert pages of the safety centre: all alerts of the region (status and rule filters), each rule's own page
 * (what it finds, its threshold, its alerts), one alert with its steps (排除 with a reason, 转为立案线索), and the
 * staff's action to run the detection for a chosen day in their region. The list and each rule's page export as .xlsx
 * with the same status filter, search and order, in the caller's region.
 */
@Controller
@PreAuthorize(SafetyAccess.READERS)
class AlertsController {

	/**
	 * The export's columns: what the list shows (the subject shortened as listed), region by name; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<AlertView>> columns(Function<String, String> place) {
		return List.of(Column.of("日期", AlertView::day),
			Column.of("规则", a -> a.rule(), 24), Column.of("对象", AlertView::subjectShown, 24),
			Column.of("情况", AlertView::detailWords, 40), Column.of("区域", a -> place.apply(a.regionCode())),
			Column.of("状态", a -> SheetWord.of(a.statusLabel())));
	}

	private final Alerts alerts;

	private final AlertDetection detection;

	private final AlertSettings settings;

	private final Spreadsheets spreadsheets;

	private final Regions regions;

	AlertsController(Alerts alerts, AlertDetection detection, AlertSettings settings, Spreadsheets spreadsheets, Regions regions) {
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.alerts = alerts;
		this.detection = detection;
		this.settings = settings;
	}

	@GetMapping("/safety/alerts")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String status, Model model) {
		model.addAttribute("canAct", me.writer());
		return page(scope, request, null, status, model);
	}

	@GetMapping("/safety/alerts/rules/{slug}")
	String rule(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, @PathVariable String slug,
			@RequestParam(required = false) String status, Model model) {
		model.addAttribute("canAct", me.writer());
		model.addAttribute("threshold", detection.threshold(rule(slug), me.regionCode()));
		return page(scope, request, rule(slug), status, model);
	}

	/**
	 * The list, or one rule's list when {@code slug} names it, as .xlsx: the page's status filter, search and order.
	 * @throws DomainException not found for an unknown rule
	 */
	@GetMapping({ "/safety/alerts/export.xlsx", "/safety/alerts/rules/{slug}/export.xlsx" })
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @PathVariable(required = false) String slug,
			@RequestParam(required = false) String status) {
		var rows = alerts.list(scope, slug == null ? null : rule(slug), status(status), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("预警", scope), spreadsheets.write("预警", columns(regions.fullNames()), rows));
	}

	private static AlertRule rule(String slug) {
		AlertRule rule = AlertRule.ofSlug(slug);
		if (rule == null) {
			throw DomainException.notFound("预警规则", slug);
		}
		return rule;
	}

	private static String status(String status) {
		return ListFilter.oneOf(AlertView.STATUSES, AlertView::statusLabel, "status", "预警状态", status);
	}

	@GetMapping("/safety/alerts/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		model.addAttribute("canAct", me.writer());
		AlertView alert = alerts.get(scope, id);
		model.addAttribute("alert", alert);
		model.addAttribute("threshold", detection.threshold(alert.rule(), alert.regionCode()));
		return "safety/alert";
	}

	@PostMapping("/safety/alerts/{id:\\d+}/dismiss")
	@PageForm("dismiss-form")
	@PreAuthorize(SafetyAccess.WRITERS)
	String dismiss(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String here = "/safety/alerts/" + id;
		return PageSteps.run(redirect, here, "预警已排除", () -> alerts.dismiss(scope, id, reason, me.displayName()));
	}

	@PostMapping("/safety/alerts/{id:\\d+}/refer")
	@PageForm("refer-form")
	@PreAuthorize(SafetyAccess.WRITERS)
	String refer(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String here = "/safety/alerts/" + id;
		return PageSteps.run(redirect, here, "已转为立案线索，执法模块将生成案件线索",
				() -> alerts.refer(scope, id, reason, me.displayName()));
	}

	@PostMapping("/safety/alerts/{id:\\d+}/target")
	@PageForm("target-form")
	@PreAuthorize(SafetyAccess.WRITERS)
	String target(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String here = "/safety/alerts/" + id;
		return PageSteps.run(redirect, here, "已列为检查对象，执法检查模块的重点检查对象中可见",
				() -> alerts.target(scope, id, reason, me.displayName()));
	}

	/**
	 * Runs the detection for the day chosen, in the caller's region: at the latest yesterday (China time). A day
	 * missing, malformed or not yet over shows the alerts page again in 400 with the error beside the day.
	 */
	@PostMapping("/safety/alerts/detect")
	@PreAuthorize(SafetyAccess.WRITERS)
	String detect(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String day, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return FormSteps.run(model, response, redirect, () -> {
			Validation v = new Validation();
			LocalDate d = v.date("day", "检测日期", day, Validation.EARLIEST_RECORD, LocalDate.MAX);
			v.require("day", d != null || v.hasErrors(), "required", "请选择检测日期");
			v.throwIfInvalid();
			String region = me.regionCode() == null ? "" : me.regionCode();
			int raised = detection.detect(d, RegionPrefix.of(region));
			return new PageSteps.Done("已完成" + ChineseText.day(d) + "的预警检测，新增预警" + raised + "条", "/safety/alerts");
		}, () -> {
			model.addAttribute("canAct", me.writer());
			return page(scope, request, null, null, model);
		});
	}

	private String page(DataScope scope, ListRequest request, AlertRule rule, String status, Model model) {
		PageQuery query = request.toPage();
		String s = status(status);
		model.addAttribute("result", alerts.list(scope, rule, s, query));
		model.addAttribute("query", query);
		model.addAttribute("rule", rule);
		model.addAttribute("rules", AlertRule.values());
		model.addAttribute("status", s);
		model.addAttribute("settings", settings);
		model.addAttribute("yesterday", detection.latestDay());
		return "safety/alerts";
	}
}
