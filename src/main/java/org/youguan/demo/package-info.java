/**
 * The demo city (苏州市, region 3205): bureaus, departments, accounts and tokens, loaded through the modules' own
 * services on the first start of a demo installation. Later modules add their demo data here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.youguan.demo;
