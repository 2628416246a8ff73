-- Search at national scale (see docs/performance.md). Region codes are digits, so the "C" collation orders them
-- exactly as before and lets one plain btree serve both the scope prefix (LIKE '32%') and the page order: a page
-- in region order stops after its rows instead of sorting every match. Per-enterprise outlet counts use an index.
ALTER TABLE terminal_outlet ALTER COLUMN region_code SET DATA TYPE varchar(12) COLLATE "C";
CREATE INDEX terminal_outlet_region_order_idx ON terminal_outlet (region_code, id);
CREATE INDEX terminal_outlet_enterprise_idx ON terminal_outlet (enterprise_id);
