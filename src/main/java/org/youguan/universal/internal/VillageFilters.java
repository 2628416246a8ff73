package org.youguan.universal.internal;

import java.util.List;

import org.youguan.documents.Column;
import org.youguan.documents.SheetWord;
import org.youguan.kernel.Choice;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.universal.DeliveryMode;
import org.youguan.universal.VillageCheck;
import org.youguan.universal.VillageView;
import org.youguan.universal.Villages;

/**
 * The register's filters as the list pages, the API and the export read them, and the columns of the register's and the
 * checks' exports.
 */
final class VillageFilters {

	static final List<Column<VillageView>> COLUMNS = List.of(Column.of("建制村代码", VillageView::code, 14),
			Column.of("建制村", VillageView::name, 24), Column.of("乡镇/街道", VillageView::streetName, 16),
			Column.of("县（市、区）", VillageView::countyName, 12),
			Column.of("通邮方式", v -> v.deliveryMode() == null ? SheetWord.of("未登记") : v.deliveryMode(), 10),
			Column.of("每周投递频次", VillageView::deliveriesPerWeek, 10),
			Column.of("低于频次标准", v -> v.belowStandard(), 10),
			Column.of("服务邮政局所", VillageView::postOfficeName, 24), Column.of("交接点类型", VillageView::handoverType, 12),
			Column.of("交接点地址", VillageView::handoverAddress, 30),
			Column.of("邮政企业统一社会信用代码", VillageView::enterpriseCreditCode, 22),
			Column.of("最近检查日期", VillageView::lastCheckedOn, 12),
			Column.of("最近检查规范投递", v -> v.lastCheckStandard(), 10));

	/** The 通邮检查 list's export columns: what the list shows (findings masked as listed), the village's code too. */
	static final List<Column<VillageCheck>> CHECK_COLUMNS = List.of(Column.of("检查日期", VillageCheck::checkedOn, 12),
			Column.of("建制村", VillageCheck::villageName, 24), Column.of("建制村代码", VillageCheck::villageCode, 14),
			Column.of("实际通邮方式", c -> c.deliveryMode(), 12),
			Column.of("实际每周投递", VillageCheck::deliveriesObserved, 10),
			Column.of("规范投递", VillageCheck::standardDelivery, 10), Column.of("问题", VillageCheck::findings, 40),
			Column.of("检查人员", VillageCheck::inspectors, 20),
			// in the reader's words: an English export read 检查记录35
			Column.of("执法检查记录", c -> c.inspectionRecordId() == null ? SheetWord.of("历史导入，未计入执法检查")
					: Wording.of("export.value.inspectionRecord", String.valueOf(c.inspectionRecordId())), 20));

	private VillageFilters() {
	}

	/**
	 * @param mode a {@link DeliveryMode} code, {@code NONE} for villages without a profile, or blank for all
	 * @throws InvalidValueException (field {@code mode}) for any other value
	 */
	static Villages.Filter of(String region, String mode, Boolean below) {
		DeliveryMode m = null;
		boolean unregistered = false;
		if (mode != null && !Text.isBlank(mode)) {
			if (Text.strip(mode).equals("NONE")) {
				unregistered = true;
			}
			else {
				m = DeliveryMode.parse(mode);
				if (m == null) {
					throw new InvalidValueException("mode", "dictionary",
							"通邮方式应为" + Choice.listed(DeliveryMode.class) + "或未登记（NONE）");
				}
			}
		}
		return new Villages.Filter(region, m, unregistered, Boolean.TRUE.equals(below));
	}
}
