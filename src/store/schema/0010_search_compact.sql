-- 0010_search_compact.sql — a smaller and faster public search index
-- (issue 8, bench/analysis.md section 2).
--
-- 1. The key of search_doc (the FTS5 rowid) becomes nearly dense, in
--    order of published date, instead of YYYYMMDD * 10^9 + doc id.  FTS5
--    stores each rowid of a doclist as a varint delta from the previous one;
--    with the old key every delta took 5-6 bytes, which made the index 3.5x
--    the text.  The rule (store_search_sync):
--        key = max(day * 16, 1 + the largest key of an earlier or equal date)
--    where day counts from 1900-01-01: documents published in date order
--    (every publication through the review chain: it is dated today) get
--    consecutive keys, or gaps of up to 16 per day where days are sparse;
--    a day with more than 16 documents spills into the following keys.
--    ORDER BY id DESC is newest first and a year is a key range found in
--    search_doc_date.  A document published with an earlier date where no
--    key is free (its day and the following ones are full) gets the next
--    key above all others and is counted in search_meta.displaced; its
--    place in date order is restored by store_search_rebuild() (`gongkai
--    search reindex`, run by `gongkai docs import` when an import
--    displaced documents).  Year filters check the date itself, so they are
--    exact either way.  The key of a document stays while its date does.
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
  id                INTEGER PRIMARY KEY,  -- the key (above)
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
-- Year ranges and per-year counts (store_search_years).
CREATE INDEX search_doc_date ON search_doc(published_date);
CREATE INDEX search_doc_org_date ON search_doc(org_id, published_date);

-- Bookkeeping of the index: 'displaced' = documents whose key is out of
-- date order (rule above) since the last rebuild.
CREATE TABLE search_meta (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO search_meta VALUES ('displaced', 0);

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

-- FTS5 keeps up to 'hashsize' bytes of new terms in memory before it
-- writes them as a segment (default 1 MB); a bulk import writes 20 MB and
-- more per batch, and fewer, larger segments need less merging (a quarter
-- of the indexing time at 20,000 documents).  Ordinary publications commit
-- long before the limit.
INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_chr(search_chr, rank) VALUES ('hashsize', 16777216);

-- No triggers: the store writes both indexes itself (store_search_sync),
-- because FTS5 flushes its pending terms at every statement savepoint, and
-- a trigger per document made each document a segment of its own that
-- FTS5 then had to merge (bulk import 2.4x slower).  store_search_defer()
-- lets a bulk import index a whole batch in one statement instead.
-- The documents published before this migration, with the text extracted
-- from their attachments so far, keys by the rule above in (date, document
-- id) order: key(n) = max over m <= n of (day(m) * 16 + n - m), a running
-- maximum (as store_search_rebuild() does).
INSERT INTO search_doc(id, doc_id, org_id, published_date, catalogue_item_id,
                       genre, validity, body, title, doc_number, keywords,
                       attachment_text)
SELECT rn + max(day * 16 - rn) OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING),
       doc_id, org_id, published_date, catalogue_item_id, genre, validity,
       body, title, doc_number, keywords, attachment_text
FROM (SELECT coalesce(CAST(julianday(d.published_date) - 2415020.5
                           AS INTEGER), 0) AS day,
             row_number() OVER (ORDER BY coalesce(d.published_date, ''), d.id)
               AS rn,
             d.id AS doc_id, d.org_id, coalesce(d.published_date, '')
               AS published_date,
             d.catalogue_item_id, d.genre, d.validity, d.body, d.title,
             d.doc_number, d.keywords,
             coalesce((SELECT group_concat(x.t, char(10)) FROM
                        (SELECT t.filename || char(10) || coalesce(b.text, '')
                                  AS t
                         FROM doc_attachment t
                         JOIN attachment_blob b USING(sha256)
                         WHERE t.doc_id = d.id ORDER BY t.id) x), '')
               AS attachment_text
      FROM doc d WHERE d.state = 'published')
ORDER BY rn;
INSERT INTO search_fts(rowid, body, title, doc_number, keywords,
                       attachment_text)
SELECT id, body, title, doc_number, keywords, attachment_text
FROM search_doc ORDER BY id;
INSERT INTO search_chr(rowid, body, title, doc_number, keywords,
                       attachment_text)
SELECT id, body, title, doc_number, keywords, attachment_text
FROM search_doc ORDER BY id;
