-- The bureau that recorded a credit entry, by the name it bore on the day it recorded it: the one name the entry, its
-- objections and what the enterprise reads of both show (the entry showed the name of a bureau whose region is exactly
-- the entry's — none for a village's or a town's region —, its objections the nearest bureau's as named today). Kept
-- on the entry so that a later renaming of the bureau leaves the record as it was made. Existing entries take the name
-- of the bureau handling their region today (the nearest: the longest region code that begins theirs, as
-- org.Bureaus.nearest finds it); NULL where no bureau on the platform covers the region.
ALTER TABLE credit_entry ADD COLUMN bureau varchar(100);
UPDATE credit_entry e SET bureau = (SELECT b.name FROM bureau_name b WHERE e.region_code LIKE b.region_code || '%'
    ORDER BY length(b.region_code) DESC LIMIT 1);
