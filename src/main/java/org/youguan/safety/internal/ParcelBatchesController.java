package org.youguan.safety.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.org.CurrentUser;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * The pages of the parcel-record batches (快递暂行条例(2025) art.23; 邮件快件实名收寄管理办法): the enterprise portal's
 * own upload batches and, per batch, its rejected lines (line, field, the rule in Chinese, the line as sent with any
 * ID-like number masked) with an .xlsx export to correct them; and, read-only, the batches of the enterprises of the
 * staff member's region (by enterprise and day, with the acceptance counts and the rejected share) with the same
 * drill-down. A batch of another enterprise, or of an enterprise outside the region, is 404.
 */
@Controller
class ParcelBatchesController {

	static final List<Column<ParcelBatches.RejectedLine>> LINE_COLUMNS = List.of(
			Column.of("批次号", ParcelBatches.RejectedLine::batchId, 24), Column.of("行号", ParcelBatches.RejectedLine::line, 8),
			Column.of("字段", ParcelBatches.RejectedLine::field, 20), Column.of("规则", ParcelBatches.RejectedLine::rule, 20),
			Column.of("被拒原因", ParcelBatches.RejectedLine::message, 50),
			Column.of("原始内容（证件号码已删除或遮盖）", ParcelBatches.RejectedLine::content, 80));

	/** The messages of a batch's status, as the lists label it. */
	private static final String STATUS = "safety.batches.status.";

	/** The enterprise's batches as its list shows them: the page's columns, the status as the page labels it. */
	private final List<Column<ParcelBatches.Batch>> batchColumns;

	/** The region's batches as the staff list shows them, the enterprise's credit code in a column of its own. */
	private final List<Column<ParcelBatches.RegionBatch>> regionColumns;

	private final ParcelBatches batches;

	private final Enterprises enterprises;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	ParcelBatchesController(ParcelBatches batches, Enterprises enterprises, Spreadsheets spreadsheets,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.batches = batches;
		this.enterprises = enterprises;
		this.spreadsheets = spreadsheets;
		this.batchColumns = List.of(Column.of("接收时间", ParcelBatches.Batch::startedAt, 20),
				Column.of("批次号", ParcelBatches.Batch::batchId, 40),
				Column.label("状态", messages, STATUS, ParcelBatches.Batch::status),
				Column.of("格式", ParcelBatches.Batch::format, 10), Column.of("接收条数", ParcelBatches.Batch::accepted, 10),
				Column.of("被拒条数", ParcelBatches.Batch::rejected, 10));
		this.regionColumns = List.of(Column.of("企业", ParcelBatches.RegionBatch::enterpriseName, 30),
				Column.of("统一社会信用代码", ParcelBatches.RegionBatch::creditCode, 22),
				Column.of("接收时间", ParcelBatches.RegionBatch::startedAt, 20),
				Column.of("批次号", ParcelBatches.RegionBatch::batchId, 40),
				Column.label("状态", messages, STATUS, ParcelBatches.RegionBatch::status),
				Column.of("接收条数", ParcelBatches.RegionBatch::accepted, 10),
				Column.of("被拒条数", ParcelBatches.RegionBatch::rejected, 10),
				Column.of("被拒占比（%）", ParcelBatches.RegionBatch::rejectedShare, 12));
	}

	@GetMapping("/enterprise/safety/batches")
	@PreAuthorize(SafetyAccess.ENTERPRISE)
	String own(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", batches.batches(enterprise(me).id(), query));
		model.addAttribute("query", query);
		return "safety/batches";
	}

	/** The enterprise's batches as .xlsx: the list's search and order, every row up to the export limit. */
	@GetMapping("/enterprise/safety/batches/export.xlsx")
	@PreAuthorize(SafetyAccess.ENTERPRISE)
	ResponseEntity<byte[]> ownBatchesExport(@AuthenticationPrincipal CurrentUser me, ListRequest request) {
		var rows = batches.batches(enterprise(me).id(), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("寄递记录上报批次", me.scope()), spreadsheets.write("上报批次", batchColumns, rows));
	}

	@GetMapping("/enterprise/safety/batches/lines")
	@PreAuthorize(SafetyAccess.ENTERPRISE)
	String ownLines(@AuthenticationPrincipal CurrentUser me, @RequestParam String batchId,
			@RequestParam(required = false) String field, ListRequest request, Model model) {
		long enterprise = enterprise(me).id();
		ParcelBatches.Batch batch = batches.batch(enterprise, batchId)
			.orElseThrow(() -> DomainException.notFound("寄递记录批次", batchId));
		return lines(model, enterprise, null, batch.batchId(), batch.accepted(), batch.rejected(), batch.startedAt(), field,
				request, "/enterprise/safety/batches");
	}

	@GetMapping("/enterprise/safety/batches/lines.xlsx")
	@PreAuthorize(SafetyAccess.ENTERPRISE)
	ResponseEntity<byte[]> ownExport(@AuthenticationPrincipal CurrentUser me, @RequestParam String batchId,
			@RequestParam(required = false) String field, ListRequest request) {
		long enterprise = enterprise(me).id();
		ParcelBatches.Batch batch = batches.batch(enterprise, batchId)
			.orElseThrow(() -> DomainException.notFound("寄递记录批次", batchId));
		return export(enterprise, batch.batchId(), field, request);
	}

	@GetMapping("/safety/parcel-batches")
	@PreAuthorize(SafetyAccess.READERS)
	String region(DataScope scope, ListRequest request, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		FiguresPeriod.Filter period = period(from, to);
		LocalDate f = period.from();
		LocalDate t = period.to();
		PageQuery query = request.toPage();
		model.addAttribute("result", batches.regionBatches(scope, f, t, query));
		model.addAttribute("query", query);
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		return "safety/region-batches";
	}

	/**
	 * The region's batches as .xlsx: the list's dates, search and order, the enterprises of the caller's region only.
	 * @throws org.youguan.kernel.InvalidValueException (400) on a date that is none or an end before the start
	 */
	@GetMapping("/safety/parcel-batches/export.xlsx")
	@PreAuthorize(SafetyAccess.READERS)
	ResponseEntity<byte[]> regionBatchesExport(DataScope scope, ListRequest request,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		FiguresPeriod.Filter period = period(from, to);
		var rows = batches.regionBatches(scope, period.from(), period.to(), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("寄递记录上报批次", scope), spreadsheets.write("上报批次", regionColumns, rows));
	}

	@GetMapping("/safety/parcel-batches/lines")
	@PreAuthorize(SafetyAccess.READERS)
	String regionLines(DataScope scope, @RequestParam long enterprise, @RequestParam String batchId,
			@RequestParam(required = false) String field, ListRequest request, Model model) {
		ParcelBatches.RegionBatch batch = batches.regionBatch(scope, enterprise, batchId);
		return lines(model, enterprise, batch.enterpriseName(), batch.batchId(), batch.accepted(), batch.rejected(),
				batch.startedAt(), field, request, "/safety/parcel-batches");
	}

	@GetMapping("/safety/parcel-batches/lines.xlsx")
	@PreAuthorize(SafetyAccess.READERS)
	ResponseEntity<byte[]> regionExport(DataScope scope, @RequestParam long enterprise,
			@RequestParam String batchId, @RequestParam(required = false) String field,
			ListRequest request) {
		ParcelBatches.RegionBatch batch = batches.regionBatch(scope, enterprise, batchId);
		return export(enterprise, batch.batchId(), field, request);
	}

	/**
	 * The staff list's days received, from and to, either null; refused (400) naming the field when not a day from 2000
	 * to the end of next year ({@link FiguresPeriod#filter}), or when the period runs backwards.
	 */
	private FiguresPeriod.Filter period(String from, String to) {
		return FiguresPeriod.filter(from, to, LocalDate.now(clock));
	}

	/** The rejected lines page of one batch; {@code base} is the batches list it belongs to. */
	private String lines(Model model, long enterprise, String enterpriseName, String batchId, long accepted, long rejected,
			Instant startedAt, String field, ListRequest request, String base) {
		PageQuery query = request.toPage();
		model.addAttribute("batchId", batchId);
		model.addAttribute("accepted", accepted);
		model.addAttribute("rejected", rejected);
		model.addAttribute("startedAt", startedAt);
		model.addAttribute("enterpriseName", enterpriseName);
		model.addAttribute("enterpriseId", enterpriseName == null ? null : enterprise);
		model.addAttribute("field", field);
		model.addAttribute("result", batches.rejectedLines(enterprise, batchId, field, query));
		model.addAttribute("query", query);
		model.addAttribute("base", base);
		return "safety/rejected-lines";
	}

	private ResponseEntity<byte[]> export(long enterprise, String batchId, String field, ListRequest request) {
		var lines = batches.rejectedLines(enterprise, batchId, field, request.toExport()).items();
		return Downloads.xlsx("被拒记录-" + batchId + ".xlsx", spreadsheets.write("被拒记录", LINE_COLUMNS, lines));
	}

	private EnterpriseView enterprise(CurrentUser me) {
		if (me.enterpriseCreditCode() == null) {
			throw new AccessRefusedException("只有企业账号可以查看本企业的寄递记录批次");
		}
		return enterprises.findByCreditCode(me.enterpriseCreditCode())
			.orElseThrow(() -> new AccessRefusedException("账号所属企业未在名录中登记"));
	}
}
