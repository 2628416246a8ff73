package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A complaint as filed (public form, staff entry for phone and letter complaints, the intake API).
 *
 * @param brand the respondent brand by its registry short name
 * @param enterprise optionally the respondent enterprise or outlet as the filer names it
 */
public record ComplaintForm(String filerName, String phone, FilerRole filerRole, String region, String brand,
		String enterprise, String waybillNumber, LocalDate postedOn, LocalDate priorComplaintDate, String priorChannel,
		String companyAnswer, String category, String reason, BigDecimal amountClaimed, String description) {
}
