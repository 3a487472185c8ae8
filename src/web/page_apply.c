/*
** page_apply.c — the public side of applications for disclosure: the
** online application form of an organisation (/o/{org}/apply, works
** without JavaScript, every error named beside its field with the input
** kept, rate-limited per address), the tracking page where an applicant
** enters the registration number and private tracking code, and the
** answer letter download.  Also the helpers the staff registration form
** shares (field rendering, registration).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/ident.h"
#include "lib/crypto.h"
#include "core/notice.h"
#include "core/org_kind.h"
#include "store/store_notice.h"
#include "web/applications.h"
#include "web/pages.h"

static void track_notices(Req *r, const App *a);

/* Public form submissions allowed per address per hour when the setting
** application_rate_limit_per_hour (core/settings.c) cannot be read. */
#define APPLY_MAX_PER_HOUR 10

int app_load_calendar(Req *r, Calendar *pCal) {
  cal_init(pCal);
  return store_app_calendar(r->store, pCal);
}

int app_get_current(Req *r, int64_t id, App *a) {
  store_app_recalc_if_calendar_changed(r->store, app_today(), NULL);
  return store_app_get(r->store, &r->arena, id, a);
}

Date app_today(void) {
  return date_today_cn(time(NULL));
}

void app_input_from_req(Req *r, AppInput *p) {
  memset(p, 0, sizeof *p);
  p->zApplicantType = req_param_or(r, "applicant_type", "");
  p->zName = req_param_or(r, "name", "");
  p->zIdKind = req_param_or(r, "id_kind", "");
  p->zIdNumber = req_param_or(r, "id_number", "");
  p->zContactPerson = req_param_or(r, "contact_person", "");
  p->zPhone = req_param_or(r, "phone", "");
  p->zEmail = req_param_or(r, "email", "");
  p->zAddress = req_param_or(r, "address", "");
  p->zPostcode = req_param_or(r, "postcode", "");
  p->zInfoTitle = req_param_or(r, "info_title", "");
  p->zInfoDocNumber = req_param_or(r, "info_doc_number", "");
  p->zInfoDescription = req_param_or(r, "info_description", "");
  p->zPurpose = req_param_or(r, "purpose", "");
  p->zForm = req_param_or(r, "form", "");
  p->zDelivery = req_param_or(r, "delivery", "");
}

/* The message for field zField, or NULL. */
static const char *err_for(const AppFieldErr *aErr, int nErr,
                           const char *zField) {
  for (int i = 0; i < nErr; i++)
    if (!strcmp(aErr[i].zField, zField)) return aErr[i].zMsg;
  return NULL;
}

/* 1 when zField has the first error of the list (the summary's first
** link): the page shown again gives that field autofocus, so the cursor is
** there without a script and a screen reader reads its label and error. */
static int first_err(const AppFieldErr *aErr, int nErr, const char *zField) {
  return nErr > 0 && !strcmp(aErr[0].zField, zField);
}

/* A labelled input (or textarea when bArea) with its error. */
static void field(Req *r, const char *zName, const char *zLabel,
                  const char *zValue, const char *zAttrs_html, int bArea,
                  const AppFieldErr *aErr, int nErr) {
  const char *zErr = err_for(aErr, nErr, zName);
  req_printf(r, "<p class=\"field\"><label for=\"f-%h\">%h</label>", zName,
             zLabel);
  if (zErr)
    req_printf(r, "<span class=\"field-error\" id=\"e-%h\">%h</span>", zName,
               zErr);
  if (bArea)
    req_printf(r, "<textarea id=\"f-%h\" name=\"%h\" %s", zName, zName,
               zAttrs_html);
  else
    req_printf(r, "<input id=\"f-%h\" name=\"%h\" value=\"%h\" %s", zName,
               zName, zValue, zAttrs_html);
  if (zErr)
    req_printf(r, " aria-invalid=\"true\" aria-describedby=\"e-%h\"%s", zName,
               first_err(aErr, nErr, zName) ? " autofocus" : "");
  if (bArea)
    req_printf(r, ">%h</textarea></p>\n", zValue);
  else
    req_puts(r, "></p>\n");
}

/* Radio buttons for a code list in a fieldset. */
static void radios(Req *r, const char *zName, const char *zLegend,
                   const AppCode *a, const char *zValue,
                   const AppFieldErr *aErr, int nErr) {
  const char *zErr = err_for(aErr, nErr, zName);
  req_printf(r, "<fieldset class=\"field\" id=\"f-%h\"><legend>%h</legend>",
             zName, zLegend);
  if (zErr)
    req_printf(r, "<span class=\"field-error\" id=\"e-%h\">%h</span>", zName,
               zErr);
  for (int i = 0; a[i].zId; i++)
    req_printf(r,
               "<label><input type=\"radio\" name=\"%h\" value=\"%h\"%s%s>"
               " %h</label> ",
               zName, a[i].zId,
               zValue && !strcmp(zValue, a[i].zId) ? " checked" : "",
               !i && first_err(aErr, nErr, zName) ? " autofocus" : "", a[i].zLabel);
  req_puts(r, "</fieldset>\n");
}

void app_form_errors(Req *r, const AppFieldErr *aErr, int nErr) {
  if (!nErr) return;
  req_puts(r,
           "<div class=\"notice error\" role=\"alert\"><p>提交的申请有以下"
           "问题，请修改后重新提交：</p><ul>");
  for (int i = 0; i < nErr; i++)
    req_printf(r, "<li><a href=\"#f-%h\">%h</a></li>", aErr[i].zField,
               aErr[i].zMsg);
  req_puts(r, "</ul></div>\n");
}

void app_form_fields(Req *r, const AppInput *p, const AppFieldErr *aErr,
                     int nErr) {
  req_puts(r, "<fieldset><legend>申请人信息</legend>\n");
  radios(r, "applicant_type", "申请人类型（自然人，或法人或其他组织）",
         aAppApplicantType, p->zApplicantType, aErr, nErr);
  field(r, "name", "姓名或名称（必填）", p->zName,
        "required maxlength=\"100\" autocomplete=\"name\"", 0, aErr, nErr);
  const char *zErr = err_for(aErr, nErr, "id_kind");
  req_puts(r,
           "<p class=\"field\"><label for=\"f-id_kind\">身份证明类型</label>");
  if (zErr)
    req_printf(r, "<span class=\"field-error\" id=\"e-id_kind\">%h</span>",
               zErr);
  req_printf(r, "<select id=\"f-id_kind\" name=\"id_kind\"%s>",
             first_err(aErr, nErr, "id_kind") ? " autofocus" : "");
  for (int i = 0; aAppIdKind[i].zId; i++)
    req_printf(r, "<option value=\"%h\"%s>%h</option>", aAppIdKind[i].zId,
               !strcmp(p->zIdKind ? p->zIdKind : "", aAppIdKind[i].zId)
                   ? " selected"
                   : "",
               aAppIdKind[i].zLabel);
  req_puts(r, "</select></p>\n");
  field(r, "id_number", "证件号码（与所选身份证明类型一致，必填）",
        p->zIdNumber, "required maxlength=\"40\" autocomplete=\"off\"", 0, aErr,
        nErr);
  field(r, "contact_person", "联系人（法人或其他组织填写）", p->zContactPerson,
        "maxlength=\"50\"", 0, aErr, nErr);
  field(r, "phone", "联系电话", p->zPhone,
        "maxlength=\"30\" inputmode=\"tel\" autocomplete=\"tel\"", 0, aErr,
        nErr);
  field(r, "email", "电子邮箱", p->zEmail,
        "type=\"email\" maxlength=\"254\" autocomplete=\"email\"", 0, aErr,
        nErr);
  field(r, "address", "通信地址", p->zAddress,
        "maxlength=\"200\" autocomplete=\"street-address\"", 0, aErr, nErr);
  field(r, "postcode", "邮政编码", p->zPostcode,
        "maxlength=\"10\" inputmode=\"numeric\" autocomplete=\"postal-code\"", 0,
        aErr, nErr);
  req_puts(r,
           "</fieldset>\n<fieldset><legend>所需政府信息（名称、文号或特征"
           "描述至少填写一项）</legend>\n");
  field(r, "info_title", "所需信息的名称", p->zInfoTitle, "maxlength=\"300\"",
        0, aErr, nErr);
  field(r, "info_doc_number", "文号", p->zInfoDocNumber, "maxlength=\"100\"", 0,
        aErr, nErr);
  field(r, "info_description", "所需信息的内容描述", p->zInfoDescription,
        "maxlength=\"4000\" rows=\"6\"", 1, aErr, nErr);
  field(r, "purpose", "用途（选填）", p->zPurpose, "maxlength=\"1000\"", 0,
        aErr, nErr);
  radios(r, "form", "信息的提供形式", aAppForm, p->zForm, aErr, nErr);
  radios(r, "delivery", "获取信息的方式", aAppDelivery, p->zDelivery, aErr,
         nErr);
  req_puts(r, "</fieldset>\n");
}

const char *app_attachment_check(Req *r) {
  const ReqParam *f = req_file(r, "attachment");
  if (!f || (!f->nValue && (!f->zFilename || !f->zFilename[0]))) return NULL;
  size_t nMax = APP_MAX_ATTACHMENT;
  if (r->cfg->nMaxBody / 2 < nMax) nMax = r->cfg->nMaxBody / 2;
  if (f->nValue > nMax)
    return nMax >= 1024 * 1024
               ? req_fmt(r, "附件过大：附件不能超过%dMB", (int)(nMax >> 20))
               : "附件过大";
  if (!f->zFilename || strlen(f->zFilename) > 200) return "附件文件名无效";
  return NULL;
}

int app_register(Req *r, App *a, const AppInput *p, const char *zIdNorm,
                 char zCode[32], const char *zAction) {
  const ReqParam *f = req_file(r, "attachment");
  return app_store_new(r->store, &r->arena, r->cfg->zSecretKey, a, p, zIdNorm,
                       r->user ? r->user->id : 0, zAction,
                       f ? f->zFilename : NULL, f ? f->zType : NULL,
                       f ? f->zValue : NULL, f ? f->nValue : 0, app_today(),
                       zCode);
}

/* Today as YYYYMMDD for identity-number birth-date checks. */
static int today_ymd(void) {
  int y, m, d;
  date_ymd(app_today(), &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

/* ---- the page after a registration (POST, redirect, GET) -------------- */

#define APP_DONE_COOKIE "gk_done"
/* How long a refresh of the page after a registration shows it again:
** long enough for a slow connection's refresh, short for a shared
** terminal in a service hall (the page also offers to clear it). */
#define APP_DONE_SECONDS 600

void app_done_redirect(Req *r, const char *zPath, const char *zRegNo,
                       const char *zCode) {
  /* The tracking code is shown once and never stored in clear: it travels
  ** to the result page in a short-lived cookie limited to that page. */
  req_set_cookie(r, APP_DONE_COOKIE, req_fmt(r, "%s.%s", zRegNo, zCode), zPath,
                 APP_DONE_SECONDS);
  req_redirect(r, zPath);
}

int app_done_lookup(Req *r, App *a, const char **pzCode) {
  const char *z = req_cookie(r, APP_DONE_COOKIE);
  const char *zDot = z ? strrchr(z, '.') : NULL;
  r->bNoCache = 1;
  if (!zDot || zDot == z || !zDot[1]) return 0;
  char *zNo = req_strdup(r, z);
  zNo[zDot - z] = 0;
  *pzCode = zDot + 1;
  char zHash[65];
  crypto_sha256_hex(*pzCode, strlen(*pzCode), zHash);
  return store_app_by_tracking(r->store, &r->arena, zNo, zHash, a) == STORE_OK;
}

/* What was received, for the applicant to check (identity number masked). */
static void done_summary(Req *r, const App *a) {
  req_printf(r,
             "<h2>收到的申请内容</h2>\n<dl class=\"meta\" id=\"received\">"
             "<dt>申请人</dt><dd>%h</dd><dt>身份证明</dt><dd>%h %h</dd>"
             "<dt>所需信息的名称</dt><dd>%h</dd><dt>文号</dt><dd>%h</dd>"
             "<dt>内容描述</dt><dd class=\"answer\">%h</dd>"
             "<dt>提供形式</dt><dd>%h</dd><dt>获取方式</dt><dd>%h</dd></dl>\n",
             a->zApplicantName, app_label(aAppIdKind, a->zIdKind),
             a->zIdMasked, a->zInfoTitle, a->zInfoDocNumber,
             a->zInfoDescription, app_label(aAppForm, a->zForm),
             app_label(aAppDelivery, a->zDelivery));
}

/* POST: the applicant wrote the numbers down and clears the page (a
** shared terminal): the cookie goes, the next visitor sees nothing. */
static int apply_done_clear(Req *r) {
  req_set_cookie(r, APP_DONE_COOKIE, "", r->zPath, 0);
  req_redirect(r, r->zPath);
  return 0;
}

int page_app_apply_done(Req *r) {
  App a;
  const char *zCode;
  if (r->method == HTTP_POST) return apply_done_clear(r);
  if (!app_done_lookup(r, &a, &zCode)) {
    page_begin(r, "申请已提交");
    req_puts(r, "<h1>申请已提交</h1>\n<p>登记号和查询码只在提交后显示"
                "（提交后10分钟内刷新仍可看到，清除后不再显示）。"
                "如已记下，可在<a href=\"/track\">申请办理进度查询</a>页面"
                "查看办理情况。</p>\n");
    page_end(r);
    return 0;
  }
  page_begin(r, "申请已提交");
  req_printf(
      r,
      "<h1>申请已提交</h1>\n"
      "<p class=\"notice ok\" role=\"status\">%h已收到您的政府信息"
      "公开申请。</p>\n<dl class=\"meta\">"
      "<dt>登记号</dt><dd id=\"reg-no\">%h</dd>"
      "<dt>查询码</dt><dd id=\"tracking-code\"><strong>%h</strong></dd>"
      "<dt>收到申请日期</dt><dd>%h</dd>"
      "<dt>答复期限</dt><dd>%h</dd></dl>\n"
      "<p><strong>请妥善保存登记号和查询码。本机关不保存查询码原文，"
      "遗失后无法找回。</strong></p>\n"
      "<p><a href=\"/track?reg_no=%u\">查询办理进度</a></p>\n",
      a.zOrgName, a.zRegNo, zCode, fmt_date(r, a.zReceivedOn),
      a.zDueOn && a.zDueOn[0] ? fmt_date(r, a.zDueOn) : "-", a.zRegNo);
  done_summary(r, &a);
  req_printf(r,
             "<form method=\"post\" action=\"%h\" class=\"done-clear\">",
             r->zPath);
  page_csrf_field(r);
  req_puts(r, "<p>在公共场所的电脑上提交的，请记下登记号和查询码后清除本页，"
              "以免他人看到。</p>\n<p><button type=\"submit\">已记下，清除本页"
              "</button></p></form>\n");
  page_end(r);
  return 0;
}

int page_app_apply(Req *r) {
  Org org;
  if (store_org_by_slug(r->store, &r->arena, req_arg(r, 0), &org) != STORE_OK) {
    http_error(r, 404, "单位不存在");
    return 0;
  }
  page_set_org(r, &org);
  const char *zNo = org_kind_no_applications(org_kind(org.zKind));
  if (zNo) { /* Art. 55 units and units acting in another organ's name */
    r->status = r->method == HTTP_POST ? 409 : 200;
    page_begin(r, "政府信息公开申请");
    req_printf(r, "<h1>%h</h1>\n", org.zName);
    page_notice(r, "warn", zNo);
    Org up;
    if (org.parentId &&
        store_org_get(r->store, &r->arena, org.parentId, &up) == STORE_OK &&
        org_kind(up.zKind)->bApplications)
      req_printf(r, "<p><a href=\"/o/%u/apply\">向%h提出申请</a></p>\n",
                 up.zSlug, up.zName);
    page_end(r);
    return 0;
  }
  AppInput in;
  AppFieldErr aErr[APP_MAX_ERRORS];
  int nErr = 0;
  app_input_from_req(r, &in);
  if (r->method == HTTP_GET) {
    in.zApplicantType = "natural_person";
    in.zIdKind = "resident_id";
    in.zForm = "paper";
    in.zDelivery = "post";
  }
  r->bNoCache = 1;
  if (r->method == HTTP_POST) {
    int64_t now = (int64_t)time(NULL);
    int nMax =
        (int)store_setting_int(r->store, SET_APPLICATION_RATE_LIMIT_PER_HOUR);
    if (nMax <= 0) nMax = APPLY_MAX_PER_HOUR;
    int bTaken = store_apply_attempt_take(r->store, r->zLimitKey, now,
                                          now - 3600, nMax);
    if (bTaken < 0) {
      http_store_error(r, store_errcode(r->store));
      return 0;
    }
    if (!bTaken) {
      req_header(r, "Retry-After", "3600");
      http_error(
          r, 429,
          "您提交申请过于频繁，请一小时后再试，或通过信函、当面等方式提交");
      return 0;
    }
    char zIdNorm[64];
    nErr = app_validate(&in, today_ymd(), zIdNorm, aErr);
    const char *zFileErr = app_attachment_check(r);
    if (zFileErr && nErr < APP_MAX_ERRORS) {
      aErr[nErr].zField = "attachment";
      snprintf(aErr[nErr].zMsg, sizeof aErr[nErr].zMsg, "%s", zFileErr);
      nErr++;
    }
    if (!nErr) {
      App a;
      char zCode[32];
      char zToday[DATE_STRLEN];
      memset(&a, 0, sizeof a);
      a.orgId = org.id;
      a.zChannel = "online";
      a.zReceivedOn = date_format(app_today(), zToday);
      a.zReceiptNote =
          "申请人通过互联网渠道提交，系统即时告知登记号，"
          "当日即为双方确认之日（《条例》第三十一条第（三）项）";
      int rc = store_begin(r->store);
      if (rc == STORE_OK)
        rc = app_register(r, &a, &in, zIdNorm, zCode, "网上提交");
      if (rc == STORE_OK)
        rc = store_commit(r->store);
      else
        store_rollback(r->store);
      if (rc != STORE_OK) {
        http_store_error(r, rc);
        return 0;
      }
      app_done_redirect(r, req_fmt(r, "/o/%s/apply/done", org.zSlug),
                        a.zRegNo, zCode);
      return 0;
    }
    r->status = 422;
  }
  page_begin(r, "政府信息公开申请");
  req_printf(r, "<h1>向%h申请公开政府信息</h1>\n"
                "<p class=\"lead\">已经提交过申请？请到<a href=\"/track\">申请办理进度查询</a>"
                "，凭登记号和查询码查看办理情况。</p>\n", org.zName);
  req_puts(r,
           "<p>依据《中华人民共和国政府信息公开条例》第二十九条，申请应包括"
           "申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的"
           "名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府"
           "信息的形式要求，包括获取信息的方式、途径。本机关自收到申请之日"
           "起20个工作日内答复（《条例》第三十三条）。</p>\n");
  app_form_errors(r, aErr, nErr);
  req_printf(
      r,
      "<form method=\"post\" class=\"form\" enctype=\"multipart/form-data\""
      " action=\"/o/%u/apply\" novalidate>\n",
      org.zSlug);
  page_csrf_field(r);
  app_form_fields(r, &in, aErr, nErr);
  const char *zFileErr = err_for(aErr, nErr, "attachment");
  req_puts(r,
           "<p class=\"field\"><label for=\"f-attachment\">附件（选填，如身份"
           "证明复印件，大小有限制）</label>");
  if (zFileErr)
    req_printf(r, "<span class=\"field-error\" id=\"e-attachment\">%h</span>",
               zFileErr);
  req_printf(r,
             "<input type=\"file\" id=\"f-attachment\" name=\"attachment\"%s%s>"
             "</p>\n<p><button type=\"submit\">提交申请</button></p>\n</form>\n",
             zFileErr ? " aria-invalid=\"true\" aria-describedby=\"e-attachment\"" : "",
             first_err(aErr, nErr, "attachment") ? " autofocus" : "");
  page_end(r);
  return 0;
}

/* Looks up the application from the tracking form; NULL with an error
** page written when the pair does not match. */
/* A copy of z without spaces (also full-width ones), in lower case when
** bLower: people copy codes with spaces and type them in upper case. */
static const char *track_norm(Req *r, const char *z, int bLower) {
  char *zOut = req_strdup(r, z);
  char *q = zOut;
  for (const char *p = z; *p;) {
    if (!strncmp(p, "\xe3\x80\x80", 3)) { p += 3; continue; }  /* U+3000 */
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') { p++; continue; }
    *q++ = (bLower && *p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
    p++;
  }
  *q = 0;
  return zOut;
}

static App *track_lookup(Req *r) {
  const char *zNo = track_norm(r, req_param_or(r, "reg_no", ""), 1);
  const char *zCode = track_norm(r, req_param_or(r, "code", ""), 1);
  char zHash[65];
  App *a = arena_alloc(&r->arena, sizeof *a);
  crypto_sha256_hex(zCode, strlen(zCode), zHash);
  if (!zNo[0] || !zCode[0] ||
      store_app_by_tracking(r->store, &r->arena, zNo, zHash, a) != STORE_OK)
    return NULL;
  return a;
}

/* The tracking form, with zErr shown when not NULL. */
static void track_form(Req *r, const char *zErr) {
  page_begin(r, "申请办理进度查询");
  req_puts(r, "<h1>申请办理进度查询</h1>\n");
  if (zErr) page_notice(r, "error", zErr);
  req_puts(r,
           "<form method=\"post\" action=\"/track\" class=\"form narrow\">\n");
  page_csrf_field(r);
  page_input(r, "reg_no", "登记号", req_param_or(r, "reg_no", ""),
             "required maxlength=\"60\"");
  page_input(r, "code", "查询码", "",
             zErr ? "required maxlength=\"40\" autocomplete=\"off\" autofocus"
                  : "required maxlength=\"40\" autocomplete=\"off\"");
  req_puts(r, "<p><button type=\"submit\">查询</button></p>\n</form>\n");
  page_end(r);
}

int page_app_track(Req *r) {
  r->bNoCache = 1;
  if (r->method == HTTP_GET) {
    track_form(r, NULL);
    return 0;
  }
  App *a = track_lookup(r);
  if (!a) {
    r->status = 404;
    track_form(r, "登记号或查询码不正确");
    r->status = 404;
    return 0;
  }
  const char *zPublic = !strcmp(a->zState, "received")   ? "已收到"
                        : !strcmp(a->zState, "answered") ? "已答复"
                        : !strcmp(a->zState, "closed") ? "已办结（终止办理）"
                                                       : "办理中";
  page_begin(r, "申请办理进度");
  req_printf(
      r,
      "<h1>申请办理进度</h1>\n<dl class=\"meta\">"
      "<dt>登记号</dt><dd>%h</dd><dt>受理机关</dt><dd>%h</dd>"
      "<dt>收到申请日期</dt><dd>%h</dd><dt>状态</dt><dd id=\"status\">%h</dd>"
      "<dt>答复期限</dt><dd id=\"due\">%h</dd>",
      a->zRegNo, a->zOrgName, fmt_date(r, a->zReceivedOn), zPublic,
      fmt_date(r, a->zDueOn));
  if (a->zClosedOn[0])
    req_printf(r, "<dt>答复日期</dt><dd>%h</dd>", fmt_date(r, a->zClosedOn));
  if (strcmp(a->zFeeStatus, "none"))
    req_printf(r, "<dt>信息处理费</dt><dd>%lld元（%h）</dd>",
               (long long)a->feeYuan,
               !strcmp(a->zFeeStatus, "notified") ? "待缴纳"
               : !strcmp(a->zFeeStatus, "paid")   ? "已缴纳"
               : !strcmp(a->zFeeStatus, "waived") ? "已减免"
                                                  : "逾期未缴");
  req_puts(r, "</dl>\n");
  track_notices(r, a);
  page_end(r);
  return 0;
}

/* One notice's button: j 0 shows it, j 1 downloads its Word file.  Each
** names the notice, the Word one to a screen reader too (WCAG 2.4.6). */
static void track_notice_button(Req *r, const App *a, const AppNotice *n,
                                const NoticeKind *k, int j) {
  const char *zName = req_fmt(r, "%s（%s，%s）", k->zTitle, n->zDocNo,
                              fmt_date(r, n->zIssuedOn));
  req_puts(r, "<form method=\"post\" action=\"/track/notice\" class=\"inline\">");
  page_csrf_field(r);
  req_printf(r,
             "<input type=\"hidden\" name=\"reg_no\" value=\"%h\">"
             "<input type=\"hidden\" name=\"code\" value=\"%h\">"
             "<input type=\"hidden\" name=\"nid\" value=\"%lld\">"
             "<input type=\"hidden\" name=\"format\" value=\"%s\">",
             a->zRegNo, req_param_or(r, "code", ""), (long long)n->id,
             j ? "docx" : "html");
  if (j)
    req_printf(r, "<button type=\"submit\" aria-label=\"下载Word版：%h\">"
                  "下载Word版</button></form>", zName);
  else
    req_printf(r, "<button type=\"submit\">%h</button></form>", zName);
}

/* The notices addressed to the applicant (core/notice.h bToApplicant),
** each as a POST carrying the registration number and the code, under a
** heading of their own; nothing when there is none yet. */
static void track_notices(Req *r, const App *a) {
  AppNotice *aN;
  int n, nShown = 0;
  if (store_notices(r->store, &r->arena, a->id, &aN, &n) != STORE_OK) return;
  for (int i = 0; i < n; i++) {
    const NoticeKind *k = notice_kind(aN[i].zKind);
    if (!k || !k->bToApplicant) continue;
    if (!nShown++) req_puts(r, "<h2>告知书</h2>\n<ul id=\"track-notices\">");
    req_puts(r, "<li>");
    track_notice_button(r, a, &aN[i], k, 0);
    req_puts(r, " ");
    track_notice_button(r, a, &aN[i], k, 1);
    req_puts(r, "</li>");
  }
  if (nShown) req_puts(r, "</ul>\n");
}

/* POST /track/notice: one of the applicant's notices. */
int page_app_track_notice(Req *r) {
  AppNotice nt;
  int64_t nid = 0;
  r->bNoCache = 1;
  App *a = track_lookup(r);
  req_param_int(r, "nid", 1, INT64_MAX, &nid);
  if (!a || store_notice_get(r->store, &r->arena, a->id, nid, &nt) !=
                STORE_OK ||
      !notice_kind(nt.zKind) || !notice_kind(nt.zKind)->bToApplicant) {
    http_error(r, 404, "登记号、查询码或告知书不正确");
    return 0;
  }
  app_notice_send(r, a, &nt, !strcmp(req_param_or(r, "format", ""), "docx"));
  return 0;
}

int page_app_track_letter(Req *r) {
  r->bNoCache = 1;
  App *a = track_lookup(r);
  if (!a) {
    http_error(r, 404, "登记号或查询码不正确");
    return 0;
  }
  if (!a->zClosedOn[0] || !a->zOutcome[0]) {
    http_error(r, 409, "该申请尚未答复");
    return 0;
  }
  app_letter_send(r, a, !strcmp(req_param_or(r, "format", ""), "docx"));
  return 0;
}
