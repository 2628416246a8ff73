package org.youguan.registry;

import java.util.ArrayList;
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
import org.youguan.kernel.Validation;

/**
 * Bulk registration of terminal outlets from .xlsx (a bureau's existing list): every row is checked first — operator in
 * scope, dictionary values, the outlet rules, duplicates in the file and in the register, filing numbers unique — and
 * one bad row imports nothing. Rows with a 备案编号 are recorded as filed under that number, the others as pending.
 */
@Service
public class OutletImport {

	static final List<String> HEADERS = List.of("网点名称", "运营企业统一社会信用代码", "合作方式", "地址", "行政区划代码", "经度", "纬度",
			"负责人", "负责人身份证号", "负责人电话", "存储场地面积", "通信设施", "货架", "视频监控", "品牌标识", "开办日期", "备案编号");

	static final List<String> EXAMPLE = List.of("菜鸟驿站（示例店）", "91320506MA1ND7K3Q3", "加盟", "江苏省苏州市吴中区示例路2号",
			"320506001", "120.61", "31.26", "王五", "110105194912310021", "13812345678", "30", "是", "是", "是", "是", "2026-01-15",
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
		List<SheetRow> rows = SheetRows.read(content, HEADERS);
		if (rows.isEmpty()) {
			throw new org.youguan.kernel.InvalidValueException("file", "empty", "文件中没有数据行");
		}
		Map<String, String> cooperation = new HashMap<>();
		outlets.cooperationTypes().forEach(t -> cooperation.put(t.label(), t.code()));
		List<RowErrors> errors = new ArrayList<>();
		List<Map.Entry<OutletData, String>> valid = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Integer> numbers = new HashMap<>();
		for (SheetRow row : rows) {
			Validation v = new Validation();
			Long operator = enterprises.findByCreditCode(String.valueOf(row.get("运营企业统一社会信用代码")).toUpperCase())
				.filter(e -> scope.containsRegion(e.regionCode()))
				.map(EnterpriseView::id)
				.orElse(null);
			v.require("运营企业统一社会信用代码", operator != null, "exists", "辖区内没有该统一社会信用代码的企业");
			String coop = cooperation.get(row.get("合作方式"));
			v.require("合作方式", coop != null, "dictionary", "合作方式应为" + String.join("、", cooperation.keySet()));
			OutletData data = new OutletData(row.get("网点名称"), operator == null ? 0 : operator, null, coop, row.get("地址"),
					row.get("行政区划代码"), v.decimal("经度", "经度", row.get("经度")), v.decimal("纬度", "纬度", row.get("纬度")),
					row.get("负责人"), row.get("负责人身份证号"), row.get("负责人电话"),
					v.decimal("存储场地面积", "存储场地面积", row.get("存储场地面积")), yes(v, row, "通信设施"), yes(v, row, "货架"),
					yes(v, row, "视频监控"), yes(v, row, "品牌标识"), v.date("开办日期", "开办日期", row.get("开办日期")));
			List<FieldError> rowErrors = new ArrayList<>(v.errors());
			if (operator != null && coop != null) {
				try {
					OutletData clean = outlets.check(scope, data);
					String key = clean.name() + "|" + clean.address();
					Integer twin = seen.putIfAbsent(key, row.number());
					if (twin != null) {
						rowErrors.add(new FieldError("网点名称", "unique", "与第" + twin + "行同名同址"));
					}
					else if (outlets.exists(clean.name(), clean.address())) {
						rowErrors.add(new FieldError("网点名称", "unique", "该地址已有同名网点"));
					}
					String number = row.get("备案编号");
					if (number != null && numbers.putIfAbsent(number, row.number()) != null) {
						rowErrors.add(new FieldError("备案编号", "unique", "与第" + numbers.get(number) + "行重复"));
					}
					valid.add(Map.entry(clean, number == null ? "" : number));
				}
				catch (DomainException ex) {
					rowErrors.addAll(ex.formErrors());
				}
			}
			if (!rowErrors.isEmpty()) {
				errors.add(new RowErrors(row.number(), rowErrors));
			}
		}
		if (!errors.isEmpty()) {
			return new ImportResult(0, errors, SheetRows.annotate(content, errors));
		}
		for (var entry : valid) {
			long id = outlets.register(scope, entry.getKey(), false);
			if (!entry.getValue().isEmpty()) {
				outlets.recordFiled(scope, id, entry.getValue());
			}
		}
		audit.record(AuditEntry.of("outlet.import", "TerminalOutlet", null, "批量导入末端网点" + valid.size() + "个"));
		return new ImportResult(valid.size(), List.of(), null);
	}

	private static boolean yes(Validation v, SheetRow row, String header) {
		String value = row.get(header);
		v.require(header, "是".equals(value) || "否".equals(value), "yes-no", header + "应填“是”或“否”");
		return "是".equals(value);
	}
}
