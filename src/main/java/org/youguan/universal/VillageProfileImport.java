package org.youguan.universal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.youguan.documents.TemplateExamples;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * The .xlsx import of 建制村 通邮 profiles (the postal company's list), on the shape every import shares
 * ({@link SheetImport}): every row is checked by the check a single profile passes ({@link Villages#check}) — the
 * village a 村委会 in the caller's scope that the caller may keep, the mode, 0–14 deliveries a week, the post office,
 * the postal enterprise — and a village named twice in the file is reported; one bad row imports nothing and every bad
 * row is listed by row number, column and rule; a good file is saved in one transaction, each profile audited, the
 * import audited once.
 */
@Service
public class VillageProfileImport {

	static final String CODE = "建制村代码";

	static final String MODE = "通邮方式";

	static final String PER_WEEK = "每周投递频次";

	static final String OFFICE = "服务邮政局所";

	static final String FACILITY = "局所设施编号";

	static final String HANDOVER_TYPE = "交接点类型";

	static final String HANDOVER_ADDRESS = "交接点地址";

	static final String ENTERPRISE = "邮政企业统一社会信用代码";

	/** The columns every sheet must have. */
	public static final List<String> HEADERS = List.of(CODE, MODE, PER_WEEK);

	static final List<String> OPTIONAL = List.of(OFFICE, FACILITY, HANDOVER_TYPE, HANDOVER_ADDRESS, ENTERPRISE);

	/** The service's field names → the sheet's columns, so a failing check is reported under its column. */
	static final Map<String, String> COLUMNS = Map.of("villageCode", CODE, "deliveryMode", MODE, "deliveriesPerWeek",
			PER_WEEK, "postOfficeName", OFFICE, "postOfficeFacilityId", FACILITY, "handoverType", HANDOVER_TYPE,
			"handoverAddress", HANDOVER_ADDRESS, "enterpriseCreditCode", ENTERPRISE);

	private final Villages villages;

	private final AuditTrail audit;

	VillageProfileImport(Villages villages, AuditTrail audit) {
		this.villages = villages;
		this.audit = audit;
	}

	private static final List<String> TEMPLATE_COLUMNS = Stream.concat(HEADERS.stream(), OPTIONAL.stream()).toList();

	/** The template's example row (its columns: {@link #HEADERS}, then {@link #OPTIONAL}): refused when left in a sheet. */
	static final List<String> EXAMPLE = List.of(TemplateExamples.VILLAGE, "村邮站", "5", "吴中区越溪邮政支局", "", "村邮站",
			"吴中区木渎镇旺山村村委会一楼", "");

	/** The empty template: the columns and one example row. */
	public byte[] template() {
		return SheetRows.template("建制村通邮信息", TEMPLATE_COLUMNS, EXAMPLE);
	}

	/**
	 * Imports the profiles of an .xlsx sheet, all or nothing.
	 * @param scope staff: villages of their region, any registered postal enterprise named per row; an enterprise:
	 *        its own profiles and villages of its city nobody keeps (the enterprise column may be left out)
	 * @return the count saved, or every bad row and the annotated sheet
	 * @throws InvalidValueException on the field "file" when the file is not an .xlsx, too large, without the headers
	 *         or without data rows
	 */
	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidValueException("file", "required", "请选择要导入的.xlsx文件");
		}
		SheetImport.Twins twins = new SheetImport.Twins();
		List<Villages.Profile> saved = new ArrayList<>();
		ImportResult result = SheetImport.<Villages.Profile>runPrepared(content, HEADERS, OPTIONAL, COLUMNS,
				rows -> (row, context) -> {
					if (context.refuseExample(row, TEMPLATE_COLUMNS, EXAMPLE)) {
						return null;
					}
					Integer perWeek = context.integer(row, PER_WEEK, 0, 14); // Villages.check: 0 至 14 次
					Long facility = facility(row, context);
					VillageProfileData data = new VillageProfileData(row.get(CODE), row.get(MODE), perWeek, facility,
							row.get(OFFICE), row.get(HANDOVER_TYPE), row.get(HANDOVER_ADDRESS), row.get(ENTERPRISE));
					Villages.Profile profile = context.checked(() -> villages.check(scope, data));
					// the twin by the cell, also for a row refused for something else: every error of the row at once
					twins.check(Text.strip(row.get(CODE)), row, context, CODE, "建制村代码");
					return profile;
				}, saved::addAll);
		if (!result.rejected()) {
			villages.save(saved, false);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("rows", saved.size());
			audit.record(AuditEntry.of("village.profile.import", "VillageProfile", null,
					"批量导入建制村通邮信息" + saved.size() + "条").states(null, after));
		}
		return result;
	}

	private static Long facility(SheetRow row, SheetImport.RowContext context) {
		return context.id(row, FACILITY);
	}
}
