-- A branch filing's name (per parent enterprise) and a statistical indicator's name are unique under the key every
-- other twin rule compares (text_key of V336, kernel.Text.textKey): "竞态分部!" and "竞态分部!!!!" are one branch, as
-- BranchFilings and Indicators check — and these indexes hold it when two requests race (the second one meets the key:
-- 409, ErrorHandling). The folded index of V245 on branch_filing is replaced: text_key is the stricter key.
-- Rows already twins under the new key keep their first (lowest id) name; each later one is renamed deterministically
-- with the suffix （重名<id>） (an indicator, keyed by its code, （重名<n>） by its place among its twins), its name cut to leave room in the column's width, as V346 renamed bureau twins.

UPDATE branch_filing b
   SET name = left(b.name, 200 - length('（重名' || b.id || '）')) || '（重名' || b.id || '）'
  FROM (SELECT id, row_number() OVER (PARTITION BY parent_credit_code, text_key(name) ORDER BY id) AS n
          FROM branch_filing) twin
 WHERE twin.id = b.id AND twin.n > 1;

UPDATE stat_indicator i
   SET name = left(i.name, 100 - length('（重名' || twin.n || '）')) || '（重名' || twin.n || '）'
  FROM (SELECT code, row_number() OVER (PARTITION BY text_key(name) ORDER BY code) AS n FROM stat_indicator) twin
 WHERE twin.code = i.code AND twin.n > 1;

DROP INDEX branch_filing_name_folded;
CREATE UNIQUE INDEX branch_filing_name_text_key ON branch_filing (parent_credit_code, text_key(name));
CREATE UNIQUE INDEX stat_indicator_name_text_key ON stat_indicator (text_key(name));
