#!/usr/bin/env python3
"""run.py — runs the black-box HTTP test modules (tests/http/test_*.py).

usage: tests/http/run.py [MODULE_SUBSTRING [TEST_SUBSTRING]]
One server per module; prints `PASS name` / `FAIL name: why` and closes
with `http: N passed, N failed`; after each module `TIME module N s` (its
wall-clock seconds, to keep CI within its budget; never a pass criterion).  Exit status 1 when anything failed,
including a server that died or leaked sanitizer reports into its log.
A module's temporary directory (database, server log) is removed when all
its tests passed and kept for a look when one failed.

GK_HTTP_SKIP=FILE names modules or single tests not to run, one a line
with its reason ("test_x  why" or "test_x.test_y  why"; "#" starts a
comment; tests/pg/http_skip.txt for the PostgreSQL run): each is printed
as `SKIP name: why` and counted on the closing line (`…, N skipped`),
never as passed.  A missing file, or a line without a reason, is an
error.
"""
import importlib.util
import os
import shutil
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def load_skip():
    """{module stem or module.test: reason} from the file GK_HTTP_SKIP
    names ({} when unset)."""
    path = os.environ.get("GK_HTTP_SKIP")
    if not path:
        return {}
    skip = {}
    with open(path, encoding="utf-8") as f:  # missing: an error, not "run all"
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, _, why = line.partition(" ")
            if not why.strip():
                raise SystemExit("%s:%d: a module to skip needs its reason" % (path, n))
            skip[name.replace(".py", "")] = why.strip()
    return skip


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    mods = sorted(f for f in os.listdir(here) if f.startswith("test_") and f.endswith(".py"))
    if len(sys.argv) > 1:
        mods = [m for m in mods if sys.argv[1] in m]
    only = sys.argv[2] if len(sys.argv) > 2 else None
    skip = load_skip()
    npass = nfail = 0
    skipped = []
    for m in mods:
        if m[:-3] in skip:
            print("SKIP %s: %s" % (m[:-3], skip[m[:-3]]))
            skipped.append(m[:-3])
            continue
        spec = importlib.util.spec_from_file_location(m[:-3], os.path.join(here, m))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        tests = [(n, f) for n, f in vars(mod).items() if n.startswith("test_") and callable(f)]
        tests.sort(key=lambda nf: nf[1].__code__.co_firstlineno)
        if only:
            tests = [(n, f) for n, f in tests if only in n]
        for n, _ in tests:
            if "%s.%s" % (m[:-3], n) in skip:
                print("SKIP %s.%s: %s" % (m[:-3], n, skip["%s.%s" % (m[:-3], n)]))
                skipped.append("%s.%s" % (m[:-3], n))
        tests = [(n, f) for n, f in tests if "%s.%s" % (m[:-3], n) not in skip]
        if not tests:
            continue
        t0 = time.time()
        failed_before = nfail
        try:
            srv = harness.Server(demo=getattr(mod, "DEMO", True),
                                 extra_args=getattr(mod, "SERVE_ARGS", ()))
        except Exception as e:  # noqa: BLE001
            print("FAIL %s: server setup: %s" % (m, e))
            nfail += 1
            continue
        for name, fn in tests:
            full = "%s.%s" % (m[:-3], name)
            try:
                fn(srv)
                if not srv.alive():
                    raise harness.TestFailure("server died:\n" + srv.log_text()[-3000:])
                print("PASS %s" % full)
                npass += 1
            except Exception as e:  # noqa: BLE001
                msg = str(e) if isinstance(e, harness.TestFailure) else traceback.format_exc()
                print("FAIL %s: %s" % (full, msg))
                nfail += 1
        rc = srv.stop()
        if os.environ.get("GK_TEST_PG"):
            harness.pg_drop_db(srv.db)
        log = srv.log_text()
        if "ERROR: AddressSanitizer" in log or "runtime error:" in log or "LeakSanitizer" in log:
            print("FAIL %s: sanitizer report in server log:\n%s" % (m, log[-4000:]))
            nfail += 1
        elif rc not in (0, None):
            print("FAIL %s: server exit status %s after SIGTERM\n%s" % (m, rc, log[-2000:]))
            nfail += 1
        if nfail == failed_before:  # a failed module's database and log stay
            shutil.rmtree(srv.dir, ignore_errors=True)
        print("TIME %s %.1f s" % (m[:-3], time.time() - t0))
        sys.stdout.flush()
    print("http: %d passed, %d failed%s" % (
        npass, nfail, ", %d skipped (%s)" % (len(skipped), " ".join(skipped)) if skipped else ""))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
