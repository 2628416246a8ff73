-- An inspection item's name within its owner's catalogue and an inspection plan's name within its bureau are unique
-- under the key every other twin rule compares (text_key of V336, kernel.Text.textKey: spaces, punctuation, brackets
-- and full width aside) — "实名收寄" and "实名收寄。" are one item, "2026年第一批抽查" and "2026年第一批抽查！" one plan —
-- as InspectionItems and InspectionPlans check, and these indexes hold it when two requests race past the check (409,
-- ErrorHandling). The plan's name had only a transaction lock and a plain index (V246); the item's folded unique index
-- of V245 is replaced: text_key is the stricter key.
-- Rows already twins under the new key keep their first (lowest id) name; each later one is renamed deterministically
-- with the suffix （重名<id>）, its name cut to leave room in the column's width, as V245 and V346 renamed twins.

UPDATE inspection_item i
   SET name = left(i.name, 100 - length('（重名' || i.id || '）')) || '（重名' || i.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY coalesce(bureau_id, 0), text_key(name) ORDER BY id) AS n
          FROM inspection_item) twin
 WHERE twin.id = i.id AND twin.n > 1;

UPDATE inspection_plan p
   SET name = left(p.name, 200 - length('（重名' || p.id || '）')) || '（重名' || p.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY bureau_id, text_key(name) ORDER BY id) AS n FROM inspection_plan) twin
 WHERE twin.id = p.id AND twin.n > 1;

DROP INDEX inspection_item_name_folded;
DROP INDEX inspection_plan_name_folded;
CREATE UNIQUE INDEX inspection_item_name_text_key ON inspection_item (coalesce(bureau_id, 0), text_key(name));
CREATE UNIQUE INDEX inspection_plan_name_text_key ON inspection_plan (bureau_id, text_key(name));
