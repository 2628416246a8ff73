package org.youguan.complaints.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintTracking;
import org.youguan.complaints.FilerRole;
import org.youguan.kernel.DecimalText;
import org.youguan.kernel.NumberText;

/**
 * The public complaint API: filing without an account (rate-limited per client like every public path) and the
 * status with number and query code.
 */
@RestController
@RequestMapping("/api/v1/public/complaints")
@Tag(name = "公众申诉", description = "提交申诉、凭申诉编号和查询码查询进度（无需登录）")
class PublicComplaintApiController {

	/**
	 * The filing as JSON; brand by its registry short name, category by its Chinese name; the amount claimed (元) as a
	 * JSON number or as text typed on a form (8000, "8,000.00": thousands grouped as every money field takes them,
	 * {@link DecimalText}).
	 */
	public record Filing(String filerName, String phone, FilerRole filerRole, String region, String brand, String enterprise,
			String waybillNumber, LocalDate postedOn, Prior priorComplaint, String category, String reason,
			@JsonDeserialize(using = DecimalText.class) @NumberText.Digits(label = "索赔金额", integer = ComplaintIntake.AMOUNT_INTEGER,
					fraction = ComplaintIntake.AMOUNT_FRACTION) BigDecimal amountClaimed, String description) {

		public ComplaintForm form() {
			return new ComplaintForm(filerName, phone, filerRole, region, brand, enterprise, waybillNumber, postedOn,
					priorComplaint == null ? null : priorComplaint.date(), priorComplaint == null ? null : priorComplaint.channel(),
					priorComplaint == null ? null : priorComplaint.companyAnswer(), category, reason, amountClaimed, description);
		}
	}

	public record Prior(LocalDate date, String channel, String companyAnswer) {
	}

	/** The staff intake's answer: the suspected duplicate by its number, for the handler ({@code duplicateOf}). */
	public record Receipt(String number, String queryCode, String duplicateOf) {
	}

	/**
	 * The public filer's answer. A suspected duplicate is only said to exist ({@code possibleDuplicate}), never named: its
	 * number with the phone of the filer complained of (known to anyone who knows the waybill) would open that filer's
	 * status page.
	 */
	public record PublicReceipt(String number, String queryCode, boolean possibleDuplicate) {
	}

	private final ComplaintIntake intake;

	private final ComplaintTracking tracking;

	PublicComplaintApiController(ComplaintIntake intake, ComplaintTracking tracking) {
		this.intake = intake;
		this.tracking = tracking;
	}

	@PostMapping
	@Operation(summary = "提交申诉", description = "返回申诉编号和查询码（查询码只显示这一次）。字段有误或不符合受理前提的（向企业投诉未满规则目录complaint.prior-complaint-wait的期限且未获答复、"
			+ "超过申诉时效（规则目录complaint.filing-window）、没有被申诉品牌）返回400，errors列出字段和规则（如precondition、time-barred）；"
			+ "phone为手机号或带区号的固定电话（统一存为13800138000、0512-65551234形式）；同一电话、运单号和类别的重复申诉会被标注"
			+ "（possibleDuplicate为true，不返回其他申诉的编号）。同一电话号码或同一访问地址当日提交的申诉达到规则目录complaint.filings-per-phone、"
			+ "complaint.filings-per-address的上限时返回429（rule为daily-limit）。")
	ResponseEntity<PublicReceipt> file(@RequestBody Filing filing, HttpServletRequest request) {
		ComplaintIntake.Filed filed = intake.filePublic(filing.form(), request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/public/complaints/" + filed.number()))
			.body(new PublicReceipt(filed.number(), filed.queryCode(), filed.duplicateOf() != null));
	}

	@GetMapping("/{number}")
	@Operation(summary = "查询申诉进度", description = "凭申诉编号和查询码（不接受电话号码：网址会被记录）；编号或查询码不正确时返回404；同一申诉编号（不论该编号是否存在）每小时查询失败达到规则目录complaint.lookup-failures的次数后（不论从哪个地址查询），再次查询失败返回429（rule为lookup-limit），正确的查询码仍照常返回进度；同一访问地址每小时查询失败达到complaint.lookup-failures-per-address的次数后，该地址的任何查询都返回429。不含任何个人信息（处理记录中的身份证号、手机号和固定电话均已脱敏）。")
	ComplaintTracking.PublicStatus status(@PathVariable String number, @RequestParam(required = false) String queryCode,
			HttpServletRequest request) {
		// an empty query code is told as such (400) by the tracking, not looked up as a wrong one and counted
		return tracking.publicStatusByCode(number, queryCode, request.getRemoteAddr());
	}
}
