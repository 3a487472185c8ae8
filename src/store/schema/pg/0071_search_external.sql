-- 0071_search_external.sql (PostgreSQL) — search_doc without a copy of the
-- text (see ../0071_search_external.sql: there the FTS5 tables read the
-- documents' own text through the view search_text, and triggers save a
-- document's indexed text in search_stale before it changes).
--
-- Left out on PostgreSQL: the view search_text and the triggers, which
-- only serve the SQLite FTS5 index (PostgreSQL has no full-text index yet:
-- the store's index upkeep does nothing there, sqlite_search.c); the
-- PostgreSQL search (issue 16, later) will bring its own.  The tables and
-- columns are the same on both sides (tests/pg/test_schema.sh).
ALTER TABLE search_doc
  DROP COLUMN body,
  DROP COLUMN title,
  DROP COLUMN doc_number,
  DROP COLUMN keywords,
  DROP COLUMN attachment_text,
  ADD COLUMN indexed bigint NOT NULL DEFAULT 0;  -- 1: in the full-text index
CREATE INDEX search_doc_unindexed ON search_doc(id) WHERE indexed = 0;

CREATE TABLE search_stale (
  id              bigint PRIMARY KEY,  -- search_doc.id
  body            TEXT NOT NULL,
  title           TEXT NOT NULL,
  doc_number      TEXT NOT NULL,
  keywords        TEXT NOT NULL,
  attachment_text TEXT NOT NULL
);

CREATE INDEX doc_attachment_sha ON doc_attachment(sha256);
