/**
 * The registry of regulated market entities: brands, enterprises, express business licences, branches and terminal
 * outlets, with scoped lists, search, export and the public lookup.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.youguan.registry;
