package org.youguan.complaints.internal;

import java.math.BigDecimal;

import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.FilerRole;
import org.youguan.kernel.Validation;

/**
 * The complaint form as typed on a page (public portal, staff entry): text parsed here, each failure named by field.
 */
record ComplaintFormInput(String filerName, String phone, FilerRole filerRole, String region, String brand,
		String enterprise, String waybillNumber, String postedOn, String priorDate, String priorChannel,
		String companyAnswer, String category, String reason, String amountClaimed, String description) {

	ComplaintForm toForm() {
		Validation v = new Validation();
		var posted = v.date("postedOn", "交寄日期", postedOn);
		var prior = v.date("priorComplaint.date", "向企业投诉的日期", priorDate);
		// read within the amount's own digits, so that a refusal states its limit (below 1亿, fen), not a loose bound
		BigDecimal amount = v.decimal("amountClaimed", "索赔金额", amountClaimed, ComplaintIntake.AMOUNT_INTEGER,
				ComplaintIntake.AMOUNT_FRACTION);
		v.throwIfInvalid();
		return new ComplaintForm(filerName, phone, filerRole, region, brand, enterprise, waybillNumber, posted, prior,
				priorChannel, companyAnswer, category, reason, amount, description);
	}
}
