/**
 * 信用: the credit record of each express enterprise (快递业信用管理暂行办法, 国邮发〔2017〕105号) — entries taken in from the
 * enforcement module's penalty decisions and the inspections module's overdue rectification orders, corrected when a
 * penalty is changed or revoked (art.17), and the enterprise's objections reviewed by staff (art.18), each deadline
 * from the rule catalogue. No rating: the 信用评定委员会's indicator scheme is not published. The root package is the
 * module's API; pages and API controllers live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit")
package org.youguan.credit;
