-- Every expression the enterprise list's search compares gets a GIN trigram index, so that the planner can answer the
-- whole search condition (the words ORed over the columns) with a bitmap OR instead of reading every enterprise in scope
-- (kernel.Listing#search; docs/performance.md "Folded search words"). V347 indexes the folded name; here:
-- * the credit code and the region code, compared folded as every plain column is (Listing#searched: translate with
--   these literals, Text.halfWidthAlphanumericsSql);
-- * the contact phone, shown masked (Listing.Masked#phone): its candidates for a word with digits, and a word without
--   them, are compared on the phone in NFKC (Listing#shownForm: normalize(…, NFKC), immutable).
CREATE INDEX IF NOT EXISTS enterprise_credit_code_folded_trgm ON enterprise
    USING gin (translate(credit_code, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') gin_trgm_ops);
CREATE INDEX IF NOT EXISTS enterprise_region_code_folded_trgm ON enterprise
    USING gin (translate(region_code, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') gin_trgm_ops);
CREATE INDEX IF NOT EXISTS enterprise_contact_phone_shown_trgm ON enterprise
    USING gin (normalize(contact_phone, NFKC) gin_trgm_ops);
