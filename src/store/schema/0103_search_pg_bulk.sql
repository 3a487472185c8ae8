-- 0103_search_pg_bulk.sql — nothing on SQLite.  The PostgreSQL migration of
-- this number (pg/0103_search_pg_bulk.sql) makes writing search_pg cheaper
-- there: its grams compare byte-wise (COLLATE "C") under the GIN index, and
-- TOAST compresses with lz4.  search_pg is unused on SQLite (FTS5 is its
-- index).  The file keeps the two migration lists equal
-- (tests/pg/test_schema.sh).
SELECT 1;
