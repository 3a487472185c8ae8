-- 0104_text_packed.sql (PostgreSQL) — the pair of SQLite's 0104, where
-- doc.body may be stored packed (a zstd frame) and the store reads
-- gk_text(body) and writes gk_pack(?N).  PostgreSQL compresses long texts
-- itself (TOAST, lz4 where the server has it: pg/0103), so here both are
-- the identity: plain SQL functions the planner inlines, no cost.  Nothing
-- stored changes.
CREATE OR REPLACE FUNCTION gk_text(x text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT x';
CREATE OR REPLACE FUNCTION gk_pack(x text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT x';
