-- 0012_report_items.sql (PostgreSQL) — the 2019 format's table 二 from the
-- register (issue 14; see ../0012_report_items.sql): report_register.kind
-- gains 'other_services' and 'central_procurement', and the number of 事项
-- in force (items, NULL when not stated).  PostgreSQL changes the CHECK
-- constraint in place instead of rebuilding the table.
ALTER TABLE report_register DROP CONSTRAINT report_register_kind_check;
ALTER TABLE report_register ADD CONSTRAINT report_register_kind_check
  CHECK (kind IN ('licensing','other_services','penalty',
                  'coercion','admin_fees','central_procurement'));
ALTER TABLE report_register ADD COLUMN items bigint;

-- The leader's approval of a report (领导审批).
ALTER TABLE report ADD COLUMN approved_by bigint REFERENCES "user"(id);
ALTER TABLE report ADD COLUMN approved_at TEXT;
