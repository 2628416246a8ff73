-- The 责令改正通知书 a case under an article punishing only "经责令改正拒不改正" (快递暂行条例(2025) art.56) rests on,
-- as an imported past case names it: the platform's order, or the paper order of the case file the platform never held
-- (attack B3: the import skipped the condition). NULL for every other case and for cases imported before.
ALTER TABLE penalty_case ADD COLUMN uncorrected_order_number varchar(60);
