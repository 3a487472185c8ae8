-- 0031_app_clock.sql (PostgreSQL) — the application clock's new steps and
-- the reconsideration organ (issue 13; see ../0031_app_clock.sql).
--
-- application_event.kind is no longer limited by a CHECK (the kinds are the
-- rows of the step table in core/deadline.c); PostgreSQL drops the
-- constraint in place instead of rebuilding the table.
ALTER TABLE application_event DROP CONSTRAINT application_event_kind_check;

-- The administrative reconsideration organ an answer letter names ('' =
-- the nearest organisation of kind 'government' above).
ALTER TABLE org ADD COLUMN review_organ TEXT NOT NULL DEFAULT '';

-- Art. 26: the Beijing date of the last change of a document's title or
-- body after creation (store_doc_update).
ALTER TABLE doc ADD COLUMN changed_on TEXT;
