-- 0091_search_pg.sql (PostgreSQL) — the full-text index of the PostgreSQL
-- store (issue 16; src/store/pg_search.c, docs/search.md "PostgreSQL").
--
-- One row per indexed search_doc row (search_doc.indexed = 1): the folded
-- text of each indexed column (lib/textmatch.h: textmatch_fold, done in C)
-- and `grams`, the distinct single characters and bigrams of every folded
-- column, under a GIN index.  Queries take candidates with grams @> (the
-- query's grams) and verify terms longer than two characters with strpos()
-- on the folded columns: recall equals a substring scan by construction.
-- The SQLite migration of the same number creates the same table, unused
-- there (FTS5 is its index), so both schemas keep the same tables.
CREATE TABLE search_pg (
  id              bigint PRIMARY KEY,  -- search_doc.id
  body            TEXT NOT NULL,
  title           TEXT NOT NULL,
  doc_number      TEXT NOT NULL,
  keywords        TEXT NOT NULL,
  attachment_text TEXT NOT NULL,
  grams           TEXT[] NOT NULL
);
CREATE INDEX search_pg_grams ON search_pg USING gin (grams);

-- Published documents already in search_doc are indexed again by
-- `gongkai search reindex` (store_search_rebuild); before this migration
-- the PostgreSQL store kept no search_doc rows (its index upkeep did
-- nothing), so there is nothing to carry over.
