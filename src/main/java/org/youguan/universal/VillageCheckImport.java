package org.youguan.universal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.ImportResult;
import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

/**
 * The .xlsx import of a bureau's past 通邮 checks with their real dates, on the shape every import shares
 * ({@link SheetImport}, as {@link SupervisionImport}): every row is checked by the check the JSON import runs
 * ({@link VillageChecks#check}: the village a 建制村 in the caller's region, the day not after today, the mode, 0–14
 * deliveries a week, handover records and 规范投递 yes/no, findings when not 规范, two inspectors or more), and a row
 * naming the same village and day as an earlier row or as a check already stored is reported naming it; one bad row
 * imports nothing and every bad row is listed by row number, column and rule; a good file is saved in one transaction,
 * each check audited (marked 历史导入), the import audited once. A village's last check and the figures follow from the
 * real dates.
 */
@Service
public class VillageCheckImport {

	static final String CODE = "建制村代码";

	static final String CHECKED_ON = "检查日期";

	static final String MODE = "实际通邮方式";

	static final String OBSERVED = "实际每周投递频次";

	static final String HANDOVER = "交接记录";

	static final String STANDARD = "规范投递";

	static final String FINDINGS = "检查发现的问题";

	static final String INSPECTORS = "检查人员";

	/** The columns every sheet must have. */
	public static final List<String> HEADERS = List.of(CODE, CHECKED_ON, MODE, OBSERVED, HANDOVER, STANDARD, INSPECTORS);

	static final List<String> OPTIONAL = List.of(FINDINGS);

	/** The service's field names → the sheet's columns, so a failing check is reported under its column. */
	static final Map<String, String> COLUMNS = Map.of("villageCode", CODE, "checkedOn", CHECKED_ON, "deliveryMode", MODE,
			"deliveriesObserved", OBSERVED, "handoverRecords", HANDOVER, "standardDelivery", STANDARD, "findings",
			FINDINGS, "inspectors", INSPECTORS);

	private static final List<String> TEMPLATE_COLUMNS = Stream.concat(HEADERS.stream(), OPTIONAL.stream()).toList();

	/** The template's example row (its columns: {@link #HEADERS}, then {@link #OPTIONAL}): refused when left in a sheet. */
	static final List<String> EXAMPLE = List.of(TemplateExamples.VILLAGE, "2025-03-05", "村邮站", "3", "是", "否",
			TemplateExamples.INSPECTOR + "、" + TemplateExamples.SECOND_INSPECTOR,
			"投递频次低于档案登记");

	private final VillageChecks checks;

	VillageCheckImport(VillageChecks checks) {
		this.checks = checks;
	}

	/** The empty template: the columns and one example row. */
	public byte[] template() {
		return SheetRows.template("历史通邮检查", TEMPLATE_COLUMNS, EXAMPLE);
	}

	/**
	 * Imports the past checks of an .xlsx sheet, all or nothing. Modes may be written in Chinese (直接通邮, 邮乐购站, 村邮站,
	 * 其他交接点) or as the API's codes; yes/no columns as 是/否; inspectors separated by 、; dates as date cells or text.
	 * @param scope staff: villages of their region
	 * @param bureauId the importing bureau (null for a system caller)
	 * @return the count saved, or every bad row and the annotated sheet
	 * @throws InvalidValueException on the field "file" when the file is missing, not an .xlsx, too large, without the
	 *         headers or without data rows
	 */
	@Transactional
	public ImportResult importFile(DataScope scope, Long bureauId, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidValueException("file", "required", "请选择要导入的.xlsx文件");
		}
		SheetImport.Twins twins = new SheetImport.Twins();
		List<VillageChecks.Checked> saved = new ArrayList<>();
		ImportResult result = SheetImport.<VillageChecks.Checked>runPrepared(content, HEADERS, OPTIONAL, COLUMNS, rows -> {
			// the checks already stored of the villages the sheet names, read once
			PastImport.Duplicates<VillageChecks.Checked> duplicates = checks.duplicates(rows.stream()
				.map(row -> row.get(CODE))
				.filter(code -> code != null)
				.map(Text::strip)
				.toList());
			return (row, context) -> {
				if (context.refuseExample(row, TEMPLATE_COLUMNS, EXAMPLE)) {
					return null;
				}
				// a cell that cannot be read is reported and passed on as blank: the row's other failures still show
				// the one range of 检查日期 (VillageChecks): 2000-01-01 to today, told alike for 1900 and 2030
				LocalDate on = context.date(row, CHECKED_ON, Validation.EARLIEST_ACT, checks.latestCheckDay());
				Integer observed = context.integer(row, OBSERVED, 0, 14); // VillageChecks: 0 至 14 次
				Boolean handover = context.yesOrNo(row, HANDOVER);
				Boolean standard = context.yesOrNo(row, STANDARD);
				VillageCheckData data = VillageCheckData.named(row.get(CODE), on == null ? null : on.toString(),
						row.get(MODE), observed, handover, standard, row.get(FINDINGS), Villages.names(row.get(INSPECTORS)));
				VillageChecks.Checked checked = context.checked(() -> checks.check(scope, data));
				// the twin by the cells (village and day, as Checked.key), also for a row refused for something else
				String code = Text.strip(row.get(CODE));
				duplicates.check(code == null || on == null ? null : code + "|" + on, checked, twins, row, context, CHECKED_ON);
				return checked;
			};
		}, saved::addAll);
		if (!result.rejected()) {
			checks.saveImported(bureauId, saved);
		}
		return result;
	}
}
