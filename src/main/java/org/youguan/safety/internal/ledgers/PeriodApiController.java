package org.youguan.safety.internal.ledgers;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;

/**
 * The 寄递安保期 API: staff declare periods and read the summary; an enterprise token files its daily reports for the
 * periods covering it and reads its own.
 */
@RestController
@RequestMapping("/api/v1/safety/periods")
@Tag(name = "安全监管")
class PeriodApiController {

	private final SecurityPeriods periods;

	PeriodApiController(SecurityPeriods periods) {
		this.periods = periods;
	}

	@GetMapping
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "寄递安保期", description = "调用者可见的安保期（辖区内的及覆盖辖区的；企业：覆盖本企业所在地的），active=true只列今天在期内的。")
	PageResult<PeriodView> list(DataScope scope, ListRequest list, @RequestParam(required = false) Boolean active) {
		return periods.list(scope, Boolean.TRUE.equals(active), list.toPage());
	}

	@PostMapping
	@PreAuthorize(LedgerAccess.WRITERS)
	@Operation(summary = "设立寄递安保期", description = "name、region（省、市或县级区划代码，须在辖区内）、startsOn（不早于今天前"
			+ "safety.period.start-lookback日、不晚于今天后safety.period.start-lead日）、endsOn（期长不超过safety.period.max-length日）、"
			+ "fullScreening（100%过机）、dailyReporting（每日报送）、otherRules（其他要求）。")
	ResponseEntity<Created> create(DataScope scope, @RequestBody PeriodData data) {
		if (data == null) {
			throw new InvalidValueException("name", "required", "请提交安保期信息");
		}
		long id = periods.create(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/safety/periods/" + id)).body(new Created(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "寄递安保期", description = "调用者可见的一个安保期（同列表：名称、其他要求、撤销原因中的身份证号码、手机号码遮盖）；不可见时404。")
	PeriodView get(DataScope scope, @PathVariable long id) {
		// its free text masked as the list and the period's page show it (PeriodView#masked)
		return periods.get(scope, id).masked();
	}

	/** The reason a period is cancelled. */
	record Cancellation(String reason) {
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize(LedgerAccess.WRITERS)
	@Operation(summary = "撤销寄递安保期", description = "reason（撤销原因，必填）。撤销后不再要求报送日报、不再接受日报，原记录保留；"
			+ "只能撤销辖区内设立的安保期；已撤销的再次撤销为409。")
	ResponseEntity<Void> cancel(DataScope scope, @PathVariable long id, @RequestBody(required = false) Cancellation data) {
		periods.cancel(scope, id, data == null ? null : data.reason());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/summary")
	@PreAuthorize(LedgerAccess.READERS)
	@Operation(summary = "安保期日报汇总", description = "每日：已报送/应报送企业数（登记为正常的辖区企业）、收寄量、过机安检量、过机率、未报送企业；"
			+ "安保期设立之前的日子不要求报送：required为false，应报送（expected）为0，无未报送企业。")
	List<PeriodDay> summary(DataScope scope, @PathVariable long id) {
		return periods.summary(scope, id);
	}

	@GetMapping("/{id}/reports")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "安保期日报", description = "该安保期的日报（企业：本企业的）。")
	PageResult<PeriodReportView> reports(DataScope scope, @PathVariable long id, ListRequest list) {
		return periods.reports(scope, id, list.toPage());
	}

	@PostMapping("/{id}/reports")
	@PreAuthorize(LedgerAccess.ENTERPRISE)
	@Operation(summary = "报送安保期日报", description = "企业令牌：day（期内且不晚于今天）、parcels（收寄量）、"
			+ "screened（过机安检量，不大于收寄量）、issues（发现问题；100%过机要求下过机量少于收寄量时必填）。"
			+ "首次报送答复204；同日再报为更新：答复200 {day, updated: true, message}，message写明“已更新”及原报数值，"
			+ "原数值记入操作日志和日报的修改记录。某日日报应在规则目录“寄递安保期日报报送时限”（默认自该日0时起36小时，即次日12时）前报送："
			+ "逾时首次报送仍予接收，记为迟报，答复200 {day, late: true, message}；逾时修改已报的日报答复409，原报数值不变。")
	ResponseEntity<SecurityPeriods.Reported> report(DataScope scope, @PathVariable long id,
			@RequestBody PeriodReportData data) {
		if (data == null) {
			throw new InvalidValueException("day", "required", "请提交日报");
		}
		SecurityPeriods.Reported done = periods.report(scope, id, data);
		// the first report as before (204); a second one of the day says it replaced the first, a late one that it is 迟报
		return done.updated() || done.late() ? ResponseEntity.ok(done) : ResponseEntity.noContent().build();
	}
}
