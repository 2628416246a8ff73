-- Why an outlet closed, as the enterprise gave it in its 撤销备案 (chosen from the usual reasons or written), as the
-- bureau gave it when closing it, or the enterprise's cancellation (注销). Until now the enterprise portal sent a fixed,
-- hidden 网点停止经营 and a bureau's closure had no reason at all. Outlets closed before keep none (shown as 未记录).
ALTER TABLE terminal_outlet ADD COLUMN closed_reason text;
