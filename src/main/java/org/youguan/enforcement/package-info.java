/**
 * 行政处罚: leads (线索) from inspections, complaint referrals, reports and transfers; penalty cases on the statutory
 * procedure (立案 → 调查取证 → 调查终结 → 法制审核 → 事先告知 → 陈述申辩/听证 → 决定 → 送达 → 执行 → 结案, also 不予处罚 and
 * 撤案) as guarded transitions, each one transaction with its audit entry; the decision clock (90 days from 立案, one
 * 30-day extension, suspension periods excluded); the period's figures and the published decisions (双公示). The
 * legal-basis catalogue of violations and every period the procedure counts live in the rules module. The root package
 * is the module's API; everything else lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enforcement")
package org.youguan.enforcement;
