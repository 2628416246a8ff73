package org.youguan.enforcement.internal;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageSteps;

/**
 * The outcome of 行政复议 or 行政诉讼 against a penalty decision, or the bureau's own correction
 * ({@link DecisionOutcomes}, 行政处罚法(2021) art.48): recorded by the handling bureau's head through the API
 * ({@code /api/v1/enforcement/cases/{id}/remedy-outcomes}, multipart with the optional scan) and from the case page's
 * form; listed for staff of the case's region.
 */
@Controller
@Tag(name = "行政处罚", description = "处罚决定的行政复议、行政诉讼结果与自行纠正")
class DecisionOutcomeController {

	private final DecisionOutcomes outcomes;

	DecisionOutcomeController(DecisionOutcomes outcomes) {
		this.outcomes = outcomes;
	}

	@GetMapping("/api/v1/enforcement/cases/{id}/remedy-outcomes")
	@ResponseBody
	@PreAuthorize(EnforcementApiController.READERS)
	@Operation(summary = "处罚决定的复议、诉讼结果与自行纠正", description = "按作出日期排列；withdrawalDueOn：应撤回公示的最后一日（[[PENALTY_PUBLICATION]]）。")
	List<DecisionOutcomes.Recorded> list(DataScope scope, @PathVariable long id) {
		return outcomes.outcomes(scope, id);
	}

	@PostMapping(path = "/api/v1/enforcement/cases/{id}/remedy-outcomes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@PreAuthorize(EnforcementApiController.HEADS)
	@Operation(summary = "登记复议、诉讼结果或自行纠正（局领导）", description = "multipart：kind（REVIEW行政复议、LITIGATION行政诉讼、"
			+ "SELF_CORRECTION自行纠正）、body（作出机关）、documentNumber（复议决定书、判决书等文号）、decidedOn（不早于处罚决定、不晚于今日）、"
			+ "result（UPHELD维持、CHANGED变更、REVOKED撤销、ILLEGAL确认违法、INVALID确认无效）、reason、file（扫描件，可选）；"
			+ "变更的须填penalty、fine、confiscated（按原违法条款的幅度，不得重于原决定，规则heavier），并重新制作行政处罚决定书（保留原版本）。"
			+ "撤销、确认无效的处罚决定不再执行（不再催缴罚款、不计加处罚款，统计不计为处罚）；已公示的决定被变更、撤销或确认违法、无效的，"
			+ "应在作出之日起规则目录penalty.publication-withdrawal规定的期限内撤回公示（withdrawalDueOn为其最后一日，[[PENALTY_PUBLICATION]]）。须由办案机关本局负责人登记"
			+ "（422 head not-handling-bureau-head）；处罚决定已被撤销或确认无效后再登记返回409（result decision-annulled）。")
	ResponseEntity<DecisionOutcomes.Recorded> record(DataScope scope, @PathVariable long id,
			@ModelAttribute DecisionOutcomes.Outcome outcome,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return ResponseEntity.status(HttpStatus.CREATED).body(outcomes.record(scope, id, outcome, UploadedFile.of(file)));
	}

	@PostMapping("/enforcement/cases/{id:\\d+}/remedy-outcome")
	@PageForm("remedy-outcome-form")
	@PreAuthorize(EnforcementApiController.HEADS)
	String recordOnPage(DataScope scope, @PathVariable long id, @ModelAttribute DecisionOutcomes.Outcome outcome,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		UploadedFile scan = UploadedFile.of(file);
		return PageSteps.run(redirect, "/enforcement/cases/" + id + "#remedy-outcomes", "已登记复议、诉讼结果或自行纠正",
				() -> outcomes.record(scope, id, outcome, scan));
	}
}
