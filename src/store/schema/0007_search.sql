-- 0007_search.sql — the public full-text search index (issue 4).
--
-- search_doc holds one row per PUBLISHED document: the text that is
-- searched (body, title, 文号, keywords, attachment file names) and the
-- columns the search filters on.  A draft, filed or withdrawn document has
-- no row.  The store (sqlite_search.c, store_search_sync) rewrites a
-- document's row inside the transaction of every change to it: publication,
-- correction, withdrawal, validity change, attachments.
--
-- The key is the publication order: published_date as YYYYMMDD times 10^9
-- plus the document id, so ORDER BY id DESC is newest-first and a year is a
-- key range (docs/search.md: FTS5 walks the doclist backwards and stops at
-- LIMIT).  It does not change when a published document is edited.
CREATE TABLE search_doc (
  id                INTEGER PRIMARY KEY,          -- YYYYMMDD * 1e9 + doc id
  doc_id            INTEGER NOT NULL UNIQUE REFERENCES doc(id),
  org_id            INTEGER NOT NULL REFERENCES org(id),
  published_date    TEXT NOT NULL,                -- YYYY-MM-DD
  catalogue_item_id INTEGER,
  genre             TEXT NOT NULL DEFAULT '',
  validity          TEXT NOT NULL DEFAULT 'valid',
  -- The indexed text, in the column order of search_fts (body first: the
  -- smaller index, docs/search.md).
  body              TEXT NOT NULL DEFAULT '',
  title             TEXT NOT NULL DEFAULT '',
  doc_number        TEXT NOT NULL DEFAULT '',
  keywords          TEXT NOT NULL DEFAULT '',
  attachment_text   TEXT NOT NULL DEFAULT ''      -- file names, one a line
);
CREATE INDEX search_doc_org ON search_doc(org_id, id);

-- The FTS5 index over search_doc (external content: the text is stored
-- once).  tokenize='gk' needs fts_cjk_register() on the connection, which
-- store_open() does for every connection.
CREATE VIRTUAL TABLE search_fts USING fts5(
  body, title, doc_number, keywords, attachment_text,
  content='search_doc', content_rowid='id',
  tokenize='gk', prefix='1', detail=full);

-- Keep the index equal to search_doc.  Rows are only inserted and deleted
-- (an update is a delete and an insert), so two triggers suffice.
CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_fts(rowid, body, title, doc_number, keywords,
                         attachment_text)
  VALUES (new.id, new.body, new.title, new.doc_number, new.keywords,
          new.attachment_text);
END;
CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
  INSERT INTO search_fts(search_fts, rowid, body, title, doc_number, keywords,
                         attachment_text)
  VALUES ('delete', old.id, old.body, old.title, old.doc_number, old.keywords,
          old.attachment_text);
END;

-- Documents published before this migration.
INSERT INTO search_doc(id, doc_id, org_id, published_date, catalogue_item_id,
                       genre, validity, body, title, doc_number, keywords,
                       attachment_text)
SELECT CAST(replace(coalesce(d.published_date, '0000-00-00'), '-', '')
            AS INTEGER) * 1000000000 + d.id,
       d.id, d.org_id, coalesce(d.published_date, ''), d.catalogue_item_id,
       d.genre, d.validity, d.body, d.title, d.doc_number, d.keywords,
       coalesce((SELECT group_concat(a.filename, char(10))
                 FROM (SELECT filename FROM doc_attachment
                       WHERE doc_id = d.id ORDER BY id) a), '')
FROM doc d WHERE d.state = 'published';
