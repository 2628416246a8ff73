-- Commit–reveal for the public draw (attack: the operator tried seeds offline until one drew the enterprises wanted).
-- When a 双随机 plan's population is frozen the server draws a secret (SecureRandom, 256 bits, 64 hex) and keeps its
-- SHA-256 as the commitment, shown from then on; the draw ranks by SHA-256(seed ‖ secret ‖ key), so whoever types the
-- seed cannot know what it will draw; the secret is shown once the draw is made, and anyone checks
-- SHA-256(secret) = commitment. Plans frozen before this change have neither (null): they draw and verify by the seed
-- alone, as they did.
ALTER TABLE inspection_plan
    ADD COLUMN draw_secret       char(64),
    ADD COLUMN secret_commitment char(64),
    ADD COLUMN committed_at      timestamptz,
    ADD CONSTRAINT inspection_plan_secret_committed CHECK ((draw_secret IS NULL) = (secret_commitment IS NULL));

-- The 通邮 check plans of the universal module use the same draw (inspections.RandomDraw#rank) and fix their
-- population and draw in one step when the plan is made: the secret is drawn after the seed is typed (the one
-- migration number this change was given holds both tables).
ALTER TABLE village_check_plan
    ADD COLUMN draw_secret       char(64),
    ADD COLUMN secret_commitment char(64),
    ADD CONSTRAINT village_check_plan_secret_committed CHECK ((draw_secret IS NULL) = (secret_commitment IS NULL));

-- A plan's name is unique within its bureau (inspection plans) or region (通邮 check plans) under the folded key
-- (kernel.Text.folded, SQL folded() of V245); the code checks it under a transaction lock, these indexes serve it.
CREATE INDEX inspection_plan_name_folded ON inspection_plan (bureau_id, folded(name));
CREATE INDEX village_check_plan_name_folded ON village_check_plan (region_code, folded(name));
