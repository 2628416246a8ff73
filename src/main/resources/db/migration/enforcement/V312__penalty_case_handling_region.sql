-- The bureau handling a case is fixed when it is filed (立案: the 办案机关), not looked up again at every step: a county
-- bureau given its first accounts later takes new leads, never its city's open or decided cases. handling_region is the
-- region of that bureau; null (a past case imported, a row of a path that stores none) routes by the region's bureau
-- now (Bureaus#staffed with CASE_DECIDERS).
ALTER TABLE penalty_case ADD COLUMN handling_region varchar(12);

-- the cases filed before: the bureau handling each now, by the rule the steps then follow — the nearest bureau around
-- the case's region with an enabled 处室工作人员 and an enabled 局领导, else the nearest bureau
UPDATE penalty_case c SET handling_region = coalesce(
    (SELECT b.region_code FROM bureau b
     WHERE (c.region_code LIKE b.region_code || '%' OR b.region_code = '0')
       AND EXISTS (SELECT 1 FROM user_account u JOIN user_role r ON r.user_account = u.id
                   WHERE u.bureau_id = b.id AND u.kind = 'STAFF' AND u.enabled AND r.role = 'STAFF')
       AND EXISTS (SELECT 1 FROM user_account u JOIN user_role r ON r.user_account = u.id
                   WHERE u.bureau_id = b.id AND u.kind = 'STAFF' AND u.enabled AND r.role = 'BUREAU_LEADER')
     ORDER BY CASE WHEN b.region_code = '0' THEN 0 ELSE length(b.region_code) END DESC LIMIT 1),
    (SELECT b.region_code FROM bureau b WHERE c.region_code LIKE b.region_code || '%'
     ORDER BY length(b.region_code) DESC LIMIT 1));
