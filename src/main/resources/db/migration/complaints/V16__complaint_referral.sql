-- A closed complaint referred to enforcement as a lead (线索).
ALTER TABLE complaint ADD COLUMN referred_on date;
ALTER TABLE complaint ADD COLUMN referral_note varchar(500);
