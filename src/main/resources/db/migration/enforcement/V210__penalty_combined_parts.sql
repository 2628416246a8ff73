-- 并处 (combined penalties): the catalogue's articles punish "没收违法所得，并处…罚款" and add 责令停业整顿 or 吊销 on top
-- of the fine (邮政法(2015) arts.72, 76; 快递暂行条例(2025) arts.52, 54). The main kind stays in penalty (the heaviest
-- part); the confiscated value (没收违法所得, yuan) is kept apart from the fine (罚款, yuan), proposed and decided; a
-- 责令停业整顿 states its period; the head who made the decision is kept.
ALTER TABLE penalty_case ADD COLUMN proposed_confiscated numeric(14,2) CHECK (proposed_confiscated >= 0);
ALTER TABLE penalty_case ADD COLUMN confiscated numeric(14,2) CHECK (confiscated >= 0);
ALTER TABLE penalty_case ADD COLUMN suspension_from date;
ALTER TABLE penalty_case ADD COLUMN suspension_until date;
ALTER TABLE penalty_case ADD CONSTRAINT penalty_case_suspension_period
    CHECK (suspension_until IS NULL OR suspension_from IS NOT NULL AND suspension_until >= suspension_from);
ALTER TABLE penalty_case ADD COLUMN decided_by_user_id bigint;
ALTER TABLE penalty_case ADD COLUMN decided_by varchar(100);

-- until now a CONFISCATION case kept the value confiscated in the fine columns: it is the confiscation, not a fine
UPDATE penalty_case SET proposed_confiscated = proposed_fine, proposed_fine = NULL WHERE proposed_penalty = 'CONFISCATION';
UPDATE penalty_case SET confiscated = fine, fine = NULL WHERE penalty = 'CONFISCATION';
