package org.youguan.registry.internal.licences;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;

import org.youguan.documents.SheetImport;
import org.youguan.documents.ImportResult;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.Licences;
import org.youguan.registry.OneLicence;
import org.youguan.registry.Registrar;

/**
 * Bulk recording of express licences from .xlsx (a bureau's existing licence book), for the licences' issuing authority
 * only (邮政法(2015) art.53; the page refuses a city or county bureau with 403): each row meets the rules of the form
 * ({@link Licences#check}: holder in scope, number pattern and uniqueness, dates, the scope one the importer issues, the
 * issuer its authority, at most the statutory term, no second licence in force of the holder) and, within the file, no
 * number twice and no two licences in force of one holder ({@link OneLicence}), compared by the cells as typed so a row
 * refused for something else is told these too; one bad row records nothing.
 */
@Service
public class LicenceImport {

	/** The import template's column headings, in the order the import reads them. */
	public static final List<String> HEADERS = List.of("许可证编号", "统一社会信用代码", "业务范围", "发证机关", "发证日期", "有效期至");

	/**
	 * The template's example row: a past licence of the licence book, run out, of the enterprise the directory holds
	 * ({@link TemplateExamples}), so a row copied from it is judged by its own dates, not refused as a second licence in
	 * force beside the one the enterprise holds.
	 */
	static final List<String> EXAMPLE = List.of("苏邮000999", TemplateExamples.ENTERPRISE_CREDIT_CODE, "省内", "江苏省邮政管理局",
			"2015-03-01", "2020-02-28");

	private static final Map<String, String> COLUMNS = Map.of("creditCode", "统一社会信用代码", "number", "许可证编号", "scope",
			"业务范围", "issuingBureauName", "发证机关", "issuedOn", "发证日期", "expiresOn", "有效期至");

	private final Licences licences;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	private final Clock clock;

	LicenceImport(Licences licences, Enterprises enterprises, AuditTrail audit, Clock clock) {
		this.licences = licences;
		this.enterprises = enterprises;
		this.audit = audit;
		this.clock = clock;
	}

	public byte[] template() {
		return template(TemplateExamples.Own.FIXED);
	}

	/**
	 * The template a user downloads ({@code org.OwnExamples}): its example row names the user's own place
	 * ({@link TemplateExamples.Own#row}), refused as the example all the same when left in.
	 */
	public byte[] template(TemplateExamples.Own own) {
		return SheetRows.template("许可证", HEADERS, own.row(EXAMPLE));
	}

	/**
	 * Imports the licence book in {@code content} as {@code by}, who must register licences of some scope
	 * ({@link Licences#requireRecorder}); every row is recorded as {@link Licences#record} would.
	 * @throws org.youguan.kernel.AccessRefusedException (403) for a city or county bureau
	 */
	@Transactional
	public ImportResult importFile(DataScope scope, Registrar by, byte[] content) {
		Licences.requireRecorder(by);
		SheetImport.Twins numbers = new SheetImport.Twins();
		LocalDate today = LocalDate.now(clock);
		Map<Long, Integer> inForce = new HashMap<>();
		return SheetImport.run(content, HEADERS, COLUMNS, (row, context) -> {
			if (context.refuseExample(row, HEADERS, EXAMPLE)) {
				return null;
			}
			Long holder = context.checked(() -> enterprises.idInScope(scope, row.get("统一社会信用代码"), "creditCode"));
			LicenceScope licenceScope = context.label(row, "业务范围", LicenceScope.values(), LicenceScope::label);
			var issuedOn = context.date(row, "发证日期");
			var expiresOn = context.date(row, "有效期至");
			// the issuing region is derived from the scope and the holder (Licences#check), never the importer's
			LicenceData data = new LicenceData(holder == null ? 0 : holder, row.get("许可证编号"), licenceScope,
					row.get("发证机关"), null, issuedOn, expiresOn);
			// the licence rules run even without the holder, so every bad cell of the row is reported at once (an
			// unreadable cell reaches them as blank and is not told twice: SheetImport.RowContext#checked)
			LicenceData clean = context.checked(() -> holder == null ? licences.checkFields(data) : licences.check(scope, by, data));
			// the twins by the cells as typed (the number compared as the register compares it, look-alikes folded), also
			// for a row refused for something else: every error of every row in one answer
			String number = row.get("许可证编号");
			numbers.check(number == null ? null : Text.identifierKey(Text.identifier(number)), row, context, "许可证编号", "许可证编号");
			// in force until the day the check made (the statutory term when the cell is blank), else the day typed
			LocalDate until = clean != null ? clean.expiresOn() : expiresOn;
			Integer earlier = holder == null || until == null || until.isBefore(today) ? null
					: inForce.putIfAbsent(holder, row.number());
			if (earlier != null) {
				context.fail("统一社会信用代码", OneLicence.RULE, Wording.of("import.refused.licenceInForceAbove", String.valueOf(earlier)), "该企业在第" + earlier + "行已有一份有效的许可证，" + OneLicence.STATED
						+ "：不能再登记一份有效的许可证");
			}
			return holder == null ? null : clean;
		}, valid -> {
			valid.forEach(d -> licences.record(scope, by, d, false));
			audit.record(AuditEntry.of("licence.import", "ExpressLicence", null, "批量导入许可证" + valid.size() + "份"));
		});
	}
}
