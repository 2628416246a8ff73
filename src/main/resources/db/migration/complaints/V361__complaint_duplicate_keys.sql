-- Attack 3: twenty identical complaints from one network, each with a new phone number, were none of them marked as a
-- likely duplicate (the rule compared the phone and the waybill only). A complaint keeps what the duplicate check of
-- later filings compares, never in clear: a keyed hash of its normalised description (Secrets.index) and, for a
-- public filing, a keyed hash of the client address it came from.
ALTER TABLE complaint ADD COLUMN description_key bytea;
ALTER TABLE complaint ADD COLUMN filed_from_index bytea;
CREATE INDEX complaint_same_text ON complaint (received_on, brand_id, description_key) WHERE description_key IS NOT NULL;
