package org.youguan.registry.internal.enterprises;

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
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;

/**
 * Bulk registration of enterprises from .xlsx: every row is checked first (format rules, unknown type or brand,
 * duplicates within the file and against the register — a credit code, or a name under {@code Text.enterpriseNameKey} that
 * another enterprise not cancelled holds or an earlier row names, an earlier row compared by its cells as typed whatever
 * the row's other failures); one bad row imports nothing and the same sheet comes back
 * with an error column; a good file is registered in one transaction.
 */
@Service
public class EnterpriseImport {

	/** The import template's column headings, in the order the import reads them. */
	public static final List<String> HEADERS = List.of("企业名称", "统一社会信用代码", "企业类型", "品牌", "法定代表人", "地址", "行政区划代码",
			"联系人", "联系电话");

	static final List<String> EXAMPLE = List.of("苏州示例快递服务有限公司", "91320506MA1XB2QK3D", "快递企业", "中通", "张三",
			"江苏省苏州市吴中区示例路1号", "320506", "李四", "0512-65551234");

	private final Enterprises enterprises;

	private final Brands brands;

	private final AuditTrail audit;

	EnterpriseImport(Enterprises enterprises, Brands brands, AuditTrail audit) {
		this.enterprises = enterprises;
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
		return SheetRows.template("企业", HEADERS, own.row(EXAMPLE));
	}

	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		SheetImport.Twins codes = new SheetImport.Twins();
		SheetImport.Twins names = new SheetImport.Twins();
		return SheetImport.run(content, HEADERS, COLUMNS, (row, context) -> {
			if (context.refuseExample(row, HEADERS, EXAMPLE)) {
				return null;
			}
			EnterpriseType type = context.label(row, "企业类型", EnterpriseType.values(), EnterpriseType::label);
			Long brand = null;
			if (row.get("品牌") != null) {
				brand = brands.findByShortName(row.get("品牌")).map(Brands.BrandView::id).orElse(null);
				if (brand == null) {
					context.fail("品牌", "exists", Wording.of("import.invalid.notFound", "品牌", row.get("品牌")), "品牌不存在：" + row.get("品牌"));
				}
			}
			EnterpriseData data = new EnterpriseData(row.get("企业名称"), row.get("统一社会信用代码"), type, brand,
					row.get("法定代表人"), row.get("地址"), row.get("行政区划代码"), row.get("联系人"), row.get("联系电话"));
			EnterpriseData clean = context.checked(() -> enterprises.check(scope, data));
			// the same credit code as an earlier row, by the code as typed (written as the register keeps it), also when
			// the row fails otherwise: every error of every row in one answer
			codes.check(Text.identifierKey(CreditCode.written(row.get("统一社会信用代码"))), row, context, "统一社会信用代码", "统一社会信用代码");
			// two rows naming one enterprise name (企业名称登记管理规定: one name, one enterprise), also when either row
			// fails otherwise: the later row is reported
			String name = row.get("企业名称");
			names.check(Text.isBlank(name) ? null : Text.enterpriseNameKey(name), row, context, "企业名称", "企业名称");
			return clean;
		}, valid -> {
			valid.forEach(d -> enterprises.register(scope, d, false));
			audit.record(AuditEntry.of("enterprise.import", "Enterprise", null, "批量导入企业" + valid.size() + "家"));
		});
	}

	private static final Map<String, String> COLUMNS = Map.of("legalName", "企业名称", "creditCode", "统一社会信用代码", "type",
			"企业类型", "brandId", "品牌", "legalRepresentative", "法定代表人", "address", "地址", "regionCode", "行政区划代码",
			"contactName", "联系人", "contactPhone", "联系电话");
}
