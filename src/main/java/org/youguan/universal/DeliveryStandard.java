package org.youguan.universal;

/**
 * The minimum deliveries per week for an area type as it applies in a province.
 * @param perWeek the minimum number of deliveries a week
 * @param basis the catalogue rule's legal basis, e.g. {@code 邮政法(2015) 第19条}
 * @param source the province's (or a lower bureau's) stated source when it set its own value, else null
 * @param setBy the region code of the bureau that set the value, null for the catalogue default
 */
public record DeliveryStandard(AreaType area, int perWeek, String basis, String source, String setBy) {
}
