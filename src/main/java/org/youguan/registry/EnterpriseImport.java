package org.youguan.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetRows;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;

/**
 * Bulk registration of enterprises from .xlsx: every row is checked first (format rules, unknown type or brand,
 * duplicates within the file and against the register); one bad row imports nothing and the same sheet comes back
 * with an error column; a good file is registered in one transaction.
 */
@Service
public class EnterpriseImport {

	static final List<String> HEADERS = List.of("企业名称", "统一社会信用代码", "企业类型", "品牌", "法定代表人", "地址", "行政区划代码",
			"联系人", "联系电话");

	static final List<String> EXAMPLE = List.of("苏州示例快递服务有限公司", "91320506MA1ND7K3Q3", "快递企业", "中通", "张三",
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
		return SheetRows.template("企业", HEADERS, EXAMPLE);
	}

	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		List<SheetRow> rows = SheetRows.read(content, HEADERS);
		if (rows.isEmpty()) {
			throw new org.youguan.kernel.InvalidValueException("file", "empty", "文件中没有数据行");
		}
		List<RowErrors> errors = new ArrayList<>();
		List<EnterpriseData> valid = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (SheetRow row : rows) {
			List<FieldError> rowErrors = new ArrayList<>();
			EnterpriseType type = Arrays.stream(EnterpriseType.values())
				.filter(t -> t.label().equals(row.get("企业类型")))
				.findFirst()
				.orElse(null);
			if (type == null) {
				rowErrors.add(new FieldError("企业类型", "dictionary", "企业类型应为邮政企业、快递企业或其他寄递企业"));
			}
			Long brand = null;
			if (row.get("品牌") != null) {
				brand = brands.findByShortName(row.get("品牌")).map(Brands.BrandView::id).orElse(null);
				if (brand == null) {
					rowErrors.add(new FieldError("品牌", "exists", "品牌不存在：" + row.get("品牌")));
				}
			}
			EnterpriseData data = new EnterpriseData(row.get("企业名称"), row.get("统一社会信用代码"), type, brand,
					row.get("法定代表人"), row.get("地址"), row.get("行政区划代码"), row.get("联系人"), row.get("联系电话"));
			try {
				EnterpriseData clean = enterprises.check(scope, data);
				Integer twin = seen.putIfAbsent(clean.creditCode(), row.number());
				if (twin != null) {
					rowErrors.add(new FieldError("统一社会信用代码", "unique", "与第" + twin + "行重复"));
				}
				valid.add(clean);
			}
			catch (DomainException ex) {
				ex.formErrors().stream().map(e -> new FieldError(label(e.field()), e.rule(), e.message())).forEach(rowErrors::add);
			}
			if (!rowErrors.isEmpty()) {
				errors.add(new RowErrors(row.number(), rowErrors));
			}
		}
		if (!errors.isEmpty()) {
			return new ImportResult(0, errors, SheetRows.annotate(content, errors));
		}
		valid.forEach(d -> enterprises.register(scope, d, false));
		audit.record(AuditEntry.of("enterprise.import", "Enterprise", null, "批量导入企业" + valid.size() + "家"));
		return new ImportResult(valid.size(), List.of(), null);
	}

	private static String label(String field) {
		return switch (field) {
			case "legalName" -> "企业名称";
			case "creditCode" -> "统一社会信用代码";
			case "type" -> "企业类型";
			case "brandId" -> "品牌";
			case "legalRepresentative" -> "法定代表人";
			case "address" -> "地址";
			case "regionCode" -> "行政区划代码";
			case "contactName" -> "联系人";
			case "contactPhone" -> "联系电话";
			default -> field;
		};
	}
}
