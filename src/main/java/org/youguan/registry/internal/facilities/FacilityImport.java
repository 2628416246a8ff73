package org.youguan.registry.internal.facilities;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.SheetImport;
import org.youguan.kernel.Validation;
import org.youguan.documents.ImportResult;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.kernel.Text;

/**
 * Bulk registration of facilities of every kind from one .xlsx: the 设施类型 column says which, and the kind's own
 * fields (格口数, 设备序列号, 服务内容) are required where the kind carries them. Same-named facilities at one address and
 * repeated serial numbers are duplicates, in the file and against the register; a row repeating an earlier row of
 * the file is told so by its cells as typed, beside its other failures (every error of every row in one answer).
 */
@Service
public class FacilityImport {

	/** The import template's column headings, in the order the import reads them. */
	public static final List<String> HEADERS = List.of("设施类型", "名称", "所属企业统一社会信用代码", "行政区划代码", "地址", "格口数", "设备序列号",
			"服务内容", "启用日期");

	static final List<String> EXAMPLE = List.of("智能快件箱", "示例小区1号柜", TemplateExamples.ENTERPRISE_CREDIT_CODE,
			TemplateExamples.STREET,
			"江苏省苏州市吴中区示例路5号", "60", "", "", "2025-06-01");

	private static final Map<String, String> COLUMNS = Map.of("enterpriseId", "所属企业统一社会信用代码", "kind", "设施类型", "name",
			"名称", "regionCode", "行政区划代码", "address", "地址", "compartments", "格口数", "serialNumber", "设备序列号",
			"services", "服务内容", "commissionedOn", "启用日期");

	private final Facilities facilities;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	FacilityImport(Facilities facilities, Enterprises enterprises, AuditTrail audit) {
		this.facilities = facilities;
		this.enterprises = enterprises;
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
		return SheetRows.template("设施", HEADERS, own.row(EXAMPLE));
	}

	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		SheetImport.Twins places = new SheetImport.Twins();
		SheetImport.Twins serials = new SheetImport.Twins();
		return SheetImport.run(content, HEADERS, COLUMNS, (row, context) -> {
			if (context.refuseExample(row, HEADERS, EXAMPLE)) {
				return null;
			}
			FacilityKind kind = context.label(row, "设施类型", FacilityKind.values(), FacilityKind::label);
			Long owner = context.checked(() -> enterprises.idInScope(scope, row.get("所属企业统一社会信用代码"), "enterpriseId"));
			Integer compartments = context.integer(row, "格口数", 1, 10_000); // Facilities.check: 1 至 10000
			var since = context.date(row, "启用日期", Facilities.EARLIEST_COMMISSIONED, Validation.LATEST_RECORD);
			FacilityData data = new FacilityData(kind, row.get("名称"), owner == null ? 0 : owner, row.get("行政区划代码"),
					row.get("地址"), compartments, row.get("设备序列号"), row.get("服务内容"), since);
			// the facility rules run even without the kind or the owner, so every bad cell of the row is reported at once
			// (an unreadable cell reaches them as blank and is not told twice: SheetImport.RowContext#checked)
			FacilityData clean = context.checked(() -> owner == null ? facilities.checkFields(scope, data) : facilities.check(scope, data));
			// the twins by the cells as typed (folded as the register compares them), also for a row refused for
			// something else: every error of every row in one answer
			String name = row.get("名称");
			String address = row.get("地址");
			places.check(kind == null || name == null || address == null ? null
					: kind + "|" + Text.textKey(name) + "|" + Text.folded(address), row, context, "名称", "同址同名设施");
			String serial = row.get("设备序列号");
			if (kind != null && kind.hasSerialNumber() && serial != null) {
				serials.check(Text.identifierKey(Text.identifier(serial)), row, context, "设备序列号", "设备序列号");
			}
			// a twin already registered is refused by the facility rules themselves (Facilities: rule unique on 名称)
			if (kind == null || owner == null || clean == null) {
				return null;
			}
			return clean;
		}, valid -> {
			valid.forEach(d -> facilities.register(scope, d, false));
			audit.record(AuditEntry.of("facility.import", "Facility", null, "批量导入设施" + valid.size() + "处"));
		});
	}
}
