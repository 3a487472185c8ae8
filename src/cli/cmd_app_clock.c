/*
** cmd_app_clock.c — `gongkai applications clock`: the answer clock of an
** application from the command line, computed by the same core function
** as the case page (app_clock_ex -> deadline_compute), with the holiday
** table and the clock settings of the database when it exists (else the
** embedded official calendar and the default settings).
**
**   gongkai applications clock --received DATE --channel C
**           [--event KIND:DATE[:ARG[:TEXT]]]... [--today DATE] [--json]
**
** KIND is a stored event kind (correction_sent, third_party_start …);
** ARG is the limit date (correction_sent, correction_extended, fee_notice,
** art35) or the working days (extension); TEXT the approver (extension) or
** the reasons (art35).  Prints the regime, the due date, the status and
** every step with its article.  Exit 0; 2 on bad input; 1 when the events
** are refused by the clock (its message on stderr).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "core/regime.h"
#include "lib/buf.h"
#include "lib/embed.h"
#include "store/store_applications.h"

static const char zUsage[] =
    "usage: gongkai applications clock --received DATE --channel C\n"
    "           [--event KIND:DATE[:ARG[:TEXT]]]... [--today DATE] [--json]"
    " [--db PATH]\n\n"
    "channels: in_person oral post_signed post_ordinary online fax email\n"
    "kinds:    correction_sent correction_extended correction_received\n"
    "          correction_lapsed third_party_start third_party_end\n"
    "          disclose_notice organ_start organ_end extension art35\n"
    "          fee_notice fee_paid fee_lapsed answered\n"
    "ARG: a limit date (correction_sent, correction_extended, fee_notice,\n"
    "     art35) or working days (extension); TEXT: approver or reasons.\n";

/* Splits "KIND:DATE[:ARG[:TEXT]]" into *p (strings point into z, which is
** modified); 0 or -1. */
static int parse_event(char *z, AppEventRec *p) {
  char *a[4] = {z, NULL, NULL, NULL};
  for (int i = 1; i < 4; i++) {
    char *c = strchr(a[i - 1], ':');
    if (!c) break;
    *c = 0;
    a[i] = c + 1;
  }
  Date d;
  memset(p, 0, sizeof *p);
  p->zKind = a[0];
  p->zOn = a[1] ? a[1] : "";
  p->zLimit = "";
  p->zText = a[3] ? a[3] : "";
  if (!app_event_kind(p->zKind) || date_parse(p->zOn, &d)) return -1;
  if (a[2] && !strcmp(p->zKind, "extension")) {
    p->nDays = atoi(a[2]);
    if (!p->zText[0]) p->zText = "政府信息公开工作机构负责人";
  } else if (a[2]) {
    if (date_parse(a[2], &d)) return -1;
    p->zLimit = a[2];
  }
  if (!strcmp(p->zKind, "art35") && !p->zText[0]) p->zText = "（未填写）";
  return 0;
}

/* The calendar and settings: the database's when it exists. */
static int load(const char *zDb, Calendar *pCal, DlParams *pPar) {
  DlParams d = DL_PARAMS_DEFAULT;
  *pPar = d;
  if (access(zDb, F_OK) == 0) {
    Store *s = cli_open("applications", zDb, STORE_MIGRATE);
    if (!s) return -1;
    int rc = store_app_calendar(s, pCal) == STORE_OK ? 0 : -1;
    if (!rc) store_app_clock_params(s, pPar);
    else fprintf(stderr, "gongkai applications: %s\n", store_errmsg(s));
    store_close(s);
    return rc;
  }
  const Embedded *p = embed_find(aData, "holidays_cn.csv");
  cal_init(pCal);
  return p && cal_load_csv(pCal, (const char *)p->pData, p->nData, NULL) == 0
             ? 0 : -1;
}

static void print_text(const DlResult *r, const char *zWhy) {
  char z[DATE_STRLEN];
  printf("适用：%s\n", r->pRegime ? r->pRegime->zName : "");
  printf("收到申请：%s\n", zWhy);
  printf("答复期限：%s\n", r->dDue != DATE_NONE ? date_format(r->dDue, z)
                                               : "暂停计算");
  printf("状态：%s\n", deadline_status_label(r->eStatus));
  for (int i = 0; i < r->nStep; i++)
    printf("%s %s\n", r->aStep[i].bWarn ? "!" : "-", r->aStep[i].zText);
}

static void print_json(const DlResult *r, const char *zWhy) {
  char z[DATE_STRLEN];
  Buf b = BUF_INIT;
  buf_printf(&b, "{\"regime\":\"%j\",\"received\":\"%j\",\"receipt_rule\":"
                 "\"%j\",\"due\":", r->pRegime ? r->pRegime->zName : "",
             date_format(r->dReceipt, z), zWhy);
  if (r->dDue != DATE_NONE)
    buf_printf(&b, "\"%j\"", date_format(r->dDue, z));
  else
    buf_puts(&b, "null");
  buf_printf(&b, ",\"status\":\"%j\",\"left\":%d,\"steps\":[",
             deadline_status_label(r->eStatus), r->nLeft);
  for (int i = 0; i < r->nStep; i++) {
    buf_printf(&b, "%s{\"date\":", i ? "," : "");
    if (r->aStep[i].date != DATE_NONE)
      buf_printf(&b, "\"%j\"", date_format(r->aStep[i].date, z));
    else
      buf_puts(&b, "null");
    buf_printf(&b, ",\"warn\":%s,\"text\":\"%j\"}",
               r->aStep[i].bWarn ? "true" : "false", r->aStep[i].zText);
  }
  buf_puts(&b, "]}\n");
  fputs(buf_str(&b), stdout);
  buf_free(&b);
}

int cmd_app_clock(int argc, char **argv) {
  const char *zRec = NULL, *zCh = NULL, *zToday = NULL;
  const char *zDb = CLI_DEFAULT_DB;
  int bJson = 0, nEv = 0, rc = 0;
  AppEventRec *aEv = xmalloc(sizeof *aEv * (size_t)(argc > 0 ? argc : 1));
  for (int i = 2; i < argc; i++) {
    const char *o = argv[i];
    int bVal = i + 1 < argc;
    if (!strcmp(o, "--json")) bJson = 1;
    else if (!strcmp(o, "--help")) { fputs(zUsage, stdout); free(aEv); return 0; }
    else if (bVal && !strcmp(o, "--received")) zRec = argv[++i];
    else if (bVal && !strcmp(o, "--channel")) zCh = argv[++i];
    else if (bVal && !strcmp(o, "--today")) zToday = argv[++i];
    else if (bVal && !strcmp(o, "--db")) zDb = argv[++i];
    else if (bVal && !strcmp(o, "--event")) {
      if (parse_event(argv[++i], &aEv[nEv])) {
        fprintf(stderr, "gongkai applications: 事件无效“%s”（格式 KIND:DATE"
                        "[:ARG[:TEXT]]）\n", argv[i]);
        free(aEv);
        return 2;
      }
      nEv++;
    } else {
      fprintf(stderr, "gongkai applications: 参数无效“%s”\n%s", o, zUsage);
      free(aEv);
      return 2;
    }
  }
  Date dRec, dToday = date_today_cn(time(NULL));
  const AppChannel *pCh = zCh ? app_channel(zCh) : NULL;
  if (!zRec || date_parse(zRec, &dRec) || !pCh ||
      (zToday && date_parse(zToday, &dToday))) {
    fprintf(stderr, "gongkai applications: 请给出有效的 --received 日期和"
                    "--channel 渠道\n%s", zUsage);
    free(aEv);
    return 2;
  }
  Calendar cal;
  DlParams par;
  if (load(zDb, &cal, &par)) {
    cal_free(&cal);
    free(aEv);
    return 1;
  }
  char *zWhy = NULL;
  deadline_receipt_date(pCh->eDl, dRec, &cal, &zWhy);
  DlResult res;
  if (app_clock_ex(&cal, zRec, aEv, nEv, &par, dToday, &res) != DL_OK) {
    fprintf(stderr, "gongkai applications: %s\n",
            res.zErr ? res.zErr : "办理记录与期限规则不符");
    rc = 1;
  } else if (bJson) {
    print_json(&res, zWhy ? zWhy : "");
  } else {
    print_text(&res, zWhy ? zWhy : "");
  }
  free(zWhy);
  deadline_result_free(&res);
  cal_free(&cal);
  free(aEv);
  return rc;
}
