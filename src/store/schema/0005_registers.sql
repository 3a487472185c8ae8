-- 0005_registers.sql — the registers of the rest of the disclosure work
-- (issue 7): public-opinion events and their responses, netizen messages,
-- NPC suggestions and CPPCC proposals, activities (press briefings, online
-- interviews, open days, trainings, meetings, publicity), the annual work
-- plan with its tasks and progress reports, and inspections by the
-- supervising organisation.
-- Dates are TEXT 'YYYY-MM-DD' (Beijing calendar day); instants that hour
-- clocks need are INTEGER unix seconds; ISO 8601 UTC for created_at.

-- 回应关切 / 政务舆情: one public-opinion event.  level decides the clocks
-- (core/response_clock.h): 'major' = 特别重大、重大突发事件 (5 h information,
-- 24 h press conference), 'other' = 其他 (48 h response).
CREATE TABLE opinion_event (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES org(id),
  title       TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',        -- 网络, 媒体, 信访 …
  level       TEXT NOT NULL CHECK (level IN ('major','other')),
  found_at    INTEGER NOT NULL,                -- when it was found (unix s)
  summary     TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES user(id)
);
CREATE INDEX opinion_event_org ON opinion_event(org_id, found_at);

-- The responses to an event: an authoritative release, a press conference
-- or an online reply, each with its time.
CREATE TABLE opinion_response (
  id        INTEGER PRIMARY KEY,
  event_id  INTEGER NOT NULL REFERENCES opinion_event(id),
  kind      TEXT NOT NULL CHECK (kind IN ('release','press','online')),
  at        INTEGER NOT NULL,                  -- unix s
  note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX opinion_response_event ON opinion_response(event_id, at);

-- 网民留言 / 领导信箱.  Received through the public form; transferred to a
-- department; replied; optionally published as question and answer.
-- contact and name are never shown publicly.
CREATE TABLE message (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES org(id),
  box           TEXT NOT NULL CHECK (box IN ('message','mailbox')),
  name          TEXT NOT NULL DEFAULT '',
  contact       TEXT NOT NULL DEFAULT '',      -- phone or e-mail
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  received_on   TEXT NOT NULL,                 -- 'YYYY-MM-DD'
  received_at   TEXT NOT NULL,                 -- ISO 8601 UTC
  dept_id       INTEGER REFERENCES dept(id),   -- transferred to
  transferred_on TEXT,
  reply         TEXT NOT NULL DEFAULT '',
  replied_on    TEXT,
  reply_dept_id INTEGER REFERENCES dept(id),   -- the replying department
  published     INTEGER NOT NULL DEFAULT 0,
  published_on  TEXT
);
CREATE INDEX message_org ON message(org_id, received_on);

-- Accepted submissions of the public message form, for the per-address
-- rate limit.  Old rows are pruned as new ones arrive.
CREATE TABLE message_throttle (
  key  TEXT NOT NULL,          -- 'addr:<ip>'
  at   INTEGER NOT NULL        -- unix s
);
CREATE INDEX message_throttle_key ON message_throttle(key, at);

-- 人大代表建议 ('npc') / 政协委员提案 ('cppcc').
CREATE TABLE proposal (
  id           INTEGER PRIMARY KEY,
  org_id       INTEGER NOT NULL REFERENCES org(id),
  kind         TEXT NOT NULL CHECK (kind IN ('npc','cppcc')),
  year         INTEGER NOT NULL,
  number       TEXT NOT NULL,                  -- 第12号
  title        TEXT NOT NULL,
  delegate     TEXT NOT NULL DEFAULT '',       -- 代表 / 委员
  lead_dept    TEXT NOT NULL DEFAULT '',       -- 主办
  co_depts     TEXT NOT NULL DEFAULT '',       -- 协办, 、-separated
  received_on  TEXT,
  due_on       TEXT,
  reply        TEXT NOT NULL DEFAULT '',
  replied_on   TEXT,
  published    INTEGER NOT NULL DEFAULT 0,     -- full reply published
  published_on TEXT,
  UNIQUE (org_id, kind, year, number)
);

-- Activities: 新闻发布会 'press', 在线访谈 'interview', 政府开放日
-- 'open_day', 培训 'training' (sessions, people), 会议 'meeting', 宣传材料
-- 'publicity'.  leader_attended: whether the principal leader attended
-- (press and interview only; NULL otherwise).
CREATE TABLE activity (
  id              INTEGER PRIMARY KEY,
  org_id          INTEGER NOT NULL REFERENCES org(id),
  kind            TEXT NOT NULL CHECK (kind IN ('press','interview',
                    'open_day','training','meeting','publicity')),
  held_on         TEXT NOT NULL,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  leader_attended INTEGER,
  sessions        INTEGER NOT NULL DEFAULT 1,
  people          INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL
);
CREATE INDEX activity_org ON activity(org_id, held_on);

-- Optional attachments of an activity (photos, sign-in sheets, slides).
CREATE TABLE activity_file (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER NOT NULL REFERENCES activity(id),
  name         TEXT NOT NULL,
  type         TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  data         BLOB NOT NULL
);

-- 工作要点: the annual work plan of an organisation.
CREATE TABLE workplan (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES org(id),
  year        INTEGER NOT NULL,
  title       TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',        -- the imported text
  created_at  TEXT NOT NULL,
  UNIQUE (org_id, year, title)
);

-- One numbered task of a plan.  lead_depts (牵头) and co_depts (配合 /
-- 具体落实) are 、-separated names read from the closing parenthesis; they
-- need not be departments in the dept table (各医疗卫生单位).
CREATE TABLE workplan_task (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES workplan(id),
  seq         INTEGER NOT NULL,                -- order in the plan, from 1
  number      TEXT NOT NULL,                   -- 一（一）1
  heading     TEXT NOT NULL DEFAULT '',        -- section heading
  text        TEXT NOT NULL,
  depts_raw   TEXT NOT NULL DEFAULT '',        -- the parenthesis as written
  lead_depts  TEXT NOT NULL DEFAULT '',
  co_depts    TEXT NOT NULL DEFAULT '',
  due_on      TEXT,
  done_on     TEXT,
  UNIQUE (plan_id, seq)
);

-- Progress reports on a task, with an optional evidence link (URL or the
-- index number of a published document).
CREATE TABLE workplan_progress (
  id          INTEGER PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES workplan_task(id),
  reported_on TEXT NOT NULL,
  note        TEXT NOT NULL,
  evidence    TEXT NOT NULL DEFAULT '',
  user_id     INTEGER REFERENCES user(id)
);

-- 督查: an inspection of an organisation by a supervisor, with findings and
-- the follow-up asked for.
CREATE TABLE inspection (
  id             INTEGER PRIMARY KEY,
  org_id         INTEGER NOT NULL REFERENCES org(id),  -- inspected
  by_org_id      INTEGER NOT NULL REFERENCES org(id),  -- supervising
  user_id        INTEGER REFERENCES user(id),
  inspected_on   TEXT NOT NULL,
  subject        TEXT NOT NULL,
  findings       TEXT NOT NULL,
  follow_up      TEXT NOT NULL DEFAULT '',
  follow_up_due  TEXT,
  closed_on      TEXT
);
CREATE INDEX inspection_org ON inspection(org_id, inspected_on);

-- "本期无新增": an explicit statement that a catalogue item had nothing new
-- in one period of its update frequency (core/freshness.h), which counts
-- as an update for the freshness check.
CREATE TABLE catalogue_nil (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES catalogue_item(id),
  period_start  TEXT NOT NULL,               -- first day of the period
  period_end    TEXT NOT NULL,               -- last day of the period
  note          TEXT NOT NULL DEFAULT '',
  stated_on     TEXT NOT NULL,
  user_id       INTEGER REFERENCES user(id),
  UNIQUE (item_id, period_start)
);
