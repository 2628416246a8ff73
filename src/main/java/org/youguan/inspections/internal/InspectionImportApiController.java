package org.youguan.inspections.internal;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.ImportPages;
import org.youguan.inspections.InspectionImport;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;

/**
 * The .xlsx import of past inspections for a bureau's systems: the same import as the page ({@link InspectionImport}).
 */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "执法检查")
class InspectionImportApiController {

	private final InspectionImport imports;

	InspectionImportApiController(InspectionImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/records/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(InspectionApiController.WRITERS)
	@Operation(summary = "导入历史检查记录（.xlsx）", description = "file：按导入模板（页面“导入历史检查记录”可下载）填写的工作簿。"
			+ "每行与POST /api/v1/inspections/records同样校验；任何一行有误则全部不导入，答复422，fieldErrors逐行列出"
			+ "（field为“第N行·列名”）；文件不是.xlsx、超过20MB或缺少表头为400（field为file）；全部正确为201。")
	ResponseEntity<ImportPages.Imported> importFile(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return ImportPages.api(file, content -> imports.importFile(scope, me.bureauId(), content));
	}
}
