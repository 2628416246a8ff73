/**
 * 末端网点备案: enterprises file new outlets, changes and closures online; the bureau of the outlet's county completes
 * the filing within the statutory clock (5 working days; missing items notified once within 2), and the figures of
 * "完成备案N家，平均办结N天" come from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outlet filing")
package org.youguan.filing;
