/**
 * GB/T 2260 administrative regions down to villages: the {@link org.youguan.region.RegionCode} value type, look-ups
 * and the administrator's street/village import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package org.youguan.region;
