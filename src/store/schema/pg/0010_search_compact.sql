-- 0010_search_compact.sql (PostgreSQL) — search_doc with the dense key of
-- issue 8 (see ../0010_search_compact.sql for the rule and the SQLite
-- FTS5 indexes search_fts and search_chr).
--
-- Left out on PostgreSQL: search_fts and search_chr (FTS5 virtual tables
-- tokenized by the gk tokenizer, src/store/fts_cjk.c).  The store writes
-- search_doc in the same transaction as every change to a published
-- document; the PostgreSQL search (issue 16, later) will index it with
-- its own means (a bigram tsvector or pg_trgm) in a migration of its own.
DROP TABLE IF EXISTS search_doc;

CREATE TABLE search_doc (
  id                bigint PRIMARY KEY,   -- the key (../0010_search_compact.sql)
  doc_id            bigint NOT NULL UNIQUE REFERENCES doc(id),
  org_id            bigint NOT NULL REFERENCES org(id),
  published_date    TEXT NOT NULL,        -- YYYY-MM-DD ('' if unknown: day 0)
  catalogue_item_id bigint,
  genre             TEXT NOT NULL DEFAULT '',
  validity          TEXT NOT NULL DEFAULT 'valid',
  body              TEXT NOT NULL DEFAULT '',
  title             TEXT NOT NULL DEFAULT '',
  doc_number        TEXT NOT NULL DEFAULT '',
  keywords          TEXT NOT NULL DEFAULT '',
  attachment_text   TEXT NOT NULL DEFAULT ''  -- per attachment: file name,
                                              -- line break, extracted text
);
CREATE INDEX search_doc_org ON search_doc(org_id, id);
CREATE INDEX search_doc_date ON search_doc(published_date);
CREATE INDEX search_doc_org_date ON search_doc(org_id, published_date);

-- 'displaced' = documents whose key is out of date order since the last
-- rebuild.
CREATE TABLE search_meta (
  name  TEXT PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO search_meta VALUES ('displaced', 0);

-- The documents published before this migration, keyed by the rule above
-- in (date, document id) order: key(n) = max over m <= n of
-- (day(m) * 16 + n - m), day counted from 1900-01-01 (0 when unknown).
INSERT INTO search_doc(id, doc_id, org_id, published_date, catalogue_item_id,
                       genre, validity, body, title, doc_number, keywords,
                       attachment_text)
SELECT rn + max(day * 16 - rn) OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING),
       doc_id, org_id, published_date, catalogue_item_id, genre, validity,
       body, title, doc_number, keywords, attachment_text
FROM (SELECT CASE WHEN d.published_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                  THEN d.published_date::date - date '1900-01-01'
                  ELSE 0 END AS day,
             row_number() OVER (ORDER BY coalesce(d.published_date, ''), d.id)
               AS rn,
             d.id AS doc_id, d.org_id, coalesce(d.published_date, '')
               AS published_date,
             d.catalogue_item_id, d.genre, d.validity, d.body, d.title,
             d.doc_number, d.keywords,
             coalesce((SELECT string_agg(t.filename || E'\n'
                                         || coalesce(b.text, ''), E'\n'
                                         ORDER BY t.id)
                       FROM doc_attachment t
                       JOIN attachment_blob b USING(sha256)
                       WHERE t.doc_id = d.id), '')
               AS attachment_text
      FROM doc d WHERE d.state = 'published') x
ORDER BY rn;
