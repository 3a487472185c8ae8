/*
** fuzz_dates.c — date and working-day parsing: lib/date.c (date_parse,
** datetime_parse_cn, round trips through the formatters) and the holiday
** calendar (core/calendar.c: cal_load_csv of an uploaded holiday file,
** then working-day arithmetic over what it loaded, with the built-in
** calendar underneath as `gongkai applications holidays FILE` runs it).
** Checks the documented invariants, not only memory safety:
**   - a parsed date formats back to the same ten bytes;
**   - cal_add_workdays(d, k) is the first day e with
**     cal_workdays_between(d, e) == k (calendar.h).
*/
#include <stdlib.h>
#include <string.h>

#include "util.h"

#include "core/calendar.h"
#include "lib/date.h"
#include "lib/embed.h"

static void check_date_text(const char *z) {
  Date d;
  if (date_parse(z, &d) == 0) {
    char zOut[DATE_STRLEN];
    if (strcmp(date_format(d, zOut), z)) abort();
    (void)date_weekday(d);
  }
  time_t t;
  if (datetime_parse_cn(z, &t) == 0) {
    char zOut[DATETIME_STRLEN];
    (void)datetime_format_cn(t, zOut);
  }
}

static void check_workdays(const Calendar *c, Date d, int k) {
  Date e = cal_add_workdays(c, d, k);
  if (k > 0 && (cal_workdays_between(c, d, e) != k ||
                cal_workdays_between(c, d, e - 1) != k - 1))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *p, size_t n) {
  char *z = fuzz_cstr(p, n);
  check_date_text(z);
  /* Each line as a date too (forms send one value per field). */
  for (char *zLine = strtok(z, "\n,"); zLine; zLine = strtok(NULL, "\n,"))
    check_date_text(zLine);
  free(z);

  /* The built-in calendar once; the input as an uploaded holiday file. */
  static Calendar base;
  static int bBase;
  if (!bBase) {
    cal_init(&base);
    const Embedded *e = embed_find(aData, "holidays_cn.csv");
    if (!e || cal_load_csv(&base, (const char *)e->pData, e->nData, "builtin")) abort();
    bBase = 1;
  }
  Calendar c;
  cal_init(&c);
  (void)cal_load_csv(&c, (const char *)p, n, "fuzz"); /* all or nothing */
  if (n >= 3) check_workdays(&base, date_from_ymd(2013, 1, 1) + (p[0] << 8 | p[1]) % 5000, p[2] % 200);
  {
    /* Working days from a date taken from the input, near the covered
    ** years so the loops stay short. */
    int yFirst, yLast;
    cal_coverage(&c, &yFirst, &yLast);
    int k = n ? p[n - 1] % 60 : 1;
    Date d0 = date_from_ymd(yFirst ? yFirst : 2020, 1, 1);
    Date d = d0 + (n >= 3 ? ((p[0] << 8 | p[1]) % 3000) : 0);
    check_workdays(&c, d, k);
  }
  cal_free(&c);
  return 0;
}
