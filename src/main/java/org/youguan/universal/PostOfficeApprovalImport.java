package org.youguan.universal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * The .xlsx import of a bureau's past post-office closure/relocation approvals with their real dates, on the shape
 * every import shares ({@link SheetImport}): every row is checked by the check the API's single import runs
 * ({@link PostOfficeApprovals#checkImported}); one bad row imports nothing and every bad row is listed by row number,
 * column and rule; a good file is saved in one transaction, each approval audited, the import audited once. Kinds and
 * decisions may be written in Chinese (撤销, 搬迁; 批准, 不予批准) or as the API's codes; dates as date cells or text.
 * The optional 决定文号 keeps the decision's real number: refused when an approval of the post office's city has it
 * already, or an earlier row of the sheet (the same city) gives it too. A row that is the same decision as an earlier
 * row or as an approval already stored — the same post office, kind and decision day ({@link PostOfficeApprovals#duplicates}),
 * with or without a 文号 — is refused under 决定日期 naming it, so importing a sheet twice counts nothing twice; a row
 * repeating an earlier row (its 文号 or its decision) is told so beside its other failures, by its cells as typed. A row
 * whose post office has an application undecided, or was closed by the decision's day (or, for an approved closure,
 * has a decision after it), is refused under 营业场所设施编号 as the single import refuses it. A row names its post office
 * by its name as the lists show it (营业场所名称, unique among the post offices the caller may read) or by its
 * 设施编号 (which wins when both are given, and tells apart two of one name). Only the deciding
 * bureau's 局领导 imports (the decisions recorded are that bureau's, as one taken here is:
 * {@link PostOfficeApprovals#requireImporter}), asked before the file is read. No
 * document is generated for a past approval.
 */
@Service
public class PostOfficeApprovalImport {

	static final String FACILITY = "营业场所设施编号";

	/** The post office by the name its lists show, the way a clerk knows it; the 设施编号 when two share a name. */
	static final String OFFICE = "营业场所名称";

	static final String KIND = "申请事项";

	static final String REASON = "撤销或搬迁理由";

	static final String ADDRESS = "搬迁后地址";

	static final String RECEIVED = "收到申请日期";

	static final String CHECKED = "现场核查日期";

	static final String DECISION = "决定";

	static final String DECIDED = "决定日期";

	static final String ANNOUNCED = "公告日期";

	static final String CHANNEL = "公告方式";

	static final String NUMBER = "决定文号";

	/**
	 * The columns of a sheet naming its post offices by 设施编号 (the API's {@code facilityId}), first, then the columns
	 * every sheet must have ({@link #REQUIRED}).
	 */
	public static final List<String> HEADERS = List.of(FACILITY, KIND, REASON, RECEIVED, DECISION, DECIDED);

	/** The columns every sheet must have: the post office is named by {@link #OFFICE} or {@link #FACILITY}. */
	static final List<String> REQUIRED = HEADERS.subList(1, HEADERS.size());

	/** The optional columns; a row names its post office by one of the first two ({@link #OFFICE}, {@link #FACILITY}). */
	static final List<String> OPTIONAL = List.of(OFFICE, FACILITY, ADDRESS, CHECKED, ANNOUNCED, CHANNEL, NUMBER);

	/** The service's field names → the sheet's columns, so a failing check is reported under its column. */
	static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("facilityId", FACILITY), Map.entry("kind", KIND),
			Map.entry("reason", REASON), Map.entry("newAddress", ADDRESS), Map.entry("receivedOn", RECEIVED),
			Map.entry("checkedOn", CHECKED), Map.entry("decision", DECISION), Map.entry("decidedOn", DECIDED),
			Map.entry("announcedOn", ANNOUNCED), Map.entry("noticeChannel", CHANNEL), Map.entry("decisionNumber", NUMBER));

	/** The template's columns: the post office first (by name, else by number), then the required and the optional. */
	private static final List<String> TEMPLATE_COLUMNS = Stream.of(List.of(OFFICE, FACILITY), REQUIRED,
			OPTIONAL.subList(2, OPTIONAL.size())).flatMap(List::stream).toList();

	/**
	 * The template's example row ({@link #TEMPLATE_COLUMNS}): refused when left in a sheet. It names the post office as a
	 * clerk knows it, by the name of one the demo holds ({@link TemplateExamples#POST_OFFICE}), never by a database number
	 * that names another facility, or none, in every installation.
	 */
	static final List<String> EXAMPLE = List.of(TemplateExamples.POST_OFFICE, "", "撤销", "所在村已整体拆迁，服务由相邻支局承担",
			"2025-03-03", "批准", "2025-03-25", "", "2025-03-14", "2025-04-01", "区政府网站及原营业场所张贴公告", TemplateExamples.documentNumber("营业场所审批", 2025));

	private final PostOfficeApprovals approvals;

	private final PostOffices postOffices;

	private final AuditTrail audit;

	PostOfficeApprovalImport(PostOfficeApprovals approvals, PostOffices postOffices, AuditTrail audit) {
		this.approvals = approvals;
		this.postOffices = postOffices;
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
		return SheetRows.template("历史营业场所撤销搬迁审批", TEMPLATE_COLUMNS, own.row(EXAMPLE));
	}

	/**
	 * Imports the past approvals of an .xlsx sheet, all or nothing.
	 * @param scope staff: post offices of their region
	 * @return the count saved, or every bad row and the annotated sheet
	 * @throws org.youguan.kernel.AccessRefusedException (403) for anyone but the deciding bureau's head, before the file
	 *         is read ({@link PostOfficeApprovals#requireImporter}; a national scope row by row)
	 * @throws InvalidValueException on the field "file" when the file is not an .xlsx, too large, without the headers
	 *         or without data rows
	 */
	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		approvals.requireImporter(scope);
		if (content == null || content.length == 0) {
			throw new InvalidValueException("file", "required", "请选择要导入的.xlsx文件");
		}
		List<PostOfficeApprovals.CheckedImport> valid = new ArrayList<>();
		SheetImport.Twins numbers = new SheetImport.Twins();
		SheetImport.Twins decisions = new SheetImport.Twins();
		// the decisions already stored in the caller's region, read once
		PastImport.Duplicates<PostOfficeApprovals.CheckedImport> duplicates = approvals.duplicates(scope);
		// the post offices the caller may read by name, read once
		Map<String, List<Long>> offices = postOffices.idsByName(scope);
		ImportResult result = SheetImport.<PostOfficeApprovals.CheckedImport>runPrepared(content, REQUIRED, OPTIONAL, COLUMNS,
				rows -> (row, context) -> {
					if (context.refuseExample(row, TEMPLATE_COLUMNS, EXAMPLE)) {
						return null;
					}
					Long facility = facility(row, context, offices);
					if (facility == null && context.failed(OFFICE)) {
						// a post office not found by its name: the row's other cells are not judged for it
						return null;
					}
					String received = date(row, context, RECEIVED);
					String checked = date(row, context, CHECKED);
					String decided = date(row, context, DECIDED);
					String announced = date(row, context, ANNOUNCED);
					PostOfficeApprovals.ImportedApproval data = new PostOfficeApprovals.ImportedApproval(
							facility, row.get(KIND), row.get(REASON), row.get(ADDRESS),
							received, checked, row.get(DECISION), decided, announced, row.get(CHANNEL), row.get(NUMBER));
					PostOfficeApprovals.CheckedImport checkedRow = context.checked(() -> approvals.checkImported(scope, data));
					// the twins by the row's keys, as typed when the check refused the row: a row refused for something
					// else is told too that it repeats an earlier row (every error of every row in one answer)
					PostOfficeApprovals.TypedKeys keys = checkedRow != null
							? new PostOfficeApprovals.TypedKeys(checkedRow.key(), checkedRow.numberKey())
							: approvals.typedKeys(scope, data);
					// the same 文号 twice in the sheet (the same city): the later row is refused naming the earlier
					numbers.check(keys.number(), row, context, NUMBER, "决定文号");
					// the same decision (post office, kind, day) as an earlier row or a stored approval
					duplicates.check(keys.decision(), checkedRow, decisions, row, context, DECIDED);
					return checkedRow;
				}, valid::addAll);
		if (!result.rejected()) {
			List<Long> ids = valid.stream().map(c -> approvals.save(c, false)).toList();
			audit.record(AuditEntry.of("post-office.approval.import-file", "PostOfficeApproval", null,
					"批量导入历史营业场所撤销、搬迁审批" + ids.size() + "条").states(null, Map.of("approvalIds", ids)));
		}
		return result;
	}

	/**
	 * The row's post office: by its 设施编号 when given, else by its name among the post offices the caller may read.
	 * @return its id, or null when the row names none (told under 营业场所设施编号), a name no post office or several
	 *         have (told under 营业场所名称), or a number that is no whole number
	 */
	private static Long facility(SheetRow row, SheetImport.RowContext context, Map<String, List<Long>> offices) {
		Long id = context.id(row, FACILITY);
		if (id != null || context.failed(FACILITY)) {
			return id;
		}
		String name = Text.strip(row.get(OFFICE));
		if (name == null || name.isEmpty()) {
			context.fail(FACILITY, "required", Wording.of("universal.approval.import.officeRequired", OFFICE, FACILITY),
					"请填写" + OFFICE + "或" + FACILITY);
			return null;
		}
		List<Long> ids = offices.getOrDefault(name, List.of());
		if (ids.size() == 1) {
			return ids.get(0);
		}
		if (ids.isEmpty()) {
			context.fail(OFFICE, "exists", Wording.of("universal.approval.import.officeUnknown", OFFICE, name),
					OFFICE + "“" + name + "”不是您辖区内登记的邮政普遍服务营业场所：请按营业场所列表中的名称填写");
		}
		else {
			context.fail(OFFICE, "ambiguous", Wording.of("universal.approval.import.officeAmbiguous", OFFICE, name,
					String.valueOf(ids.size()), FACILITY), "您辖区内有" + ids.size() + "个名为“" + name + "”的营业场所：请另填写"
							+ FACILITY);
		}
		return null;
	}

	/** A date column as YYYY-MM-DD for the service's check; null when blank or unreadable (then reported). */
	private static String date(SheetRow row, SheetImport.RowContext context, String column) {
		LocalDate date = context.date(row, column);
		return date == null ? null : date.toString();
	}
}
