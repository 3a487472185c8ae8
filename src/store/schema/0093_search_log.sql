-- 0093_search_log.sql — on SQLite the same table as the PostgreSQL
-- migration of this number (pg/0093_search_log.sql: the change log that
-- feeds the search replicas of PostgreSQL servers, src/store/
-- search_replica.c), so both schemas keep the same tables
-- (tests/pg/test_schema.sh).  Unused on SQLite: its own index is FTS5.
CREATE TABLE search_log (
  seq    INTEGER PRIMARY KEY,
  what   TEXT NOT NULL DEFAULT 'doc',
  doc_id INTEGER,
  tag    INTEGER NOT NULL DEFAULT 0
);
