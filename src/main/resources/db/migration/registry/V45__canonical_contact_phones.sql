-- Telephone numbers are stored in one canonical form (kernel Telephone): a mobile 13800138000, a landline with its
-- area code 0512-65551234. Enterprise contact phones were kept as typed (051265551234, 051-265551234 …): rewrite the
-- ones that read as a number; anything else stays as it was (still shown, masked). The area code is 3 digits for 010
-- and 02x, 4 otherwise. Skipped when the column no longer holds text (another migration may have encrypted it).
CREATE FUNCTION pg_temp.canonical_phone(raw text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    s text;
    d text;
    international boolean;
    area int;
BEGIN
    IF raw IS NULL THEN
        RETURN NULL;
    END IF;
    s := regexp_replace(translate(raw, '０１２３４５６７８９（）－＋', '0123456789()-+'), '[\s　]', '', 'g');
    international := s ~ '^(\+86|0086)';
    s := regexp_replace(s, '^(\+86|0086)-?', '');
    s := regexp_replace(s, '^\(0?(\d+)\)', '0\1-');
    d := replace(s, '-', '');
    IF d !~ '^\d+$' THEN
        RETURN raw;
    END IF;
    IF d ~ '^1[3-9]\d{9}$' THEN
        RETURN d;
    END IF;
    IF international AND d !~ '^0' THEN
        d := '0' || d;
    END IF;
    area := CASE WHEN d ~ '^0(10|2)' THEN 3 ELSE 4 END;
    IF d ~ '^0' AND substr(d, area + 1) ~ '^[1-9]\d{6,7}$' THEN
        RETURN substr(d, 1, area) || '-' || substr(d, area + 1);
    END IF;
    RETURN raw;
END
$$;

DO $$
BEGIN
    IF (SELECT data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'enterprise' AND column_name = 'contact_phone')
        IN ('character varying', 'text') THEN
        UPDATE enterprise SET contact_phone = pg_temp.canonical_phone(contact_phone)
        WHERE contact_phone IS DISTINCT FROM pg_temp.canonical_phone(contact_phone);
    END IF;
END
$$;

DROP FUNCTION pg_temp.canonical_phone(text);
