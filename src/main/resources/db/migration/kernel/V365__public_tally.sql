-- The one tally of what the public side does that a limit of the rule catalogue counts (kernel.PublicTally): failed
-- public look-ups (a complaint's status, an e-licence's verification) and complaints filed through the public portal,
-- each under its module's kind and a key (a number as typed and normalised, a client address, a keyed hash — never a
-- personal number). It replaces the two tables that counted the same way apart: complaint_public_tally (V283; its
-- kinds lookup-failed, lookup-number, filed-phone, filed-address kept as they are, so the phone's keyed hash still
-- matches) and licence_verify_failure (V364; its kinds number and address become licence-number and licence-address).
-- Their rows are moved, so a limit reached before the upgrade stays reached for the rest of its window.
CREATE TABLE public_tally (
    id bigserial PRIMARY KEY,
    kind varchar(40) NOT NULL,
    tally_key varchar(100) NOT NULL,
    counted_at timestamptz NOT NULL
);
CREATE INDEX public_tally_key ON public_tally (kind, tally_key, counted_at);
CREATE INDEX public_tally_at ON public_tally (counted_at);

INSERT INTO public_tally (kind, tally_key, counted_at)
SELECT kind, tally_key, counted_at FROM complaint_public_tally;
INSERT INTO public_tally (kind, tally_key, counted_at)
SELECT 'licence-' || kind, tally_key, counted_at FROM licence_verify_failure;

DROP TABLE complaint_public_tally;
DROP TABLE licence_verify_failure;
