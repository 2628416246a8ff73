-- As V350 for the enterprise: every expression the complaint list's search for a bureau's staff compares gets a GIN
-- trigram index, so that the whole search condition is a bitmap OR instead of a read of every complaint in scope
-- (kernel.Listing#search; docs/performance.md "Folded search words"). V348 indexes the folded enterprise name; here:
-- * the enterprise's credit code, compared folded as every plain column is (Listing#searched, translate with these
--   literals, Text.halfWidthAlphanumericsSql);
-- * the description and the waybill number, shown masked (Listing.Masked#telephones): their candidates for a word with
--   digits, and a word without them, are compared in NFKC (Listing#shownForm: normalize(…, NFKC), immutable) — which
--   replaces the comparison of the folded description, so V348's index on it serves nothing any more and is dropped;
-- * the filer's phone stored masked (Listing.Masked#stored): compared in NFKC without the characters people type between
--   a number's blocks (Listing#withoutJoinersSql, the same bracket expression), so 139-****-5678 finds 139****5678.
CREATE INDEX IF NOT EXISTS complaint_credit_code_folded_trgm ON complaint
    USING gin (translate(enterprise_credit_code, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') gin_trgm_ops);
CREATE INDEX IF NOT EXISTS complaint_description_shown_trgm ON complaint
    USING gin (normalize(description, NFKC) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS complaint_waybill_shown_trgm ON complaint
    USING gin (normalize(waybill_number, NFKC) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS complaint_filer_phone_stored_trgm ON complaint
    USING gin (regexp_replace(normalize(filer_phone_masked, NFKC), '[\s\-.()/、,:~|]', '', 'g') gin_trgm_ops);
DROP INDEX IF EXISTS complaint_description_folded_trgm;
