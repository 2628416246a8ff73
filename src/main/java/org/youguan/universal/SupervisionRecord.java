package org.youguan.universal;

import java.time.LocalDate;

/**
 * A supervision record as lists, the API and exports show it: a 社会监督员's name is masked ({@code 张*}).
 *
 * @param reports reports received (社会监督员), 0 for the other kinds
 */
public record SupervisionRecord(long id, SupervisionKind kind, String regionCode, String regionName, LocalDate day,
		LocalDate until, String subject, String place, String detail, String inspectors, Integer inspectorCount,
		Boolean flag, String findings, boolean imported, long reports) {
}
