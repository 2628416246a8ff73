package org.youguan.registry.internal.licences;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.SheetImport;
import org.youguan.documents.ImportResult;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetRows;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.Licences;

/**
 * Bulk recording of express licences from .xlsx (a bureau's existing licence book): holder in scope, number pattern
 * and uniqueness in the file and the register, dates; one bad row records nothing.
 */
@Service
public class LicenceImport {

	/** The import template's column headings, in the order the import reads them. */
	public static final List<String> HEADERS = List.of("许可证编号", "统一社会信用代码", "业务范围", "发证机关", "发证日期", "有效期至");

	static final List<String> EXAMPLE = List.of("苏邮000999", "91320506MA1XB2QK3D", "省内", "江苏省邮政管理局", "2024-03-01", "");

	private static final Map<String, String> COLUMNS = Map.of("creditCode", "统一社会信用代码", "number", "许可证编号", "scope",
			"业务范围", "issuingBureauName", "发证机关", "issuedOn", "发证日期", "expiresOn", "有效期至");

	private final Licences licences;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	LicenceImport(Licences licences, Enterprises enterprises, AuditTrail audit) {
		this.licences = licences;
		this.enterprises = enterprises;
		this.audit = audit;
	}

	public byte[] template() {
		return SheetRows.template("许可证", HEADERS, EXAMPLE);
	}

	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		SheetImport.Twins numbers = new SheetImport.Twins();
		return SheetImport.run(content, HEADERS, COLUMNS, (row, context) -> {
			if (context.refuseExample(row, HEADERS, EXAMPLE)) {
				return null;
			}
			Long holder = context.checked(() -> enterprises.idInScope(scope, row.get("统一社会信用代码"), "creditCode"));
			LicenceScope licenceScope = context.label(row, "业务范围", LicenceScope.values(), LicenceScope::label);
			var issuedOn = context.date(row, "发证日期");
			var expiresOn = context.date(row, "有效期至");
			LicenceData data = new LicenceData(holder == null ? 0 : holder, row.get("许可证编号"), licenceScope,
					row.get("发证机关"), Licences.issuingRegion(row.get("发证机关"), scope.regionPrefix()), issuedOn, expiresOn);
			// the licence rules run even without the holder, so every bad cell of the row is reported at once (an
			// unreadable cell reaches them as blank and is not told twice: SheetImport.RowContext#checked)
			LicenceData clean = context.checked(() -> holder == null ? licences.checkFields(data) : licences.check(scope, data, null));
			if (holder == null) {
				return null;
			}
			if (clean != null) {
				numbers.check(clean.number(), row, context, "许可证编号", "许可证编号");
			}
			return clean;
		}, valid -> {
			valid.forEach(d -> licences.record(scope, d, false));
			audit.record(AuditEntry.of("licence.import", "ExpressLicence", null, "批量导入许可证" + valid.size() + "份"));
		});
	}
}
