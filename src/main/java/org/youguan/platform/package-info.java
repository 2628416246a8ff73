/**
 * Runtime platform: the embedded PostgreSQL used when no external database is configured, the clock, the data
 * directory and whether demo data is loaded.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.youguan.platform;
