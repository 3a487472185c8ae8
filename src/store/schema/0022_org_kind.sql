-- 0022_org_kind.sql — what each organisation is under the Regulation
-- (core/org_kind.h): government (人民政府), department (政府部门),
-- authorised (Art. 54), public_enterprise (Art. 55), acting (a unit acting
-- in its parent organ's name).  The kind decides whether the unit takes
-- applications on the statutory clock, has its own annual report, its
-- report deadline and which register figures apply.
ALTER TABLE org ADD COLUMN kind TEXT NOT NULL DEFAULT 'department'
  CHECK (kind IN ('government','department','authorised',
                  'public_enterprise','acting'));
-- A first guess for existing data; administrators correct it on the
-- organisation page (the rules themselves never read the name).
UPDATE org SET kind='government' WHERE name LIKE '%人民政府';

-- Former names: an organisation renamed (e.g. 中宁县卫生和计划生育局 →
-- 中宁县卫生健康局 in the 2019 institutional reform) keeps its earlier
-- names with the last day each was used; letters and annual reports use
-- the name in force on their date (store_org_name_on).
CREATE TABLE org_former_name (
  id         INTEGER PRIMARY KEY,
  org_id     INTEGER NOT NULL REFERENCES org(id),
  name       TEXT NOT NULL,
  until_day  TEXT NOT NULL,          -- last day of this name, 'YYYY-MM-DD'
  UNIQUE (org_id, until_day)
);
