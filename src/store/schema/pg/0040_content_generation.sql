-- 0040_content_generation.sql (PostgreSQL) — the public content generation
-- (see ../0040_content_generation.sql): a counter that every change to a
-- table whose rows can appear on a public page advances, in the writing
-- transaction, whichever process writes.
--
-- SQLite has no persistent triggers per connection-independent function,
-- so store_sqlite.c creates TEMP triggers on each connection.  PostgreSQL
-- has real ones: gk_content_triggers() puts one row-level AFTER trigger on
-- every public table of the current schema that has none yet (the private
-- bookkeeping tables are listed in gk_private_table(), the same list as
-- private_table() in store_sqlite.c).  The driver (store_pg.c) calls it
-- after every migration run, so a table added by a later migration gets
-- its trigger too.
CREATE TABLE content_generation (
  id  bigint PRIMARY KEY CHECK (id = 1),
  gen bigint NOT NULL
);
INSERT INTO content_generation VALUES (1, 1);

CREATE FUNCTION gk_content_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE content_generation SET gen = gen + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

-- Tables whose rows never appear on a public page (writing them leaves the
-- generation alone): sessions, sign-in failures, bookkeeping, applications
-- and their case files (application*, app_*).
CREATE FUNCTION gk_private_table(t text) RETURNS boolean LANGUAGE sql
IMMUTABLE AS $$
  SELECT t IN ('session', 'login_failure', 'login_throttle', 'audit_log',
               'apply_attempt', 'message_throttle', 'form_submission',
               'api_token', 'schema_migration', 'content_generation',
               'holiday')
      OR t LIKE 'application%' OR t LIKE 'app\_%'
$$;

-- Creates the missing triggers; returns how many tables got one.
CREATE FUNCTION gk_content_triggers() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  r record;
  n integer := 0;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace
      AND c.relkind IN ('r', 'p') AND NOT gk_private_table(c.relname)
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid
                      AND g.tgname = 'gk_content_gen')
  LOOP
    EXECUTE format('CREATE TRIGGER gk_content_gen AFTER INSERT OR UPDATE OR '
                   'DELETE ON %I FOR EACH ROW EXECUTE FUNCTION '
                   'gk_content_bump()', r.relname);
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
SELECT gk_content_triggers();
