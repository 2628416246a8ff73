package org.youguan.workplans.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;

/**
 * Work plans for integrations: the import preview of a notice.
 */
@RestController
@RequestMapping("/api/v1/workplans")
@Tag(name = "工作目标任务", description = "工作目标任务分解通知的导入预览")
class WorkPlanApiController {

	/** The media type of a Word file (.docx). */
	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final WorkPlanImport imports;

	WorkPlanApiController(WorkPlanImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/import", consumes = MediaType.TEXT_PLAIN_VALUE)
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')")
	@Operation(summary = "导入预览", description = "请求体为通知全文（text/plain，UTF-8）。返回识别出的标题、年度、重点工作、各部分任务及牵头或分工负责处室、"
			+ "民生实事及其分项、本局没有的处室名称、未能识别的行（含行号）。不保存任何数据。")
	PlanPreview preview(@AuthenticationPrincipal CurrentUser me, @RequestBody(required = false) byte[] body) {
		if (body == null || body.length == 0) {
			throw new InvalidValueException("body", "required", "请求体为空：请以text/plain（UTF-8）提交通知全文");
		}
		// UTF-8 whatever the request's charset says: notices are Chinese text
		try {
			return imports.preview(me, StandardCharsets.UTF_8.newDecoder()
				.decode(ByteBuffer.wrap(body))
				.toString());
		}
		catch (CharacterCodingException ex) {
			throw new InvalidValueException("body", "encoding", "请求体不是UTF-8编码的文本");
		}
	}

	/**
	 * The preview of a notice sent as its Word file, read as the page reads an uploaded one ({@link
	 * NoticeDocument#readFile}: tables of tasks, Word's own numbering); what the file's reading could not place comes
	 * first among the warnings.
	 * @param body the .docx file (at most 5 MB)
	 * @return the preview, nothing saved
	 * @throws InvalidValueException field {@code body}: empty, over 5 MB (413), not a readable Word file
	 */
	@PostMapping(path = "/import", consumes = DOCX)
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')")
	@Operation(summary = "导入预览（Word文件）", description = "请求体为通知的Word文件（.docx，不超过5MB），按页面上传的方式读取（任务表格、自动编号）。"
			+ "返回与text/plain相同的预览，文件中未能按任务读取的内容列在warnings最前。不保存任何数据。")
	PlanPreview previewWord(@AuthenticationPrincipal CurrentUser me, @RequestBody(required = false) byte[] body) {
		if (body == null || body.length == 0) {
			throw new InvalidValueException("body", "required", "请求体为空：请提交通知的Word文件（.docx）");
		}
		if (body.length < 4 || body[0] != 'P' || body[1] != 'K') {
			throw new InvalidValueException("body", "docx", "请求体不是Word文件（.docx）");
		}
		NoticeDocument.Reading notice = NoticeDocument.readFile(body, "body");
		return imports.preview(me, notice.text()).warnFirst(notice.warnings());
	}
}
