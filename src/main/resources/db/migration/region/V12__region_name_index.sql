-- Place words in searches ("吴中") are looked up by name prefix.
CREATE INDEX region_name_prefix_idx ON region (name text_pattern_ops);
