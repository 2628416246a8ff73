/**
 * 普遍服务监督: the register of 建制村 (every 村委会 of the region module's village list) with each village's 通邮
 * profile kept by the postal enterprise (邮政法(2015) art.15, 19), the delivery-frequency standards per area type from the
 * rules catalogue (city and 乡镇 seat by 邮政法 art.19, villages by the province's rule), the on-site 通邮 checks — each
 * recorded on the platform also the inspections module's record of the postal enterprise serving the village
 * (普遍服务监督检查) — and the period's figures. The root package is the module's API; pages, imports and APIs live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Universal service")
package org.youguan.universal;
