-- Hazards and incidents recorded before bases were cited for their reader kept the catalogue's working note in their
-- basis: 一般隐患整改期限10个工作日（地方实践（未确认）） and 事故/突发事件报告时限（自发生）1小时（地方实践（未确认））. The enterprise's
-- portal and API show the basis, and an enterprise must never read 地方实践（未确认）. Every basis is now kept in the form a
-- reader outside the bureau reads (the rules rest on no legal text: 按本局规定, StatutoryRule.statedFor with
-- Audience.OUTSIDE) and stated for its reader when read (HazardView/IncidentView.readBy: the bureau reads the mark).
-- One form kept also lets the calendar's recount of catalogue deadlines (Hazards.recountDeadlines) find these hazards
-- again. A date someone set (指定日期…) names no basis and stays. The audit trail keeps what was recorded (staff only).
UPDATE safety_hazard
SET deadline_basis = left(deadline_basis, length(deadline_basis) - length('（地方实践（未确认））')) || '（按本局规定）'
WHERE (deadline_basis LIKE '一般隐患整改期限%' OR deadline_basis LIKE '重大隐患整改期限%')
  AND deadline_basis LIKE '%（地方实践（未确认））';

UPDATE safety_incident
SET report_basis = left(report_basis, length(report_basis) - length('（地方实践（未确认））')) || '（按本局规定）'
WHERE report_basis LIKE '事故/突发事件报告时限（自发生）%'
  AND report_basis LIKE '%（地方实践（未确认））';
