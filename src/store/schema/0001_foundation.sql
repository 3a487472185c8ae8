-- 0001_foundation.sql — organisations, departments, users, sessions,
-- login throttling, the audit log and settings.
-- Portable SQL where it costs nothing: TEXT dates as ISO 8601, INTEGER
-- unix times, no SQLite-only column types.

-- The organisation tree: a bureau and the units under it.
CREATE TABLE org (
  id             INTEGER PRIMARY KEY,
  parent_id      INTEGER REFERENCES org(id),
  slug           TEXT NOT NULL UNIQUE,          -- URL name
  name           TEXT NOT NULL,
  short_name     TEXT NOT NULL DEFAULT '',
  uscc           TEXT NOT NULL DEFAULT '',      -- 统一社会信用代码
  org_code       TEXT NOT NULL DEFAULT '',      -- 组织机构代码
  address        TEXT NOT NULL DEFAULT '',
  postcode       TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  fax            TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  office_hours   TEXT NOT NULL DEFAULT '',
  index_template TEXT NOT NULL DEFAULT '{org_code}/{yyyy}-{serial:05}',
  created_at     TEXT NOT NULL
);
CREATE INDEX org_parent ON org(parent_id);

-- Departments (科室) inside an organisation.
CREATE TABLE dept (
  id     INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  name   TEXT NOT NULL,
  UNIQUE (org_id, name)
);

-- Staff accounts.  roles is a bit mask (core/perm.h).
CREATE TABLE user (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES org(id),
  dept_id     INTEGER REFERENCES dept(id),
  login       TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  pw_hash     TEXT NOT NULL,                    -- argon2id
  roles       INTEGER NOT NULL DEFAULT 0,
  disabled    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);
CREATE INDEX user_org ON user(org_id);

-- Sessions: only the SHA-256 of the cookie token is stored.
CREATE TABLE session (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES user(id),
  csrf        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  last_seen   INTEGER NOT NULL,
  addr        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_user ON session(user_id);

-- Failed logins, for throttling per account and per address.
CREATE TABLE login_failure (
  key  TEXT NOT NULL,          -- 'user:<login>' or 'addr:<ip>'
  at   INTEGER NOT NULL
);
CREATE INDEX login_failure_key ON login_failure(key, at);

-- Who did what: every change made through the pages, the API or the CLI.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  user_id INTEGER,             -- NULL for the CLI and the public
  org_id  INTEGER,
  action  TEXT NOT NULL,       -- 'org.add', 'user.passwd' …
  detail  TEXT NOT NULL DEFAULT ''
);

-- Settings an administrator changes at run time (core/settings.c lists them).
CREATE TABLE setting (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The working-day calendar: official holidays and adjusted working days
-- (调休) on top of Monday-Friday.  Loaded from data/holidays_cn.csv by
-- `gongkai init`; an administrator adds later years.
CREATE TABLE holiday (
  day   TEXT PRIMARY KEY,      -- 'YYYY-MM-DD'
  kind  TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
  name  TEXT NOT NULL DEFAULT ''
);
