-- 0031_app_clock.sql — the application clock's new steps and the
-- reconsideration organ (issue 13).
--
-- application_event.kind is no longer limited by a CHECK: the kinds are
-- the rows of the step table in core/deadline.c (deadline_event_kind());
-- the web, API and CLI refuse unknown kinds before storing.  New kinds:
-- 'correction_extended' (补正期限延长, Art. 30) and 'disclose_notice'
-- (决定公开告知第三方, Art. 32).  The table is rebuilt to drop the CHECK.
CREATE TABLE application_event_new (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES application(id),
  kind           TEXT NOT NULL,          -- core/deadline.c aRule[].zName
  on_day         TEXT NOT NULL,          -- when it happened
  limit_day      TEXT,                   -- correction / payment / Art. 35 limit
  n_days         INTEGER NOT NULL DEFAULT 0, -- extension: working days
  text           TEXT NOT NULL DEFAULT '',   -- approver, reasons, party
  user_id        INTEGER REFERENCES user(id),
  created_at     TEXT NOT NULL
);
INSERT INTO application_event_new
  SELECT id, application_id, kind, on_day, limit_day, n_days, text, user_id,
         created_at FROM application_event;
DROP TABLE application_event;
ALTER TABLE application_event_new RENAME TO application_event;
CREATE INDEX application_event_app ON application_event(application_id);

-- The administrative reconsideration organ an answer letter names when a
-- refusal must go to reconsideration first (行政复议法 2023 Art. 23, 24).
-- '' = the default: the nearest organisation of kind 'government' above
-- (store_remedy.h).
ALTER TABLE org ADD COLUMN review_organ TEXT NOT NULL DEFAULT '';

-- Art. 26 runs from when the information is formed or changed: the Beijing
-- date of the last change of a document's title or body after creation
-- (store_doc_update); the clock starts from the later of formed_date and
-- changed_on (core/document.h doc_art26_start()).
ALTER TABLE doc ADD COLUMN changed_on TEXT;
