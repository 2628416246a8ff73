-- A list's search compares a word holding ASCII digits or letters with its columns' full-width digits and letters
-- folded to ASCII (kernel.Listing#search through Text.halfWidthAlphanumericsSql: translate with the literals below,
-- character for character; "SF12" finds "ＳＦ１２号"). The trigram index of V9 on the column as stored does not
-- serve that expression, so such a word read the whole enterprise table; this index serves it (translate with literal
-- arguments is immutable). The searches of words without them still use V9's indexes.
CREATE INDEX IF NOT EXISTS enterprise_name_folded_trgm ON enterprise
    USING gin (translate(legal_name, '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') gin_trgm_ops);
