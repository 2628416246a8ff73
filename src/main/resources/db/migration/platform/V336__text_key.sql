-- One comparison key for the duplicate ("twin") rules on texts — a hazard's description, a ledger row's facts, a lead's
-- summary, an on-the-spot decision's facts, a piece of evidence, a supervision record's subject (kernel.Text.textKey,
-- character for character): the text as folded(text) of V245 writes it (NFKC, spaces and invisible characters removed,
-- A-Z as a-z), then every punctuation mark, bracket and symbol removed (the bracket below is Text.NAME_KEY_DROPPED with
-- the emoji U+1F000-U+1FAFF, as enterprise_name_key of V253 removes them): "门店未配备安检机。", "门店未配备安检机" and
-- "门店未配备安检机." are one text, as "门店未配备安检机，存在隐患" and "门店未配备安检机;存在隐患" are.
CREATE FUNCTION text_key(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT regexp_replace(folded(t),
    '[\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E\u00A1-\u00BF\u00D7\u00F7\u0300-\u036F\u2010-\u2027\u2030-\u205E\u20A0-\u20CF\u2190-\u245F\u2500-\u2775\u2794-\u2BFF\u2E00-\u2E7F\u3001-\u3004\u3008-\u3020\u3030\u303D-\u303F\u30A0\u30FB\uFE10-\uFE1F\uFE30-\uFE6F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\uFFE0-\uFFEE\U0001F000-\U0001FAFF]+', '', 'g')
$$;
