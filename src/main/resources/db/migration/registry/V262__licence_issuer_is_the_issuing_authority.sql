-- A licence is issued by the provincial bureau (同城, 省内) or 国家邮政局 (跨省, 国际) — 邮政法(2015) art.52 — and only
-- its issuer revokes it (行政许可法(2019) art.70(四), 行政处罚法(2021) art.9). The registry's form and .xlsx import took
-- the recording bureau's region as the issuer's (a city's 3205, a county's 320506), so a city's or county's penalty
-- decision would revoke such a licence (licensing.PenaltyRevocations compares the issuer's region with the deciding
-- case's). A region no issuer has under the law (longer than a province's) becomes the scope's authority's: the holder's
-- province, or 0 for 国家邮政局. The registry now derives it so (Licences#check).
UPDATE express_licence
SET issuing_region_code = CASE WHEN scope IN ('INTER_PROVINCE', 'INTERNATIONAL') THEN '0'
                               ELSE substring(region_code FROM 1 FOR 2) END
WHERE length(issuing_region_code) > 2;
