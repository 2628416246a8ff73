-- Queue and search at a million complaints (ComplaintBenchmark): the open ones by place and due date, exact lookups,
-- category lists, and Chinese substrings of the enterprise and the description (trigrams).
CREATE INDEX complaint_open ON complaint (region_code text_pattern_ops, step_due)
    WHERE status NOT IN ('REJECTED', 'CLOSED', 'WITHDRAWN');
CREATE INDEX complaint_waybill ON complaint (waybill_number);
CREATE INDEX complaint_phone ON complaint (filer_phone);
CREATE INDEX complaint_by_category ON complaint (category, region_code text_pattern_ops, received_on);
CREATE INDEX complaint_enterprise_trgm ON complaint USING gin (enterprise_name gin_trgm_ops);
CREATE INDEX complaint_description_trgm ON complaint USING gin (description gin_trgm_ops);
