/**
 * 安全监管: per-parcel real-name records (实名收寄, 验视, 过机安检 — 快递暂行条例(2025) arts.23, 32, 33, 35; 邮件快件实名收寄管理办法)
 * taken in from the enterprises' systems, pseudonymised on arrival, stored as Parquet files (DuckDB, one node) or
 * carried through Kafka (scale-out), rolled up hourly in PostgreSQL; the rates and anomaly alerts computed from them;
 * and the safety ledgers (责任书, training, 隐患, incidents, 寄递安保期, joint operations, screening contractors). The root
 * package is the module's API; ingestion, storage, pages and APIs live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety")
package org.youguan.safety;
