package org.youguan.enforcement.internal;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DateUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportPages;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetCell;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetImport.RowContext;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.enforcement.LeadSource;
import org.youguan.enforcement.Mitigation;
import org.youguan.enforcement.PastCases;
import org.youguan.enforcement.Penalty;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.registry.Enterprises;

/**
 * The .xlsx import of a bureau's past penalty cases (issue 15 "Past cases"): the columns of the migration contract
 * ({@link PastCases.ImportedCase}, {@code POST /api/v1/enforcement/cases/imported}), one row per case, on the shape
 * every import shares ({@link SheetImport}: header search, every row checked first, one bad row imports nothing, every
 * bad row reported by row number and column). Each row is checked by the very method the JSON import runs
 * ({@link PastCases#importCase}) — tried in a transaction of its own that is always rolled back, so the rules cannot
 * drift apart — and, with no bad row, all rows are imported by it in one transaction (marked imported, audited each),
 * and the file once with its row count and SHA-256.
 * <p>
 * Real sheets are taken as they come: dates as date cells, as numbers (20250305, or an Excel day number of a cell that
 * lost its date format) or as typed text (2025-03-05, 2025/3/5, 2025年3月5日); amounts as numbers or as text with ¥ or ￥,
 * thousands commas, 元 or 万元 (0.8万元 is 8000); full-width digits and spaces; sources and penalties as on the page
 * (罚款, 举报), as the API's codes, or by a usual other name (吊销许可证, 群众举报); the 文号 not twice in one file;
 * the columns under a ledger's own names too ({@link #HEADER_ALIASES}: 信用代码, 罚款（元）, 处罚决定日期 …); a credit code
 * typed full-width or with invisible characters ({@link org.youguan.kernel.CreditCode} normalises it); trailing
 * 合计/小计 rows left out and named in the answer ({@link SheetRows#totalsRows}, whatever their other cells hold).
 */
@Component
class PenaltyCaseImport {

	static final String CREDIT_CODE = "当事人统一社会信用代码";

	static final String VIOLATION = "违法行为";

	static final String SOURCE = "案件来源";

	static final String FILED = "立案日期";

	static final String DECIDED = "决定日期";

	static final String NUMBER = "决定书文号";

	static final String PENALTY = "处罚种类";

	static final String FINE = "罚款金额（元）";

	static final String PAID = "缴款日期";

	static final String CLOSED = "结案日期";

	/** 没收违法所得 beside the fine (并处), optional: without it a 没收 row's 罚款金额 is the value confiscated. */
	static final String CONFISCATED = "没收违法所得（元）";

	/** The day a confiscation was handed over (上缴), optional: a closed case that confiscates needs it. */
	static final String HANDED_OVER = "没收上缴日期";

	/** Whether the case was found 情节严重 (是/否, optional, blank 否): its fine is judged against that range. */
	static final String SERIOUS = "情节严重";

	/** Whether the decision limit was extended (是/否, optional, blank 否): 30 days more. */
	static final String EXTENDED = "办案期限已延长";

	/** Whether the decision clock stood still for a while (是/否, optional, blank 否): no limit judged. */
	static final String SUSPENDED = "办案期限曾中止";

	/**
	 * The ground of a 不予处罚 (行政处罚法(2021) art.33: MINOR_CORRECTED, FIRST_MINOR, NO_FAULT, by name or label), optional
	 * as a column, required in a row whose 处罚种类 is 不予处罚: it decides whether the case counts against a later 初次违法.
	 */
	static final String GROUND = "不予处罚情形";

	/** 从轻处罚 or 减轻处罚 as the decision applied it (行政处罚法(2021) art.32), optional: a fine below the minimum needs 减轻. */
	static final String MITIGATION = "从轻减轻";

	/** The art.32 ground of the mitigation ({@link Mitigation.Ground}, by name or label), required with it. */
	static final String MITIGATION_GROUND = "从轻减轻情形";

	/** Why the decision mitigated, required with it. */
	static final String MITIGATION_REASON = "从轻减轻理由";

	/**
	 * The day the decision was served (送达), optional: checked as a live delivery (not before the decision, not in the
	 * future); without it a decided case not yet carried out stays to be served.
	 */
	static final String DELIVERED = "送达日期";

	/**
	 * The 文号 of the 责令改正通知书 a case under an article punishing only "经责令改正拒不改正" rests on (快递暂行条例(2025)
	 * art.56), optional: without it the party's order on the platform is looked for ({@code PastCases.ImportedCase#orderNumber}).
	 */
	static final String ORDER = "责令改正通知书文号";

	/** The columns every sheet must have. */
	static final List<String> HEADERS = List.of(CREDIT_CODE, VIOLATION, SOURCE, FILED, DECIDED, NUMBER, PENALTY, FINE);

	/** The columns a sheet may have besides. */
	static final List<String> OPTIONAL = List.of(PAID, CLOSED, CONFISCATED, HANDED_OVER, SERIOUS, EXTENDED, SUSPENDED,
			GROUND, MITIGATION, MITIGATION_GROUND, MITIGATION_REASON, DELIVERED, ORDER);

	static final List<String> TEMPLATE = List.of(CREDIT_CODE, VIOLATION, SOURCE, FILED, DECIDED, NUMBER, PENALTY, FINE,
			DELIVERED, PAID, CLOSED, CONFISCATED, HANDED_OVER, SERIOUS, EXTENDED, SUSPENDED, GROUND, MITIGATION,
			MITIGATION_GROUND, MITIGATION_REASON);

	/**
	 * The template's example row, refused as such when imported unchanged ({@link RowContext#refuseExample}): a party the
	 * directory holds (the demo's 苏州吴中顺丰快递服务有限公司 of 吴中), so a row copied from it and edited is judged by its
	 * case, not refused for an unknown party.
	 */
	static final List<String> EXAMPLE = List.of(TemplateExamples.ENTERPRISE_CREDIT_CODE, "开办快递末端网点未备案或擅自停止经营", "举报", "2025-03-05",
			"2025-05-20", TemplateExamples.documentNumber("行政处罚决定", 2025), "罚款", "8000", "2025-05-22", "2025-06-01", "2025-06-10", "", "", "否", "否",
			"否", "", "", "", "");

	/** The JSON import's fields as the sheet's columns, for errors the shared check raises. */
	static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("enterpriseCreditCode", CREDIT_CODE),
			Map.entry("violation", VIOLATION), Map.entry("source", SOURCE), Map.entry("filedOn", FILED),
			Map.entry("decidedOn", DECIDED), Map.entry("decisionNumber", NUMBER), Map.entry("penalty", PENALTY),
			Map.entry("fine", FINE), Map.entry("paidOn", PAID), Map.entry("closedOn", CLOSED),
			Map.entry("confiscated", CONFISCATED), Map.entry("handedOverOn", HANDED_OVER), Map.entry("serious", SERIOUS),
			Map.entry("extended", EXTENDED), Map.entry("suspended", SUSPENDED), Map.entry("noPenaltyGround", GROUND),
			Map.entry("mitigation", MITIGATION), Map.entry("mitigationGround", MITIGATION_GROUND),
			Map.entry("mitigationReason", MITIGATION_REASON), Map.entry("deliveredOn", DELIVERED),
			Map.entry("orderNumber", ORDER));

	/**
	 * The other names bureaus' own ledgers give the columns (another name → the template's column), each also however
	 * its width and spaces are typed ({@link SheetImport#runLeavingTotals}).
	 */
	static final Map<String, String> HEADER_ALIASES = Map.ofEntries(Map.entry("统一社会信用代码", CREDIT_CODE),
			Map.entry("社会信用代码", CREDIT_CODE), Map.entry("信用代码", CREDIT_CODE), Map.entry("当事人信用代码", CREDIT_CODE),
			Map.entry("企业统一社会信用代码", CREDIT_CODE), Map.entry("当事人社会信用代码", CREDIT_CODE),
			Map.entry("违法行为类型", VIOLATION), Map.entry("案由", VIOLATION), Map.entry("线索来源", SOURCE),
			Map.entry("来源", SOURCE), Map.entry("立案时间", FILED), Map.entry("处罚决定日期", DECIDED),
			Map.entry("作出决定日期", DECIDED), Map.entry("决定时间", DECIDED), Map.entry("处罚决定书文号", NUMBER),
			Map.entry("行政处罚决定书文号", NUMBER), Map.entry("决定文号", NUMBER), Map.entry("文号", NUMBER),
			Map.entry("处罚类型", PENALTY), Map.entry("处罚类别", PENALTY), Map.entry("罚款金额", FINE),
			Map.entry("罚款（元）", FINE), Map.entry("罚款数额", FINE), Map.entry("罚款数额（元）", FINE), Map.entry("罚款", FINE),
			Map.entry("缴款时间", PAID), Map.entry("缴纳日期", PAID), Map.entry("罚款缴纳日期", PAID), Map.entry("结案时间", CLOSED),
			Map.entry("没收违法所得", CONFISCATED), Map.entry("没收违法所得金额（元）", CONFISCATED),
			Map.entry("没收金额（元）", CONFISCATED), Map.entry("上缴日期", HANDED_OVER), Map.entry("不予处罚的法定情形", GROUND),
			Map.entry("不予处罚依据", GROUND),
			Map.entry("送达时间", DELIVERED), Map.entry("决定送达日期", DELIVERED));

	/**
	 * The service's rules that judge a column's value (column → field/rule): when that column's cell is unreadable
	 * (reported as such) they judge nothing — a 罚款 row's unreadable fine is no "fine absent" for its 缴款日期.
	 */
	private static final Map<String, Set<String>> DEPENDENT_RULES = Map.of(FINE,
			Set.of("paidOn/absent", "closedOn/unpaid", "handedOverOn/absent", "handedOverOn/not-handed-over"), CONFISCATED,
			Set.of("handedOverOn/absent", "handedOverOn/not-handed-over"));

	private static final Map<String, LeadSource> SOURCE_ALIASES = Map.ofEntries(Map.entry("检查", LeadSource.INSPECTION),
			Map.entry("监督检查", LeadSource.INSPECTION), Map.entry("日常检查", LeadSource.INSPECTION),
			Map.entry("双随机", LeadSource.INSPECTION), Map.entry("投诉", LeadSource.COMPLAINT),
			Map.entry("申诉", LeadSource.COMPLAINT), Map.entry("申诉转办", LeadSource.COMPLAINT),
			Map.entry("举报", LeadSource.REPORT), Map.entry("群众举报", LeadSource.REPORT),
			Map.entry("其他机关移送", LeadSource.REPORT), Map.entry("移送", LeadSource.REPORT),
			Map.entry("移交", LeadSource.TRANSFER), Map.entry("上级交办", LeadSource.TRANSFER),
			Map.entry("交办", LeadSource.TRANSFER));

	private static final Map<String, Penalty> PENALTY_ALIASES = Map.of("没收", Penalty.CONFISCATION, "停业整顿",
			Penalty.SUSPENSION, "责令停业", Penalty.SUSPENSION, "吊销", Penalty.REVOCATION, "吊销许可证", Penalty.REVOCATION,
			"吊销快递业务经营许可证", Penalty.REVOCATION, "无", Penalty.NONE, "免予处罚", Penalty.NONE,
			// the short name sheets kept before the label followed the law's 不予行政处罚 (行政处罚法(2021) art.33)
			"不予处罚", Penalty.NONE);

	/** What an unreadable date or dictionary cell without text is handed on as (any text no date or code parses from). */
	private static final String UNREADABLE = "?";

	/**
	 * An amount as typed: ¥, ￥, RMB or 人民币 before it, 万 and 元 after it (8000, ¥8,000.00, 0.8万, 1.2万元), spaces
	 * between them; group 1 is the number, read as every typed number ({@link Decimals#parse}), group 2 the 万.
	 */
	private static final Pattern AMOUNT = Pattern.compile(
			"(?:[¥￥]|[Rr][Mm][Bb]|ＲＭＢ|人民币)?[\\s\\p{Zs}]*(.+?)[\\s\\p{Zs}]*(万)?[\\s\\p{Zs}]*元?");

	private final PastCases pastCases;

	private final AuditTrail audit;

	private final TransactionTemplate trial;

	private final TransactionTemplate commit;

	private final Enterprises enterprises;

	PenaltyCaseImport(PastCases pastCases, Enterprises enterprises, AuditTrail audit, PlatformTransactionManager transactions) {
		this.pastCases = pastCases;
		this.enterprises = enterprises;
		this.audit = audit;
		this.trial = new TransactionTemplate(transactions);
		this.trial.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.commit = new TransactionTemplate(transactions);
	}

	/** The empty template: the columns and one example row. */
	byte[] template() {
		return template(TemplateExamples.Own.FIXED);
	}

	/**
	 * The template a user downloads ({@code org.OwnExamples}): its example row names the user's own place
	 * ({@link TemplateExamples.Own#row}), refused as the example all the same when left in.
	 */
	byte[] template(TemplateExamples.Own own) {
		return SheetRows.template("历史处罚案件", TEMPLATE, own.row(EXAMPLE));
	}

	/**
	 * Imports the past cases of an .xlsx sheet (the template's columns), all or nothing, each row under the rules of
	 * {@link PastCases#importCase} (enterprise registered in the caller's region, violation in the catalogue, dates
	 * in order and not in the future, the fine within the violation's maximum, a 文号 unused in the region, no closure
	 * of an unpaid fine) and the 文号 not twice in the file.
	 * @return the imported count with the trailing totals rows left out, or every bad row (row number, column,
	 * message) and the annotated sheet
	 * @throws InvalidValueException on the field "file" when the file is not an .xlsx, too large, without the
	 * template's headers (or their {@link #HEADER_ALIASES}) or without data rows (a totals row is none)
	 * @throws DomainException when another user used the same 文号 meanwhile (409; nothing imported)
	 */
	Result importFile(DataScope scope, byte[] content) {
		SheetImport.Twins numbers = new SheetImport.Twins();
		List<Long> ids = new ArrayList<>();
		// a totals row is no case: the shared shape leaves it out unchecked (a 合计 formula saved without its result)
		ImportResult result = SheetImport.runLeavingTotals(content, HEADERS, OPTIONAL, HEADER_ALIASES, COLUMNS,
				rows -> (row, context) -> check(scope, row, context, numbers), (valid, totals) -> commit.executeWithoutResult(status -> {
					valid.stream().filter(Objects::nonNull).forEach(data -> ids.add(pastCases.importCase(scope, data)));
					String digest = sha256(content);
					Map<String, Object> after = new LinkedHashMap<>();
					after.put("rows", ids.size());
					after.put("sha256", digest);
					after.put("caseIds", ids);
					audit.record(AuditEntry.of("case.import-file", "penalty_case", null,
							"批量导入历史处罚案件" + ids.size() + "件（文件SHA-256 " + digest + "）"
									+ (totals.isEmpty() ? "" : "，第" + join(totals) + "行为合计行未导入")).states(null, after));
				}));
		return new Result(result.rejected() ? 0 : ids.size(), result.errors(), result.annotated(), result.totalsRows());
	}

	/**
	 * The import's outcome ({@link ImportResult}) with the rows taken as the sheet's totals and left out
	 * ({@code totalsRows}, sheet row numbers).
	 */
	record Result(int imported, List<RowErrors> errors, byte[] annotated, List<Integer> totalsRows)
			implements ImportPages.Outcome {

		/** What the page says once saved: the count, and the totals rows left out. */
		String saved() {
			return "已导入历史处罚案件" + imported + "件" + (totalsRows.isEmpty() ? ""
					: "；第" + join(totalsRows) + "行是合计行，未作为案件导入");
		}
	}

	private static String join(List<Integer> rows) {
		return String.join("、", rows.stream().map(String::valueOf).toList());
	}

	/** A row's failures, and the columns that failed (the shared check adds none to those). */
	record Failures(RowContext context, Set<String> columns) {

		void fail(String column, String rule, Wording wording, String message) {
			columns.add(column);
			context.fail(column, rule, wording, message);
		}
	}

	/**
	 * Reads one row into the JSON import's shape and tries it (rolled back) even when the sheet's own reading failed,
	 * so every failing column of the row is reported; null when it fails.
	 */
	private PastCases.ImportedCase check(DataScope scope, SheetRow row, RowContext context, SheetImport.Twins numbers) {
		if (context.refuseExample(row, TEMPLATE, EXAMPLE)) {
			return null;
		}
		// access before fields, as the API's guard: a row naming another region's party is told that alone
		if (context.refusedAccess(CREDIT_CODE, () -> enterprises.refuseOutside(scope, text(row, CREDIT_CODE)))) {
			return null;
		}
		Failures failures = new Failures(context, new HashSet<>());
		if (row.cell(CREDIT_CODE).kind() == SheetCell.Kind.NUMBER) {
			failures.fail(CREDIT_CODE, "text-cell", Wording.of("import.refused.creditCodeAsText", CREDIT_CODE), CREDIT_CODE + "应以文本格式填写：按数字保存时Excel只保留15位");
		}
		String number = text(row, NUMBER);
		PastCases.ImportedCase data = new PastCases.ImportedCase(text(row, CREDIT_CODE), text(row, VIOLATION),
				choose(failures, SOURCE, text(row, SOURCE), PastCases.IMPORTED_SOURCES.toArray(LeadSource[]::new),
						LeadSource::label, SOURCE_ALIASES),
				date(row, failures, FILED), date(row, failures, DECIDED), number,
				choose(failures, PENALTY, text(row, PENALTY), Penalty.values(), Penalty::label, PENALTY_ALIASES),
				amount(row, failures, FINE), date(row, failures, PAID), date(row, failures, CLOSED),
				amount(row, failures, CONFISCATED), date(row, failures, HANDED_OVER), flag(row, failures, SERIOUS),
				flag(row, failures, EXTENDED), flag(row, failures, SUSPENDED), text(row, GROUND),
				choose(failures, MITIGATION, text(row, MITIGATION), Mitigation.values(), Mitigation::label,
						Map.of("从轻", Mitigation.LIGHTER, "减轻", Mitigation.REDUCED)),
				choose(failures, MITIGATION_GROUND, text(row, MITIGATION_GROUND), Mitigation.Ground.values(),
						Mitigation.Ground::label, Map.of()),
				text(row, MITIGATION_REASON), date(row, failures, DELIVERED), text(row, ORDER));
		// one 文号 however each row typed it (〔2025〕1号, [2025]01号, 〔2025〕一号, ABC-2025-1 and abc 2025 1)
		numbers.check(Text.identifierKey(Text.documentNumber(number)), row, context, NUMBER, "决定书文号");
		// read before the service's own failures are added to the context
		Set<String> unreadable = DEPENDENT_RULES.entrySet().stream().filter(d -> context.failed(d.getKey()))
			.flatMap(d -> d.getValue().stream()).collect(Collectors.toSet());
		try {
			trial.executeWithoutResult(status -> {
				status.setRollbackOnly();
				pastCases.importCase(scope, data);
			});
		}
		catch (DomainException ex) {
			for (var e : ex.formErrors()) {
				// a failure without a field (none expected) is shown against the party's column
				String column = ex.fieldErrors().isEmpty() ? CREDIT_CODE : COLUMNS.getOrDefault(e.field(), e.field());
				if (!failures.columns().contains(column) && !unreadable.contains(e.field() + "/" + e.rule())) {
					context.fail(column, e.rule(), ex.wording(e),
							e.message().replace("（" + e.field() + "）", ""));
				}
			}
		}
		return context.hasErrors() ? null : data;
	}

	/** A cell as text without the spaces around it ({@link Text#strip}), full-width spaces inside as ASCII ones; null when blank. */
	static String text(SheetRow row, String column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		return Text.blankToNull(value.replace('\u3000', ' '));
	}

	/**
	 * A date cell, a date typed as text or as 20250305, or an Excel day number (a date cell that lost its format), as
	 * YYYY-MM-DD for the shared check; null when blank. An unreadable date is reported here, once, and handed on as
	 * typed: the shared check then takes the date as given (its own error on the column is not repeated), so the rules
	 * that depend on it — a decided case's 文号, a paid fine's closure — add no errors of their own.
	 */
	static String date(SheetRow row, Failures context, String column) {
		context.context().reads(column, SheetImport.ValueKind.DATE);
		SheetCell cell = row.cell(column);
		if (cell.isBlank() && context.context().failed(column)) {
			// an error value (#N/A, a formula without its result), reported already and read as blank: no date given
			// is not no date — the rules that depend on it judge nothing
			return UNREADABLE;
		}
		try {
			LocalDate date = cell.asDate(column);
			return date == null ? null : date.toString();
		}
		catch (InvalidValueException ex) {
			if (cell.kind() == SheetCell.Kind.NUMBER) {
				BigDecimal serial = cell.asNumber(column);
				// 1982-01-01 … 2064-12-31 as Excel day numbers: no 8-digit compact date falls in this range
				if (serial.signum() > 0 && serial.compareTo(BigDecimal.valueOf(29952)) >= 0
						&& serial.compareTo(BigDecimal.valueOf(60631)) <= 0) {
					return DateUtil.getLocalDateTime(serial.doubleValue()).toLocalDate().toString();
				}
			}
			ex.fieldErrors().forEach(e -> context.fail(column, e.rule(), ex.wording(e), e.message()));
			String typed = row.get(column);
			return typed == null || Text.isBlank(typed) ? UNREADABLE : typed;
		}
	}

	/** An optional 是/否 column: null when blank, else the answer (TRUE/FALSE, 真/假, Y/N too); anything else fails. */
	static Boolean flag(SheetRow row, Failures context, String column) {
		try {
			return row.cell(column).asYesNo(column);
		}
		catch (InvalidValueException unreadable) {
			context.fail(column, "yes-no", unreadable.wording(), unreadable.getMessage());
			return null;
		}
	}

	/**
	 * An amount in yuan: a number cell, or text with ¥/￥/RMB before it, 元 after it, thousands commas, full-width
	 * digits, or in 万元 (1.2万元 is 12000); null when blank or unreadable (then reported). Read within the loose bound
	 * of {@link Decimals#TEXT_DIGITS}: the shared check states the amount's own limit (12 integer digits, 2 decimals);
	 * beyond that bound (1e40 stored in the file, 35 digits typed) this reader states it.
	 */
	static BigDecimal amount(SheetRow row, Failures context, String column) {
		context.context().reads(column, SheetImport.ValueKind.NUMBER);
		// beyond every field's digits (1e40 stored, or typed): told by the amount's own limit, not the reader's 30
		if (context.context().toldBeyond(column, column, CaseInput.YUAN_INTEGER, CaseInput.YUAN_FRACTION)) {
			context.columns().add(column);
			return null;
		}
		SheetCell cell = row.cell(column);
		if (cell.kind() == SheetCell.Kind.NUMBER) {
			BigDecimal number = cell.asNumber(column);
			// a number cell of 1000 reads as 1E+3: the check wants plain digits
			return number.scale() < 0 ? number.setScale(0) : number;
		}
		String text = cell.text();
		if (cell.kind() != SheetCell.Kind.TEXT || text == null || Text.isBlank(text)) {
			if (cell.kind() != SheetCell.Kind.BLANK && cell.kind() != SheetCell.Kind.TEXT) {
				context.fail(column, "number", Wording.of("import.refused.amount", column), column + "应为金额");
			}
			return null;
		}
		String t = Text.strip(text);
		var m = t.length() > Decimals.MAX_TEXT ? null : AMOUNT.matcher(t);
		Wording notAmountWords = Wording.of("import.refused.amountEcho", column, Decimals.echo(t));
		String notAmount = column + "应为金额（如8000、¥8,000.00、0.8万元），不是“" + Decimals.echo(t) + "”";
		// no sign and no exponent (1e3): an amount is written out; digits of other scripts and grouping are judged as
		// the forms judge them (Decimals.parse: ٣ is no number, 50 000 and 1,00 break rule thousands-separator)
		if (m == null || !m.matches() || m.group(1).codePoints().anyMatch(c -> Character.isLetter(c) || SIGNS.indexOf(c) >= 0)) {
			context.fail(column, "number", notAmountWords, notAmount);
			return null;
		}
		try {
			BigDecimal value = Decimals.parse(column, column, m.group(1), Decimals.TEXT_DIGITS, Decimals.TEXT_DIGITS);
			return m.group(2) == null ? value : value.movePointRight(4);
		}
		catch (InvalidValueException ex) {
			FieldError refused = ex.fieldErrors().get(0);
			context.fail(column, refused.rule(), "number".equals(refused.rule()) ? notAmountWords
					: "digits".equals(refused.rule()) ? Wording.of("kernel.invalid.tooManyDigits", column,
							Decimals.digitsWording(CaseInput.YUAN_INTEGER, CaseInput.YUAN_FRACTION), Decimals.echo(t))
					: ex.wording(), "number".equals(refused.rule()) ? notAmount
					: "digits".equals(refused.rule())
							? Decimals.tooManyDigits(column, CaseInput.YUAN_INTEGER, CaseInput.YUAN_FRACTION) + "：" + Decimals.echo(t)
							: refused.message());
			return null;
		}
	}

	/** The signs no amount carries, ASCII and full-width. */
	private static final String SIGNS = "+-＋－";

	/**
	 * A dictionary value by its code, its Chinese name or a usual other name, as the API's code; null when blank. An
	 * unknown value is reported here and handed on as typed, and an unreadable cell (an error value, a formula without
	 * its result) as {@link #UNREADABLE}, so the service judges nothing by it (a 处罚种类 it cannot read is not 空: no
	 * "不填写罚款金额").
	 */
	private static <E extends Enum<E>> String choose(Failures context, String column, String text, E[] values,
			Function<E, String> label, Map<String, E> aliases) {
		if (text == null) {
			// an error value (#REF!, a formula without its result), reported already and read as blank: no kind given
			// is not no kind — the rules that depend on it (处罚种类为空时不填写罚款金额) judge nothing
			return context.context().failed(column) ? UNREADABLE : null;
		}
		for (E value : values) {
			if (value.name().equalsIgnoreCase(text) || label.apply(value).equals(text)) {
				return value.name();
			}
		}
		if (aliases.containsKey(text)) {
			return aliases.get(text).name();
		}
		context.fail(column, "dictionary", Wording.of("import.invalid.dictionaryOrCode", column, List.of(values),
				Arrays.stream(values).map(Enum::name).toList()), column + "应为" + String.join("、", Arrays.stream(values).map(label).toList())
				+ "之一（也可填" + String.join("、", Arrays.stream(values).map(Enum::name).toList()) + "）");
		return text;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
