-- PostgreSQL version of ../0009_bench_indexes.sql: INTEGER is bigint, an id key an identity
-- column, BLOB is bytea, "user" is quoted (a reserved word).
--
-- 0008_bench_indexes.sql — covering indexes for the annual report's table
-- 三 (store_app_t3 in sqlite_applications.c), found by the benchmarks
-- (issue 8, bench/analysis.md section 4).  Each branch of the report query
-- is a range over one of them, so no table row is read and the cost follows
-- the report year's applications instead of the whole history: at 100k
-- applications the query fell from 0.87 to 0.05 CPU seconds.

-- 一、本年新收: (organisation, received day) → applicant column.
CREATE INDEX application_received
  ON application(org_id, received_on, applicant_type);

-- 三、办理结果 and the carried-over rows (closed after a day, or not
-- closed): (organisation, closing day) → received day, column, outcome.
CREATE INDEX application_closed_cover
  ON application(org_id, closed_on, received_on, applicant_type, outcome);
