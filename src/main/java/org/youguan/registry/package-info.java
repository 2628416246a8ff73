/**
 * The registry of regulated market entities: brands, enterprises, express business licences, branches and terminal
 * outlets, with scoped lists, search, export and the public lookup.
 * <p>
 * This package is the module's API: the register services other modules call, their data, views and status types, and
 * the outlet filing decision event. Each register's aggregate, repository, pages and import are in
 * {@code internal.<register>} (enterprises, licences, branches, outlets, facilities, brands); shared pages, settings
 * and the audit titles in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.youguan.registry;
