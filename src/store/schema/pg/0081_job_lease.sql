-- 0081_job_lease.sql (PostgreSQL) — leases for work one server process at
-- a time should do (see ../0081_job_lease.sql).  The table is private
-- bookkeeping: gk_private_table() (migration 0040) learns its name before
-- the table exists, so gk_content_triggers() gives it no trigger.
CREATE OR REPLACE FUNCTION gk_private_table(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT t IN ('session', 'login_failure', 'login_throttle', 'audit_log',
               'apply_attempt', 'message_throttle', 'form_submission',
               'api_token', 'schema_migration', 'content_generation',
               'holiday', 'job_lease')
      OR t LIKE 'application%' OR t LIKE 'app\_%'
$$;

CREATE TABLE job_lease (
  job        bigint PRIMARY KEY,
  holder     text NOT NULL,
  taken_at   bigint NOT NULL,
  expires_at bigint NOT NULL
);
