/*
** page_app_register_bar.c — the applications register's (/staff/
** applications) compact filter bar and its marking of cases due today or
** overdue.  Kept apart from the list handler (page_apps), which calls
** app_register_bar() above its table and app_due_cell() in each row.
**
** The bar is one GET form: search by the applicant's name or the 登记号,
** what to show (f: open, due_soon, overdue, all, received or closed with
** the year), the scope (本单位 / 含下级单位, for roles that reach the units
** below), 只看我承办的 (mine=1: the cases whose 承办人 is the user) and quick
** links for the four common views, which keep mine=1.  Without script the
** 筛选 button applies it.
*/
#include <stdio.h>
#include <string.h>

#include "lib/date.h"
#include "web/applications.h"
#include "web/pages.h"

static void option(Req *r, const char *zValue, const char *zLabel, const char *zCur) {
  req_printf(r, "<option value=\"%h\"%s>%h</option>", zValue,
             !strcmp(zValue, zCur) ? " selected" : "", zLabel);
}

void app_register_bar(Req *r, int64_t org, int bSubtree, const char *zFilter, int year,
                      const char *zSearch, int nSoonDays, int bMine) {
  int thisYear = date_year(app_today());
  /* f=YYYY (received in YYYY) is shown as "received" with that year. */
  const char *zF = zFilter;
  if (strlen(zF) == 4 && strspn(zF, "0123456789") == 4) zF = "received";
  if (!zF[0]) zF = "all";
  const char *zScope = req_fmt(r, "?org=%lld&subtree=%d%s", (long long)org, bSubtree,
                               bMine ? "&mine=1" : "");
  req_printf(r, "<form method=\"get\" class=\"filterbar\" role=\"search\" "
                "aria-label=\"筛选申请\" id=\"filterbar\">"
                "<input type=\"hidden\" name=\"org\" value=\"%lld\">", (long long)org);
  req_printf(r, "<p class=\"fb-q\"><label for=\"fb-q\">申请人或登记号</label>"
                "<input type=\"search\" id=\"fb-q\" name=\"q\" value=\"%h\" maxlength=\"60\" "
                "placeholder=\"姓名、单位名称或登记号\"></p>", zSearch);
  req_puts(r, "<p><label for=\"fb-f\">显示</label><select id=\"fb-f\" name=\"f\">");
  option(r, "open", "未办结", zF);
  option(r, "due_soon", req_fmt(r, "%d个工作日内到期", nSoonDays), zF);
  option(r, "overdue", "超期未答复", zF);
  option(r, "received", "某年收到", zF);
  option(r, "closed", "某年办结", zF);
  option(r, "all", "全部", zF);
  req_puts(r, "</select></p><p><label for=\"fb-year\">年度</label>"
              "<select id=\"fb-year\" name=\"year\">");
  for (int y = thisYear; y >= 2019; y--) {
    char z[12];
    snprintf(z, sizeof z, "%d", y);
    option(r, z, req_fmt(r, "%d年", y), year == y ? z : "");
  }
  req_puts(r, "</select></p>");
  if (req_can_subtree(r, PERM_VIEW_STAFF, org)) {
    req_puts(r, "<p><label for=\"fb-sub\">范围</label><select id=\"fb-sub\" name=\"subtree\">");
    option(r, "0", "本单位", bSubtree ? "" : "0");
    option(r, "1", "含下级单位", bSubtree ? "1" : "");
    req_puts(r, "</select></p>");
  } else {
    req_printf(r, "<input type=\"hidden\" name=\"subtree\" value=\"%d\">", bSubtree);
  }
  req_printf(r, "<p class=\"fb-mine\"><label><input type=\"checkbox\" name=\"mine\" value=\"1\"%s>"
                " 只看我承办的</label></p>", bMine ? " checked" : "");
  req_puts(r, "<p class=\"fb-go\"><button type=\"submit\">筛选</button></p>");
  /* The common views, one click each (the search is not carried). */
  static const struct { const char *zF, *zLabel; } aQuick[] = {
    {"open", "未办结"}, {"due_soon", NULL}, {"overdue", "超期未答复"}, {"all", "全部"},
  };
  req_puts(r, "<ul class=\"fb-quick\" aria-label=\"常用筛选\">");
  for (size_t i = 0; i < sizeof aQuick / sizeof aQuick[0]; i++)
    req_printf(r, "<li><a href=\"%h&amp;f=%h\"%s>%h</a></li>", zScope, aQuick[i].zF,
               !strcmp(zF, aQuick[i].zF) && !zSearch[0] ? " aria-current=\"true\"" : "",
               aQuick[i].zLabel ? aQuick[i].zLabel : req_fmt(r, "%d个工作日内到期", nSoonDays));
  req_puts(r, "</ul></form>\n");
}

const char *app_due_words(Req *r, int nLeft, int bPast) {
  if (bPast)
    return nLeft < 0 ? req_fmt(r, "已超期 %d 个工作日", -nLeft) : "已过答复期限";
  return nLeft > 0 ? req_fmt(r, "还剩 %d 个工作日", nLeft) : "今日到期";
}

void app_due_cell(Req *r, const App *a, Date dToday, const Calendar *pCal) {
  Date dDue;
  if (!a->zDueOn[0] || a->zClosedOn[0] || date_parse(a->zDueOn, &dDue) ||
      dDue > dToday) {
    req_printf(r, "<td>%h</td>", a->zDueOn[0] ? a->zDueOn : "-");
    return;
  }
  int bPast = dDue < dToday;
  req_printf(r, "<td class=\"%s\"><span class=\"tag\">%h</span> %h</td>",
             bPast ? "overdue" : "due-today",
             app_due_words(r, -deadline_overdue_workdays(pCal, dDue, dToday), bPast),
             a->zDueOn);
}
