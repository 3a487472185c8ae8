-- 0081_job_lease.sql — leases for work that one server process at a time
-- should do (issue 16): N gongkai processes on one database each run the
-- same lazy or periodic jobs, and a job taken here is refused to every
-- other process until it is given back or its lease lapses (a process
-- that died while holding it).  store_try_job / store_job_done
-- (store_job.c); the jobs are the StoreJob enum in store.h.  Private
-- bookkeeping: writing it leaves the public content generation alone.
CREATE TABLE job_lease (
  job        INTEGER PRIMARY KEY,     -- StoreJob
  holder     TEXT NOT NULL,           -- host:pid:connection of the taker
  taken_at   INTEGER NOT NULL,        -- Unix time it was taken
  expires_at INTEGER NOT NULL         -- Unix time the lease lapses
);
