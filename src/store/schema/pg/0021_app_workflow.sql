-- PostgreSQL version of ../0021_app_workflow.sql: INTEGER is bigint, an id key an identity
-- column, BLOB is bytea, "user" is quoted (a reserved word).
--
-- 0021_app_workflow.sql — what the answer rests on when one row of table 三
-- covers two answers, and whom to refer the applicant to.
--
-- Row （四）1 "本机关不掌握相关政府信息" counts two different answers of
-- Art. 36: (四) the information does not exist (answer_basis 'art36_4'),
-- and (五) it is not this organ's to disclose (answer_basis 'art36_5'),
-- where the letter names the responsible organ and how to reach it
-- (other_organ, other_organ_contact) when that can be determined.  Each
-- basis has its own letter (core/application.h app_letter_key()).
ALTER TABLE application ADD COLUMN answer_basis TEXT NOT NULL DEFAULT ''
  CHECK (answer_basis IN ('', 'art36_4', 'art36_5'));
ALTER TABLE application ADD COLUMN other_organ TEXT NOT NULL DEFAULT '';
ALTER TABLE application ADD COLUMN other_organ_contact TEXT NOT NULL DEFAULT '';
-- Answers drafted before this migration under row （四）1 said "不存在".
UPDATE application SET answer_basis='art36_4'
 WHERE outcome='results.cannot_provide.not_held';
