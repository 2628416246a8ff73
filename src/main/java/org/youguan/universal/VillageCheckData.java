package org.youguan.universal;

import java.util.List;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.Text;
import org.youguan.kernel.WholeIn;
import org.youguan.universal.internal.TeamJson;

/**
 * An on-site 通邮 check of one 建制村 as a form or the API gives it (raw values; {@link VillageChecks#record} checks
 * them).
 * @param checkedOn the day of the check, YYYY-MM-DD (or as people type dates)
 * @param deliveryMode the mode found on site, a {@link DeliveryMode} code or its Chinese name
 * @param deliveriesObserved deliveries a week found on site (from the delivery records), 0–14
 * @param handoverRecords whether the handover records (交接记录) were kept
 * @param standardDelivery whether delivery was found 规范 (standard)
 * @param findings what was found; required when delivery is not 规范
 * @param inspectors the inspectors on site, at least two, each with name and 执法证号 on the roster
 *        (检查人员名录库) — the check is also their inspection record; a past check of the import may name them only
 *        (certificate null)
 * @param outcome the inspection's outcome when delivery is not 规范: INTERVIEW (约谈, the default when blank) or
 *        RECTIFICATION (责令改正); blank or NONE when 规范
 */
public record VillageCheckData(String villageCode, String checkedOn, String deliveryMode,
		@WholeIn(min = 0, max = Villages.MAX_DELIVERIES_PER_WEEK) Integer deliveriesObserved,
		Boolean handoverRecords, Boolean standardDelivery, String findings,
		@JsonDeserialize(using = TeamJson.class) List<TeamMember> inspectors, String outcome) {
	/** The long free text (findings) as stored, searched and compared: {@link Text#freeText}. */
	public VillageCheckData {
		findings = Text.freeText(findings);
	}

	/** A check whose team is known by name only (a past check of the import) and no outcome chosen. */
	public static VillageCheckData named(String villageCode, String checkedOn, String deliveryMode,
			Integer deliveriesObserved, Boolean handoverRecords, Boolean standardDelivery, String findings,
			List<String> names) {
		return new VillageCheckData(villageCode, checkedOn, deliveryMode, deliveriesObserved, handoverRecords,
				standardDelivery, findings,
				names == null ? null : names.stream().map(n -> new TeamMember(n, null)).toList(), null);
	}
}
