-- The bureau that decided a filing (准予 or 不予备案), by its name on the day: the receipt names it, not whichever bureau
-- handles the outlet's place later (a county's bureau given its first account after its city decided). Filings decided
-- before this column keep NULL and are named by the bureau handling their place.
ALTER TABLE outlet_filing ADD COLUMN decided_by varchar(200);
