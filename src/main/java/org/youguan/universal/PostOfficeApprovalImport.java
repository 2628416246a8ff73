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
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;

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
 * has a decision after it), is refused under 营业场所设施编号 as the single import refuses it. Only the deciding
 * bureau's 局领导 imports (the decisions recorded are that bureau's, as one taken here is:
 * {@link PostOfficeApprovals#requireImporter}), asked before the file is read. No
 * document is generated for a past approval.
 */
@Service
public class PostOfficeApprovalImport {

	static final String FACILITY = "营业场所设施编号";

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

	/** The columns every sheet must have. */
	public static final List<String> HEADERS = List.of(FACILITY, KIND, REASON, RECEIVED, DECISION, DECIDED);

	static final List<String> OPTIONAL = List.of(ADDRESS, CHECKED, ANNOUNCED, CHANNEL, NUMBER);

	/** The service's field names → the sheet's columns, so a failing check is reported under its column. */
	static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("facilityId", FACILITY), Map.entry("kind", KIND),
			Map.entry("reason", REASON), Map.entry("newAddress", ADDRESS), Map.entry("receivedOn", RECEIVED),
			Map.entry("checkedOn", CHECKED), Map.entry("decision", DECISION), Map.entry("decidedOn", DECIDED),
			Map.entry("announcedOn", ANNOUNCED), Map.entry("noticeChannel", CHANNEL), Map.entry("decisionNumber", NUMBER));

	private static final List<String> TEMPLATE_COLUMNS = Stream.concat(HEADERS.stream(), OPTIONAL.stream()).toList();

	/** The template's example row: refused when left in a sheet. */
	static final List<String> EXAMPLE = List.of("1", "撤销", "所在村已整体拆迁，服务由相邻支局承担", "2025-03-03", "批准",
			"2025-03-25", "", "2025-03-14", "2025-04-01", "区政府网站及原营业场所张贴公告", "吴邮管〔2025〕3号");

	private final PostOfficeApprovals approvals;

	private final AuditTrail audit;

	PostOfficeApprovalImport(PostOfficeApprovals approvals, AuditTrail audit) {
		this.approvals = approvals;
		this.audit = audit;
	}

	/** The empty template: the columns and one example row. */
	public byte[] template() {
		return SheetRows.template("历史营业场所撤销搬迁审批", TEMPLATE_COLUMNS, EXAMPLE);
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
		ImportResult result = SheetImport.<PostOfficeApprovals.CheckedImport>runPrepared(content, HEADERS, OPTIONAL, COLUMNS,
				rows -> (row, context) -> {
					if (context.refuseExample(row, TEMPLATE_COLUMNS, EXAMPLE)) {
						return null;
					}
					Long facility = context.id(row, FACILITY);
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

	/** A date column as YYYY-MM-DD for the service's check; null when blank or unreadable (then reported). */
	private static String date(SheetRow row, SheetImport.RowContext context, String column) {
		LocalDate date = context.date(row, column);
		return date == null ? null : date.toString();
	}
}
