-- 0004_applications.sql — applications for disclosure (依申请公开,
-- Arts. 27–45 of the Regulation): intake, the statutory clock's events,
-- handling, answer letters, fees, reconsideration and litigation.
--
-- The annual report (table 三 of the 2021 format, data/report_formats.json)
-- is computed from `application` by SQL grouping:
--   applicant_type  = the column id (natural_person, commercial, research,
--                     public_welfare, legal_service, other_org);
--   outcome         = the leaf row id (results.granted … results.other.other);
--   received_on     = 一、本年新收 when its year is the report year
--                     (the first receipt: a correction does not make a new
--                     application);
--   closed_on       = the day the case ended (answer sent, or closed as
--                     abandoned / fee unpaid): 三、办理结果 in its year;
--   carried over from year Y (四 of Y, 二 of Y+1):
--                     received_on <= 'Y-12-31' AND
--                     (closed_on IS NULL OR closed_on > 'Y-12-31').
-- Table 四 groups application_review by kind (review, lit_direct,
-- lit_after_review) and result (upheld, corrected, other, pending).
-- Dates are TEXT 'YYYY-MM-DD'; timestamps ISO 8601 UTC.

-- One application.
CREATE TABLE application (
  id               INTEGER PRIMARY KEY,
  org_id           INTEGER NOT NULL REFERENCES org(id),
  reg_no           TEXT NOT NULL UNIQUE,   -- 登记号, e.g. 'znwsj-2024-0007'
  tracking_hash    TEXT NOT NULL UNIQUE,   -- SHA-256 hex of the tracking code
  channel          TEXT NOT NULL CHECK (channel IN
                     ('in_person','oral','post_signed','post_ordinary',
                      'online','fax','email')),
  applicant_type   TEXT NOT NULL CHECK (applicant_type IN
                     ('natural_person','commercial','research',
                      'public_welfare','legal_service','other_org')),
  applicant_name   TEXT NOT NULL,
  id_kind          TEXT NOT NULL,          -- resident_id, uscc, passport, other
  id_sealed        TEXT NOT NULL DEFAULT '', -- crypto_seal(server key, number)
  id_masked        TEXT NOT NULL DEFAULT '', -- masked form for display
  id_hash          TEXT NOT NULL DEFAULT '', -- keyed SHA-256: same applicant
                                           -- (per-item fees per month at the
                                           -- same organ, 国办函〔2020〕109号
                                           -- Art. 4; comment corrected, no
                                           -- schema change)
  contact_person   TEXT NOT NULL DEFAULT '', -- organisations: who to contact
  phone            TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  postcode         TEXT NOT NULL DEFAULT '',
  info_title       TEXT NOT NULL DEFAULT '', -- 所需信息的名称
  info_doc_number  TEXT NOT NULL DEFAULT '', -- 文号
  info_description TEXT NOT NULL DEFAULT '', -- 其他特征描述
  purpose          TEXT NOT NULL DEFAULT '',
  form_wanted      TEXT NOT NULL DEFAULT 'paper',  -- paper, email, electronic, inspection, other
  delivery         TEXT NOT NULL DEFAULT 'post',   -- post, email, pickup
  received_on      TEXT NOT NULL,          -- Art. 31 receipt date
  receipt_note     TEXT NOT NULL DEFAULT '', -- how received_on was fixed
  dept_id          INTEGER REFERENCES dept(id), -- 承办科室
  handler_id       INTEGER REFERENCES user(id), -- 承办人
  state            TEXT NOT NULL DEFAULT 'received' CHECK (state IN
                     ('received','in_progress','awaiting_review',
                      'awaiting_approval','answered','closed')),
                                           -- draft -> 科室审核 -> 审批 -> answered
  due_on           TEXT,                   -- cached due date (recalculated)
  outcome          TEXT,                   -- leaf row id of table 三
  decision_text    TEXT NOT NULL DEFAULT '', -- reasons / how to obtain
  drafted_by       INTEGER REFERENCES user(id),
  reviewed_by      INTEGER REFERENCES user(id), -- 科室审核
  approved_by      INTEGER REFERENCES user(id),
  approved_at      TEXT,
  closed_on        TEXT,                   -- answered or closed (report year)
  fee_method       TEXT NOT NULL DEFAULT 'none'
                     CHECK (fee_method IN ('none','per_item','per_volume')),
  fee_count        INTEGER NOT NULL DEFAULT 0, -- items or pages charged
  fee_yuan         INTEGER NOT NULL DEFAULT 0,
  fee_status       TEXT NOT NULL DEFAULT 'none' CHECK (fee_status IN
                     ('none','notified','paid','waived','unpaid')),
  fee_note         TEXT NOT NULL DEFAULT '',  -- waiver reason, receipt no.
  created_at       TEXT NOT NULL,
  CHECK (outcome IS NULL OR outcome IN (
    'results.granted','results.partial',
    'results.denied.state_secret','results.denied.law_forbidden',
    'results.denied.three_security_one_stability','results.denied.third_party',
    'results.denied.internal_affairs','results.denied.process_info',
    'results.denied.enforcement_file','results.denied.admin_inquiry',
    'results.cannot_provide.not_held','results.cannot_provide.needs_creation',
    'results.cannot_provide.still_unclear',
    'results.not_processed.petition_complaint','results.not_processed.repeat',
    'results.not_processed.publication','results.not_processed.mass_repeat',
    'results.not_processed.confirm_or_reissue',
    'results.other.no_correction','results.other.fee_unpaid',
    'results.other.other'))
);
CREATE INDEX application_org ON application(org_id, received_on);
CREATE INDEX application_closed ON application(org_id, closed_on);
CREATE INDEX application_applicant ON application(id_hash, received_on);

-- Events of the statutory clock (core/deadline.h DlEventKind, by name).
CREATE TABLE application_event (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES application(id),
  kind           TEXT NOT NULL CHECK (kind IN
                   ('correction_sent','correction_received',
                    'correction_lapsed','third_party_start','third_party_end',
                    'organ_start','organ_end','extension','art35',
                    'fee_notice','fee_paid','fee_lapsed','answered')),
  on_day         TEXT NOT NULL,          -- when it happened
  limit_day      TEXT,                   -- correction / payment / Art. 35 limit
  n_days         INTEGER NOT NULL DEFAULT 0, -- extension: working days
  text           TEXT NOT NULL DEFAULT '',   -- approver, reasons, party
  user_id        INTEGER REFERENCES user(id),
  created_at     TEXT NOT NULL
);
CREATE INDEX application_event_app ON application_event(application_id);

-- Workflow history (registration, assignment, draft, approval …).
CREATE TABLE application_log (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES application(id),
  at             TEXT NOT NULL,
  user_id        INTEGER REFERENCES user(id),  -- NULL: the applicant / CLI
  action         TEXT NOT NULL,          -- 'register', 'assign', 'draft' …
  detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_log_app ON application_log(application_id);

-- Due-date changes made by a recalculation (e.g. a new year's holidays).
CREATE TABLE application_due_change (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES application(id),
  at             TEXT NOT NULL,
  old_due        TEXT,
  new_due        TEXT,
  reason         TEXT NOT NULL DEFAULT ''
);

-- Attachments the applicant uploaded (identity proof, letters).
CREATE TABLE application_file (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES application(id),
  name           TEXT NOT NULL,
  mime           TEXT NOT NULL DEFAULT 'application/octet-stream',
  data           BLOB NOT NULL
);

-- Reconsideration and litigation arising from an application (table 四).
CREATE TABLE application_review (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES application(id),
  kind           TEXT NOT NULL CHECK (kind IN
                   ('review','lit_direct','lit_after_review')),
  result         TEXT NOT NULL DEFAULT 'pending' CHECK (result IN
                   ('upheld','corrected','other','pending')),
  filed_on       TEXT NOT NULL,
  decided_on     TEXT,                   -- NULL while pending
  body           TEXT NOT NULL DEFAULT '', -- 复议机关 / 法院
  case_no        TEXT NOT NULL DEFAULT '',
  note           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_review_app ON application_review(application_id);

-- Answer-letter templates per outcome; org_id NULL = system default (the
-- compiled-in text is used when no row exists).
CREATE TABLE answer_template (
  id       INTEGER PRIMARY KEY,
  org_id   INTEGER REFERENCES org(id),
  outcome  TEXT NOT NULL,
  body     TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (org_id, outcome)
);

-- The holiday table's signature when open due dates were last computed:
-- a different signature (holidays added by any means) triggers the
-- recalculation, logged in application_due_change.
CREATE TABLE application_calendar (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  signature TEXT NOT NULL
);

-- Public form submissions per address, for rate limiting.
CREATE TABLE apply_attempt (
  addr TEXT NOT NULL,
  at   INTEGER NOT NULL            -- unix seconds
);
CREATE INDEX apply_attempt_addr ON apply_attempt(addr, at);
