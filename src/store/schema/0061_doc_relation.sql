-- 0061_doc_relation.sql — related documents (相关文件) and the documents a
-- document repeals or amends (issue 15).
--
-- One row says: document doc_id names document related_id, of kind
--   'related'  相关文件 (shown on both documents' pages),
--   'repeals'  doc_id 废止 related_id,
--   'amends'   doc_id 修改 related_id,
-- in the order seq among doc_id's relations (appended: max + 1).  A pair is
-- stored once whatever its kind; a document never names itself.  The store
-- (sqlite_doc_relations.c) checks the rest: an unpublished target belongs
-- to the same organisation tree as doc_id (a county document may name a
-- published provincial policy, never another tree's draft).
--
-- The table is public content: the content generation (migration 0040)
-- advances on every change, so cached public pages follow at once.
-- Documents are not deleted by the application today; the cascade keeps
-- the table clean should an administrator remove one.
CREATE TABLE doc_relation (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES doc(id) ON DELETE CASCADE,
  related_id  INTEGER NOT NULL REFERENCES doc(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL DEFAULT 'related'
              CHECK (kind IN ('related', 'repeals', 'amends')),
  seq         INTEGER NOT NULL,
  created_by  INTEGER REFERENCES user(id),
  created_at  TEXT NOT NULL,
  UNIQUE (doc_id, related_id),
  CHECK (doc_id <> related_id)
);
-- The other direction: the documents that name this one.
CREATE INDEX doc_relation_related ON doc_relation(related_id);
