package org.youguan.inspections;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
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
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * The .xlsx import of a bureau's past inspections (issue 14 "Migration of past records"): the columns of the
 * migration contract ({@link InspectionRecordData}), one row per inspection, on the shape every import shares
 * ({@link SheetImport}: every row checked first, one bad row imports nothing, every bad row reported by row number,
 * column and rule). Each row is checked by the very check the API runs ({@link InspectionRecords#check}) and recorded
 * through {@link InspectionRecords#record} — marked imported and audited — all in one transaction.
 * <p>
 * Real sheets are taken as they come: dates as date cells or as typed text (2025-03-05, 2025/3/5, 2025年3月5日,
 * 20250305), codes and numbers typed as numbers or as text, spaces (also no-break and full-width ones) around values,
 * blank rows, a title row above the header and two-row headers (a group such as 责令改正通知书 over 文号, 下达日期 …;
 * {@link SheetRows#read(byte[], List, List)}). Types and outcomes may be written as on the page (专项检查, 责令改正) or as
 * the API's codes; items by code or by name, several in one cell separated by 、 , ; or spaces.
 */
@Service
public class InspectionImport {

	static final String CREDIT_CODE = "企业统一社会信用代码";

	static final String DAY = "检查日期";

	static final String KIND = "检查类型";

	static final String ITEMS = "检查事项";

	static final String OUTCOME = "检查结果";

	static final String FINDINGS = "检查发现的问题";

	static final String PLACE = "检查地点";

	static final String NUMBER = "责令改正通知书文号";

	static final String ISSUED = "下达日期";

	static final String DUE = "整改期限";

	static final String RECTIFIED = "整改完成日期";

	static final String TEAM = "检查人员";

	/** The 双随机 plan that drew the enterprise: required for a row of type 双随机 ({@link InspectionRecordData#planId}). */
	static final String PLAN = "抽查计划编号";

	/** The most inspectors one row may name (columns 检查人员1姓名 … 检查人员9执法证号). */
	static final int MAX_TEAM = 9;

	/** The columns every sheet must have. */
	public static final List<String> HEADERS = List.of(CREDIT_CODE, DAY, KIND, ITEMS, name(1), certificate(1), name(2),
			certificate(2), OUTCOME, FINDINGS);

	/** The columns a sheet may have besides. */
	static final List<String> OPTIONAL;

	/** The template's columns, in order. */
	static final List<String> TEMPLATE = List.of(CREDIT_CODE, DAY, KIND, ITEMS, name(1), certificate(1), name(2),
			certificate(2), name(3), certificate(3), OUTCOME, FINDINGS, PLACE, NUMBER, ISSUED, DUE, RECTIFIED, PLAN);

	static final List<String> EXAMPLE = List.of(TemplateExamples.ENTERPRISE_CREDIT_CODE, "2025-03-05", "专项检查",
			"实名收寄、过机安检", TemplateExamples.INSPECTOR, TemplateExamples.INSPECTOR_CERTIFICATE,
			TemplateExamples.SECOND_INSPECTOR, TemplateExamples.SECOND_INSPECTOR_CERTIFICATE, "", "", "责令改正", "实名收寄登记不全", "吴中区示例路2号", TemplateExamples.documentNumber("责令改正", 2025),
			"2025-03-05", "2025-03-20", "2025-03-18", "");

	static {
		List<String> optional = new ArrayList<>(List.of(PLACE, NUMBER, ISSUED, DUE, RECTIFIED, PLAN));
		for (int i = 3; i <= MAX_TEAM; i++) {
			optional.add(name(i));
			optional.add(certificate(i));
		}
		OPTIONAL = List.copyOf(optional);
	}

	private static final Map<String, InspectionKind> KIND_ALIASES = Map.of("双随机", InspectionKind.RANDOM, "双随机一公开",
			InspectionKind.RANDOM, "随机抽查", InspectionKind.RANDOM, "专项", InspectionKind.SPECIAL, "督导",
			InspectionKind.SUPERVISION, "投诉", InspectionKind.COMPLAINT, "投诉核查", InspectionKind.COMPLAINT, "举报核查",
			InspectionKind.COMPLAINT, "投诉举报", InspectionKind.COMPLAINT, "普遍服务", InspectionKind.UNIVERSAL);

	private static final Map<String, InspectionOutcome> OUTCOME_ALIASES = Map.of("无", InspectionOutcome.NONE, "未发现问题",
			InspectionOutcome.NONE, "责令整改", InspectionOutcome.RECTIFICATION, "限期整改", InspectionOutcome.RECTIFICATION,
			"立案", InspectionOutcome.LEAD, "案件线索", InspectionOutcome.LEAD, "移交立案", InspectionOutcome.LEAD);

	private static final Pattern SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

	private static final Pattern TEAM_FIELD = Pattern.compile("inspectors\\[(\\d+)](?:\\.(name|certificateNumber))?");

	private final InspectionRecords records;

	private final InspectionItems items;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	InspectionImport(InspectionRecords records, InspectionItems items, JdbcClient jdbc, AuditTrail audit) {
		this.records = records;
		this.items = items;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	static String name(int position) {
		return TEAM + position + "姓名";
	}

	static String certificate(int position) {
		return TEAM + position + "执法证号";
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
		return SheetRows.template("历史检查记录", TEMPLATE, own.row(EXAMPLE));
	}

	/**
	 * Imports the past inspections of an .xlsx sheet (the template's columns), all or nothing. Every row is checked as
	 * the migration API checks a record (enterprise registered in the caller's scope, day not in the future, a team of
	 * at least two with distinct certificates matching the roster where it knows them, items from the catalogue,
	 * findings unless 无问题, the order exactly when 责令改正 with its dates in order and its deadline a working day 1–180 working days after
	 * its issue day, {@link RectificationTerm}), and besides: the order's 文号 not
	 * used before in the region nor twice in the file, and the same inspection (enterprise, day, type, team) not
	 * recorded already nor twice in the file (twice in the file compared by the cells as typed, so a row refused for
	 * something else is told too that it repeats an earlier row) — so that uploading a file twice does not double the figures. With no bad
	 * row every row is recorded (marked imported, audited each, {@link InspectionLeadRaised} for a 立案线索) and the
	 * import is audited once with the row count and the file's SHA-256.
	 * @param bureauId the importing bureau (null for a national or system caller)
	 * @return the imported count, or every bad row (row number, column, rule) and the annotated sheet
	 * @throws InvalidValueException on the field "file" when the file is not an .xlsx, too large, without the
	 * template's headers or without data rows
	 * @throws DomainException when another user recorded the same 文号 meanwhile (409; nothing imported)
	 */
	@Transactional
	public ImportResult importFile(DataScope scope, Long bureauId, byte[] content) {
		Map<String, String> codesByName = new HashMap<>();
		items.names(scope).forEach((code, name) -> codesByName.put(name, code));
		SheetImport.Twins inspections = new SheetImport.Twins();
		SheetImport.Twins numbers = new SheetImport.Twins();
		List<Long> ids = new ArrayList<>();
		ImportResult result = SheetImport.runPrepared(content, HEADERS, OPTIONAL, Map.of(),
				rows -> (row, context) -> check(scope, row, context, codesByName, inspections, numbers),
				valid -> valid.forEach(data -> ids.add(records.record(scope, bureauId, data, true, false))));
		if (!result.rejected()) {
			String digest = sha256(content);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("rows", ids.size());
			after.put("sha256", digest);
			after.put("inspectionIds", ids);
			audit.record(AuditEntry.of("inspection.import-file", "inspection", null,
					"批量导入历史检查记录" + ids.size() + "条（文件SHA-256 " + digest + "）").states(null, after));
		}
		return result;
	}

	/** Reads one row into the API's shape, runs the API's check on it and the sheet's own checks; null when it fails. */
	private InspectionRecordData check(DataScope scope, SheetRow row, RowContext context, Map<String, String> codesByName,
			SheetImport.Twins inspections, SheetImport.Twins numbers) {
		if (context.refuseExample(row, TEMPLATE, EXAMPLE)) {
			return null;
		}
		Set<String> failed = new HashSet<>();
		Function<String, String> text = column -> text(row, column);
		// access before fields, as the API's guard: a row of another region's enterprise (the row names no branch or
		// outlet) is told that alone, on its column
		String named = text.apply(CREDIT_CODE);
		if (context.refusedAccess(CREDIT_CODE, () -> records.refuseOutside(scope,
				field -> field.equals("enterpriseCreditCode") && named != null ? List.of(named) : List.of()))) {
			return null;
		}
		if (row.cell(CREDIT_CODE).kind() == SheetCell.Kind.NUMBER) {
			fail(context, failed, CREDIT_CODE, "text-cell", Wording.of("import.refused.creditCodeAsText", CREDIT_CODE),
					CREDIT_CODE + "应以文本格式填写：按数字保存时Excel只保留15位");
		}
		String kind = choose(context, failed, KIND, text.apply(KIND), InspectionKind.values(), InspectionKind::label,
				KIND_ALIASES);
		String outcome = choose(context, failed, OUTCOME, text.apply(OUTCOME), InspectionOutcome.values(),
				InspectionOutcome::label, OUTCOME_ALIASES);
		List<String> chosen = new ArrayList<>();
		if (text.apply(ITEMS) != null) {
			for (String token : SEPARATORS.split(text.apply(ITEMS))) {
				if (!token.isEmpty()) {
					chosen.add(codesByName.getOrDefault(token, token.toUpperCase(Locale.ROOT)));
				}
			}
		}
		List<InspectionRecordData.TeamMember> team = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 1; i <= MAX_TEAM; i++) {
			String name = text.apply(name(i));
			String number = text.apply(certificate(i));
			if (name != null || number != null) {
				team.add(new InspectionRecordData.TeamMember(name, number));
				positions.add(i);
			}
		}
		InspectionRecordData.Rectification order = null;
		String number = text.apply(NUMBER);
		String issued = date(row, context, failed, ISSUED);
		String due = date(row, context, failed, DUE);
		String rectified = date(row, context, failed, RECTIFIED);
		if (number != null || issued != null || due != null || rectified != null || context.failed(ISSUED)
				|| context.failed(DUE) || context.failed(RECTIFIED)) {
			order = new InspectionRecordData.Rectification(number, issued, due, rectified);
		}
		Long plan = null;
		if (text.apply(PLAN) != null) {
			plan = Decimals.whole(text.apply(PLAN));
			if (plan == null) {
				fail(context, failed, PLAN, "format", Wording.of("import.refused.planNumber", PLAN), "抽查计划编号" + Decimals.wholeIn(1, Long.MAX_VALUE) + "，即抽查计划页面上的计划编号");
			}
		}
		InspectionRecordData data = new InspectionRecordData(text.apply(CREDIT_CODE), date(row, context, failed, DAY),
				kind, chosen, team, outcome, text.apply(FINDINGS), order, text.apply(PLACE), null, null, plan);
		InspectionRecords.Checked checked = null;
		try {
			checked = records.check(scope, data, true);
		}
		catch (DomainException ex) {
			for (var e : ex.formErrors()) {
				String column = column(e.field(), positions);
				if (!failed.contains(column)) {
					context.fail(column, e.rule(), ex.wording(e),
							e.message().replace("（" + e.field() + "）", ""));
				}
			}
		}
		// the twins by the cells as typed (cleaned as the check cleans them), also for a row refused for something
		// else: every error of every row in one answer
		String code = CreditCode.written(text.apply(CREDIT_CODE));
		List<String> certificates = team.stream().map(InspectionRecordData.TeamMember::certificateNumber)
			.map(Inspectors::certificateNumber).filter(Objects::nonNull).sorted().toList();
		inspections.check(code == null || data.inspectedOn() == null || kind == null || certificates.isEmpty() ? null
				: code + "|" + data.inspectedOn() + "|" + kind + "|" + certificates, row, context, CREDIT_CODE,
				"同一企业、检查日期、检查类型和检查人员的检查");
		String typedNumber = Text.documentNumber(number);
		// the order's region: the record's, or for a refused row the enterprise's its code names (in the caller's scope)
		String region = checked != null ? checked.region()
				: typedNumber == null ? null : records.enterpriseRegion(scope, code);
		numbers.check(typedNumber == null || region == null ? null : region + "|" + Text.identifierKey(typedNumber), row,
				context, NUMBER, "责令改正通知书文号");
		if (checked == null || context.hasErrors()) {
			return null;
		}
		if (records.recorded(checked)) {
			context.fail(CREDIT_CODE, "unique", Wording.of("import.refused.inspectionRecorded"), "该检查已有记录（同一企业、检查日期、检查类型和检查人员），不能重复导入");
		}
		if (checked.order() != null && records.orderNumberUsed(region, checked.order().number())) {
			context.fail(NUMBER, "unique", Wording.of("import.refused.orderNumberUsed", checked.order().number()),
					"责令改正通知书文号已被使用：" + checked.order().number());
		}
		return data;
	}


	/** The sheet's column of an API field: items[i] is 检查事项, inspectors[i].name the i-th inspector's name column … */
	static String column(String field, List<Integer> positions) {
		Matcher team = TEAM_FIELD.matcher(field);
		if (team.matches()) {
			int index = Integer.parseInt(team.group(1));
			int position = index < positions.size() ? positions.get(index) : index + 1;
			return team.group(2) == null ? TEAM + position
					: team.group(2).equals("name") ? name(position) : certificate(position);
		}
		if (field.startsWith("items")) {
			return ITEMS;
		}
		return switch (field) {
			case "enterpriseCreditCode" -> CREDIT_CODE;
			case "inspectedOn" -> DAY;
			case "kind" -> KIND;
			case "outcome" -> OUTCOME;
			case "findings" -> FINDINGS;
			case "place" -> PLACE;
			case "inspectors" -> TEAM;
			case "rectification", "rectification.number" -> NUMBER;
			case "rectification.issuedOn" -> ISSUED;
			case "rectification.dueOn" -> DUE;
			case "rectification.rectifiedOn" -> RECTIFIED;
			case "planId" -> PLAN;
			default -> field;
		};
	}

	/** A cell as text without the spaces around it ({@link Text#strip}), full-width spaces inside as ASCII ones; null when blank. */
	static String text(SheetRow row, String column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		return Text.blankToNull(value.replace('\u3000', ' '));
	}

	/** A date cell or date text as YYYY-MM-DD for the API's check; null when blank or unreadable (then reported). */
	private static String date(SheetRow row, RowContext context, Set<String> failed, String column) {
		context.reads(column, SheetImport.ValueKind.DATE);
		try {
			LocalDate date = row.cell(column).asDate(column);
			return date == null ? null : date.toString();
		}
		catch (InvalidValueException ex) {
			ex.fieldErrors().forEach(e -> fail(context, failed, column, e.rule(), ex.wording(e), e.message()));
			return null;
		}
	}

	/** A dictionary value by its code, its Chinese name or a usual other name, as the API's code; null when blank. */
	private static <E extends Enum<E>> String choose(RowContext context, Set<String> failed, String column, String text,
			E[] values, Function<E, String> label, Map<String, E> aliases) {
		if (text == null) {
			return null;
		}
		for (E value : values) {
			if (value.name().equalsIgnoreCase(text) || label.apply(value).equals(text)) {
				return value.name();
			}
		}
		if (aliases.containsKey(text)) {
			return aliases.get(text).name();
		}
		fail(context, failed, column, "dictionary", Wording.of("import.invalid.dictionaryOrCode", column, List.of(values),
				Arrays.stream(values).map(Enum::name).toList()), column + "应为" + String.join("、", Arrays.stream(values).map(label).toList())
				+ "之一（也可填" + String.join("、", Arrays.stream(values).map(Enum::name).toList()) + "）");
		return null;
	}

	private static void fail(RowContext context, Set<String> failed, String column, String rule, Wording wording,
			String message) {
		failed.add(column);
		context.fail(column, rule, wording, message);
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
