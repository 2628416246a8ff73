-- The day each reporting unit was cancelled (注销) on the register, as the registry announced it (EnterpriseCancelled):
-- a cancelled enterprise owes the reports of the periods it operated in (those ending on or after it began and starting
-- on or before this day), so 报送进度's 应报 and the aggregates' expected units of a past period do not shrink when a
-- unit closes later. A unit cancelled before this table was kept has no row and owes nothing (as before).
CREATE TABLE stat_unit_closed (
    enterprise_id bigint NOT NULL PRIMARY KEY,
    closed_on     date   NOT NULL
);
