-- 0002_catalogue.sql — the disclosure catalogue (主动公开基本目录 /
-- 政务公开目录清单), the 依申请公开目录 and the 负面清单, one row per item.
-- Documents (0003) reference catalogue_item(id).
-- Codes stored here are listed, with their Chinese labels, in
-- src/core/catalogue.c; the CHECK constraints repeat the closed sets.

CREATE TABLE catalogue_item (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES org(id),
  -- 'proactive' (主动公开基本目录) | 'on_request' (依申请公开目录)
  -- | 'negative' (负面清单)
  list_kind   TEXT NOT NULL
              CHECK (list_kind IN ('proactive','on_request','negative')),
  seq         INTEGER,                     -- 序号 (display order in the list)
  level1      TEXT NOT NULL DEFAULT '',    -- 一级事项 (类别)
  level2      TEXT NOT NULL DEFAULT '',    -- 二级事项
  content     TEXT NOT NULL DEFAULT '',    -- 公开内容（要素）
  basis       TEXT NOT NULL DEFAULT '',    -- 公开依据
  time_limit  TEXT NOT NULL DEFAULT '',    -- 公开时限
  dept        TEXT NOT NULL DEFAULT '',    -- 公开主体 / 负责科室
  responsible TEXT NOT NULL DEFAULT '',    -- 责任人
  phone       TEXT NOT NULL DEFAULT '',    -- 联系电话
  -- 公开渠道 as a set: comma-separated channel codes in canonical order
  -- ('website,new_media'); channel_text keeps the carriers as written
  -- (县卫生计生局网站、县卫生计生局微信公众号 …) so imports round-trip.
  channels    TEXT NOT NULL DEFAULT '',
  channel_text TEXT NOT NULL DEFAULT '',
  -- 公开对象: '' (not given) | 'all' 全社会 | 'group' 特定群体
  audience    TEXT NOT NULL DEFAULT ''
              CHECK (audience IN ('','all','group')),
  mode        TEXT NOT NULL DEFAULT ''     -- 公开方式
              CHECK (mode IN ('','proactive','on_request','withheld')),
  frequency   TEXT NOT NULL DEFAULT '',    -- 更新频率 (实时, 每月 … free text)
  tier        TEXT NOT NULL DEFAULT '',    -- 公开层级 (县级, 乡级 …)
  review      TEXT NOT NULL DEFAULT '',    -- 审核程序 (seed 003: 细化明确
                                           -- 责任科室、公开时限、审核程序)
  art20_item  INTEGER                      -- Art. 20 item （一）..（十五）
              CHECK (art20_item IS NULL OR art20_item BETWEEN 1 AND 15),
  requires_interpretation INTEGER NOT NULL DEFAULT 0
              CHECK (requires_interpretation IN (0,1)),
  code        TEXT NOT NULL DEFAULT '',    -- short category code for
                                           -- index-number templates
  legal_ground TEXT NOT NULL DEFAULT '',   -- negative list: Arts. 14-16 code
  note        TEXT NOT NULL DEFAULT '',    -- 备注
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX catalogue_item_org ON catalogue_item(org_id, list_kind, seq);
