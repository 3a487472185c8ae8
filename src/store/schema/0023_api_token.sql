-- 0023_api_token.sql — API tokens for the write API (issue 13 §7): a
-- 政务服务 platform or a 12345 hotline hands applications over with
-- `Authorization: Bearer gk_…`.  An administrator creates a token for one
-- organisation with a set of permissions (core/perm.h names, comma-
-- separated; only those perm_token_grantable() allows); the token itself is
-- shown once and only its SHA-256 (libsodium) is stored.
CREATE TABLE api_token (
  id           INTEGER PRIMARY KEY,
  org_id       INTEGER NOT NULL REFERENCES org(id),
  name         TEXT NOT NULL,          -- what it is for: "12345 热线"
  perms        TEXT NOT NULL,          -- "view_staff,app_handle"
  token_hash   TEXT NOT NULL UNIQUE,   -- SHA-256 hex of the token
  created_by   INTEGER REFERENCES user(id), -- NULL: the CLI
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);
CREATE INDEX api_token_org ON api_token(org_id);
