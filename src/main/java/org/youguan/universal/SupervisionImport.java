package org.youguan.universal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;

/**
 * The .xlsx import of past 普遍服务监督 records of one kind with their real dates, on the shape every import shares
 * ({@link SheetImport}, as {@link VillageProfileImport}): the columns are the kind's fields ({@link #columns}), every
 * row is checked by the check a single record passes ({@link SupervisionRecords#check}), and a row that is the same
 * record (region, day, name: {@link SupervisionRecords#duplicates}) as an earlier row of the file or as a record
 * already stored is reported naming it; one bad row imports nothing and every bad row is listed by row number,
 * column and rule; a good file is saved in one transaction, each record audited, the import audited once.
 */
@Service
public class SupervisionImport {

	static final String REGION = "所属地区代码";

	static final String INSPECTORS = "检查人员";

	private final SupervisionRecords records;

	SupervisionImport(SupervisionRecords records) {
		this.records = records;
	}

	/** The sheet's columns of a kind, in the template's order: the region, the date(s), the texts, the flag, the findings. */
	public static List<String> columns(SupervisionKind kind) {
		List<String> columns = new ArrayList<>(List.of(REGION, kind.dayLabel()));
		if (kind.term()) {
			columns.add(kind.untilLabel());
		}
		columns.add(kind.subjectLabel());
		if (kind.placeLabel() != null) {
			columns.add(kind.placeLabel());
		}
		if (kind.detailLabel() != null) {
			columns.add(kind.detailLabel());
		}
		if (kind.inspectors()) {
			columns.add(INSPECTORS);
		}
		if (kind.flagLabel() != null) {
			columns.add(kind.flagLabel());
		}
		columns.add(kind.findingsLabel());
		return List.copyOf(columns);
	}

	/** The template's example row of a kind (refused when left in a sheet). */
	static List<String> example(SupervisionKind kind) {
		return switch (kind) {
			case CONFIDENTIAL -> List.of(TemplateExamples.COUNTY, "2025-03-05", "吴中区示例机要通信分局", "张三、李四", "否", "");
			case PARTY_PAPER -> List.of(TemplateExamples.COUNTY, "2025-03-05", "示例日报", "是", "");
			case HALL_WINDOW -> List.of(TemplateExamples.COUNTY, "2025-03-05", "吴中区示例政务服务中心", "吴中区示例路1号", "寄递、邮票销售", "");
			case OUTLET_VISIT -> List.of(TemplateExamples.COUNTY, "2025-03-05", "示例村邮政代办点", "否", "");
			case SUPERVISOR -> List.of(TemplateExamples.COUNTY, "2025-01-01", "2026-12-31", "张三", "");
		};
	}

	/** The empty template of a kind: its columns and one example row. */
	public byte[] template(SupervisionKind kind) {
		return template(kind, TemplateExamples.Own.FIXED);
	}

	/** The template of a kind a user downloads: its example row in the user's own place ({@link TemplateExamples.Own#row}). */
	public byte[] template(SupervisionKind kind, TemplateExamples.Own own) {
		return SheetRows.template(kind.title(), columns(kind), own.row(example(kind)));
	}

	/**
	 * Imports the past records of a kind from an .xlsx sheet, all or nothing.
	 * @param scope records of the caller's region only (a blank region cell is the caller's own region)
	 * @param bureauId the importing bureau (null for a system caller)
	 * @return the count saved, or every bad row and the annotated sheet
	 * @throws InvalidValueException on the field "file" when the file is missing, not an .xlsx, too large, without the
	 *         kind's headers or without data rows
	 */
	@Transactional
	public ImportResult importFile(DataScope scope, Long bureauId, SupervisionKind kind, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidValueException("file", "required", "请选择要导入的.xlsx文件");
		}
		List<String> columns = columns(kind);
		List<String> required = columns.subList(0, columns.size() - 1);
		List<String> optional = List.of(kind.findingsLabel());
		Map<String, String> fields = new HashMap<>(Map.of("region", REGION, "day", kind.dayLabel(), "subject",
				kind.subjectLabel(), "findings", kind.findingsLabel()));
		if (kind.term()) {
			fields.put("until", kind.untilLabel());
		}
		if (kind.placeLabel() != null) {
			fields.put("place", kind.placeLabel());
		}
		if (kind.detailLabel() != null) {
			fields.put("detail", kind.detailLabel());
		}
		if (kind.inspectors()) {
			fields.put("inspectors", INSPECTORS);
		}
		if (kind.flagLabel() != null) {
			fields.put("flag", kind.flagLabel());
		}
		List<String> example = example(kind);
		SheetImport.Twins twins = new SheetImport.Twins();
		PastImport.Duplicates<SupervisionRecords.Checked> duplicates = records.duplicates(scope, kind);
		List<SupervisionRecords.Checked> saved = new ArrayList<>();
		ImportResult result = SheetImport.<SupervisionRecords.Checked>runPrepared(content, required, optional, fields,
				rows -> (row, context) -> {
					if (context.refuseExample(row, columns, example)) {
						return null;
					}
					LocalDate day = context.date(row, kind.dayLabel());
					LocalDate until = kind.term() ? context.date(row, kind.untilLabel()) : null;
					Boolean flag = kind.flagLabel() == null ? null : context.yesOrNo(row, kind.flagLabel());
					List<String> team = kind.inspectors() ? Villages.names(row.get(INSPECTORS)) : List.of();
					SupervisionData data = new SupervisionData(row.get(REGION), day == null ? null : day.toString(),
							until == null ? null : until.toString(), row.get(kind.subjectLabel()),
							kind.placeLabel() == null ? null : row.get(kind.placeLabel()),
							kind.detailLabel() == null ? null : row.get(kind.detailLabel()), flag,
							row.get(kind.findingsLabel()), team);
					SupervisionRecords.Checked checked = context.checked(() -> records.check(scope, kind, data));
					// the twin by the cells as typed, also for a row refused for something else
					duplicates.check(SupervisionRecords.typedKey(scope, data), checked, twins, row, context,
							kind.subjectLabel());
					return checked;
				}, saved::addAll);
		if (!result.rejected()) {
			records.saveImported(bureauId, saved);
		}
		return result;
	}
}
