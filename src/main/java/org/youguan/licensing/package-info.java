/**
 * 快递业务经营许可: applications on the enterprise portal or entered by staff from paper, receipt by the city or
 * provincial bureau (受理 with its 文号 and receipt; one 补正通知 listing every missing item within 5 working days, else
 * accepted by law on receipt; 不予受理 naming the competent bureau — 行政许可法(2019) art.32), 初审 and 现场核查 by the
 * city bureau of the premises (快递业务经营许可管理办法), the decision by the competent level within 45 days of acceptance,
 * suspensions not counted (邮政法(2015) arts.52–53), and the e-licence with a verification code and QR code checked on the
 * public verify page. The registry records the licence when it hears {@link org.youguan.registry.LicenceGranted}, and
 * changes or extends it (never a new record) on {@link org.youguan.registry.LicenceChanged} and
 * {@link org.youguan.registry.LicenceRenewed}. 年度报告 ({@link org.youguan.licensing.AnnualReports}) and 分支机构备案
 * ({@link org.youguan.licensing.BranchFilings}) reach the registry as events too. The root package is the module's API;
 * everything else lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licensing")
package org.youguan.licensing;
