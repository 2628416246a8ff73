/**
 * The working-day calendar (法定节假日 and 调休) behind every statutory deadline, with years loaded by an
 * administrator, and the public calendar API for integrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package org.youguan.calendar;
