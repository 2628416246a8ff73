-- The licence numbers of applications imported from a bureau's history were stored as typed (spaces, letter case; NFKC
-- only), while the queries that find a licence's renewals and changes compared them exactly: "ab 2025 1" was not the
-- licence AB-2025-1. Each such number is rewritten as the licence is written on record, compared by its identifier key
-- (Text.identifierKey: the SQL function folded of V245 with the identifier separators translated away): the registry's
-- licence, else (for a change, renewal or branch) the new licence approved or imported here. A new licence's row is
-- rewritten only where no other new licence's row has that key (its number stays unique). The index serves the
-- queries that now compare by that key.
CREATE INDEX licence_application_licence_key ON licence_application
    (translate(folded(licence_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''));

UPDATE licence_application a SET licence_number = l.number
FROM express_licence l
WHERE a.licence_number IS NOT NULL AND a.licence_number <> l.number
  AND translate(folded(a.licence_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')
    = translate(folded(l.number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')
  AND (a.kind IN ('CHANGE', 'RENEWAL', 'BRANCH')
       OR NOT EXISTS (SELECT 1 FROM licence_application o
                      WHERE o.id <> a.id AND o.kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH')
                        AND translate(folded(o.licence_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')
                          = translate(folded(l.number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')));

UPDATE licence_application a SET licence_number = n.licence_number
FROM licence_application n
WHERE a.kind IN ('CHANGE', 'RENEWAL', 'BRANCH') AND a.licence_number IS NOT NULL
  AND n.kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH') AND n.status = 'APPROVED' AND n.licence_number IS NOT NULL
  AND a.licence_number <> n.licence_number
  AND translate(folded(a.licence_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')
    = translate(folded(n.licence_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')
  AND NOT EXISTS (SELECT 1 FROM express_licence l
                  WHERE translate(folded(l.number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')
                    = translate(folded(a.licence_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''));
