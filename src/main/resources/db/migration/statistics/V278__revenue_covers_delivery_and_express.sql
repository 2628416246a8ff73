-- 业务收入 comprises 邮政寄递服务收入, 快递业务收入 and other income (the national bulletin's structure), so it is at least
-- their sum: the two seeded rules each compared it with one part only, letting 10 万元 of revenue stand beside 5000 + 5000.
-- No volume counterpart: 邮政行业业务总量 is a value in 万元 (constant prices), not a count the two volumes add up to.
INSERT INTO stat_rule (code, left_formula, operator, right_formula, message) VALUES
 ('revenue-covers-parts', 'postal.revenue', '>=', 'postal.delivery.revenue + express.revenue',
  '邮政行业业务收入应不小于邮政寄递服务业务收入与快递业务收入之和');
