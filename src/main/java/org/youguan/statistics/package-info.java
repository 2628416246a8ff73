/**
 * 行业统计: the indicator catalogue (with derived indicators as formulas), report forms, enterprises' periodic reports
 * (draft → submitted → approved or returned; corrections as revisions), completeness and timeliness, aggregates by
 * period, region level and brand with year-on-year growth, targets, rankings, charts and the monthly bulletin.
 * Company-level values are confidential: they never leave the staff side and the reporting enterprise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.youguan.statistics;
