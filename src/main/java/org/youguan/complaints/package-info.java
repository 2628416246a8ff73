/**
 * 申诉: the public files a complaint about a postal or express company (web, phone, letter, other channels through the
 * API); the bureau accepts it against the seven conditions and transfers it to the enterprise within 2 working days;
 * the enterprise replies within 7 days (redo within 5 when returned); the bureau calls the filer back within 3 working
 * days and closes — all within 30 days of receipt (邮政法(2015) art.65). Deadlines come from the rule catalogue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package org.youguan.complaints;
