package org.youguan.registry.internal.brands;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.SheetImport;
import org.youguan.documents.ImportResult;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Text;
import org.youguan.registry.Brands;

/**
 * Bulk addition of brands (national dictionary, system administrators only): names unique in the file and the list,
 * the headquarters enterprise known when given.
 */
@Service
public class BrandImport {

	/** The import template's column headings, in the order the import reads them. */
	public static final List<String> HEADERS = List.of("品牌名称", "简称", "总部企业统一社会信用代码");

	static final List<String> EXAMPLE = List.of("示例速递", "示例", "");

	private static final Map<String, String> COLUMNS = Map.of("name", "品牌名称", "shortName", "简称", "hqCreditCode",
			"总部企业统一社会信用代码");

	private final Brands brands;

	private final AuditTrail audit;

	BrandImport(Brands brands, AuditTrail audit) {
		this.brands = brands;
		this.audit = audit;
	}

	public byte[] template() {
		return template(TemplateExamples.Own.FIXED);
	}

	/**
	 * The template a user downloads ({@code org.OwnExamples}): its example row names the user's own place
	 * ({@link TemplateExamples.Own#row}), refused as the example all the same when left in.
	 */
	public byte[] template(TemplateExamples.Own own) {
		return SheetRows.template("品牌", HEADERS, own.row(EXAMPLE));
	}

	/** Brands are national; the page lets only system administrators here (the scope does not narrow them). */
	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		SheetImport.Twins names = new SheetImport.Twins();
		SheetImport.Twins shortNames = new SheetImport.Twins();
		return SheetImport.run(content, HEADERS, COLUMNS, (row, context) -> {
			if (context.refuseExample(row, HEADERS, EXAMPLE)) {
				return null;
			}
			var data = new Brands.BrandData(row.get("品牌名称"), row.get("简称"), row.get("总部企业统一社会信用代码"));
			// twins compared as the register compares brand names (Text.textKey: "顺 丰" and "顺·丰" are 顺丰)
			names.check(Text.textKey(row.get("品牌名称")), row, context, "品牌名称", "品牌名称");
			shortNames.check(Text.textKey(row.get("简称")), row, context, "简称", "简称");
			context.checked(() -> brands.check(data, null));
			return data;
		}, valid -> {
			valid.forEach(d -> brands.create(d, false));
			audit.record(AuditEntry.of("brand.import", "Brand", null, "批量导入品牌" + valid.size() + "个").installationWide());
		});
	}
}
