-- 0101_ledger_current.sql — the current text is stored once (issue 18,
-- target 3): the newest ledger entry of a document no longer holds a copy
-- of the document's canonical content.
--
-- doc_ledger.content is NULL in the newest entry of each document: that
-- version is the document itself, and `ledger verify` hashes
-- doc_canonical() of the document as stored now against the entry's
-- content_hash (which the entry hash, and so the chain, covers).  Before a
-- published document changes, the store writes the content it had into
-- that entry (store_documents.c ledger_keep), so every older entry keeps
-- its full content as before.  A NULL content anywhere but in a
-- document's newest entry is an error `ledger verify` reports.
--
-- The hashes do not change: existing entries verify as before.  The file
-- keeps its size until VACUUM gives the freed pages back.
CREATE TABLE doc_ledger_new (
  seq           INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  doc_id        INTEGER NOT NULL REFERENCES doc(id),
  event         TEXT NOT NULL
                CHECK (event IN ('publish','edit','validity','withdraw')),
  content       TEXT,                 -- NULL: the document's current content
  content_hash  TEXT NOT NULL,
  prev_hash     TEXT NOT NULL,
  entry_hash    TEXT NOT NULL
);
INSERT INTO doc_ledger_new(seq, at, doc_id, event, content, content_hash,
                           prev_hash, entry_hash)
SELECT l.seq, l.at, l.doc_id, l.event,
       CASE WHEN l.seq = (SELECT max(m.seq) FROM doc_ledger m
                          WHERE m.doc_id = l.doc_id)
            THEN NULL ELSE l.content END,
       l.content_hash, l.prev_hash, l.entry_hash
FROM doc_ledger l ORDER BY l.seq;
DROP TABLE doc_ledger;
ALTER TABLE doc_ledger_new RENAME TO doc_ledger;
CREATE INDEX doc_ledger_doc ON doc_ledger(doc_id, seq);
