-- 0003_documents.sql — proactive disclosure, the document half of issue 3:
-- documents (政府信息) with their index numbers, the review chain, the
-- privacy findings of the secrecy review, attachments, channels and the
-- publication ledger.  The catalogue (catalogue_item) belongs to migration
-- 0002; documents reference it by id and never create it.
-- Dates are TEXT 'YYYY-MM-DD', timestamps TEXT ISO 8601 UTC.

-- One document.  state follows the review chain (core/document.h):
-- draft → dept_review → secrecy_review → approval → published, with
-- 'filed' for documents approved under 依申请公开 / 不予公开 (recorded,
-- not published) and 'withdrawn' after a public withdrawal.
CREATE TABLE doc (
  id                INTEGER PRIMARY KEY,
  org_id            INTEGER NOT NULL REFERENCES org(id),
  dept_id           INTEGER REFERENCES dept(id),     -- 责任部门
  -- 索引号: NULL until publication (or approval); then permanent.
  index_number      TEXT UNIQUE,
  index_imported    INTEGER NOT NULL DEFAULT 0,      -- 1: kept from import
  title             TEXT NOT NULL,
  doc_number        TEXT NOT NULL DEFAULT '',        -- 文号
  publisher         TEXT NOT NULL DEFAULT '',        -- 发布机构 (name)
  signed_date       TEXT,                            -- 成文日期
  formed_date       TEXT,                            -- 生成日期 (Art. 26)
  published_date    TEXT,                            -- 发布日期
  -- 公开方式: 'proactive' | 'on_request' | 'withheld' | '' (not yet set)
  mode              TEXT NOT NULL DEFAULT ''
                    CHECK (mode IN ('','proactive','on_request','withheld')),
  withheld_ground   TEXT NOT NULL DEFAULT '',        -- Arts. 14-16 code
  scope             TEXT NOT NULL DEFAULT '',        -- 公开范围
  -- catalogue_item(id) of migration 0002; checked by the store (no declared
  -- foreign key, so this migration does not depend on 0002 being applied).
  catalogue_item_id INTEGER,
  genre             TEXT NOT NULL DEFAULT '',        -- 体裁: 通知, 解读 …
  -- report kind: 'regulation' (规章) | 'normative' (行政规范性文件) | 'other'
  report_kind       TEXT NOT NULL DEFAULT 'other'
                    CHECK (report_kind IN ('regulation','normative','other')),
  keywords          TEXT NOT NULL DEFAULT '',
  summary           TEXT NOT NULL DEFAULT '',        -- 内容概述
  body              TEXT NOT NULL DEFAULT '',        -- Markdown
  interprets_id     INTEGER REFERENCES doc(id),      -- 解读 → its policy
  state             TEXT NOT NULL DEFAULT 'draft'
                    CHECK (state IN ('draft','dept_review','secrecy_review',
                                     'approval','published','filed',
                                     'withdrawn')),
  -- 有效性
  validity          TEXT NOT NULL DEFAULT 'valid'
                    CHECK (validity IN ('valid','amended','repealed',
                                        'expired')),
  validity_date     TEXT,
  replaced_by_id    INTEGER REFERENCES doc(id),
  withdraw_reason   TEXT NOT NULL DEFAULT '',        -- public once set
  withdrawn_at      TEXT,
  scanned_at        TEXT,                            -- last privacy scan
  created_by        INTEGER NOT NULL REFERENCES user(id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX doc_org_state ON doc(org_id, state);
CREATE INDEX doc_published ON doc(state, published_date);
CREATE INDEX doc_interprets ON doc(interprets_id);

-- Serial counters for index numbers: one per organisation and year (year 0
-- when the template has no year).  Advanced inside the publishing
-- transaction, never lowered, so a number is never reused.
CREATE TABLE doc_serial (
  org_id  INTEGER NOT NULL REFERENCES org(id),
  year    INTEGER NOT NULL,
  last    INTEGER NOT NULL,
  PRIMARY KEY (org_id, year)
);

-- The review chain: one row per step taken (submit, pass, return,
-- withdraw …) — the 发布审核单.
CREATE TABLE doc_review (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES doc(id),
  from_state  TEXT NOT NULL,
  to_state    TEXT NOT NULL,
  decision    TEXT NOT NULL,   -- 'submit' 'pass' 'return' 'withdraw'
  opinion     TEXT NOT NULL DEFAULT '',
  user_id     INTEGER NOT NULL REFERENCES user(id),
  at          TEXT NOT NULL
);
CREATE INDEX doc_review_doc ON doc_review(doc_id, id);

-- Attachment contents, stored once per SHA-256 (de-duplicated) inside the
-- database so that backups and transactions cover them.
CREATE TABLE attachment_blob (
  sha256  TEXT PRIMARY KEY,    -- 64 lower-case hex
  size    INTEGER NOT NULL,
  mime    TEXT NOT NULL,       -- detected by content (libmagic)
  data    BLOB NOT NULL
);

-- A document's attachments (names are per document).
CREATE TABLE doc_attachment (
  id        INTEGER PRIMARY KEY,
  doc_id    INTEGER NOT NULL REFERENCES doc(id),
  sha256    TEXT NOT NULL REFERENCES attachment_blob(sha256),
  filename  TEXT NOT NULL,
  notes     TEXT NOT NULL DEFAULT '',  -- hidden sheets, comments, changes
  added_by  INTEGER NOT NULL REFERENCES user(id),
  added_at  TEXT NOT NULL
);
CREATE INDEX doc_attachment_doc ON doc_attachment(doc_id);

-- Privacy findings of the secrecy review.  source: 'title', 'body' or
-- 'attachment:<id>'.  status: 'open' → 'masked' | 'accepted'.
CREATE TABLE doc_finding (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES doc(id),
  source      TEXT NOT NULL,
  kind        TEXT NOT NULL,       -- privacy_kind_name()
  match_text  TEXT NOT NULL,
  context     TEXT NOT NULL,
  mask        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open'
              CHECK (status IN ('open','masked','accepted')),
  reason      TEXT NOT NULL DEFAULT '',
  found_at    TEXT NOT NULL,
  decided_by  INTEGER REFERENCES user(id),
  decided_at  TEXT
);
CREATE INDEX doc_finding_doc ON doc_finding(doc_id, status);

-- Further channels a document went out on (微信公众号, 微博 …).
CREATE TABLE doc_channel (
  id        INTEGER PRIMARY KEY,
  doc_id    INTEGER NOT NULL REFERENCES doc(id),
  channel   TEXT NOT NULL,
  day       TEXT NOT NULL,         -- 'YYYY-MM-DD'
  note      TEXT NOT NULL DEFAULT '',
  added_by  INTEGER NOT NULL REFERENCES user(id),
  added_at  TEXT NOT NULL
);
CREATE INDEX doc_channel_doc ON doc_channel(doc_id);

-- The publication ledger: an append-only hash chain.  content is the
-- canonical JSON of the document (core/document.h doc_canonical());
-- content_hash = SHA-256(content); entry_hash = SHA-256 of
-- "seq\nat\ndoc_id\nevent\ncontent_hash\nprev_hash" (core/document.h
-- doc_ledger_entry_hash()); prev_hash of the first entry is 64 zeros.
CREATE TABLE doc_ledger (
  seq           INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  doc_id        INTEGER NOT NULL REFERENCES doc(id),
  event         TEXT NOT NULL
                CHECK (event IN ('publish','edit','validity','withdraw')),
  content       TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  prev_hash     TEXT NOT NULL,
  entry_hash    TEXT NOT NULL
);
CREATE INDEX doc_ledger_doc ON doc_ledger(doc_id, seq);
