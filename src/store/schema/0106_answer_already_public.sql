-- 0106_answer_already_public.sql — Art. 36(一) as an answer of its own.
--
-- "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径":
-- counted in table 三 row （一）予以公开 like Art. 36(二) (regulation.md
-- §1.6), but its letter sends nothing and tells where the information is.
-- answer_basis 'art36_1' marks it (the row stays outcome
-- 'results.granted'), obtain_at holds the way and place the drafter gives
-- (a link, a reading room).
--
-- SQLite cannot change a column's CHECK in place and the application
-- table is referenced by many others, so instead of a rebuild the CHECK
-- text is widened in the schema record (the documented procedure for
-- loosening a constraint: existing rows stay valid), the schema reloaded,
-- and the ALTER TABLE that follows bumps the schema cookie so every other
-- connection reloads it too.
PRAGMA writable_schema=ON;
UPDATE sqlite_master
   SET sql=replace(sql, '''art36_4'', ''art36_5'')',
                   '''art36_4'', ''art36_5'', ''art36_1'')')
 WHERE type='table' AND name='application';
PRAGMA writable_schema=RESET;
ALTER TABLE application ADD COLUMN obtain_at TEXT NOT NULL DEFAULT '';
