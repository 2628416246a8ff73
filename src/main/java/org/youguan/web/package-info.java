/**
 * The web shell: layout and navigation, the dashboard (工作台), locale, list helpers and the one place exceptions
 * become problem responses (API) or friendly pages (UI).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.youguan.web;
