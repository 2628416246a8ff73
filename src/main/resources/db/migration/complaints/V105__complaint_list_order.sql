-- The complaint list's default order (newest received first): a city's first page walks this index and stops after
-- its rows instead of sorting every complaint in the city (the list's plan is made once per region, see RegionPrefix).
CREATE INDEX complaint_list_order ON complaint (received_on DESC NULLS LAST, id DESC);
