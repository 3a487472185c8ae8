-- 0101_ledger_current.sql (PostgreSQL) — the newest ledger entry of a
-- document holds no copy of its content (see ../0101_ledger_current.sql):
-- doc_ledger.content is NULL there and `ledger verify` hashes the
-- document itself.  The hashes do not change.
ALTER TABLE doc_ledger ALTER COLUMN content DROP NOT NULL;
UPDATE doc_ledger l SET content = NULL
WHERE l.seq = (SELECT max(m.seq) FROM doc_ledger m WHERE m.doc_id = l.doc_id);
