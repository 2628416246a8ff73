/**
 * 执法检查: the catalogue of inspection items (抽查事项清单) derived from the law, the roster of certified inspectors
 * (检查人员名录库), inspection records with their teams of at least two (邮政法(2015) art.63; 行政处罚法(2021) art.42),
 * 责令改正 orders, the period's figures (检查企业N家, 出检N人次, 责令改正通知书N份) and the 双随机 draw that anyone can
 * verify (快递暂行条例(2025) art.47; 快递市场管理办法(2023) art.42). The root package is the module's API; everything
 * else lives in {@code internal}. Enforcement (penalty cases) listens to its lead events; it lists key inspection
 * targets (重点检查对象) from the safety module's {@code SafetyAlertTargeted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspections")
package org.youguan.inspections;
