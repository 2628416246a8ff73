-- The instant a decision was made on the platform (the day it was signed being today): its fine range is the one
-- that stood then — a bureau's change of its 裁量基准 later that day does not reach it (StatutoryRules#fineRangeAt).
-- Null for a decision recorded on a later day, imported or made before this column: the range as it stood at the end
-- of its day.
ALTER TABLE penalty_case ADD COLUMN decided_at timestamptz;
