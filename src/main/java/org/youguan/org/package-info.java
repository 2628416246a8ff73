/**
 * Organisations and people: bureaus (国家/省/市/县), their departments (处室), staff and enterprise users, roles, the
 * signed-in principal and the data scope it carries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation and users")
package org.youguan.org;
