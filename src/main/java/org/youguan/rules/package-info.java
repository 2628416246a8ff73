/**
 * The statutory rule catalogue: every deadline, limit and fine bound as a named entry with its legal basis and
 * default, overridable per bureau by an administrator (audited), and deadline computation on the working-day calendar.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statutory rules")
package org.youguan.rules;
