package org.youguan.statistics;

import java.util.Arrays;
import java.util.List;

import org.youguan.kernel.Text;
import org.youguan.registry.EnterpriseType;

/**
 * A report form (data set): its indicators, how often it is reported, the day of the following month it is due, and
 * which enterprises must report it (by type, optionally brand and region).
 */
public record ReportForm(long id, String code, String name, PeriodType periodType, int dueDay, String enterpriseTypes,
		Long brandId, String regionPrefix, boolean active) {

	public List<EnterpriseType> types() {
		return Arrays.stream(enterpriseTypes.split(",")).map(Text::strip).map(EnterpriseType::valueOf).toList();
	}

	public String typesLabel() {
		return String.join("、", types().stream().map(EnterpriseType::label).toList());
	}

	/** Whether an enterprise of this type, brand and region must report this form. */
	public boolean covers(EnterpriseType type, Long brand, String regionCode) {
		return types().contains(type) && (brandId == null || brandId.equals(brand))
				&& regionCode.startsWith(regionPrefix);
	}
}
