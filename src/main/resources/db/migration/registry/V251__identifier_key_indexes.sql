-- Look-alike identifiers are one identifier (kernel.Text.identifierKey; SQL kernel.Text.identifierKeySql): every
-- uniqueness check on an identifier compares this key (kernel.UniqueIdentifiers.taken). These indexes hold the key of
-- the registry's largest identifier columns, so the check is an index probe instead of a scan of the table. The
-- expression must stay the one Text.identifierKeySql writes (a test asks the planner to use each).
CREATE INDEX terminal_outlet_filing_number_ident ON terminal_outlet (translate(folded(filing_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''));
CREATE INDEX facility_serial_number_ident ON facility (translate(folded(serial_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''));
CREATE INDEX express_licence_number_ident ON express_licence (translate(folded(number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''));
