-- The certificates of one licence (the grant's, then each approved change, renewal or branch re-issuing it) in the order
-- they were issued: a sequence drawn at each approval. Two approvals of one licence on one day (a renewal and a change)
-- were told apart by the application's id, the order they were submitted in, not decided in — so the certificate a later
-- approval replaced could show, and verify, as the one in force. Certificates issued before are numbered by their
-- decision day, then the time their approval was recorded in the audit trail, then the id.
CREATE SEQUENCE licence_certificate_seq;
ALTER TABLE licence_application ADD COLUMN certificate_seq bigint;
UPDATE licence_application a SET certificate_seq = o.seq
FROM (SELECT l.id, row_number() OVER (ORDER BY l.decided_on,
             (SELECT max(e.occurred_at) FROM audit_event e WHERE e.object_type = 'licence_application'
              AND e.object_id = l.id::text AND e.action = 'licensing.approve'), l.id) AS seq
      FROM licence_application l
      WHERE l.status = 'APPROVED' AND l.verification_code IS NOT NULL) o
WHERE a.id = o.id;
SELECT setval('licence_certificate_seq', coalesce(max(certificate_seq), 0) + 1, false) FROM licence_application;
CREATE UNIQUE INDEX licence_application_certificate_seq ON licence_application (certificate_seq);
