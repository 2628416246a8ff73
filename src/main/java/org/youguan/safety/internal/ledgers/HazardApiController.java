package org.youguan.safety.internal.ledgers;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.Attachment;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageResult;
import org.youguan.org.CurrentUser;

/**
 * The 隐患 ledger's API: staff read their region's hazards, record and close them; an enterprise token reads and
 * reports its own (source 企业自查) and adds rectification evidence. Bad input is 400/422 naming the field, another
 * region's or enterprise's hazard 404, an enterprise closing one 403.
 */
@RestController
@RequestMapping("/api/v1/safety/hazards")
@Tag(name = "安全监管")
class HazardApiController {

	private final Hazards hazards;

	HazardApiController(Hazards hazards) {
		this.hazards = hazards;
	}

	/** A hazard with its evidence files and every rectification submitted, oldest first. */
	record Detail(HazardView hazard, List<Attachment> evidence, List<Submissions.Submission> rectifications) {
	}

	@GetMapping
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "隐患台账", description = "数据权限内的隐患（企业用户：本企业的）；level为GENERAL（一般隐患）或MAJOR（重大隐患），"
			+ "status为OPEN（未销号）、CLOSED（已销号）、OVERDUE（逾期未整改）、DUE_SOON（3个工作日内到期），region按区划筛选；"
			+ "q搜索企业、网点、描述、发现人；sort为found_on、deadline、enterprise、level、closed_on；"
			+ "handling=true只列本局办理的隐患（本局登记的，及无登记单位的本局所辖区域的；待办所计的即这些）。")
	PageResult<HazardView> list(@AuthenticationPrincipal CurrentUser me, ListRequest list,
			@RequestParam(required = false) String level, @RequestParam(required = false) String status,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean handling) {
		return hazards.list(me, HazardFilters.of(level, status, region), list.toPage(), handling);
	}

	@GetMapping("/{id}")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "隐患", description = "隐患及其整改佐证材料（发现人、描述、整改情况、销号意见中的身份证号码、手机号码同列表遮盖）；rectifications为历次提交的整改情况（note整改情况、fileNames随附材料、"
			+ "submittedAt提交时间、submittedBy提交人，按提交先后）；不在数据权限内时404。")
	Detail get(DataScope scope, @PathVariable long id) {
		// its free text masked as the list, the export and the hazard's page show it (HazardView#masked)
		return new Detail(hazards.get(scope, id).masked(), hazards.evidence(id), hazards.rectifications(scope, id));
	}

	@PostMapping
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	@Operation(summary = "登记隐患", description = "enterpriseCreditCode（工作人员填写辖区内企业；企业用户为本企业）、outletId、facilityId"
			+ "（可空，须为该企业的网点、设施）、foundOn（不晚于今天）、foundBy、source（INSPECTION、SELF_CHECK、REPORT；企业用户为SELF_CHECK）、"
			+ "description、level（GENERAL、MAJOR）、deadline（可空：按规则目录中该等级的整改期限自发现之日起计算工作日；填写的须为今天或以后的工作日）、"
			+ "backFilled（历史补录：true时为过去发现的隐患，按当时的整改期限登记，deadline可早于今天，仍须为工作日且不早于发现日期；修改时保持登记时的标记）。")
	ResponseEntity<Created> report(DataScope scope, @RequestBody HazardData data) {
		if (data == null) {
			throw new InvalidValueException("description", "required", "请提交隐患信息");
		}
		long id = hazards.report(scope, data, false);
		return ResponseEntity.created(URI.create("/api/v1/safety/hazards/" + id)).body(new Created(id));
	}

	@PostMapping(path = "/{id}/rectification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	@Operation(summary = "提交整改情况", description = "multipart：rectification（整改情况）和/或files（整改佐证材料，JPEG、PNG或PDF）。")
	Detail rectify(DataScope scope, @PathVariable long id, @RequestParam(required = false) String rectification,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
		hazards.rectify(scope, id, rectification, UploadedFile.of(files));
		return get(scope, id);
	}

	@PostMapping(path = "/{id}/close", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(LedgerAccess.WRITERS)
	@Operation(summary = "隐患销号", description = "multipart：closedOn（不早于发现日期、不晚于今天）、closureNote（销号意见）、files"
			+ "（整改佐证材料；已有材料时可不再上传，否则必传）。企业用户403。")
	Detail close(DataScope scope, @PathVariable long id, @RequestParam(required = false) String closedOn,
			@RequestParam(required = false) String closureNote,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
		hazards.close(scope, id, closedOn, closureNote, UploadedFile.of(files));
		return get(scope, id);
	}
}
