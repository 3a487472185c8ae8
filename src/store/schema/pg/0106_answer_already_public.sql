-- PostgreSQL version of ../0106_answer_already_public.sql: the CHECK is
-- dropped and added again with the new value.
--
-- 0106_answer_already_public.sql — Art. 36(一) as an answer of its own.
--
-- "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径":
-- counted in table 三 row （一）予以公开 like Art. 36(二) (regulation.md
-- §1.6), but its letter sends nothing and tells where the information is.
-- answer_basis 'art36_1' marks it (the row stays outcome
-- 'results.granted'), obtain_at holds the way and place the drafter gives
-- (a link, a reading room).
ALTER TABLE application DROP CONSTRAINT application_answer_basis_check;
ALTER TABLE application ADD CONSTRAINT application_answer_basis_check
  CHECK (answer_basis IN ('', 'art36_4', 'art36_5', 'art36_1'));
ALTER TABLE application ADD COLUMN obtain_at TEXT NOT NULL DEFAULT '';
