-- 0040_content_generation.sql — the public content generation: a counter
-- that every change to a table whose rows can appear on a public page
-- advances (store_sqlite.c creates the triggers on each connection, for
-- every table except the private bookkeeping ones).  Every server process
-- reads it to know whether its cached public pages are still current, so
-- a session touch, a failed login or an application being handled no
-- longer empties the cache, and N servers on one database agree.
CREATE TABLE content_generation (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  gen INTEGER NOT NULL
);
INSERT INTO content_generation VALUES (1, 1);
