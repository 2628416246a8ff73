-- The region module's read contract for other modules' SQL: a region's code, name, parent and level. Other modules
-- join this view (never the region table) to name the places their rows lie in; the region module keeps its shape
-- whatever becomes of its tables. ModuleTablesTest holds every module to it.
CREATE VIEW region_name AS
SELECT code, name, parent_code, level FROM region;
