-- 0104_text_packed.sql — a document's text stored packed (issue 18,
-- target 3: database <= 2.5 x the text; bench/analysis.md, "Database size").
--
-- doc.body holds either the text (TEXT) or, when that saves at least an
-- eighth, the text as one zstd frame (a BLOB; src/lib/textpack.h: texts
-- under 128 bytes stay as they are).  Every connection of the store has
-- gk_text(x) (the plain text of a stored value) and gk_pack(x) (the value
-- to store for a text) (src/store/sqlite_textpack.c); the store reads
-- gk_text(body) and writes gk_pack(?N) — on PostgreSQL both are the
-- identity (pg/0104), TOAST compresses there.
--
-- search_text, the content of both FTS5 tables, gives FTS5 the plain text.
-- The triggers of migration 0071 that save a document's old indexed text
-- in search_stale before it changes now copy the stored values as they are
-- (through search_text_raw, which needs no function, so they keep working
-- on a connection without gk_text); sqlite_search.c unpacks search_stale's
-- body when it removes the old terms.
--
-- Attachment texts (attachment_blob.text) and older ledger versions
-- (doc_ledger.content) stay plain: the first is not yet measured on real
-- attachments, the second is 0.1 x the text at 1M documents.
DROP TRIGGER search_doc_text_bu;
DROP TRIGGER search_att_bi;
DROP TRIGGER search_att_bd;
DROP TRIGGER search_att_bu;
DROP TRIGGER search_blob_text_bu;
DROP VIEW search_text;

-- The indexed columns of every search_doc row as stored (body maybe
-- packed), in the column order of the FTS5 tables.
CREATE VIEW search_text_raw(id, body, title, doc_number, keywords,
                            attachment_text) AS
SELECT sd.id, d.body, d.title, d.doc_number, d.keywords,
       coalesce((SELECT group_concat(x.t, char(10)) FROM
                  (SELECT t.filename || char(10) || coalesce(b.text, '') AS t
                   FROM doc_attachment t
                   JOIN attachment_blob b USING(sha256)
                   WHERE t.doc_id = d.id ORDER BY t.id) x), '')
FROM search_doc sd JOIN doc d ON d.id = sd.doc_id;
-- The same with the plain text: what the FTS5 tables index and read.
CREATE VIEW search_text(id, body, title, doc_number, keywords,
                        attachment_text) AS
SELECT id, gk_text(body), title, doc_number, keywords, attachment_text
FROM search_text_raw;

-- Pack the texts stored so far.  The triggers are gone meanwhile: the
-- text does not change, so the index stays as it is.
UPDATE doc SET body = gk_pack(body) WHERE typeof(body) = 'text';

CREATE TRIGGER search_doc_text_bu BEFORE UPDATE OF body, title, doc_number,
  keywords ON doc
  WHEN OLD.body IS NOT NEW.body OR OLD.title IS NOT NEW.title
    OR OLD.doc_number IS NOT NEW.doc_number
    OR OLD.keywords IS NOT NEW.keywords
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text_raw t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id = OLD.id;
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id = OLD.id;
END;
CREATE TRIGGER search_att_bi BEFORE INSERT ON doc_attachment
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text_raw t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id = NEW.doc_id;
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id = NEW.doc_id;
END;
CREATE TRIGGER search_att_bd BEFORE DELETE ON doc_attachment
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text_raw t ON t.id = sd.id
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
  FROM search_doc sd JOIN search_text_raw t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id IN (OLD.doc_id, NEW.doc_id);
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id IN (OLD.doc_id, NEW.doc_id);
END;
CREATE TRIGGER search_blob_text_bu BEFORE UPDATE OF text ON attachment_blob
  WHEN OLD.text IS NOT NEW.text
BEGIN
  INSERT INTO search_stale(id, body, title, doc_number, keywords,
                           attachment_text)
  SELECT t.id, t.body, t.title, t.doc_number, t.keywords, t.attachment_text
  FROM search_doc sd JOIN search_text_raw t ON t.id = sd.id
  WHERE sd.indexed = 1 AND sd.doc_id IN
    (SELECT doc_id FROM doc_attachment WHERE sha256 = OLD.sha256);
  UPDATE search_doc SET indexed = 0 WHERE indexed = 1 AND doc_id IN
    (SELECT doc_id FROM doc_attachment WHERE sha256 = OLD.sha256);
END;
