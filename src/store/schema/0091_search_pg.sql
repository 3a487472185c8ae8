-- 0091_search_pg.sql — nothing on SQLite.  The PostgreSQL migration of this
-- number (pg/0091_search_pg.sql) creates search_pg, the PostgreSQL store's
-- full-text index (issue 16, src/store/pg_search.c); SQLite's index is
-- FTS5 (search_fts, search_chr).  The file keeps the two migration lists
-- equal (tests/pg/test_schema.sh).
SELECT 1;
