-- 历史补录: a hazard found in the past and entered now carries the deadline it was given then, which may have passed;
-- a hazard found now is entered with a deadline still to come. The mark says how the row was entered and stays with it.
ALTER TABLE safety_hazard ADD COLUMN back_filled BOOLEAN NOT NULL DEFAULT FALSE;
