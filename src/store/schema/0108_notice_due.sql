-- 0108_notice_due.sql — the answer due date a notice stated when issued.
--
-- A 登记回执 or 延期答复告知书 states the due date ({due}); printed again
-- later (after an extension, a consultation, a holiday notice loaded) it
-- must say what it said when it was issued, not today's due date.
-- due_kept: 0 = not kept yet (notices issued before this migration, and a
-- new notice until the due-date refresh of its own transaction fills it:
-- store_app_refresh_due -> store_notice_keep_due); 1 = due_on and
-- due_open_year are the notice's.  due_on '' = no due date then (the
-- clock waited for a correction, a payment or a consultation);
-- due_open_year = the first year between receipt and due_on whose holiday
-- notice was not loaded (the letter adds "如遇N年法定节假日调整，依法顺延"),
-- 0 when all were.
ALTER TABLE app_notice ADD COLUMN due_kept INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_notice ADD COLUMN due_on TEXT NOT NULL DEFAULT '';
ALTER TABLE app_notice ADD COLUMN due_open_year INTEGER NOT NULL DEFAULT 0;

-- The reconsideration organ the notice named (store_org_review_organ on
-- the day it was issued: the setting, else the nearest government above),
-- so a letter printed again names the organ it named even after the
-- setting or the organisation tree changed; NULL for notices issued
-- before this migration (they name the current one, as before).
ALTER TABLE app_notice ADD COLUMN review_organ TEXT;
