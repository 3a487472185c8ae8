/* test_body.c — the multipart part-header scanner of http/body.c (issue
** 12 item 1): which bodies it lets through to the post processor and
** which it refuses.  Bodies written by hand. */
#include <string.h>

#include "harness.h"
#include "http/body.h"

#define CT "multipart/form-data; boundary=XyZ"

/* Feeds z in pieces of n bytes: 0 well-formed and complete, -1 refused
** by a header, -2 incomplete. */
static int scan_n(const char *z, size_t len, size_t n) {
  MpScan m;
  if (mpscan_init(&m, CT)) return -3;
  for (size_t i = 0; i < len; i += n)
    if (mpscan_feed(&m, z + i, len - i < n ? len - i : n)) return -1;
  return mpscan_complete(&m) ? 0 : -2;
}

static int scan(const char *z, size_t n) { return scan_n(z, strlen(z), n); }

static const char zGood[] =
    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nline1\r\nline2\x01\r\n"
    "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\xe8\xba\xab.pdf\"\r\n"
    "Content-Type: application/pdf\r\n\r\n%PDF\r\x00\n--XyZZ not a boundary\r\n"
    "--XyZ--\r\n";

TEST(body_multipart_scanner_accepts_browser_bodies) {
  /* Whole, and split at every possible place (1-byte pieces). */
  CHECK_INT(scan_n(zGood, sizeof zGood - 1, sizeof zGood), 0);
  CHECK_INT(scan_n(zGood, sizeof zGood - 1, 1), 0);
  CHECK_INT(scan_n(zGood, sizeof zGood - 1, 7), 0);
  /* The closing delimiter without a final CRLF. */
  CHECK_INT(scan("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--", 3), 0);
}

TEST(body_multipart_scanner_refuses_broken_headers) {
  /* CR inside a quoted file name: a bare CR in a header line. */
  CHECK_INT(scan("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\rb\"\r\n\r\nx\r\n--XyZ--\r\n", 5), -1);
  /* LF inside it: the rest of the line has no colon. */
  CHECK_INT(scan("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\nb\"\r\n\r\nx\r\n--XyZ--\r\n", 5), -1);
  /* NUL in a header (strings built with a length). */
  static const char zNul[] = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\0b\"\r\n\r\nx\r\n--XyZ--\r\n";
  MpScan m;
  CHECK_INT(mpscan_init(&m, CT), 0);
  CHECK_INT(mpscan_feed(&m, zNul, sizeof zNul - 1), -1);
  /* Truncated: no closing delimiter. */
  CHECK_INT(scan("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n", 4), -2);
  /* No boundary, or one longer than RFC 2046 allows. */
  CHECK_INT(mpscan_init(&m, "multipart/form-data"), -1);
  CHECK_INT(mpscan_init(&m, "multipart/form-data; boundary=01234567890123456789012345678901234567890123456789012345678901234567890"), -1);
  /* Not multipart: nothing to scan. */
  CHECK_INT(mpscan_init(&m, "application/x-www-form-urlencoded"), 0);
  CHECK_INT(mpscan_feed(&m, "a=\r\x01", 4), 0);
  CHECK(mpscan_complete(&m));
}
