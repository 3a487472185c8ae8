-- 0100_content_bump_once.sql (PostgreSQL) — the content generation advances
-- once per transaction, not once per written public row.
--
-- Each UPDATE of the one content_generation row leaves a new row version
-- that the next UPDATE in the same transaction must step past, so a bulk
-- import (about 5.5 public rows per document) or a migration that rewrites
-- a table spent time growing with the square of its size there (30 % of a
-- 100k-document import, 77 % of migration 0101; bench/analysis.md, the
-- PostgreSQL column).  The trigger now marks the transaction with a
-- transaction-local setting (set_config(…, true): undone at commit or
-- rollback, and with a rolled-back savepoint together with its UPDATE) and
-- updates the row only the first time.  The generation still changes in
-- every committed transaction that changes public content, which is all
-- its readers (the response cache, the count cache) compare.  Numbered
-- before 0101, which rewrites every ledger row, so that migration runs
-- with the cheap trigger.
CREATE OR REPLACE FUNCTION gk_content_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('gk.content_bumped', true), '') <> 'on' THEN
    UPDATE content_generation SET gen = gen + 1 WHERE id = 1;
    PERFORM set_config('gk.content_bumped', 'on', true);
  END IF;
  RETURN NULL;
END
$$;
