-- A bureau's and a department's name is unique under the key every other twin rule compares (text_key of V336,
-- kernel.Text.textKey): spaces, punctuation, brackets and full width aside, so "市场监管处" and "市场·监管处", or
-- "苏州市邮政管理局" and "苏州市邮政管理局。" are one name — the checks of Bureaus and Departments compare so, and these
-- indexes hold it when two requests race. The folded indexes of V245 are replaced: text_key is the stricter key.
-- Rows already twins under the new key keep their first (lowest id) name; each later one is renamed deterministically
-- with the suffix （重名<id>）, its name cut to leave room in the column's width, as V245 renamed folded twins.

UPDATE bureau b
   SET name = left(b.name, 100 - length('（重名' || b.id || '）')) || '（重名' || b.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY text_key(name) ORDER BY id) AS n FROM bureau) twin
 WHERE twin.id = b.id AND twin.n > 1;

UPDATE department d
   SET name = left(d.name, 60 - length('（重名' || d.id || '）')) || '（重名' || d.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY bureau_id, text_key(name) ORDER BY id) AS n FROM department) twin
 WHERE twin.id = d.id AND twin.n > 1;

DROP INDEX bureau_name_folded;
DROP INDEX department_name_folded;
CREATE UNIQUE INDEX bureau_name_text_key ON bureau (text_key(name));
CREATE UNIQUE INDEX department_name_text_key ON department (bureau_id, text_key(name));
