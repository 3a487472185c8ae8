-- 0024_app_notice.sql — the notices an office sends during an application
-- (issue 13 §6; core/notice.h): each issued notice with its 文号 from the
-- organisation's series (one series per organisation and year: serial
-- 1, 2, 3 …), the day it was issued and what the event recorded.
CREATE TABLE app_notice (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES application(id),
  org_id         INTEGER NOT NULL REFERENCES org(id),
  kind           TEXT NOT NULL CHECK (kind IN ('receipt','correction',
                   'extension','third_party','disclose_third_party','fee',
                   'answer')),
  year           INTEGER NOT NULL,
  serial         INTEGER NOT NULL,
  doc_no         TEXT NOT NULL,          -- 宁卫健依申〔2026〕12号
  issued_on      TEXT NOT NULL,          -- 'YYYY-MM-DD'
  event_text     TEXT NOT NULL DEFAULT '', -- items to correct, reasons, fee
  limit_day      TEXT NOT NULL DEFAULT '', -- correction / payment deadline
  n_days         INTEGER NOT NULL DEFAULT 0, -- extension working days
  created_at     TEXT NOT NULL,
  UNIQUE (org_id, year, serial)
);
CREATE INDEX app_notice_app ON app_notice(application_id);

-- The organisation's series prefix (default: short name + 依申) and the
-- contact person printed on its notices (the phone is org.phone).
ALTER TABLE org ADD COLUMN notice_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE org ADD COLUMN notice_contact TEXT NOT NULL DEFAULT '';
