-- 0100_content_bump_once.sql — nothing on SQLite.  The PostgreSQL migration
-- of this number (pg/0100_content_bump_once.sql) makes the content
-- generation advance once per transaction instead of once per written row;
-- SQLite's TEMP triggers (store_sqlite.c) are per connection and cheap, and
-- the generation's contract is the same on both: it changes in every
-- committed transaction that changes public content.  The file keeps the
-- two migration lists equal (tests/pg/test_schema.sh).
SELECT 1;
