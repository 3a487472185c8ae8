-- 0007_search.sql (PostgreSQL) — the public search index's document table
-- (issue 4; see ../0007_search.sql for the SQLite version and its FTS5
-- index).
--
-- No full-text index here: FTS5 and the gk tokenizer are SQLite's.  A
-- PostgreSQL database is always created by a gongkai that has migration
-- 0010, which drops and recreates search_doc, so this migration only keeps
-- the numbering (and the table) in step.  The PostgreSQL search (issue 16)
-- will add its own index over search_doc in a later migration.
CREATE TABLE search_doc (
  id                bigint PRIMARY KEY,          -- YYYYMMDD * 1e9 + doc id
  doc_id            bigint NOT NULL UNIQUE REFERENCES doc(id),
  org_id            bigint NOT NULL REFERENCES org(id),
  published_date    TEXT NOT NULL,                -- YYYY-MM-DD
  catalogue_item_id bigint,
  genre             TEXT NOT NULL DEFAULT '',
  validity          TEXT NOT NULL DEFAULT 'valid',
  body              TEXT NOT NULL DEFAULT '',
  title             TEXT NOT NULL DEFAULT '',
  doc_number        TEXT NOT NULL DEFAULT '',
  keywords          TEXT NOT NULL DEFAULT '',
  attachment_text   TEXT NOT NULL DEFAULT ''      -- file names, one a line
);
CREATE INDEX search_doc_org ON search_doc(org_id, id);
