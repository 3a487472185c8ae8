-- 0010_search_compact.sql — a smaller and faster public search index
-- (issue 8, bench/analysis.md section 2).
--
-- 1. The key of search_doc (the FTS5 rowid) becomes dense:
--        days since 1900-01-01 of published_date * 65536 + ordinal in that day
--    instead of YYYYMMDD * 10^9 + doc id.  FTS5 stores each rowid of a
--    doclist as a varint delta from the previous one; with the old key every
--    delta was at least 10^9 (5 bytes, 6 across a year), which made the index
--    3.5x the text.  The new key keeps ORDER BY id DESC newest first and a
--    year a key range; consecutive documents of a day differ by 1, of
--    neighbouring days by about 65536 (3 bytes).  A day holds at most 65536
--    published documents (store_search_sync() refuses the 65537th with a
--    message).  The key of a document stays the same while its published
--    date does.
-- 2. search_fts loses prefix='1': the one-character prefix index stored a
--    second copy of every position (0.8x the text).  One-character terms are
--    answered by search_chr instead: the same columns tokenized by
--    'gk chars' (each folded character a token) with detail=none (document
--    lists only, no positions), about 0.15x the text.  A one-character term
--    x matches exactly the documents whose folded text holds x, as before.
DROP TRIGGER IF EXISTS search_doc_ai;
DROP TRIGGER IF EXISTS search_doc_ad;
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_doc;

CREATE TABLE search_doc (
  id                INTEGER PRIMARY KEY,  -- day * 65536 + ordinal (above)
  doc_id            INTEGER NOT NULL UNIQUE REFERENCES doc(id),
  org_id            INTEGER NOT NULL REFERENCES org(id),
  published_date    TEXT NOT NULL,        -- YYYY-MM-DD ('' if unknown: day 0)
  catalogue_item_id INTEGER,
  genre             TEXT NOT NULL DEFAULT '',
  validity          TEXT NOT NULL DEFAULT 'valid',
  -- The indexed text, in the column order of search_fts (body first: the
  -- smaller index, docs/search.md).
  body              TEXT NOT NULL DEFAULT '',
  title             TEXT NOT NULL DEFAULT '',
  doc_number        TEXT NOT NULL DEFAULT '',
  keywords          TEXT NOT NULL DEFAULT '',
  attachment_text   TEXT NOT NULL DEFAULT ''  -- per attachment: file name,
                                              -- line break, extracted text
);
CREATE INDEX search_doc_org ON search_doc(org_id, id);

-- Bigrams with positions: every query term of two or more characters
-- (tokenize='gk' needs fts_cjk_register() on the connection; store_open()
-- does it for every connection).
CREATE VIRTUAL TABLE search_fts USING fts5(
  body, title, doc_number, keywords, attachment_text,
  content='search_doc', content_rowid='id',
  tokenize='gk', detail=full);

-- Characters without positions: one-character query terms.
CREATE VIRTUAL TABLE search_chr USING fts5(
  body, title, doc_number, keywords, attachment_text,
  content='search_doc', content_rowid='id',
  tokenize='gk chars', detail=none);

-- Keep both indexes equal to search_doc.  Rows are only inserted and
-- deleted (an update is a delete and an insert), so two triggers suffice.
CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_fts(rowid, body, title, doc_number, keywords,
                         attachment_text)
  VALUES (new.id, new.body, new.title, new.doc_number, new.keywords,
          new.attachment_text);
  INSERT INTO search_chr(rowid, body, title, doc_number, keywords,
                         attachment_text)
  VALUES (new.id, new.body, new.title, new.doc_number, new.keywords,
          new.attachment_text);
END;
CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
  INSERT INTO search_fts(search_fts, rowid, body, title, doc_number, keywords,
                         attachment_text)
  VALUES ('delete', old.id, old.body, old.title, old.doc_number, old.keywords,
          old.attachment_text);
  INSERT INTO search_chr(search_chr, rowid, body, title, doc_number, keywords,
                         attachment_text)
  VALUES ('delete', old.id, old.body, old.title, old.doc_number, old.keywords,
          old.attachment_text);
END;

-- The documents published before this migration, with the text extracted
-- from their attachments so far (as store_search_rebuild() does).
INSERT INTO search_doc(id, doc_id, org_id, published_date, catalogue_item_id,
                       genre, validity, body, title, doc_number, keywords,
                       attachment_text)
SELECT coalesce(CAST(julianday(d.published_date) - 2415020.5 AS INTEGER), 0)
         * 65536
       + row_number() OVER (PARTITION BY coalesce(d.published_date, '')
                            ORDER BY d.id) - 1,
       d.id, d.org_id, coalesce(d.published_date, ''), d.catalogue_item_id,
       d.genre, d.validity, d.body, d.title, d.doc_number, d.keywords,
       coalesce((SELECT group_concat(x.t, char(10)) FROM
                  (SELECT t.filename || char(10) || coalesce(b.text, '') AS t
                   FROM doc_attachment t JOIN attachment_blob b USING(sha256)
                   WHERE t.doc_id = d.id ORDER BY t.id) x), '')
FROM doc d WHERE d.state = 'published';
