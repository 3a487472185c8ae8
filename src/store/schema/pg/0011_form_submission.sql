-- PostgreSQL version of ../0011_form_submission.sql: INTEGER is bigint, an id key an identity
-- column, BLOB is bytea, "user" is quoted (a reserved word).
--
-- 0011_form_submission.sql — single-use submission tokens (issue 15, bug 1).
--
-- Every HTML form carries a random token beside its CSRF field (layout.c,
-- page_csrf_field).  The dispatcher claims the token's hash here before the
-- handler runs (the PRIMARY KEY makes the claim atomic): a second POST with
-- the same token (a refresh, a double click, a replay) finds the row and is
-- answered "already submitted" with a link to where the first one led
-- (result), and creates nothing.  A refused submission (4xx) releases its
-- token so the corrected form can be sent again.  Rows older than two days
-- are deleted when a new token is claimed.
CREATE TABLE form_submission (
  token_hash TEXT PRIMARY KEY,   -- SHA-256 hex of the token
  created_at bigint NOT NULL,   -- Unix seconds (UTC)
  result     TEXT                -- where the submission led ("/o/x/..."), or NULL
);
CREATE INDEX form_submission_created ON form_submission(created_at);
