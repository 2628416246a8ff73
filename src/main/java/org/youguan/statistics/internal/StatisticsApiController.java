package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.MonthText;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.statistics.Analysis;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.ReportStatus;
import org.youguan.statistics.Reports;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Statistics for integrations: aggregates of approved data for staff systems (within the caller's region), and report
 * submission for enterprises' systems (token-authenticated, their own enterprise only).
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "行业统计", description = "汇总数据（仅已审核数据，按调用者数据权限）与企业报表报送")
class StatisticsApiController {

	static final String STAFF = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	/** A report as an enterprise system sends it. */
	record ReportSubmission(String form, String period,
			// every value, however long (1e40, 1e-40000000), is judged by the report's service (Validation.decimal, cheap for
			// any exponent), which names the indicator and its column's digits: "快递业务量（同城）超出允许的位数…"
			@JsonDeserialize(contentUsing = NumberText.Judged.class) Map<String, String> values, Map<String, String> notes,
			String comment, Boolean submit) {
	}

	/**
	 * A report as the API reads it: the report's fields as the list gives them, with its values (derived indicators
	 * computed; in each indicator's unit) and notes by indicator code — an indicator without a value is left out.
	 */
	record ReportDetail(@JsonUnwrapped ReportView report, Map<String, BigDecimal> values, Map<String, String> notes) {

		static ReportDetail of(ReportView report, List<ValueLine> lines) {
			Map<String, BigDecimal> values = new LinkedHashMap<>();
			Map<String, String> notes = new LinkedHashMap<>();
			for (ValueLine line : lines) {
				if (line.value() != null) {
					// 60, not 60.0000 (the column's scale) nor 6E+1: the exact digits as a JSON number
					values.put(line.indicator().code(), ReportedValue.plain(line.value()));
				}
				if (line.note() != null) {
					notes.put(line.indicator().code(), line.note());
				}
			}
			return new ReportDetail(report, values, notes);
		}
	}

	record ReportReceipt(long id, String period, int revision, ReportStatus status) {
	}

	private final Analysis analysis;

	private final Indicators indicators;

	private final EnterpriseReporting reporting;

	private final Reports reports;

	private final ReportForms forms;

	StatisticsApiController(Analysis analysis, Indicators indicators, EnterpriseReporting reporting, Reports reports,
			ReportForms forms) {
		this.forms = forms;
		this.analysis = analysis;
		this.indicators = indicators;
		this.reporting = reporting;
		this.reports = reports;
	}

	@GetMapping("/aggregate")
	@PreAuthorize(STAFF)
	@Operation(summary = "指标汇总", description = "indicator：指标代码（如express.volume）；region：行政区划代码（0为全国）；"
			+ "from/to：YYYY-MM，按各统计接口的同一规则检查：from晚于本月返回400（规则future），月份早于2000年或晚于明年返回400"
			+ "（规则range），to早于from返回400（规则after-from）；本月尚未结束，to为本月或更晚时按截至上月计（返回的to为上月），"
			+ "只查本月返回400（规则not-ended）。期间内没有已审核数据时value为null（caveat说明），不是0；region须为县（区）及以上"
			+ "（乡镇返回400，规则county-level）。"
			+ "brand：品牌简称（可选）。growth为同比增长百分比；本期或上年同期数据不完整时不可比，growth为null、complete为false，"
			+ "caveat说明（如“数据不完整：2026年10月已审核52/60家”）。只含已审核数据。")
	AggregateResult aggregate(DataScope scope, @RequestParam String indicator, @RequestParam String region,
			@RequestParam @MonthText String from, @RequestParam @MonthText String to,
			@RequestParam(required = false) String brand) {
		return analysis.aggregate(scope, indicator, region, brand, from, to);
	}

	@GetMapping("/indicators")
	@PreAuthorize(STAFF + " or hasRole('ENTERPRISE')")
	@Operation(summary = "指标目录")
	List<Indicator> indicators() {
		return indicators.all();
	}

	@GetMapping("/reports")
	@PreAuthorize(STAFF + " or hasRole('ENTERPRISE')")
	@Operation(summary = "报表列表", description = "企业只看到本企业的报表，工作人员看到辖区内的（不含企业未提交的草稿）。"
			+ "筛选与报表审核页面相同：form：报表代码（monthly、green-care，不分大小写）；"
			+ "period：报告期，月份2025-11、季度2025-Q4或年度2025（全角数字、小写q同样读取）；不是报告期（2026-13、2026-1、"
			+ "2026-Q5）返回400（period，规则period），年份不在2000年至明年之间返回400（规则range）；status：状态；"
			+ "late=true：只列迟报的（已退回的报表在重新报送前没有按时与否，onTime为null）；每份报表的overdue为true表示逾期未报"
			+ "（未报送的草稿或已退回未重新报送的报表，已过截止日期；更正版本除外）；overdue=true：只列逾期未报的；state：OPEN待办、DONE已办结、ALL全部（默认全部）；"
			+ "deciding=true：只列本局审核的报表（不含下级局办理地区的报表），即待审核队列。")
	PageResult<ReportView> reports(DataScope scope, ListRequest request, @RequestParam(required = false) String form,
			@RequestParam(required = false) String period, @RequestParam(required = false) ReportStatus status,
			@RequestParam(required = false) Boolean late, @RequestParam(required = false) WorkState state,
			@RequestParam(required = false) Boolean deciding, @RequestParam(required = false) Boolean overdue) {
		Long formId = form == null || Text.isBlank(form) ? null : forms.require("form", form).id();
		return reports.list(scope, new Reports.Filter(formId, period, status, late, state == null ? WorkState.ALL : state, overdue),
				request.toPage(), Boolean.TRUE.equals(deciding));
	}

	@GetMapping("/reports/{id}")
	@PreAuthorize(STAFF + " or hasRole('ENTERPRISE')")
	@Operation(summary = "报表详情", description = "提交报表时返回的Location；含values（指标代码→数值，计算指标已算出，精确的JSON数字，不用科学计数法）和notes（指标代码→说明）。企业只看到本企业的报表，工作人员看到辖区内的；否则404。"
			+ "企业读到的是本企业正在填写的数值；工作人员读到的是企业最近一次报送的数值、说明和填报说明：已退回的报表在企业重新报送前不变。")
	ReportDetail report(DataScope scope, @PathVariable long id) {
		return ReportDetail.of(reports.get(scope, id), reports.lines(scope, id));
	}

	@PostMapping("/reports")
	@PreAuthorize("hasRole('ENTERPRISE')")
	@Operation(summary = "企业报送报表", description = "form：报表代码（monthly、green-care）；period：2025-11、2025-Q4；"
			+ "values：指标代码→数值；notes：指标代码→说明（只改所给的指标，草稿中其余数值保留）；submit=false只保存草稿。"
			+ "新建报表返回201，更新已有报表返回200。报表代码不分大小写，未知的报表代码返回400（form）。"
			+ "未知指标代码、系统计算的指标和负数（草稿也一样）返回400；校验不通过返回400，errors逐项列出指标代码和规则；"
			+ "本企业不需报送该报表时返回422。" + ReportedValue.API_RULES)
	ResponseEntity<ReportReceipt> submit(@AuthenticationPrincipal CurrentUser me, @RequestBody ReportSubmission body) {
		EnterpriseReporting.Received received = reporting.receive(me, body.form(), body.period(),
				body.values() == null ? Map.of() : body.values(), body.notes() == null ? Map.of() : body.notes(),
				body.comment(), !Boolean.FALSE.equals(body.submit()));
		long id = received.id();
		ReportView view = reports.get(me.scope(), id);
		ReportReceipt receipt = new ReportReceipt(id, view.period(), view.revision(), view.status());
		return received.created() ? ResponseEntity.created(URI.create("/api/v1/statistics/reports/" + id)).body(receipt)
				: ResponseEntity.ok().location(URI.create("/api/v1/statistics/reports/" + id)).body(receipt);
	}
}
