package org.youguan.licensing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetCell;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetImport.RowContext;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.licensing.ApplicationKind;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.LicenceApplications;
import org.youguan.licensing.LicenceApplications.CheckedImport;
import org.youguan.licensing.LicenceApplications.ImportedApplication;

/**
 * The .xlsx import of a bureau's past licence applications, on the shape every import shares ({@link SheetImport}:
 * every row checked first, one bad row imports nothing, every bad row reported by row number, column and rule): each
 * row is checked by the check the API runs ({@link LicenceApplications#checkImported}) and recorded through
 * {@link LicenceApplications#importApplication}, all in one transaction. Kinds and decisions may be written in Chinese
 * (新设许可, 变更, 延续, 分支机构; 准予许可, 不予许可, 未决定) or as the API's codes — another value is refused naming
 * both; dates as date cells or text. A row lists every failure of its cells at once (an unreadable date does not hide
 * a missing name), and the template's example row left in the sheet is refused, not imported. One enterprise holds one
 * licence among the file's rows too ({@link OneLicence}): a second new licence in force, or an undecided new application
 * beside a licence in force or another undecided one, is refused on the later row naming the earlier; and one name
 * belongs to one enterprise ({@link OneName}): two applicants of other credit codes under one name are refused likewise.
 */
@Service
public class LicensingImport {

	static final String CREDIT_CODE = "申请人统一社会信用代码";

	static final String NAME = "申请人名称";

	static final String KIND = "申请类型";

	static final String SCOPE = "业务范围";

	static final String RECEIVED = "收到申请日期";

	static final String REVIEWED = "初审日期";

	static final String VERIFIED = "现场核查日期";

	static final String DECISION = "决定";

	static final String DECIDED = "决定日期";

	static final String LICENCE = "许可证编号";

	/** The columns every sheet must have. */
	static final List<String> HEADERS = List.of(CREDIT_CODE, NAME, KIND, SCOPE, RECEIVED, DECISION);

	static final List<String> OPTIONAL = List.of(REVIEWED, VERIFIED, DECIDED, LICENCE);

	static final List<String> TEMPLATE = List.of(CREDIT_CODE, NAME, KIND, SCOPE, RECEIVED, REVIEWED, VERIFIED, DECISION,
			DECIDED, LICENCE);

	/**
	 * The template's example row: a past 新设许可 of the enterprise the directory holds ({@link TemplateExamples}, by its
	 * registered name), decided long enough ago that its licence has run out, so a row copied from it is judged by its
	 * own dates, not refused as a second licence in force beside the one the enterprise holds.
	 */
	static final List<String> EXAMPLE = List.of(TemplateExamples.ENTERPRISE_CREDIT_CODE, TemplateExamples.ENTERPRISE_NAME,
			"新设许可", "省内", "2015-03-05", "2015-03-12", "2015-03-20", "准予许可", "2015-04-10", "快递许可-32-2015-000001");

	static final Map<String, String> COLUMNS = Map.of("applicantCreditCode", CREDIT_CODE, "applicantName", NAME, "kind", KIND,
			"scope", SCOPE, "receivedOn", RECEIVED, "preliminaryReviewedOn", REVIEWED, "onSiteVerifiedOn", VERIFIED,
			"decision", DECISION, "decidedOn", DECIDED, "licenceNumber", LICENCE);

	private static final String KIND_LABELS = String.join("、",
			Arrays.stream(ApplicationKind.values()).map(ApplicationKind::label).toList());

	private static final String KIND_CODES = String.join("、",
			Arrays.stream(ApplicationKind.values()).map(ApplicationKind::name).toList());

	private static final Set<String> DECISIONS = Set.of("APPROVED", "REFUSED", "PENDING");

	private final LicenceApplications applications;

	private final AuditTrail audit;

	LicensingImport(LicenceApplications applications, AuditTrail audit) {
		this.applications = applications;
		this.audit = audit;
	}

	/** The empty template: the columns and one example row. */
	public byte[] template() {
		return template(TemplateExamples.Own.FIXED);
	}

	/**
	 * The template a user downloads ({@code org.OwnExamples}): its example row names the user's own place
	 * ({@link TemplateExamples.Own#row}), refused as the example all the same when left in.
	 */
	public byte[] template(TemplateExamples.Own own) {
		return SheetRows.template("历史许可申请", TEMPLATE, own.row(EXAMPLE));
	}

	/**
	 * Imports the past applications of an .xlsx sheet, all or nothing (a licence number twice in the file is refused
	 * too, and so are two licences in force or pending new applications of one enterprise), audited once with the row
	 * count.
	 * @param clerk who imports: the decisions recorded are those of the clerk's level ({@link LicenceApplications#checkImported})
	 * @param ownRegion the caller's region, where applicants unknown to the registry are placed
	 * @return the imported count, or every bad row and the annotated sheet
	 * @throws InvalidValueException on the field "file" when the file is not an .xlsx with the template's headers
	 */
	@Transactional
	public ImportResult importFile(Clerk clerk, DataScope scope, String ownRegion, String by, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidValueException("file", "required", "请选择要导入的.xlsx文件");
		}
		SheetImport.Twins licences = new SheetImport.Twins();
		OneLicence oneLicence = new OneLicence();
		OneName names = new OneName();
		List<Long> ids = new ArrayList<>();
		ImportResult result = SheetImport.runPrepared(content, HEADERS, OPTIONAL, COLUMNS,
				rows -> (row, context) -> check(clerk, scope, ownRegion, row, context, licences, oneLicence, names),
				valid -> valid.forEach(data -> ids.add(applications.importApplication(clerk, scope, ownRegion, by, data))));
		if (!result.rejected()) {
			audit.record(AuditEntry.of("licensing.import-file", "licence_application", null,
					"批量导入历史许可申请" + ids.size() + "条").states(null, Map.of("applicationIds", ids)));
		}
		return result;
	}

	private ImportedApplication check(Clerk clerk, DataScope scope, String ownRegion, SheetRow row, RowContext context,
			SheetImport.Twins licences, OneLicence oneLicence, OneName names) {
		if (context.refuseExample(row, TEMPLATE, EXAMPLE)) {
			return null;
		}
		// access before fields, as the API's guard: a row naming another region's applicant is told that alone — not
		// which of its other cells are wrong, nor the licences that applicant holds
		if (context.refusedAccess(CREDIT_CODE, () -> applications.refuseOutside(scope, "applicantCreditCode",
				text(row, CREDIT_CODE)))) {
			return null;
		}
		if (row.cell(CREDIT_CODE).kind() == SheetCell.Kind.NUMBER) {
			context.fail(CREDIT_CODE, "text-cell", Wording.of("import.refused.creditCodeAsText", CREDIT_CODE),
					CREDIT_CODE + "应以文本格式填写：按数字保存时Excel只保留15位");
		}
		String kind = kind(text(row, KIND));
		if (kind != null && Arrays.stream(ApplicationKind.values()).noneMatch(k -> k.name().equals(kind))) {
			context.fail(KIND, "one-of", Wording.of("import.refused.oneOf", KIND, List.of(ApplicationKind.values()),
					Arrays.stream(ApplicationKind.values()).map(ApplicationKind::name).toList(), text(row, KIND)), KIND + "应为" + KIND_LABELS + "之一（或其代码" + KIND_CODES + "），不能是“" + text(row, KIND) + "”");
		}
		String decision = decision(text(row, DECISION));
		if (decision != null && !DECISIONS.contains(decision)) {
			context.fail(DECISION, "one-of", Wording.of("import.refused.decisionOneOf", DECISION, text(row, DECISION)), DECISION + "应为准予许可、不予许可、未决定之一（或其代码APPROVED、REFUSED、PENDING），不能是“"
					+ text(row, DECISION) + "”");
		}
		String licenceScope = text(row, SCOPE);
		ImportedApplication data = new ImportedApplication(text(row, CREDIT_CODE), text(row, NAME), kind, licenceScope,
				date(row, context, RECEIVED), date(row, context, REVIEWED), date(row, context, VERIFIED), decision,
				date(row, context, DECIDED), text(row, LICENCE));
		// the row's own checks run even when a cell could not be read, so the row lists every failure at once; a
		// column already refused is not refused again for the empty value it became
		try {
			applications.checkImported(clerk, scope, ownRegion, data);
		}
		catch (DomainException ex) {
			ex.formErrors().forEach(e -> {
				String column = COLUMNS.getOrDefault(e.field(), e.field());
				if (!context.failed(column)) {
					context.fail(column, e.rule(), ex.wording(e),
							e.message().replace("（" + e.field() + "）", ""));
				}
			});
		}
		// a row refused for another reason still counts among the file's rows of its enterprise
		CheckedImport standing = applications.standing(ownRegion, data);
		oneLicence.check(standing, row, context);
		names.check(standing, row, context);
		if (data.licenceNumber() != null) {
			// compared as every identifier is (Text.identifierKey): "AB-2025-1" and "ab 2025 1" are one licence number
			licences.check(Text.identifierKey(Text.identifier(data.licenceNumber())), row, context, LICENCE, "许可证编号");
		}
		return context.hasErrors() ? null : data;
	}

	/**
	 * One enterprise, one licence among the rows of one file (快递业务经营许可管理办法): the first row of each enterprise
	 * with a new licence in force and with an undecided new application; a later row that would make a second is refused
	 * on 申请类型 naming the earlier row (rules {@code licence-held}, {@code open-application}, as against the records).
	 */
	static final class OneLicence {

		private final Map<String, Integer> inForce = new HashMap<>();

		private final Map<String, Integer> pending = new HashMap<>();

		void check(CheckedImport checked, SheetRow row, RowContext context) {
			if (checked == null || !checked.licenceInForce() && !checked.pendingNew()) {
				return;
			}
			String code = checked.creditCode();
			String what = checked.licenceInForce() ? "有效的新设许可（准予许可）" : "未决定的新设许可申请";
			Wording whatWords = Wording.of(checked.licenceInForce() ? "import.refused.what.licenceInForce"
					: "import.refused.what.pendingNew");
			Integer licence = inForce.get(code);
			Integer open = pending.get(code);
			if (context.failed(KIND)) {
				// refused already on 申请类型 (its value, or a licence held in the records)
			}
			else if (licence != null) {
				context.fail(KIND, "licence-held", Wording.of("import.refused.licenceHeldAbove", String.valueOf(licence), whatWords),
						"该企业在第" + licence + "行已有有效的新设许可（准予许可），一个企业只持有一份许可证，不能再导入"
						+ what);
			}
			else if (open != null) {
				context.fail(KIND, checked.licenceInForce() ? "licence-held" : "open-application",
						Wording.of("import.refused.pendingAbove", String.valueOf(open), whatWords), "该企业在第" + open
						+ "行已有未决定的新设许可申请，一个企业只持有一份许可证，不能再导入" + what);
			}
			(checked.licenceInForce() ? inForce : pending).putIfAbsent(code, row.number());
		}
	}

	/**
	 * One name, one enterprise among the rows of one file (企业名称登记管理规定), as against the records
	 * ({@link LicenceApplications#checkImported}): a row whose applicant, not in the registry, would be registered under
	 * the name an earlier row's applicant of another credit code has ({@link CheckedImport#newName}, compared by
	 * {@link Text#enterpriseNameKey}) is refused on 申请人名称 (rule {@code unique}) naming the earlier row.
	 */
	static final class OneName {

		private record First(String creditCode, int row) {
		}

		private final Map<String, First> seen = new HashMap<>();

		void check(CheckedImport checked, SheetRow row, RowContext context) {
			if (checked == null || checked.newName() == null) {
				return;
			}
			First first = seen.putIfAbsent(Text.enterpriseNameKey(checked.newName()), new First(checked.creditCode(), row.number()));
			if (first != null && !first.creditCode().equals(checked.creditCode()) && !context.failed(NAME)) {
				context.fail(NAME, "unique", Wording.of("import.refused.nameAbove", String.valueOf(first.row()), first.creditCode()),
						"申请人名称与第" + first.row() + "行另一统一社会信用代码（" + first.creditCode()
						+ "）的申请人相同：未注销的两家企业不能使用同一名称（企业名称登记管理规定）");
			}
		}
	}

	static String kind(String text) {
		if (text == null) {
			return null;
		}
		for (ApplicationKind k : ApplicationKind.values()) {
			if (k.label().equals(text) || k.name().equalsIgnoreCase(text)) {
				return k.name();
			}
		}
		return switch (text) {
			case "新设", "新办", "设立" -> "NEW";
			case "分支机构备案", "分支机构许可" -> "BRANCH";
			default -> text;
		};
	}

	static String decision(String text) {
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "准予许可", "准予", "通过", "批准" -> "APPROVED";
			case "不予许可", "不予", "不通过" -> "REFUSED";
			case "未决定", "办理中", "待决定" -> "PENDING";
			default -> text.toUpperCase(Locale.ROOT);
		};
	}

	private static String text(SheetRow row, String column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		return Text.blankToNull(value.replace('\u3000', ' '));
	}

	private static String date(SheetRow row, RowContext context, String column) {
		context.reads(column, SheetImport.ValueKind.DATE);
		SheetCell cell = row.cell(column);
		if (cell == null) {
			return null;
		}
		try {
			LocalDate date = cell.asDate(column);
			return date == null ? null : date.toString();
		}
		catch (InvalidValueException ex) {
			context.fail(column, ex);
			return null;
		}
	}
}
