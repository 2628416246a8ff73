package org.youguan.documents;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The same operations as the administrator's page, for integrations: the catalogue with each template's source, one
 * template with its history, uploading a replacement (multipart) and returning to the built-in template. The
 * downloads are served by {@link DocumentTemplateController} under this path too. System administrators only.
 */
@RestController
@PreAuthorize(DocumentTemplateController.ADMINS)
@Tag(name = "文书模板", description = "系统管理员：平台填写的各类文书模板（.docx），上传替换模板或恢复内置模板")
class DocumentTemplateApiController {

	static final String API = "/api/v1/document-templates";

	private final DocumentTemplates templates;

	DocumentTemplateApiController(DocumentTemplates templates) {
		this.templates = templates;
	}

	/** A template as the API shows it: its declaration, whether a replacement is in force and the change in force. */
	record TemplateView(String key, String title, String module, String builtIn, List<String> fields,
			Map<String, List<String>> lists, boolean replaced, DocumentTemplates.Change current, String href) {

		static TemplateView of(DocumentTemplates.Entry e) {
			DocumentTemplate t = e.template();
			return new TemplateView(t.key(), t.title(), t.module(), t.builtIn(), t.fields(), t.lists(), e.replaced(),
					e.current(), API + "/" + t.key() + "/current.docx");
		}
	}

	record Detail(TemplateView template, List<DocumentTemplates.Change> history) {
	}

	record Uploaded(DocumentTemplates.Change change, List<String> missing) {
	}

	record Note(String note) {
	}

	@GetMapping(API)
	@Operation(summary = "文书模板目录", description = "平台填写的每一种文书模板：key（模块/名称）、title、module、builtIn（内置模板位置）、"
			+ "fields（可用字段${name}）、lists（表格行按条目重复的列表：列表名→列，写作${列表名.列}）、replaced（是否已替换）、"
			+ "current（生效的变更：changedBy、changedAt、fileName、sha256、note）、href（下载生效的模板）。")
	List<TemplateView> list() {
		return templates.entries().stream().map(TemplateView::of).toList();
	}

	@GetMapping(API + DocumentTemplateController.ONE)
	@Operation(summary = "文书模板及其历史", description = "history：历次替换和恢复，最新的在前（第一条为生效的变更）；"
			+ "替换过的文件可从 " + API + "/{module}/{name}/versions/{id}.docx 下载，内置模板从 …/built-in.docx 下载。")
	Detail show(@PathVariable String module, @PathVariable String name) {
		String key = module + "/" + name;
		return new Detail(TemplateView.of(templates.entry(key)), templates.history(key));
	}

	@PostMapping(path = API + DocumentTemplateController.ONE, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传替换模板", description = "multipart：file（Word文档.docx，不含宏、未加密、不引用外部文件）、note（说明，可选）。"
			+ "模板中的字段须是该文书可填写的字段且位于正文、表格或页眉页脚中，否则400并指明字段；超过大小上限413。"
			+ "成功为201：change（存入的变更）、missing（该文书可用而模板未使用的字段，仅提示）。此后制作的该类文书按新模板填写。")
	ResponseEntity<Uploaded> replace(@PathVariable String module, @PathVariable String name,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String note, Authentication auth) throws IOException {
		String key = module + "/" + name;
		DocumentTemplates.Upload upload = templates.replace(key, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getBytes(), note, auth.getName());
		return ResponseEntity.created(URI.create(API + "/" + key)).body(new Uploaded(upload.change(), upload.missing()));
	}

	@PostMapping(API + DocumentTemplateController.ONE + "/revert")
	@Operation(summary = "恢复内置模板", description = "note：说明（可选）。替换过的模板保留在历史中；未替换时409。")
	DocumentTemplates.Change revert(@PathVariable String module, @PathVariable String name,
			@RequestBody(required = false) Note body, Authentication auth) {
		return templates.revert(module + "/" + name, body == null ? null : body.note(), auth.getName());
	}
}
