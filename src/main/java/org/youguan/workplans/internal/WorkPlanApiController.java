package org.youguan.workplans.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.youguan.documents.OfficeFiles;
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

	/**
	 * The preview of a notice, nothing saved: its text ({@code text/plain}, read as UTF-8 whatever the declared
	 * charset) or its Word file (told by its content: a .docx declared as text/plain is read as Word too) ({@value #DOCX}, read as the page reads an uploaded one — {@link
	 * NoticeDocument#readFile}: tables of tasks, Word's own numbering — with what the file's reading could not place
	 * first among the warnings). One handler for both types: a request without a body or type reaches it, not an
	 * ambiguity.
	 * @param body the text or the .docx file (at most 5 MB)
	 * @throws InvalidValueException field {@code body}: empty, another kind of file whatever the declared type (a PDF,
	 * an image, an .xlsx, an old .doc, an encrypted Office file: rule {@code wrong-kind} or {@code encrypted} naming it,
	 * {@link OfficeFiles#requireNoOtherKind}), not UTF-8 text, no Word file although declared one, over 5 MB (413), an
	 * unreadable Word file
	 */
	@PostMapping(path = "/import", consumes = { MediaType.TEXT_PLAIN_VALUE, DOCX })
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')")
	@Operation(summary = "导入预览", description = "请求体为通知全文（text/plain，UTF-8），或通知的Word文件（" + DOCX
			+ "，不超过5MB，按页面上传的方式读取任务表格和自动编号）。返回识别出的标题、年度、重点工作、各部分任务及牵头或分工负责处室、"
			+ "完成时限、民生实事及其分项、本局没有的处室名称、未能识别的行（含行号）。不保存任何数据。")
	PlanPreview preview(@AuthenticationPrincipal CurrentUser me,
			HttpServletRequest request, @RequestBody(required = false) byte[] body) {
		// the type as routed here: one of the two this handler consumes, or none
		String type = request.getContentType();
		boolean word = type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.parseMediaType(DOCX));
		if (body == null || body.length == 0) {
			throw new InvalidValueException("body", "required",
					word ? "请求体为空：请提交通知的Word文件（.docx）" : "请求体为空：请以text/plain（UTF-8）提交通知全文");
		}
		// a PDF, an image, a sheet, an old .doc — also one sent as text/plain — is named as what it is, never previewed as text
		OfficeFiles.requireNoOtherKind(body, "body", word ? "Word文件（.docx）" : "文本文件（.txt）或Word文件（.docx）");
		boolean zip = body.length >= 4 && body[0] == 'P' && body[1] == 'K';
		if (word && !zip) {
			throw new InvalidValueException("body", "docx", "请求体不是Word文件（.docx）");
		}
		// past the kind check a zip is a Word file: read as one whatever type it was declared as (text/plain too)
		if (zip) {
			NoticeDocument.Reading notice = NoticeDocument.readFile(body, "body");
			return notice.warnFirst(imports.preview(me, notice.text()));
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
}
