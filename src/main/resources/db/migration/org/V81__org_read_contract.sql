-- The organisation module's read contract for other modules' SQL: bureaus and departments by id with their names,
-- regions and order. Other modules join these views (never the bureau or department tables); ModuleTablesTest holds
-- every module to it.
CREATE VIEW bureau_name AS
SELECT id, name, short_name, level, region_code, parent_id FROM bureau;

CREATE VIEW department_name AS
SELECT id, bureau_id, name, sort_order, active FROM department;
