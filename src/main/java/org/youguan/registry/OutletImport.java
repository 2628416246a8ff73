package org.youguan.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.SheetCell;
import org.youguan.documents.SheetImport;
import org.youguan.documents.ImportResult;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetRows;
import org.youguan.kernel.DataScope;

/**
 * Bulk registration of terminal outlets from .xlsx (a bureau's existing list): every row is checked first — operator in
 * scope, dictionary values, the outlet rules, duplicates in the file and in the register, filing numbers unique — and
 * one bad row imports nothing. Rows with a 备案编号 are recorded as filed under that number, the others as pending.
 */
@Service
public class OutletImport {

	static final List<String> HEADERS = List.of("网点名称", "运营企业统一社会信用代码", "合作方式", "地址", "行政区划代码", "经度", "纬度",
			"负责人", "负责人身份证号", "负责人电话", "存储场地面积", "通信设施", "货架", "视频监控", "品牌标识", "开办日期", "备案编号");

	static final List<String> EXAMPLE = List.of("菜鸟驿站（示例店）", "91320506MA1XB2QK3D", "加盟", "江苏省苏州市吴中区示例路2号",
			"320506001", "120.61", "31.26", "王五", "11010519491231002X", "13812345678", "30", "是", "是", "是", "是", "2026-01-15",
			"");

	private final Outlets outlets;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	OutletImport(Outlets outlets, Enterprises enterprises, AuditTrail audit) {
		this.outlets = outlets;
		this.enterprises = enterprises;
		this.audit = audit;
	}

	public byte[] template() {
		return SheetRows.template("末端网点", HEADERS, EXAMPLE);
	}

	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		Map<String, String> cooperation = new HashMap<>();
		outlets.cooperationTypes().forEach(t -> cooperation.put(t.label(), t.code()));
		SheetImport.Twins places = new SheetImport.Twins();
		SheetImport.Twins numbers = new SheetImport.Twins();
		return SheetImport.run(content, HEADERS, COLUMNS, (row, context) -> {
			Long operator = context.checked(() -> enterprises.idInScope(scope, row.get("运营企业统一社会信用代码"), "enterpriseId"));
			String coop = cooperation.get(row.get("合作方式"));
			if (coop == null) {
				context.fail("合作方式", "dictionary", "合作方式应为" + String.join("、", cooperation.keySet()));
			}
			OutletData data = new OutletData(row.get("网点名称"), operator == null ? 0 : operator, null, coop, row.get("地址"),
					row.get("行政区划代码"), context.decimal(row, "经度"), context.decimal(row, "纬度"), row.get("负责人"),
					row.get("负责人身份证号"), row.get("负责人电话"), context.decimal(row, "存储场地面积"),
					context.yes(row, "通信设施"), context.yes(row, "货架"), context.yes(row, "视频监控"),
					context.yes(row, "品牌标识"), context.date(row, "开办日期"));
			if (row.cell("负责人身份证号").kind() == SheetCell.Kind.NUMBER) {
				// Excel keeps 15 digits of a number: an 18-digit ID typed as one has already lost its last three
				context.fail("负责人身份证号", "text-cell", "负责人身份证号应以文本格式填写：按数字保存时Excel只保留15位，后3位已变成0");
			}
			if (operator == null || coop == null) {
				return null;
			}
			OutletData clean = context.checked(() -> outlets.check(scope, data));
			if (clean != null) {
				places.check(clean.name() + "|" + clean.address(), row, context, "网点名称", "同名同址网点");
				if (outlets.exists(clean.name(), clean.address())) {
					context.fail("网点名称", "unique", "该地址已有同名网点");
				}
				numbers.check(row.get("备案编号"), row, context, "备案编号", "备案编号");
			}
			return clean == null ? null : Map.entry(clean, row.get("备案编号") == null ? "" : row.get("备案编号"));
		}, valid -> {
			for (var entry : valid) {
				long id = outlets.register(scope, entry.getKey(), false);
				if (!entry.getValue().isEmpty()) {
					outlets.recordFiled(scope, id, entry.getValue());
				}
			}
			audit.record(AuditEntry.of("outlet.import", "TerminalOutlet", null, "批量导入末端网点" + valid.size() + "个"));
		});
	}

	/** Service field names as the sheet's columns. */
	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("name", "网点名称"),
			Map.entry("enterpriseId", "运营企业统一社会信用代码"), Map.entry("cooperation", "合作方式"),
			Map.entry("address", "地址"), Map.entry("regionCode", "行政区划代码"), Map.entry("longitude", "经度"),
			Map.entry("latitude", "纬度"), Map.entry("managerName", "负责人"), Map.entry("managerIdNumber", "负责人身份证号"),
			Map.entry("managerPhone", "负责人电话"), Map.entry("storageArea", "存储场地面积"), Map.entry("openedOn", "开办日期"));
}
