/*
** page_org.c — an organisation's public home and its 政府信息公开指南.
** The guide follows Art. 12 of the Regulation: how information is
** classified and arranged, how to obtain it, the disclosure office's
** name, address, hours, phone, fax and e-mail, and the application
** procedure with its time limits (Arts. 29–33) and remedies.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/remedy.h"
#include "store/store_remedy.h"

#include "web/org_pages.h"
#include "web/pages.h"
#include "web/portal.h"

int page_load_org(Req *r, int i, Org *o) {
  const char *z = req_arg(r, i);
  int rc = store_org_by_slug(r->store, &r->arena, z ? z : "", o);
  if (rc == STORE_NOTFOUND && req_arg_id(r, i))
    rc = store_org_get(r->store, &r->arena, req_arg_id(r, i), o);
  if (rc != STORE_OK) {
    http_error(r, rc == STORE_NOTFOUND ? 404 : 500,
               rc == STORE_NOTFOUND ? "该单位不存在" : store_errmsg(r->store));
    return -1;
  }
  page_set_org(r, o);
  return 0;
}

/* The contact block shared by the home page and the guide. */
static void contact_block(Req *r, const Org *o) {
  req_puts(r, "<dl class=\"meta\">");
  req_printf(r, "<dt>机构名称</dt><dd>%h</dd>", o->zName);
  if (o->zAddress[0]) req_printf(r, "<dt>办公地址</dt><dd>%h</dd>", o->zAddress);
  if (o->zPostcode[0]) req_printf(r, "<dt>邮政编码</dt><dd>%h</dd>", o->zPostcode);
  if (o->zOfficeHours[0]) req_printf(r, "<dt>办公时间</dt><dd>%h</dd>", o->zOfficeHours);
  if (o->zPhone[0]) req_printf(r, "<dt>联系电话</dt><dd>%h</dd>", o->zPhone);
  if (o->zFax[0]) req_printf(r, "<dt>传真</dt><dd>%h</dd>", o->zFax);
  if (o->zEmail[0]) req_printf(r, "<dt>电子邮箱</dt><dd>%h</dd>", o->zEmail);
  if (o->zUscc[0]) req_printf(r, "<dt>统一社会信用代码</dt><dd>%h</dd>", o->zUscc);
  req_puts(r, "</dl>\n");
}

int page_org_home(Req *r) {
  Org o, *aSub;
  int nSub;
  if (page_load_org(r, 0, &o)) return 0;
  if (store_org_children(r->store, &r->arena, o.id, &aSub, &nSub) != STORE_OK) {
    http_store_error(r, store_errcode(r->store));
    return 0;
  }
  page_begin(r, o.zName);
  req_printf(r, "<h1>%h</h1>\n<ul class=\"tiles\">", o.zName);
  for (int i = 1; aOrgSection[i].zPath; i++)
    req_printf(r, "<li><a href=\"/o/%u%h\">%h<span>%h</span></a></li>", o.zSlug,
               aOrgSection[i].zPath, aOrgSection[i].zLabel, aOrgSection[i].zHint);
  req_puts(r, "</ul>\n");
  portal_org_home_sections(r, &o);  /* latest documents, catalogue tree */
  /* One level: each unit's page lists the units below it. */
  if (nSub > 0) {
    req_puts(r, "<h2>下属单位</h2>\n<ul class=\"orgtree\">");
    for (int i = 0; i < nSub; i++)
      req_printf(r, "<li class=\"depth-0\"><a href=\"/o/%u\">%h</a></li>",
                 aSub[i].zSlug, aSub[i].zName);
    req_puts(r, "</ul>\n");
  }
  req_puts(r, "<h2>联系方式</h2>\n");
  contact_block(r, &o);
  page_end(r);
  return 0;
}

int page_org_guide(Req *r) {
  Org o;
  if (page_load_org(r, 0, &o)) return 0;
  page_begin(r, "政府信息公开指南");
  req_printf(r, "<h1>%h政府信息公开指南</h1>\n", o.zName);
  req_printf(r,
      "<p>为了便于公民、法人和其他组织获取%h的政府信息，根据《中华人民共和国政府信息公开条例》"
      "（以下简称《条例》），编制本指南。本指南随单位信息的变更自动更新。</p>\n",
      o.zName);
  req_printf(r,
      "<h2>一、主动公开</h2>\n"
      "<h3>（一）公开范围</h3>\n"
      "<p>本机关依照《条例》第十九条、第二十条的规定主动公开政府信息，具体范围见"
      "<a href=\"/o/%u/catalogue\">政府信息公开目录</a>。</p>\n"
      "<h3>（二）信息分类与编排</h3>\n"
      "<p>政府信息按照公开目录的事项分类编排，每条信息标注索引号、标题、发文字号、发布机构、"
      "生成日期、发布日期、公开方式和有效性，可按目录事项、《条例》第二十条所列事项、年份和单位浏览，"
      "也可全文检索。</p>\n"
      "<h3>（三）公开方式和时限</h3>\n"
      "<p>主动公开的政府信息通过本网站公开，并可通过政府公报、新闻发布会、广播电视、公开查阅点、"
      "公示栏等途径公开。属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内"
      "予以公开（《条例》第二十六条）。</p>\n",
      o.zSlug);
  req_printf(r,
      "<h2>二、依申请公开</h2>\n"
      "<h3>（一）受理机构</h3>\n");
  contact_block(r, &o);
  req_printf(r,
      "<h3>（二）申请方式</h3>\n"
      "<p>申请人可以通过<a href=\"/o/%u/apply\">在线申请</a>、信函、传真或当面提交等方式提出申请。"
      "申请应当采用书面形式；采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请"
      "（《条例》第二十九条）。申请内容包括：申请人的姓名或者名称、身份证明、联系方式；"
      "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，"
      "包括获取信息的方式、途径。</p>\n"
      "<h3>（三）收到申请的时间</h3>\n"
      "<ul><li>当面提交的，以提交之日为收到申请之日；</li>"
      "<li>以邮寄方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，"
      "以本机关与申请人确认之日为收到申请之日；</li>"
      "<li>通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。</li></ul>\n"
      "<h3>（四）办理期限</h3>\n"
      "<ul><li>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；"
      "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过"
      "20个工作日（《条例》第三十三条）。</li>"
      "<li>申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知申请人作出补正，"
      "答复期限自收到补正的申请之日起计算（《条例》第三十条）。</li>"
      "<li>补正通知载明补正期限；申请人可以申请延长；申请人无正当理由逾期不补正的，视为放弃申请"
      "（《条例》第三十条）。</li>"
      "<li>征求第三方和其他机关意见所需时间不计算在答复期限内；第三方、其他机关应当自收到征求意见"
      "之日起15个工作日内提出意见，逾期未提出的，第三方由本机关依法决定是否公开、其他机关视为同意公开，"
      "期限恢复计算（《条例》第三十二条至第三十四条）。本机关不顾第三方反对决定公开的，将决定公开的"
      "内容和理由书面告知第三方（《条例》第三十二条）。</li>"
      "<li>工作日不含法定节假日，按国务院办公厅公布的放假安排（含调休）计算。</li></ul>\n"
      "<h3>（五）收费</h3>\n"
      "<p>行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过"
      "合理范围的，行政机关可以收取信息处理费（《条例》第四十二条，《政府信息公开信息处理费管理办法》"
      "国办函〔2020〕109号，2021年1月1日起施行）。按件计收的，同一申请人一个自然月内向本机关累计申请"
      "10件以下（含10件）的不收费；按量计收仅适用于提供纸质件、发送电子邮件、复制电子数据等方式，"
      "当场查阅的不按量计收。收费的，本机关发出收费通知，载明收费依据、标准、金额和缴费期限；"
      "申请人应当自收到收费通知之日起20个工作日内缴纳，逾期未缴纳的，本机关不再处理该申请。</p>\n",
      o.zSlug);
  const char *zOrgan = "";
  store_org_review_organ(r->store, &r->arena, o.id, &zOrgan, NULL);
  char *zRemedy = remedy_guide_text(date_today_cn(time(NULL)), zOrgan);
  req_printf(r,
      "<h2>三、监督和救济</h2>\n"
      "<p>公民、法人或者其他组织认为本机关未依法履行政府信息公开义务的，可以向上一级行政机关或者"
      "政府信息公开工作主管部门投诉、举报。</p>\n<p id=\"remedy\">%h申请行政复议的期限为知道或者应当"
      "知道该行为之日起六十日内；可以直接提起行政诉讼的，期限为知道或者应当知道作出行政行为之日起"
      "六个月内。</p>\n", zRemedy);
  free(zRemedy);
  page_end(r);
  return 0;
}
