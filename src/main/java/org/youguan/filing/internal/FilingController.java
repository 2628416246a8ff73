package org.youguan.filing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.filing.FilingMetrics;
import org.youguan.filing.FilingStatus;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;

/**
 * The bureau's side: the work queue with the statutory clock, a filing with its attachments and actions, metrics.
 */
@Controller
class FilingController {

	static final String HANDLERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','STAFF')";

	/**
	 * The filings' export columns (the bureau's and the enterprise's alike); {@code place} names the outlet's region in
	 * full ({@link Regions#fullNames}: 江苏省苏州市吴中区长桥街道), as the page's 所在地 column — the street alone
	 * (长桥街道) is ambiguous in a city-wide list.
	 */
	static List<Column<FilingView>> columns(Function<String, String> place) {
		return List.of(Column.of("受理编号", FilingView::number, 26),
			Column.of("类型", f -> f.kind(), 10), Column.of("网点名称", FilingView::outletName, 30),
			Column.of("企业", FilingView::enterpriseName, 30), Column.of("经营的分支机构", FilingView::branchName, 24),
			Column.of("品牌", FilingView::brandName, 8),
			Column.of("所在地", f -> place.apply(f.regionCode()), 30), Column.of("状态", f -> f.status(), 8),
			Column.of("提交日期", FilingView::submittedOn, 12), Column.of("办结时限", FilingView::dueOn, 12),
			Column.of("逾期办理", FilingView::overdue, 8), Column.of("逾期备案", FilingView::lateFiling, 8),
			Column.of("办结日期", FilingView::completedOn, 12), Column.of("用时（工作日）", FilingView::workingDaysTaken, 10),
			Column.of("备案编号", FilingView::filingNumber, 26));
	}

	private final OutletFilings filings;

	private final Regions regions;

	private final FilingReceipts receipts;

	private final AuditTrail audit;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	FilingController(OutletFilings filings, FilingReceipts receipts, AuditTrail audit, Spreadsheets spreadsheets,
			Clock clock, Regions regions) {
		this.regions = regions;
		this.filings = filings;
		this.receipts = receipts;
		this.audit = audit;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	/**
	 * The queue opens on what is open (with the bureau or waiting for a supplement), nearest due date first; 待办 /
	 * 已办结 / 全部 switch the state, a status asked for alone shows that status whatever its state.
	 * {@code handling=true} (the inbox's and the dashboard's links) keeps only the filings the caller's bureau decides
	 * ({@link OutletFilings#list(DataScope, OutletFilings.Filter, PageQuery, boolean)}), {@code attention=true} (the
	 * dashboard's) only those due within a working day or overdue — the sets their counts count.
	 */
	@GetMapping("/filing/queue")
	String queue(DataScope scope, ListRequest list, @RequestParam(required = false) FilingStatus status,
			@RequestParam(required = false) FilingKind kind, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean handling,
			@RequestParam(defaultValue = "false") boolean attention, Model model) {
		WorkState shown = WorkState.orDefault(state, status != null);
		PageQuery query = ordered(shown, list).toPage();
		model.addAttribute("result",
				filings.list(scope, new OutletFilings.Filter(status, shown, overdue, kind, attention), query, handling));
		model.addAttribute("handling", handling);
		model.addAttribute("attention", attention);
		model.addAttribute("query", query);
		model.addAttribute("statuses", statuses(shown));
		model.addAttribute("kinds", FilingKind.values());
		model.addAttribute("state", shown);
		return "filing/queue";
	}

	@GetMapping("/filing/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, ListRequest list, @RequestParam(required = false) FilingStatus status,
			@RequestParam(required = false) FilingKind kind, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) WorkState state, @RequestParam(defaultValue = "false") boolean handling,
			@RequestParam(defaultValue = "false") boolean attention) {
		WorkState shown = WorkState.orDefault(state, status != null);
		var rows = filings.list(scope, new OutletFilings.Filter(status, shown, overdue, kind, attention),
				ordered(shown, list).toExport(), handling).items();
		return Downloads.xlsx(ExportNames.of("末端网点备案", scope), spreadsheets.write("末端网点备案", columns(regions.fullNames()), rows));
	}

	/** The request in the queue's default order when it names none: open work by due date, finished newest first. */
	private static ListRequest ordered(WorkState state, ListRequest list) {
		return state == WorkState.DONE ? list.orDefaultOrder("completed_on", "desc") : list.orDefaultOrder("due_on", "asc");
	}

	/** The statuses the status filter offers in a state. */
	static List<FilingStatus> statuses(WorkState state) {
		return switch (state) {
			case OPEN -> List.of(FilingStatus.SUBMITTED, FilingStatus.MISSING_ITEMS);
			case DONE -> List.of(FilingStatus.APPROVED, FilingStatus.REJECTED);
			case ALL -> List.of(FilingStatus.values());
		};
	}

	@GetMapping("/filing/{id}")
	String show(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		FilingView filing = filings.get(scope, id);
		model.addAttribute("filing", filing);
		// the step forms only for the bureau that files outlets at its place; a bureau above reads the filing, told why
		model.addAttribute("decides", filings.decidesHere(filing));
		model.addAttribute("handlingBureau", filings.handlingBureau(filing));
		model.addAttribute("readsAbove", filings.readsAbove(me, filing));
		model.addAttribute("lateNote", filings.lateFilingNote(filing));
		model.addAttribute("details", filings.details(scope, id));
		model.addAttribute("attachments", filings.attachments(scope, id));
		model.addAttribute("history", audit.history(scope, "OutletFiling", id));
		return "filing/filing";
	}

	@GetMapping("/filing/{id}/receipt.docx")
	ResponseEntity<byte[]> receipt(DataScope scope, @PathVariable long id) {
		return Downloads.docx("备案回执-" + filings.get(scope, id).number() + ".docx", receipts.receipt(scope, id));
	}

	@PostMapping("/filing/{id}/{action:approve|notify-missing|reject}")
	@PageForm("{action}-form")
	@PreAuthorize(HANDLERS)
	String act(DataScope scope, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		String here = "/filing/" + id;
		return PageSteps.run(redirect, here, () -> {
			String message = switch (action) {
				case "approve" -> {
					String number = filings.approve(scope, id, text);
					FilingView f = filings.get(scope, id);
					yield "已准予" + f.kind().label() + "（" + f.number() + "，" + f.outletName() + "），备案编号" + number
							+ switch (f.kind()) {
								case NEW -> "，网点随即列入已备案名录";
								case CHANGE -> "，网点登记信息随即更新";
								case CLOSURE -> "，网点随即关闭";
							};
				}
				case "notify-missing" -> {
					filings.notifyMissingItems(scope, id, text);
					yield "已向" + filings.get(scope, id).enterpriseName() + "一次性告知补正事项：" + Text.strip(text);
				}
				default -> {
					filings.reject(scope, id, text);
					yield "已对" + filings.get(scope, id).number() + "作出不予备案决定：" + Text.strip(text);
				}
			};
			return new PageSteps.Done(message, here);
		});
	}

	@GetMapping("/filing/metrics")
	String metrics(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		// a reversed period (attack round 16) or one not begun is refused as every figures page refuses it, not
		// answered "完成备案0家"; the region read and checked as every figures page reads it (attack 48: it was ignored)
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		model.addAttribute("q", q);
		model.addAttribute("from", q.from());
		model.addAttribute("to", q.to());
		model.addAttribute("metrics", filings.metrics(scope, q.region(), q.from(), q.to()));
		return "filing/metrics";
	}

	/** The 备案统计 page's tables as a spreadsheet: the total, then by county, then by brand. */
	@GetMapping("/filing/metrics.xlsx")
	ResponseEntity<byte[]> metricsExport(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		FilingMetrics m = filings.metrics(scope, q.region(), q.from(), q.to());
		List<FilingMetrics.Row> rows = new ArrayList<>();
		rows.add(m.total());
		rows.addAll(m.byCounty());
		rows.addAll(m.byBrand());
		// the sheet's title names the region by its name, never its code, and the period as the reader's language
		// writes days (备案统计（江苏省苏州市吴中区，2026年1月1日至2026年12月8日）; in English the ISO days): the
		// days passed as LocalDate, which the bundle's sentences word per language
		return Downloads.xlsx(ExportNames.of("备案统计", q),
				spreadsheets.write("备案统计", metricsColumns(ExportNames.title("备案统计", q)), rows));
	}

	/** The columns of the 备案统计 sheet, the first headed by the sheet's title (region and period). */
	private static List<Column<FilingMetrics.Row>> metricsColumns(String title) {
		return List.of(Column.of(title, r -> SheetWord.of(r.label()), 36),
				Column.of("完成备案（家）", FilingMetrics.Row::completed, 12),
				Column.of("平均用时（工作日）", FilingMetrics.Row::averageWorkingDays, 14),
				Column.of("最长用时（工作日）", FilingMetrics.Row::maxWorkingDays, 14),
				Column.of("按时办结率（%）", FilingMetrics.Row::onTimeRate, 14),
				Column.of("逾期备案（家）", FilingMetrics.Row::lateFilings, 12));
	}
}
