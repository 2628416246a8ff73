package org.youguan.universal;

import java.util.List;

/**
 * One supervision record as a form, the API or an import row gives it; which fields a kind reads is in
 * {@link SupervisionKind}.
 *
 * @param region the county (or city) code the record lies in; blank means the caller's own region
 * @param day YYYY-MM-DD: the day checked or visited, a 社会监督员's first day
 * @param until YYYY-MM-DD: a 社会监督员's last day (not before {@code day})
 * @param subject the unit checked, the newspaper, the hall, the 网点 or the person's name
 * @param place a hall's address
 * @param detail a hall window's services
 * @param flag 机要通信: an incident; 党报: delivered the same day; 网点: 督办
 * @param findings the findings or remarks
 * @param inspectors 机要通信: the inspectors' names
 */
public record SupervisionData(String region, String day, String until, String subject, String place, String detail,
		Boolean flag, String findings, List<String> inspectors) {
}
