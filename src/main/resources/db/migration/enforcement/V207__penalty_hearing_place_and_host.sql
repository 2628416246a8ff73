-- 行政处罚法(2021) art.64: the party is told the hearing's time AND place (二), and the hearing is hosted by a person the
-- bureau designates who did not investigate the case (四). The host is a staff account; its name is kept as it was then.
-- Hearings recorded before this was kept have neither.
ALTER TABLE penalty_case ADD COLUMN hearing_place varchar(200);
ALTER TABLE penalty_case ADD COLUMN hearing_host varchar(100);
ALTER TABLE penalty_case ADD COLUMN hearing_host_user_id bigint;
