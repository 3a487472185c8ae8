-- 0071_search_external.sql — the search index reads the documents' own
-- text (issue 18: the text was stored three times: the document, its
-- ledger entry and search_doc; bench/analysis.md, second round).
--
-- search_doc keeps the key and the filter columns of every published
-- document but no text.  Both FTS5 tables take their text from the view
-- search_text (doc joined by doc_id, the attachment column computed as
-- before: per attachment in upload order its file name, a line break and
-- its extracted text, attachments separated by a line break).
--
-- FTS5 removes a row of an external-content table by tokenizing the text
-- it indexed.  The triggers below save that text in search_stale BEFORE a
-- document's indexed text changes (the view still shows the old text then)
-- and mark the row unindexed (search_doc.indexed = 0); store_search_sync()
-- removes the old terms and indexes the new text.  search_doc.indexed = 0 also marks the rows a bulk
-- import has not indexed yet (store_search_defer/flush), found through the
-- partial index search_doc_unindexed.
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_chr;

CREATE TABLE search_doc_new (
  id                INTEGER PRIMARY KEY,  -- the key (migration 0010)
  doc_id            INTEGER NOT NULL UNIQUE REFERENCES doc(id),
  org_id            INTEGER NOT NULL REFERENCES org(id),
  published_date    TEXT NOT NULL,        -- YYYY-MM-DD ('' if unknown: day 0)
  catalogue_item_id INTEGER,
  genre             TEXT NOT NULL DEFAULT '',
  validity          TEXT NOT NULL DEFAULT 'valid',
  indexed           INTEGER NOT NULL DEFAULT 0  -- 1: in both FTS5 tables
);
INSERT INTO search_doc_new(id, doc_id, org_id, published_date,
                           catalogue_item_id, genre, validity, indexed)
SELECT id, doc_id, org_id, published_date, catalogue_item_id, genre,
       validity, 0
FROM search_doc ORDER BY id;
DROP TABLE search_doc;
ALTER TABLE search_doc_new RENAME TO search_doc;
CREATE INDEX search_doc_org ON search_doc(org_id, id);
CREATE INDEX search_doc_date ON search_doc(published_date);
CREATE INDEX search_doc_org_date ON search_doc(org_id, published_date);
CREATE INDEX search_doc_unindexed ON search_doc(id) WHERE indexed = 0;

-- The indexed text of every search_doc row, in the column order of the
-- FTS5 tables (body first: the smaller index, docs/search.md).
CREATE VIEW search_text(id, body, title, doc_number, keywords,
                        attachment_text) AS
SELECT sd.id, d.body, d.title, d.doc_number, d.keywords,
       coalesce((SELECT group_concat(x.t, char(10)) FROM
                  (SELECT t.filename || char(10) || coalesce(b.text, '') AS t
                   FROM doc_attachment t
                   JOIN attachment_blob b USING(sha256)
                   WHERE t.doc_id = d.id ORDER BY t.id) x), '')
FROM search_doc sd JOIN doc d ON d.id = sd.doc_id;

CREATE VIRTUAL TABLE search_fts USING fts5(
  body, title, doc_number, keywords, attachment_text,
  content='search_text', content_rowid='id',
  tokenize='gk', detail=full);
CREATE VIRTUAL TABLE search_chr USING fts5(
  body, title, doc_number, keywords, attachment_text,
  content='search_text', content_rowid='id',
  tokenize='gk chars', detail=none);
INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_chr(search_chr, rank) VALUES ('hashsize', 16777216);

-- The text a document was indexed with, saved before it changes: FTS5
-- needs it to remove the document's terms.  The triggers only copy (they
-- do not touch FTS5, so they work on any connection, also without the gk
-- tokenizer); the next store_search_sync() / flush / rebuild removes the
-- old terms with it and indexes the new text (sqlite_search.c).
CREATE TABLE search_stale (
  id              INTEGER PRIMARY KEY,  -- search_doc.id
  body            TEXT NOT NULL,
  title           TEXT NOT NULL,
  doc_number      TEXT NOT NULL,
  keywords        TEXT NOT NULL,
  attachment_text TEXT NOT NULL
);
-- The documents that use an attachment content (the trigger on
-- attachment_blob below), without scanning every attachment.
CREATE INDEX doc_attachment_sha ON doc_attachment(sha256);
CREATE TRIGGER search_doc_text_bu BEFORE UPDATE OF body, title, doc_number,
  keywords ON doc
  WHEN OLD.body IS NOT NEW.body OR OLD.title IS NOT NEW.title
    OR OLD.doc_number IS NOT NEW.doc_number
    OR OLD.keywords IS NOT NEW.keywords
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id = OLD.id;
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id = OLD.id;
END;
CREATE TRIGGER search_att_bi BEFORE INSERT ON doc_attachment
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id = NEW.doc_id;
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id = NEW.doc_id;
END;
CREATE TRIGGER search_att_bd BEFORE DELETE ON doc_attachment
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id = OLD.doc_id;
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id = OLD.doc_id;
END;
CREATE TRIGGER search_att_bu BEFORE UPDATE OF filename, sha256, doc_id
  ON doc_attachment
  WHEN OLD.filename IS NOT NEW.filename OR OLD.sha256 IS NOT NEW.sha256
    OR OLD.doc_id IS NOT NEW.doc_id
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id IN (OLD.doc_id, NEW.doc_id);
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id IN (OLD.doc_id, NEW.doc_id);
END;
CREATE TRIGGER search_blob_text_bu BEFORE UPDATE OF text ON attachment_blob
  WHEN OLD.text IS NOT NEW.text
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id IN
    (SELECT doc_id FROM doc_attachment WHERE sha256 = OLD.sha256);
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id IN
    (SELECT doc_id FROM doc_attachment WHERE sha256 = OLD.sha256);
END;

-- Index the documents published so far, from their own text.
INSERT INTO search_fts(rowid, body, title, doc_number, keywords,
                       attachment_text)
SELECT id, body, title, doc_number, keywords, attachment_text
FROM search_text ORDER BY id;
INSERT INTO search_chr(rowid, body, title, doc_number, keywords,
                       attachment_text)
SELECT id, body, title, doc_number, keywords, attachment_text
FROM search_text ORDER BY id;
UPDATE search_doc SET indexed = 1;
