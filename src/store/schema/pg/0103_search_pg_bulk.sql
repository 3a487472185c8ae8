-- 0103_search_pg_bulk.sql (PostgreSQL) — cheaper writes of the search index
-- (issue 16; bench/analysis.md, "PostgreSQL", import).
--
-- Profiled on a 2,000–5,000-document `gongkai docs import`, 80 % of the
-- PostgreSQL server's time went to the one INSERT INTO search_pg per
-- document: the GIN insert of its ~1,000 grams, whose entries were compared
-- with strcoll() (the database's collation, C.UTF-8 or zh_CN.UTF-8, is not
-- "C" to PostgreSQL), and pglz compression of the grams array (~10 KB).
-- Nothing stored changes, only how:
--  * grams compare byte-wise (COLLATE "C"): a gram is only ever tested for
--    equality (grams @> …), and equality of deterministic collations is
--    byte equality, so every query matches the same rows.  The table is not
--    rewritten; the GIN index is rebuilt once (about 1 ms per document on
--    the 2-core test machine: 100,000 documents ≈ 2 minutes);
--  * the columns TOAST compresses use lz4 where the server has it (Debian's
--    postgresql-15 does): several times faster than pglz to compress and to
--    decompress; grams take ~35 % more space than with pglz.  Only new
--    values are compressed with it; old ones stay readable as they are.
--    A server built without lz4 keeps pglz (the block below).
SET LOCAL maintenance_work_mem = '256MB';
ALTER TABLE search_pg ALTER COLUMN grams TYPE text[] COLLATE "C";

DO $$
BEGIN
  ALTER TABLE search_pg
    ALTER COLUMN grams SET COMPRESSION lz4,
    ALTER COLUMN body SET COMPRESSION lz4,
    ALTER COLUMN attachment_text SET COMPRESSION lz4;
  ALTER TABLE doc ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;  -- no lz4 in this build: pglz, as before
END
$$;
