-- 0012_report_items.sql — the 2019 format's table 二 from the register
-- (issue 14): besides the decisions and fees, the register keeps the
-- number of 事项 in force at the end of each year (上一年项目数量 of the next
-- year's report, and 本年增/减 = this year's less last year's), the
-- decisions of 其他对外管理服务事项, and 政府集中采购 (count and amount).
-- kind gains 'other_services' and 'central_procurement' (row ids of
-- data/report_formats.json); items is NULL when not stated.  SQLite cannot
-- change a CHECK constraint, so the table is rebuilt.
CREATE TABLE report_register_new (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES org(id),
  year        INTEGER NOT NULL,
  kind        TEXT NOT NULL
              CHECK (kind IN ('licensing','other_services','penalty',
                              'coercion','admin_fees','central_procurement')),
  count       INTEGER NOT NULL DEFAULT 0,
  amount      INTEGER NOT NULL DEFAULT 0,  -- 万元 × 10000
  items       INTEGER,                     -- 事项 in force on 31 December
  source      TEXT NOT NULL DEFAULT 'form', -- 'form' | 'csv'
  user_id     INTEGER REFERENCES user(id),
  at          TEXT NOT NULL,
  UNIQUE (org_id, year, kind)
);
INSERT INTO report_register_new(id,org_id,year,kind,count,amount,source,
                                user_id,at)
  SELECT id,org_id,year,kind,count,amount,source,user_id,at
  FROM report_register;
DROP TABLE report_register;
ALTER TABLE report_register_new RENAME TO report_register;

-- A report goes to the supervising organ only with the leader's approval
-- (领导审批): who approved and when.  Any change to the draft and every
-- return to draft clears it (store_report_approve).
ALTER TABLE report ADD COLUMN approved_by INTEGER REFERENCES user(id);
ALTER TABLE report ADD COLUMN approved_at TEXT;
