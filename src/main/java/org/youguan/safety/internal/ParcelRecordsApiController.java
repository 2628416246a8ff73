package org.youguan.safety.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

/**
 * The enterprises' parcel-record API (快递暂行条例(2025) art.23; 邮件快件实名收寄管理办法): the upload of a batch of
 * records (NDJSON or CSV, gzip allowed, idempotent by batch id) and the list of the enterprise's batches and their
 * rejected lines. Only an enterprise account may call it, and only for its own enterprise (the token's).
 */
@RestController
@RequestMapping("/api/v1/safety")
@Tag(name = "安全监管")
@PreAuthorize("hasRole('ENTERPRISE')")
class ParcelRecordsApiController {

	static final String NDJSON = "application/x-ndjson";

	private final ParcelIngest ingest;

	private final ParcelBatches batches;

	private final Enterprises enterprises;

	ParcelRecordsApiController(ParcelIngest ingest, ParcelBatches batches, Enterprises enterprises) {
		this.ingest = ingest;
		this.batches = batches;
		this.enterprises = enterprises;
	}

	@PostMapping(path = "/parcel-records", consumes = { NDJSON, "application/jsonl", "application/ndjson", "text/csv",
			"application/csv" })
	@Operation(summary = "上报寄递实名记录", description = "请求体为NDJSON（application/x-ndjson，每行一个JSON对象）或CSV（text/csv，"
			+ "首行为列名，列名同字段名；表头中有不认识的列名或同一列名两次时整批拒收，400 rule csv-unknown-column或csv-duplicate-column，说明哪些列），UTF-8编码（UTF-16、UTF-32，或Content-Type声明其他charset如GBK，为400 rule encoding），可gzip压缩（Content-Encoding: gzip或gzip数据，"
			+ "多个gzip成员依次相连可以，其后的多余字节为400 rule gzip-trailing；其他Content-Encoding为415；其他压缩格式为400 rule wrong-kind）。"
			+ "batchId（查询参数，缺省时取X-Batch-Id请求头，"
			+ "1–64位字母、数字、.、_、-，区分大小写；只传一次，传两次为400 rule repeated；与请求头同时传时须相同，否则400 rule为header-differs）"
			+ "使上报幂等：同一企业重复的批次返回首次的答复，不重复计数。答复{batchId, accepted, rejected, "
			+ "errors:[{line, field, rule, message}], errorsTruncated}：rule为规则代码（与rejected-lines相同），message为中文原因；一行违反多条规则时每条各列一项（行号相同）；"
			+ "NDJSON记录中不认识的字段使该行被拒收（field为该字段名，rule为unknown-field），重复的字段为duplicate-key；行号从1起（CSV不计表头行），最多列出1000条错误，"
			+ "全部被拒行可在rejected-lines中按批次查询。收件地区（recipientRegion）为县级代码，或810000（香港）、820000（澳门）、"
			+ "710000（台湾）、999999（境外）；运单号不分大小写（按大写记录）；screened为true时须填写screeningMachineSerial"
			+ "（委托第三方安检的网点除外）。批次解压后超过youguan.safety.max-batch-bytes（默认1GB）或超过max-batch-lines"
			+ "（默认2000000行）时整批拒收（413，rule为batch-bytes或batch-lines），可拆分后以同一批次号重新上报。"
			+ "字段与规则见README“Safety — parcel records”。")
	ResponseEntity<ParcelBatchAnswer> upload(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(required = false) String batchId,
			@RequestHeader(name = "X-Batch-Id", required = false) String batchHeader, HttpServletRequest request)
			throws IOException {
		EnterpriseView enterprise = enterprise(me);
		once(request.getParameterValues("batchId"), "batchId", "查询参数batchId");
		once(Collections.list(request.getHeaders("X-Batch-Id")).toArray(String[]::new), "X-Batch-Id", "请求头X-Batch-Id");
		contentEncoding(request);
		boolean fromHeader = batchId == null || Text.isBlank(batchId);
		// two different ids for one upload: which is meant cannot be told (attack round 9: the parameter won silently)
		if (!fromHeader && batchHeader != null && !Text.isBlank(batchHeader) && !batchHeader.strip().equals(batchId.strip())) {
			throw new InvalidValueException("batchId", "header-differs", "批次号与X-Batch-Id请求头不一致：只传其一，或两者相同");
		}
		String id;
		try {
			id = ParcelIngest.batchId(fromHeader ? batchHeader : batchId);
		}
		catch (InvalidValueException ex) {
			// the error names what the caller sent: the header when the id came in it
			throw fromHeader && batchHeader != null ? ex.renamed("batchId", "X-Batch-Id") : ex;
		}
		// the batch id stays free when the body is declared in another charset: refused before it is read
		DeclaredCharset.requireUtf8(request.getContentType(), "该批次未记录");
		ParcelIngest.Format format = format(request.getContentType());
		try (InputStream body = request.getInputStream()) {
			ParcelIngest.Outcome outcome = ingest.ingest(enterprise, id, format, body);
			return ResponseEntity.ok()
				.header("X-Batch-Replayed", Boolean.toString(outcome.replayed()))
				.body(outcome.answer());
		}
	}

	@GetMapping("/parcel-batches")
	@Operation(summary = "本企业的寄递记录批次", description = "最新的在前；q为完整批次号。")
	PageResult<ParcelBatches.Batch> batches(@AuthenticationPrincipal CurrentUser me, ListRequest list) {
		return batches.batches(enterprise(me).id(), list.toPage());
	}

	@GetMapping("/rejected-lines")
	@Operation(summary = "本企业的被拒记录", description = "batchId按批次筛选（本企业没有的批次号列出空表），field按字段筛选；"
			+ "按行号排列。content为该行的字段（不含寄件人证件号码）。")
	PageResult<ParcelBatches.RejectedLine> rejectedLines(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(required = false) String batchId, @RequestParam(required = false) String field, ListRequest list) {
		return batches.rejectedLines(enterprise(me).id(), batchId, field, list.toPage());
	}

	private EnterpriseView enterprise(CurrentUser me) {
		if (me.enterpriseCreditCode() == null) {
			throw new AccessRefusedException("只有企业账号可以上报寄递记录");
		}
		return enterprises.findByCreditCode(me.enterpriseCreditCode())
			.orElseThrow(() -> new AccessRefusedException("账号所属企业未在名录中登记，不能上报寄递记录"));
	}

	/**
	 * Refuses a batch id sent twice (field as sent, rule {@code repeated}): two values were joined by a comma and
	 * answered as a malformed id, and which of them was meant cannot be told — even when both are the same.
	 */
	private static void once(String[] values, String field, String what) {
		if (values != null && values.length > 1) {
			throw new InvalidValueException(field, "repeated", "批次号重复：" + what + "传了" + values.length + "次，应只传一次");
		}
	}

	/**
	 * Refuses a body coded in another way than the ingest undoes: 415, field {@code Content-Encoding}, rule
	 * {@code encoding}, before the body is read. Taken: none, {@code identity}, {@code gzip} (also {@code x-gzip}), once;
	 * {@code deflate}, {@code br}, {@code zstd}, {@code compress} or a coding listed twice were ignored and the compressed
	 * bytes read as lines of text.
	 */
	static void contentEncoding(HttpServletRequest request) {
		List<String> codings = new ArrayList<>();
		for (String header : Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))) {
			for (String coding : header.split(",")) {
				if (!Text.isBlank(coding)) {
					codings.add(Text.strip(coding).toLowerCase(Locale.ROOT));
				}
			}
		}
		// identity is no coding at all, however often it is listed (List.remove took out only the first)
		codings.removeIf("identity"::equals);
		boolean gzip = codings.size() == 1 && (codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"));
		if (!codings.isEmpty() && !gzip) {
			String message = "不支持的内容编码（Content-Encoding）：" + Text.excerpt(Text.printable(String.join(", ", codings)), 60)
					+ "，只接受gzip（或不压缩）：请用gzip压缩后上报，该批次未记录";
			throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message,
					List.of(new FieldError(HttpHeaders.CONTENT_ENCODING, "encoding", message)));
		}
	}

	/**
	 * NDJSON or CSV by the Content-Type. The mapping's {@code consumes} admits only these five types; any other is
	 * answered 415 ({@code Content-Type}, rule {@code media-type}, with the types taken) before the body is read.
	 */
	static ParcelIngest.Format format(String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
		return type.endsWith("csv") ? ParcelIngest.Format.CSV : ParcelIngest.Format.NDJSON;
	}
}
