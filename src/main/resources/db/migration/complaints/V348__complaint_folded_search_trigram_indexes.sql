-- As V347 for the enterprise: the complaint list's search folds full-width digits and letters of the enterprise name
-- and of the description (for a word with Latin letters and no digits; a word with digits finds the masked description
-- as shown, kernel.Listing#search with Masked columns) to ASCII (Text.halfWidthAlphanumericsSql, translate with these
-- literals, character for character), which V21's trigram indexes on the columns as stored do not serve.
CREATE INDEX IF NOT EXISTS complaint_enterprise_folded_trgm ON complaint
    USING gin (translate(enterprise_name, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') gin_trgm_ops);
CREATE INDEX IF NOT EXISTS complaint_description_folded_trgm ON complaint
    USING gin (translate(description, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') gin_trgm_ops);
