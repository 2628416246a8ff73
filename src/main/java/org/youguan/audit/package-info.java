/**
 * 全过程记录: the append-only, hash-chained audit trail every module writes through {@link org.youguan.audit.AuditTrail}
 * in the same transaction as the change it records, with search, export and chain verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.youguan.audit;
