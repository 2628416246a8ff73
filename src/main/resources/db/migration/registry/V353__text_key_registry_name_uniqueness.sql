-- Names of the registry are unique under the key every other twin rule compares (text_key of V336,
-- kernel.Text.textKey: spaces, punctuation, brackets and full width aside), as V346 made bureaus' and V349 branch
-- filings' — so "吴中测试设施" and "吴中测试设施。", or "顺丰" and "顺·丰", are one name, and an index holds it when two
-- requests race past the code's check (the second one meets the key: 409, ErrorHandling):
--   a facility: its kind, name and address (the address stays compared by folded(): a dash or a dot in "3-201号" tells
--     one door from another, "32-01号");
--   a branch: its enterprise and name (before, only a transaction lock held the facility's and the branch's rule);
--   a brand: its name, and its short name (the folded indexes of V245 replaced);
--   a terminal outlet: its name and address (the folded index of V245 replaced; the address folded, as above).
-- Rows already twins under the new key keep their first (lowest id) name; each later one is renamed deterministically
-- with the suffix （重名<id>）, its name cut to leave room in the column's width, as V245, V346 and V349 renamed twins.

UPDATE facility f
   SET name = left(f.name, 200 - length('（重名' || f.id || '）')) || '（重名' || f.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY kind, text_key(name), folded(address) ORDER BY id) AS n
          FROM facility) twin
 WHERE twin.id = f.id AND twin.n > 1;

UPDATE branch b
   SET name = left(b.name, 200 - length('（重名' || b.id || '）')) || '（重名' || b.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY enterprise_id, text_key(name) ORDER BY id) AS n FROM branch) twin
 WHERE twin.id = b.id AND twin.n > 1;

UPDATE brand b
   SET name = left(b.name, 60 - length('（重名' || b.id || '）')) || '（重名' || b.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY text_key(name) ORDER BY id) AS n FROM brand) twin
 WHERE twin.id = b.id AND twin.n > 1;

UPDATE brand b
   SET short_name = left(b.short_name, 20 - length('（重名' || b.id || '）')) || '（重名' || b.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY text_key(short_name) ORDER BY id) AS n FROM brand) twin
 WHERE twin.id = b.id AND twin.n > 1;

UPDATE terminal_outlet o
   SET name = left(o.name, 200 - length('（重名' || o.id || '）')) || '（重名' || o.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY text_key(name), folded(address) ORDER BY id) AS n
          FROM terminal_outlet) twin
 WHERE twin.id = o.id AND twin.n > 1;

DROP INDEX brand_name_folded;
DROP INDEX brand_short_name_folded;
DROP INDEX terminal_outlet_name_folded;
CREATE UNIQUE INDEX facility_name_text_key ON facility (kind, text_key(name), folded(address));
CREATE UNIQUE INDEX branch_name_text_key ON branch (enterprise_id, text_key(name));
CREATE UNIQUE INDEX brand_name_text_key ON brand (text_key(name));
CREATE UNIQUE INDEX brand_short_name_text_key ON brand (text_key(short_name));
CREATE UNIQUE INDEX terminal_outlet_name_text_key ON terminal_outlet (text_key(name), folded(address));
