-- One comparison key for every duplicate-name rule (kernel.Text.folded): NFKC (full-width letters and digits as
-- ASCII), every space and invisible character removed (the bracket below is Text.FOLD_REMOVED, character for
-- character), A-Z as a-z and each quotation mark, middle dot and dash as one of its kind (the two texts of translate are
-- Text.FOLD_FROM and Text.FOLD_TO). So "ＧＪ速运", "GJ 速运" and "gj速运" are one name, "越溪路２６号" and "越溪路26号" one
-- address, "“双11”安保期" and "「双11」安保期" one period.
CREATE FUNCTION folded(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT translate(regexp_replace(normalize(t, NFKC), '[\u0009-\u000D\u0020\u0085\u00A0\u00AD\u034F\u061C\u115F\u1160\u1680\u17B4\u17B5\u180B-\u180F\u2000-\u200F\u2028-\u202F\u205F-\u206F\u2800\u3000\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]+', '', 'g'),
                 U&'ABCDEFGHIJKLMNOPQRSTUVWXYZ\201C\201D\201E\201F\300C\300D\300E\300F''\2018\2019\201A\201B\301D\301E\30FB\2027\2022\2219\22C5\2010\2012\2013\2014\2015\2212\2043',
                 U&'abcdefghijklmnopqrstuvwxyz"""""""""""""""\00B7\00B7\00B7\00B7\00B7-------')
$$;

-- Rows stored before this rule that are one name under the key: the earliest (lowest id) keeps its name, every later
-- one gets the visible suffix （重名<id>） (cut to the column's width), so no row is merged or lost, each can still be
-- found and the bureau sees which to correct or cancel; each renamed row is reported as a NOTICE in the log.
CREATE FUNCTION v245_rename_twins(tbl text, scope text, col text, width int) RETURNS void
    LANGUAGE plpgsql AS $f$
DECLARE
    r record;
    suffix text;
BEGIN
    FOR r IN EXECUTE format('SELECT id, v FROM (SELECT id, %I AS v, row_number() OVER (PARTITION BY %s ORDER BY id) AS n '
                            'FROM %I) t WHERE n > 1 ORDER BY id', col, scope, tbl)
    LOOP
        suffix := '（重名' || r.id || '）';
        EXECUTE format('UPDATE %I SET %I = left(%I, $1 - length($2)) || $2 WHERE id = $3', tbl, col, col)
            USING width, suffix, r.id;
        RAISE NOTICE 'V245: %.% id % renamed from % (a look-alike of an earlier row)', tbl, col, r.id, r.v;
    END LOOP;
END
$f$;

SELECT v245_rename_twins('bureau', 'folded(name)', 'name', 100);
SELECT v245_rename_twins('department', 'bureau_id, folded(name)', 'name', 60);
SELECT v245_rename_twins('brand', 'folded(name)', 'name', 60);
SELECT v245_rename_twins('brand', 'folded(short_name)', 'short_name', 20);
SELECT v245_rename_twins('terminal_outlet', 'folded(name), folded(address)', 'name', 200);
SELECT v245_rename_twins('branch_filing', 'parent_credit_code, folded(name)', 'name', 200);
SELECT v245_rename_twins('inspection_item', 'coalesce(bureau_id, 0), folded(name)', 'name', 100);

DROP FUNCTION v245_rename_twins(text, text, text, int);

-- The rules' last word when two requests race past the code's check: the key is unique where the name was.
CREATE UNIQUE INDEX bureau_name_folded ON bureau (folded(name));
CREATE UNIQUE INDEX department_name_folded ON department (bureau_id, folded(name));
CREATE UNIQUE INDEX brand_name_folded ON brand (folded(name));
CREATE UNIQUE INDEX brand_short_name_folded ON brand (folded(short_name));
CREATE UNIQUE INDEX terminal_outlet_name_folded ON terminal_outlet (folded(name), folded(address));
CREATE UNIQUE INDEX branch_filing_name_folded ON branch_filing (parent_credit_code, folded(name));
-- an inspection item's name within its owner's catalogue (a bureau's own items; 0: the statutory default items)
CREATE UNIQUE INDEX inspection_item_name_folded ON inspection_item (coalesce(bureau_id, 0), folded(name));
-- the security periods' rule (same region, look-alike name, overlapping days, not cancelled) is no equality an index
-- can hold: SecurityPeriods checks it under a transaction lock per region
CREATE INDEX safety_security_period_name_folded ON safety_security_period (region_code, folded(name));
