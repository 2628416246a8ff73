/**
 * Gap-free business numbers per type, region and year, e.g. {@code 申诉-3205-2026-000123}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Numbering")
package org.youguan.numbering;
