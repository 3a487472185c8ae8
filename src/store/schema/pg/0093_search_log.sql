-- 0093_search_log.sql (PostgreSQL) — the change log that feeds the search
-- replicas (issue 16, third option; src/store/search_replica.c,
-- docs/search.md "PostgreSQL: the FTS5 replica").
--
-- A server started with --search-replica keeps a local SQLite file with
-- SQLite's FTS5 search index over the rows PostgreSQL's index holds
-- (search_doc and search_pg's folded text), and before a search applies
-- the entries of this log it has not applied yet.  One row per change:
--   what = 'doc'        the index row of document doc_id changed (added,
--                       removed, re-keyed or re-indexed): pg_search.c
--                       writes it in the transaction of the change;
--   what = 'org'        org's tree changed (the subtree filter);
--   what = 'catalogue'  catalogue items or their Art. 20 items changed;
--   what = 'start'      the first row (the log is never empty).
-- seq is the order of commit: every writer of this table holds the
-- advisory lock of the search key (store_lock STORE_LOCK_SEARCH_KEY,
-- key (0x474b4149, 2)) from before its nextval() until its commit, so a
-- reader's snapshot always holds a prefix of the log, never a gap.  tag is
-- random: a replica remembers the (seq, tag) it applied last, and a log
-- that does not hold that row (another database, a restored backup, rows
-- pruned) makes it start again from scratch.
-- The log is private bookkeeping (the documents' own changes advance the
-- content generation): gk_private_table() (migrations 0040, 0081) learns
-- its name before the table exists, so gk_content_triggers() gives it no
-- trigger.
CREATE OR REPLACE FUNCTION gk_private_table(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT t IN ('session', 'login_failure', 'login_throttle', 'audit_log',
               'apply_attempt', 'message_throttle', 'form_submission',
               'api_token', 'schema_migration', 'content_generation',
               'holiday', 'job_lease', 'search_log')
      OR t LIKE 'application%' OR t LIKE 'app\_%'
$$;

CREATE TABLE search_log (
  seq    bigserial PRIMARY KEY,
  what   TEXT NOT NULL DEFAULT 'doc',
  doc_id bigint,
  tag    bigint NOT NULL DEFAULT (floor(random() * 4e15))::bigint
);
INSERT INTO search_log(what) VALUES ('start');

CREATE FUNCTION gk_search_log_table() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1196114249, 2);
  INSERT INTO search_log(what) VALUES (TG_ARGV[0]);
  RETURN NULL;
END
$$;
CREATE TRIGGER gk_search_log_org AFTER INSERT OR DELETE OR UPDATE OF parent_id
  ON org FOR EACH STATEMENT EXECUTE FUNCTION gk_search_log_table('org');
CREATE TRIGGER gk_search_log_catalogue AFTER INSERT OR DELETE
  OR UPDATE OF art20_item ON catalogue_item
  FOR EACH STATEMENT EXECUTE FUNCTION gk_search_log_table('catalogue');
