package org.youguan.registry.internal.branches;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.SheetImport;
import org.youguan.documents.ImportResult;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.SheetRows;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.registry.BranchData;
import org.youguan.registry.Branches;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * Bulk filing of branches from .xlsx: parent in scope, licence (by number) held by the parent, place, dates, no second
 * branch of the same name under one parent (in the file compared by the cells as typed, told beside a row's other
 * failures); each row's late flag is decided as for a single filing.
 */
@Service
public class BranchImport {

	/** The import template's column headings, in the order the import reads them. */
	public static final List<String> HEADERS = List.of("分支机构名称", "所属企业统一社会信用代码", "许可证编号", "行政区划代码", "地址", "负责人",
			"营业执照日期", "备案日期");

	static final List<String> EXAMPLE = List.of(TemplateExamples.ENTERPRISE_NAME + "长桥分公司",
			TemplateExamples.ENTERPRISE_CREDIT_CODE, "", TemplateExamples.STREET,
			"江苏省苏州市吴中区示例路3号", "赵六", "2026-01-05", "2026-01-20");

	private static final Map<String, String> COLUMNS = Map.of("enterpriseId", "所属企业统一社会信用代码", "licenceId", "许可证编号",
			"name", "分支机构名称", "regionCode", "行政区划代码", "address", "地址", "headName", "负责人", "businessLicenceDate",
			"营业执照日期", "filedOn", "备案日期");

	private final Branches branches;

	private final Licences licences;

	private final Enterprises enterprises;

	private final AuditTrail audit;

	BranchImport(Branches branches, Licences licences, Enterprises enterprises, AuditTrail audit) {
		this.branches = branches;
		this.licences = licences;
		this.enterprises = enterprises;
		this.audit = audit;
	}

	public byte[] template() {
		return template(TemplateExamples.Own.FIXED);
	}

	/**
	 * The template a user downloads ({@code org.OwnExamples}): its example row names the user's own place
	 * ({@link TemplateExamples.Own#row}), refused as the example all the same when left in.
	 */
	public byte[] template(TemplateExamples.Own own) {
		return SheetRows.template("分支机构", HEADERS, own.row(EXAMPLE));
	}

	@Transactional
	public ImportResult importFile(DataScope scope, byte[] content) {
		SheetImport.Twins names = new SheetImport.Twins();
		return SheetImport.run(content, HEADERS, COLUMNS, (row, context) -> {
			if (context.refuseExample(row, HEADERS, EXAMPLE)) {
				return null;
			}
			Long parent = context.checked(() -> enterprises.idInScope(scope, row.get("所属企业统一社会信用代码"), "enterpriseId"));
			Long licence = null;
			if (row.get("许可证编号") != null) {
				licence = licences.findByNumber(scope, row.get("许可证编号")).map(LicenceView::id).orElse(null);
				if (licence == null) {
					context.fail("许可证编号", "exists", Wording.of("import.refused.noLicenceInScope"), "辖区内没有该编号的许可证");
				}
			}
			var licenceDate = context.date(row, "营业执照日期");
			var filedOn = context.date(row, "备案日期");
			BranchData data = new BranchData(parent == null ? 0 : parent, licence, row.get("分支机构名称"), row.get("行政区划代码"),
					row.get("地址"), row.get("负责人"), licenceDate, filedOn);
			// the branch rules run even without the enterprise, so every bad cell of the row is reported at once (an
			// unreadable cell reaches them as blank and is not told twice: SheetImport.RowContext#checked)
			BranchData clean = context.checked(() -> parent == null ? branches.checkFields(scope, data) : branches.check(scope, data));
			// the twin by the cells as typed (the name folded as the register compares it), also for a row refused for
			// something else: every error of every row in one answer
			String name = row.get("分支机构名称");
			names.check(parent == null || name == null ? null : parent + "|" + Text.textKey(name), row, context, "分支机构名称",
					"同一企业的同名分支机构");
			// a twin already filed is refused by the branch rules themselves (Branches: rule unique on 分支机构名称)
			if (parent == null || clean == null) {
				return null;
			}
			return clean;
		}, valid -> {
			valid.forEach(d -> branches.file(scope, d, false));
			audit.record(AuditEntry.of("branch.import", "Branch", null, "批量导入分支机构" + valid.size() + "个"));
		});
	}
}
