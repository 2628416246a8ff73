-- A renewal acceptance belongs to the term it was accepted in (视为准予延续, 行政许可法(2019) art.50): one dated before the
-- licence's current term began renewed an earlier term, and read as the current term's it would keep the licence 有效
-- past its expiry for ever. The registry now reads only an acceptance within the current term (Licences.IN_FORCE_SQL,
-- ExpressLicence.status: from the day after the expiry, the statutory 5 years earlier, or from the day of issue when
-- later); this clears any acceptance recorded before that day (a late delivery before V275's guard), so none is left
-- to be read by something that does not check the term.
UPDATE express_licence
SET renewal_accepted_on = NULL, version = version + 1
WHERE renewal_accepted_on IS NOT NULL
  AND renewal_accepted_on < GREATEST(issued_on, (expires_on + 1 - interval '5 years')::date);
