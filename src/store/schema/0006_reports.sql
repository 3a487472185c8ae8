-- 0006_reports.sql — the annual report (年度报告, Arts. 49–50 of the
-- Regulation): stored reports with their narrative, cell overrides and
-- accepted violations, and the register of table 二's decision counts and
-- fee amounts that come from outside gongkai (licensing and enforcement
-- systems).  The numbers of tables 二 (documents), 三 and 四 (applications)
-- are computed from the records each time; only overrides are stored.
-- Dates are TEXT 'YYYY-MM-DD', timestamps TEXT ISO 8601 UTC.

-- One report: an organisation alone ('org') or its whole subtree
-- ('subtree', 全系统), for one year, in one format (data/report_formats.json
-- id).  status: 'draft' (草稿) → 'submitted' (已提交) → 'published' (已发布).
CREATE TABLE report (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES org(id),
  year          INTEGER NOT NULL,
  format_id     TEXT NOT NULL,
  scope         TEXT NOT NULL DEFAULT 'org'
                CHECK (scope IN ('org','subtree')),
  status        TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft','submitted','published')),
  section1      TEXT NOT NULL DEFAULT '',   -- 一、总体情况
  section5      TEXT NOT NULL DEFAULT '',   -- 五、存在的主要问题及改进情况
  section6      TEXT NOT NULL DEFAULT '',   -- 六、其他需要报告的事项
  created_by    INTEGER REFERENCES user(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  submitted_by  INTEGER REFERENCES user(id),
  submitted_at  TEXT,
  published_by  INTEGER REFERENCES user(id),
  published_at  TEXT,
  -- The numbers as published (core/report.h JSON form), so that later
  -- changes to the records do not alter a published report; NULL before.
  snapshot      TEXT,
  -- The document (doc, migration 0003) that carries the published report on
  -- the portal; withdrawn when the report goes back to draft.
  doc_id        INTEGER REFERENCES doc(id),
  UNIQUE (org_id, year, scope)
);

-- A cell whose value is set by hand instead of computed (years before
-- gongkai was used, corrections).  value in 1/10000 units (RF_SCALE);
-- NULL keeps the cell blank.  The latest row per cell wins; earlier rows
-- stay as the log.
CREATE TABLE report_override (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES report(id),
  cell        TEXT NOT NULL,               -- "t3[new][total]" (rf_cell_id)
  value       INTEGER,                     -- NULL: blank
  reason      TEXT NOT NULL,
  removed     INTEGER NOT NULL DEFAULT 0,  -- 1: back to the computed value
  user_id     INTEGER REFERENCES user(id),
  at          TEXT NOT NULL
);
CREATE INDEX report_override_report ON report_override(report_id, cell, id);

-- A violation of a consistency rule that the report keeps, with the reason
-- printed in section 六.  check_key is RpIssue.zKey ("R1[total]").
CREATE TABLE report_acceptance (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES report(id),
  check_key   TEXT NOT NULL,
  reason      TEXT NOT NULL,
  user_id     INTEGER REFERENCES user(id),
  at          TEXT NOT NULL,
  UNIQUE (report_id, check_key)
);

-- Table 二's register: decisions taken (行政许可 / 行政处罚 / 行政强制) and
-- fees collected (行政事业性收费, amount in 1/10000 万元) per organisation
-- and year.  kind: 'licensing' | 'penalty' | 'coercion' | 'admin_fees'
-- (the row ids of data/report_formats.json).  One row per org, year, kind;
-- an import replaces the row.
CREATE TABLE report_register (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES org(id),
  year        INTEGER NOT NULL,
  kind        TEXT NOT NULL
              CHECK (kind IN ('licensing','penalty','coercion','admin_fees')),
  count       INTEGER NOT NULL DEFAULT 0,
  amount      INTEGER NOT NULL DEFAULT 0,  -- 万元 × 10000
  source      TEXT NOT NULL DEFAULT 'form', -- 'form' | 'csv'
  user_id     INTEGER REFERENCES user(id),
  at          TEXT NOT NULL,
  UNIQUE (org_id, year, kind)
);

-- Table 三 groups applications by (org, outcome, closed year) and by
-- received year; these make the grouping use an index.
CREATE INDEX application_report_closed
  ON application(org_id, closed_on, applicant_type, outcome);
CREATE INDEX application_report_received
  ON application(org_id, received_on, applicant_type, closed_on);
-- Table 二 counts documents by kind.
CREATE INDEX doc_report_kind ON doc(org_id, report_kind, state);
