-- PostgreSQL version of ../0108_notice_due.sql: INTEGER is bigint.
--
-- The answer due date a notice stated when issued (see the SQLite file).
ALTER TABLE app_notice ADD COLUMN due_kept bigint NOT NULL DEFAULT 0;
ALTER TABLE app_notice ADD COLUMN due_on TEXT NOT NULL DEFAULT '';
ALTER TABLE app_notice ADD COLUMN due_open_year bigint NOT NULL DEFAULT 0;
ALTER TABLE app_notice ADD COLUMN review_organ TEXT;
