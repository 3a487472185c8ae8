/*
** catalogue.c — catalogue value sets, validation, and the sheet <-> item
** mapping used by import and export (see catalogue.h).
*/
#include "core/catalogue.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/utf8.h"

/* Longest text a cell or form field may hold (bytes). */
#define CAT_TEXT_MAX 4000

void cat_item_init(CatItem *p) {
  memset(p, 0, sizeof *p);
  p->zList = "proactive";
  p->zLevel1 = p->zLevel2 = p->zContent = p->zBasis = p->zTimeLimit = "";
  p->zDept = p->zResponsible = p->zPhone = p->zChannelText = "";
  p->zAudience = p->zMode = p->zFrequency = p->zTier = p->zReview = "";
  p->zCode = p->zGround = p->zNote = "";
}

/* ---- Lists ------------------------------------------------------------ */

const char *const azCatList[] = {"proactive", "on_request", "negative", NULL};

int cat_list_valid(const char *z) {
  for (int i = 0; azCatList[i]; i++)
    if (z && !strcmp(z, azCatList[i])) return 1;
  return 0;
}

const char *cat_list_label(const char *zList) {
  if (!zList) return "";
  if (!strcmp(zList, "proactive")) return "主动公开基本目录";
  if (!strcmp(zList, "on_request")) return "依申请公开目录";
  if (!strcmp(zList, "negative")) return "负面清单";
  return "";
}

/* ---- Text helpers ----------------------------------------------------- */

/* Copy of z without leading/trailing white space (ASCII, U+3000, NBSP). */
static char *trim(Arena *a, const char *z) {
  size_t n = strlen(z), i = 0, j = n;
  while (i < n) {
    int len;
    uint32_t cp = utf8_decode(z + i, n - i, &len);
    if (!utf8_is_space(cp)) break;
    i += (size_t)len;
  }
  while (j > i) {
    size_t k = j - 1;
    while (k > i && ((unsigned char)z[k] & 0xC0) == 0x80) k--;
    int len;
    uint32_t cp = utf8_decode(z + k, j - k, &len);
    if (!utf8_is_space(cp)) break;
    j = k;
  }
  return arena_strndup(a, z + i, j - i);
}

/* Header normal form: no white space, full-width parentheses and colon
** folded, trailing colon and leading '*' (required marker) dropped. */
static char *header_norm(const char *z, char *zOut, size_t nOut) {
  size_t o = 0, n = strlen(z);
  for (size_t i = 0; i < n && o + 4 < nOut;) {
    int len;
    uint32_t cp = utf8_decode(z + i, n - i, &len);
    i += (size_t)len;
    if (utf8_is_space(cp) || cp == '*' || cp == 0xFEFF) continue;
    if (cp == 0xFF08) cp = '(';
    else if (cp == 0xFF09) cp = ')';
    else if (cp == 0xFF1A) cp = ':';
    else if (cp == 0xFF0F) cp = '/';
    else cp = utf8_fold(cp);
    o += (size_t)utf8_encode(cp, zOut + o);
  }
  while (o > 0 && zOut[o - 1] == ':') o--;
  zOut[o] = 0;
  return zOut;
}

/* Splits z at 、,，;；, line breaks, tabs and spaces; calls x for each
** non-empty token (copied into zTok).  Returns the first non-zero result
** of x, else 0. */
static int split_tokens(const char *z, int (*x)(const char *zTok, void *),
                        void *ctx) {
  char zTok[512];
  size_t n = strlen(z), t = 0;
  for (size_t i = 0; i <= n;) {
    int len = 1;
    uint32_t cp = i < n ? utf8_decode(z + i, n - i, &len) : 0;
    int bSep = cp == 0 || cp == 0x3001 || cp == ',' || cp == 0xFF0C ||
               cp == ';' || cp == 0xFF1B || cp == '\n' || cp == '\r' ||
               cp == '\t' || cp == ' ' || cp == 0x3000;
    if (bSep) {
      if (t) {
        zTok[t] = 0;
        int rc = x(zTok, ctx);
        if (rc) return rc;
      }
      t = 0;
    } else if (t + (size_t)len < sizeof zTok) {
      memcpy(zTok + t, z + i, (size_t)len);
      t += (size_t)len;
    }
    i += (size_t)len;
  }
  return 0;
}

/* ---- Channels --------------------------------------------------------- */

const CatChannel aCatChannel[CAT_NCHANNEL] = {
  {"website", "政府网站"},
  {"gazette", "政府公报"},
  {"new_media", "两微一端"},
  {"press_hearing", "发布会/听证会"},
  {"broadcast", "广播电视"},
  {"print", "纸质媒体"},
  {"reading_point", "公开查阅点"},
  {"service_center", "政务服务中心"},
  {"service_station", "便民服务站"},
  {"door_to_door", "入户/现场"},
  {"bulletin_board", "公示栏（电子屏）"},
  {"targeted_push", "精准推送"},
  {"other", "其他"},
};
#define CH_OTHER (1u << 12)

/* Keywords that put a carrier under a channel (index into aCatChannel). */
static const struct { int iCh; const char *zKey; } aChKey[] = {
  {0, "网站"}, {0, "门户"}, {0, "网页"}, {0, "官网"},
  {1, "公报"},
  {2, "两微一端"}, {2, "微信"}, {2, "微博"}, {2, "公众号"}, {2, "客户端"},
  {2, "APP"}, {2, "app"}, {2, "新媒体"}, {2, "抖音"},
  {3, "发布会"}, {3, "听证会"}, {3, "通气会"},
  {4, "广播"}, {4, "电视"},
  {5, "纸质"}, {5, "报纸"}, {5, "报刊"}, {5, "日报"}, {5, "宣传册"},
  {5, "手册"}, {5, "明白纸"},
  {6, "查阅点"}, {6, "查阅室"}, {6, "阅览"}, {6, "档案馆"}, {6, "图书馆"},
  {7, "政务服务中心"}, {7, "服务大厅"}, {7, "办事大厅"}, {7, "政务大厅"},
  {8, "便民服务"}, {8, "服务站"},
  {9, "入户"}, {9, "现场"},
  {10, "公示栏"}, {10, "公告栏"}, {10, "宣传栏"}, {10, "公开栏"},
  {10, "电子屏"}, {10, "显示屏"}, {10, "LED"},
  {11, "精准推送"}, {11, "短信"},
  {12, "其他"}, {12, "其它"},
};

unsigned cat_channels_from_codes(const char *z) {
  unsigned set = 0;
  if (!z) return 0;
  while (*z) {
    size_t n = strcspn(z, ",");
    for (int i = 0; i < CAT_NCHANNEL; i++)
      if (strlen(aCatChannel[i].zCode) == n &&
          !strncmp(aCatChannel[i].zCode, z, n))
        set |= 1u << i;
    z += n;
    if (*z == ',') z++;
  }
  return set;
}

/* Codes or labels of a set, canonical order, joined with zSep (arena). */
static char *channels_join(Arena *a, unsigned set, const char *zSep,
                           int bLabel) {
  Buf b = BUF_INIT;
  buf_puts(&b, "");
  for (int i = 0; i < CAT_NCHANNEL; i++) {
    if (!(set & (1u << i))) continue;
    if (b.n) buf_puts(&b, zSep);
    buf_puts(&b, bLabel ? aCatChannel[i].zLabel : aCatChannel[i].zCode);
  }
  char *z = arena_strdup(a, buf_str(&b));
  buf_free(&b);
  return z;
}

char *cat_channels_codes(Arena *a, unsigned set) {
  return channels_join(a, set, ",", 0);
}

char *cat_channels_labels(Arena *a, unsigned set, const char *zSep) {
  return channels_join(a, set, zSep, 1);
}

/* split_tokens callback: adds the channels one carrier names to *ctx. */
static int infer_token(const char *zTok, void *ctx) {
  unsigned *pSet = ctx, found = 0;
  for (size_t k = 0; k < sizeof aChKey / sizeof aChKey[0]; k++)
    if (strstr(zTok, aChKey[k].zKey)) found |= 1u << aChKey[k].iCh;
  for (int i = 0; i < CAT_NCHANNEL; i++)
    if (!strcmp(zTok, aCatChannel[i].zLabel)) found |= 1u << i;
  *pSet |= found ? found : CH_OTHER;
  return 0;
}

unsigned cat_channels_infer(const char *zText) {
  unsigned set = 0;
  if (zText) split_tokens(zText, infer_token, &set);
  return set;
}

typedef struct LabelCtx {
  unsigned set;
  char zBad[512];
} LabelCtx;

/* split_tokens callback: adds one exact label or code; 1 (stop) and the
** token saved in the LabelCtx when it names no channel. */
static int label_token(const char *zTok, void *ctx) {
  LabelCtx *c = ctx;
  char zN[512], zL[128];
  header_norm(zTok, zN, sizeof zN);
  for (int i = 0; i < CAT_NCHANNEL; i++) {
    if (!strcmp(zTok, aCatChannel[i].zCode) ||
        !strcmp(zN, header_norm(aCatChannel[i].zLabel, zL, sizeof zL))) {
      c->set |= 1u << i;
      return 0;
    }
  }
  snprintf(c->zBad, sizeof c->zBad, "%s", zTok);
  return 1;
}

long cat_channels_parse_labels(Arena *a, const char *z, const char **pzBad) {
  LabelCtx c;
  memset(&c, 0, sizeof c);
  if (split_tokens(z ? z : "", label_token, &c)) {
    if (pzBad) *pzBad = arena_strdup(a, c.zBad);
    return -1;
  }
  return (long)c.set;
}

/* ---- Art. 20 ---------------------------------------------------------- */

static const char *const azArt20[15] = {
  "行政法规、规章和规范性文件",
  "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
  "国民经济和社会发展规划、专项规划、区域规划及相关政策",
  "国民经济和社会发展统计信息",
  "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
  "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会"
  "影响的行政处罚决定",
  "财政预算、决算信息",
  "行政事业性收费项目及其依据、标准",
  "政府集中采购项目的目录、标准及实施情况",
  "重大建设项目的批准和实施情况",
  "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
  "突发公共事件的应急预案、预警信息及应对情况",
  "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
  "公务员招考的职位、名额、报考条件等事项以及录用结果",
  "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
};
static const char *const azNumeral[16] = {
  "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
  "十一", "十二", "十三", "十四", "十五"};
static const char *const azNumeralParen[16] = {
  "", "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）",
  "（八）", "（九）", "（十）", "（十一）", "（十二）", "（十三）", "（十四）",
  "（十五）"};

const char *cat_art20_title(int i) {
  return i >= 1 && i <= 15 ? azArt20[i - 1] : NULL;
}

const char *cat_art20_numeral(int i) {
  return i >= 1 && i <= 15 ? azNumeralParen[i] : "";
}

char *cat_art20_label(Arena *a, int i) {
  if (i < 1 || i > 15) return arena_strdup(a, "");
  return arena_printf(a, "%s%s", azNumeralParen[i], azArt20[i - 1]);
}

int cat_art20_parse(const char *z) {
  char zN[1024];
  if (!z) return 0;
  header_norm(z, zN, sizeof zN);
  if (!zN[0]) return 0;
  const char *p = zN;
  if (!strncmp(p, "条例", 6)) p += 6;
  if (!strncmp(p, "第二十条", 12)) p += 12;
  if (!strncmp(p, "第", 3)) p += 3;
  /* Arabic number alone. */
  char *zEnd;
  long v = strtol(p, &zEnd, 10);
  if (zEnd != p && (*zEnd == 0 || !strcmp(zEnd, "项")) && v >= 1 && v <= 15)
    return (int)v;
  int bParen = *p == '(';
  if (bParen) p++;
  /* Longest numeral first (十五 before 十). */
  for (int i = 15; i >= 1; i--) {
    size_t n = strlen(azNumeral[i]);
    if (strncmp(p, azNumeral[i], n)) continue;
    const char *r = p + n;
    if (bParen) {
      if (*r != ')') continue;
      r++;
    }
    if (!strncmp(r, "项", 3)) r += 3;
    /* Whatever follows must be empty or the item's own title. */
    if (!*r) return i;
    char zT[512];
    if (!strcmp(r, header_norm(azArt20[i - 1], zT, sizeof zT))) return i;
    return -1;
  }
  for (int i = 1; i <= 15; i++) {
    char zT[512];
    if (!strcmp(zN, header_norm(azArt20[i - 1], zT, sizeof zT))) return i;
  }
  return -1;
}

/* ---- Grounds ---------------------------------------------------------- */

const CatGround aCatGround[CAT_NGROUND] = {
  {"state_secret", "第十四条：依法确定为国家秘密"},
  {"law_prohibited", "第十四条：法律、行政法规禁止公开"},
  {"security",
   "第十四条：公开后可能危及国家安全、公共安全、经济安全、社会稳定"},
  {"third_party",
   "第十五条：涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害"},
  {"internal",
   "第十六条第一款：人事管理、后勤管理、内部工作流程等内部事务信息"},
  {"process",
   "第十六条第二款：讨论记录、过程稿、磋商信函、请示报告等过程性信息"},
  {"enforcement", "第十六条第二款：行政执法案卷信息"},
};

/* Keywords naming one ground in free text. */
static const struct { int iG; const char *zKey; } aGroundKey[] = {
  {0, "国家秘密"}, {0, "涉密"},
  {1, "禁止公开"},
  {2, "国家安全"}, {2, "公共安全"}, {2, "经济安全"}, {2, "社会稳定"},
  {3, "商业秘密"}, {3, "个人隐私"}, {3, "第三方"},
  {4, "内部事务"}, {4, "人事管理"}, {4, "后勤管理"}, {4, "内部工作流程"},
  {5, "过程性"}, {5, "讨论记录"}, {5, "过程稿"}, {5, "磋商信函"},
  {5, "请示报告"},
  {6, "执法案卷"},
};

const char *cat_ground_label(const char *zCode) {
  for (int i = 0; zCode && i < CAT_NGROUND; i++)
    if (!strcmp(zCode, aCatGround[i].zCode)) return aCatGround[i].zLabel;
  return "";
}

const char *cat_ground_parse(const char *z) {
  char zN[1024], zL[512];
  if (!z) return "";
  header_norm(z, zN, sizeof zN);
  if (!zN[0]) return "";
  for (int i = 0; i < CAT_NGROUND; i++)
    if (!strcmp(z, aCatGround[i].zCode) ||
        !strcmp(zN, header_norm(aCatGround[i].zLabel, zL, sizeof zL)))
      return aCatGround[i].zCode;
  int found = -1;
  for (size_t k = 0; k < sizeof aGroundKey / sizeof aGroundKey[0]; k++) {
    if (!strstr(z, aGroundKey[k].zKey)) continue;
    if (found >= 0 && found != aGroundKey[k].iG) return NULL; /* ambiguous */
    found = aGroundKey[k].iG;
  }
  return found >= 0 ? aCatGround[found].zCode : NULL;
}

/* ---- Modes, audiences, yes/no, codes ---------------------------------- */

static const struct { const char *zCode, *zLabel, *zAlt1, *zAlt2; } aMode[] = {
  {"proactive", "主动公开", "主动", "主动公开类"},
  {"on_request", "依申请公开", "依申请", "依申请公开类"},
  {"withheld", "不予公开", "不公开", "免予公开"},
};

const char *cat_mode_label(const char *zMode) {
  for (size_t i = 0; zMode && i < 3; i++)
    if (!strcmp(zMode, aMode[i].zCode)) return aMode[i].zLabel;
  return "";
}

const char *cat_mode_parse(const char *z) {
  char zN[256];
  if (!z) return "";
  header_norm(z, zN, sizeof zN);
  if (!zN[0]) return "";
  for (size_t i = 0; i < 3; i++)
    if (!strcmp(zN, aMode[i].zCode) || !strcmp(zN, aMode[i].zLabel) ||
        !strcmp(zN, aMode[i].zAlt1) || !strcmp(zN, aMode[i].zAlt2))
      return aMode[i].zCode;
  return NULL;
}

const char *cat_audience_label(const char *zAud) {
  if (zAud && !strcmp(zAud, "all")) return "全社会";
  if (zAud && !strcmp(zAud, "group")) return "特定群体";
  return "";
}

const char *cat_audience_parse(const char *z) {
  static const struct { const char *zText, *zCode; } aAud[] = {
    {"全社会", "all"}, {"社会公众", "all"}, {"公众", "all"}, {"all", "all"},
    {"特定群体", "group"}, {"特定群众", "group"}, {"特定对象", "group"},
    {"特定人群", "group"}, {"group", "group"}};
  char zN[256];
  if (!z) return "";
  header_norm(z, zN, sizeof zN);
  if (!zN[0]) return "";
  for (size_t i = 0; i < sizeof aAud / sizeof aAud[0]; i++)
    if (!strcmp(zN, aAud[i].zText)) return aAud[i].zCode;
  return NULL;
}

int cat_yesno_parse(const char *z) {
  static const char *const azYes[] = {"是", "需要", "y", "yes", "1", "true",
                                      "√", "✓", "✔", "●", "■", NULL};
  static const char *const azNo[] = {"否", "不需要", "无需", "n", "no", "0",
                                     "false", "×", "", NULL};
  char zN[64];
  header_norm(z ? z : "", zN, sizeof zN);
  for (int i = 0; azYes[i]; i++)
    if (!strcmp(zN, azYes[i])) return 1;
  for (int i = 0; azNo[i]; i++)
    if (!strcmp(zN, azNo[i])) return 0;
  return -1;
}

int cat_code_valid(const char *z) {
  size_t n = 0;
  for (; z && z[n]; n++) {
    char c = z[n];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
          (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return 0;
  }
  return n <= 16;
}

const char *cat_item_validate(Arena *a, const CatItem *p) {
  if (!cat_list_valid(p->zList)) return "目录类型无效";
  if (!p->zContent[0] && !p->zLevel1[0])
    return "公开内容和一级事项不能都为空";
  const struct { const char *z, *zName; } aText[] = {
    {p->zLevel1, "一级事项"}, {p->zLevel2, "二级事项"},
    {p->zContent, "公开内容"}, {p->zBasis, "公开依据"},
    {p->zTimeLimit, "公开时限"}, {p->zDept, "公开主体/负责科室"},
    {p->zResponsible, "责任人"}, {p->zPhone, "联系电话"},
    {p->zChannelText, "公开渠道"}, {p->zFrequency, "更新频率"},
    {p->zTier, "公开层级"}, {p->zReview, "审核程序"}, {p->zNote, "备注"}};
  for (size_t i = 0; i < sizeof aText / sizeof aText[0]; i++) {
    if (strlen(aText[i].z) > CAT_TEXT_MAX)
      return arena_printf(a, "%s过长（最多%d字节）", aText[i].zName,
                          CAT_TEXT_MAX);
    if (!utf8_valid(aText[i].z, strlen(aText[i].z)))
      return arena_printf(a, "%s含有无效字符", aText[i].zName);
  }
  if (p->seq < 0) return "序号必须是正整数";
  if (p->channels >> CAT_NCHANNEL) return "公开渠道无效";
  if (p->art20 < 0 || p->art20 > 15) return "条例第二十条事项无效";
  if (cat_audience_label(p->zAudience)[0] == 0 && p->zAudience[0])
    return "公开对象无效";
  if (cat_mode_label(p->zMode)[0] == 0 && p->zMode[0]) return "公开方式无效";
  if (!cat_code_valid(p->zCode))
    return "类别代码只能由最多16个字母、数字、下划线或连字符组成";
  if (p->zGround[0] && !cat_ground_label(p->zGround)[0])
    return "不予公开依据无效";
  if (!strcmp(p->zList, "negative") && !p->zGround[0])
    return "负面清单事项必须注明不予公开的法律依据（条例第十四条至第十六条）";
  if (!strcmp(p->zList, "negative") && p->zMode[0] &&
      strcmp(p->zMode, "withheld"))
    return "负面清单事项的公开方式只能是“不予公开”";
  if (strcmp(p->zList, "negative") && !strcmp(p->zMode, "withheld"))
    return "不予公开的事项应列入负面清单，而不是公开目录";
  return NULL;
}

/* ---- Headers ---------------------------------------------------------- */

static const char *const azHeader[CF__COUNT] = {
  [CF_SEQ] = "序号",
  [CF_LEVEL1] = "一级事项",
  [CF_LEVEL2] = "二级事项",
  [CF_CONTENT] = "公开内容（要素）",
  [CF_BASIS] = "公开依据",
  [CF_TIME_LIMIT] = "公开时限",
  [CF_DEPT] = "公开主体/负责科室",
  [CF_RESPONSIBLE] = "责任人",
  [CF_PHONE] = "联系电话",
  [CF_CHANNEL_TEXT] = "公开渠道",
  [CF_CHANNELS] = "渠道分类",
  [CF_AUDIENCE] = "公开对象",
  [CF_MODE] = "公开方式",
  [CF_FREQUENCY] = "更新频率",
  [CF_TIER] = "公开层级",
  [CF_REVIEW] = "审核程序",
  [CF_ART20] = "条例第二十条事项",
  [CF_INTERP] = "需要政策解读",
  [CF_CODE] = "类别代码",
  [CF_GROUND] = "不予公开依据",
  [CF_NOTE] = "备注",
};

/* Other names real catalogues use for the same column (seed 000 and the
** standard catalogues in regulation.md §6). */
static const struct { CatField f; const char *zAlias; } aAlias[] = {
  {CF_SEQ, "编号"}, {CF_SEQ, "序"},
  {CF_LEVEL1, "类别"}, {CF_LEVEL1, "公开事项"}, {CF_LEVEL1, "事项类别"},
  {CF_LEVEL1, "信息类别"}, {CF_LEVEL1, "公开类别"}, {CF_LEVEL1, "一级目录"},
  {CF_LEVEL1, "公开事项(一级事项)"},
  {CF_LEVEL2, "二级目录"}, {CF_LEVEL2, "二级类别"}, {CF_LEVEL2, "子类"},
  {CF_LEVEL2, "公开事项(二级事项)"},
  {CF_CONTENT, "公开内容"}, {CF_CONTENT, "公开内容要素"},
  {CF_CONTENT, "内容"}, {CF_CONTENT, "信息名称"}, {CF_CONTENT, "事项名称"},
  {CF_BASIS, "依据"}, {CF_BASIS, "公开依据(文件)"},
  {CF_TIME_LIMIT, "时限"}, {CF_TIME_LIMIT, "公开期限"},
  {CF_DEPT, "公开主体"}, {CF_DEPT, "负责科室"}, {CF_DEPT, "责任科室"},
  {CF_DEPT, "责任部门"}, {CF_DEPT, "承办科室"}, {CF_DEPT, "公开责任主体"},
  {CF_RESPONSIBLE, "责任科室负责人"}, {CF_RESPONSIBLE, "负责人"},
  {CF_RESPONSIBLE, "责任人员"},
  {CF_PHONE, "电话"}, {CF_PHONE, "咨询电话"},
  {CF_CHANNEL_TEXT, "公开渠道和载体"}, {CF_CHANNEL_TEXT, "公开载体"},
  {CF_CHANNEL_TEXT, "渠道"}, {CF_CHANNEL_TEXT, "公开途径"},
  {CF_CHANNELS, "公开渠道(勾选)"}, {CF_CHANNELS, "渠道类别"},
  {CF_AUDIENCE, "对象"}, {CF_AUDIENCE, "服务对象"},
  {CF_MODE, "公开形式"}, {CF_MODE, "公开属性"}, {CF_MODE, "公开类型"},
  {CF_FREQUENCY, "更新周期"}, {CF_FREQUENCY, "更新时限"},
  {CF_TIER, "层级"},
  {CF_REVIEW, "审核流程"}, {CF_REVIEW, "审批程序"}, {CF_REVIEW, "审核审批程序"},
  {CF_ART20, "第二十条事项"}, {CF_ART20, "条例第二十条"},
  {CF_ART20, "对应条例条款"},
  {CF_INTERP, "是否需要政策解读"}, {CF_INTERP, "是否需要解读"},
  {CF_INTERP, "需要解读"},
  {CF_CODE, "分类代码"}, {CF_CODE, "代码"},
  {CF_GROUND, "不公开依据"}, {CF_GROUND, "不予公开理由"},
  {CF_GROUND, "法律依据"},
  {CF_NOTE, "说明"},
};

const char *cat_field_header(CatField f) {
  return f >= 0 && f < CF__COUNT ? azHeader[f] : "";
}

int cat_header_match(const char *zHeader) {
  char zN[512], zA[512];
  header_norm(zHeader ? zHeader : "", zN, sizeof zN);
  if (!zN[0]) return -1;
  for (int f = 0; f < CF__COUNT; f++)
    if (!strcmp(zN, header_norm(azHeader[f], zA, sizeof zA))) return f;
  for (size_t i = 0; i < sizeof aAlias / sizeof aAlias[0]; i++)
    if (!strcmp(zN, header_norm(aAlias[i].zAlias, zA, sizeof zA)))
      return (int)aAlias[i].f;
  return -1;
}

/* ---- Import ----------------------------------------------------------- */

/* Appends one report line (zMsg already in the arena or static). */
static void msg(Arena *a, CatImport *ci, int iLine, int iCol, int bWarn,
                const char *zMsg) {
  ARENA_PUSH(a, ci->aMsg, ci->nMsg, ci->nMsgAlloc);
  CatMsg *m = &ci->aMsg[ci->nMsg++];
  m->iLine = iLine;
  m->iCol = iCol;
  m->bWarning = bWarn;
  m->zMsg = zMsg;
}

/* A cell as imported: trimmed, spreadsheet-safety apostrophe dropped. */
static const char *cell_value(Arena *a, const TableRow *row, int iCol) {
  if (iCol < 0 || iCol >= row->nCell) return "";
  char *z = trim(a, row->azCell[iCol]);
  if (z[0] == '\'' && (z[1] == '=' || z[1] == '+' || z[1] == '-' ||
                       z[1] == '@'))
    z++;
  return z;
}

const char *cat_col_letters(Arena *a, int iCol) {
  char z[8];
  int n = 0, c = iCol + 1;
  while (c > 0 && n < 7) {
    z[n++] = (char)('A' + (c - 1) % 26);
    c = (c - 1) / 26;
  }
  char *out = arena_alloc(a, (size_t)n + 1);
  for (int i = 0; i < n; i++) out[i] = z[n - 1 - i];
  return out;
}

/* Headers naming one channel, as the checkbox columns of the standard
** catalogues do (a "√" under 政府网站 …): the channel index, or -1. */
static int channel_header(const char *zHeader) {
  static const struct { const char *z; int iCh; } aChAlias[] = {
    {"社区/企事业单位/村公示栏（电子屏）", 10}, {"公示栏", 10}, {"电子屏", 10},
    {"12345政务服务热线", 12}, {"政务服务热线", 12}, {"政府门户网站", 0},
    {"政务新媒体", 2}, {"新闻发布会", 3}, {"入户现场", 9}};
  char zN[512], zL[256];
  header_norm(zHeader, zN, sizeof zN);
  if (!zN[0]) return -1;
  for (int i = 0; i < CAT_NCHANNEL; i++)
    if (!strcmp(zN, header_norm(aCatChannel[i].zLabel, zL, sizeof zL)))
      return i;
  for (size_t i = 0; i < sizeof aChAlias / sizeof aChAlias[0]; i++)
    if (!strcmp(zN, header_norm(aChAlias[i].z, zL, sizeof zL)))
      return aChAlias[i].iCh;
  return -1;
}

/* 1 when a header cell names a field or a channel. */
static int header_known(Arena *a, const char *z) {
  const char *zT = trim(a, z);
  return cat_header_match(zT) >= 0 || channel_header(zT) >= 0;
}

/* Reports a bad cell: "第L行第X列（header）：" then the formatted reason. */
static void cell_error(Arena *a, CatImport *ci, int iLine, int iCol,
                       CatField f, const char *zFmt, ...) {
  Buf b = BUF_INIT;
  va_list ap;
  buf_printf(&b, "第%d行第%s列（%s）：", iLine, cat_col_letters(a, iCol),
             azHeader[f]);
  va_start(ap, zFmt);
  buf_vprintf(&b, zFmt, ap);
  va_end(ap);
  msg(a, ci, iLine, iCol + 1, 0, arena_strdup(a, buf_str(&b)));
  buf_free(&b);
}

void cat_import_map(Arena *a, const Table *t, const char *zList,
                    int64_t orgId, CatImport *ci) {
  memset(ci, 0, sizeof *ci);
  for (int f = 0; f < CF__COUNT; f++) ci->aFieldCol[f] = -1;
  if (t->nRow == 0) {
    msg(a, ci, 0, 0, 0, "文件是空的：第一行应为表头（序号、公开内容等）");
    ci->nFileError++;
    return;
  }
  /* The header is the first of the first five rows naming at least two
  ** known columns; title rows above it (目录清单的标题, 填报单位 …) are
  ** skipped with a warning. */
  int iHdr = 0;
  for (int r = 0; r < t->nRow && r < 5; r++) {
    int nKnown = 0;
    for (int c = 0; c < t->aRow[r].nCell; c++)
      if (header_known(a, t->aRow[r].azCell[c])) nKnown++;
    if (nKnown >= 2) {
      iHdr = r;
      break;
    }
  }
  for (int r = 0; r < iHdr; r++)
    msg(a, ci, t->aRow[r].iLine, 0, 1,
        arena_printf(a, "第%d行不是表头，已跳过（标题等）", t->aRow[r].iLine));
  /* A two-row header, as in the standard catalogues (公开事项 over 一级事项
  ** and 二级事项): a next row naming at least two known columns refines
  ** the header cell by cell and is not data. */
  TableRow hdrRow = t->aRow[iHdr];
  int iFirstData = iHdr + 1;
  if (iHdr + 1 < t->nRow) {
    const TableRow *sub = &t->aRow[iHdr + 1];
    int nKnown = 0;
    for (int c = 0; c < sub->nCell; c++)
      if (header_known(a, sub->azCell[c])) nKnown++;
    if (nKnown >= 2) {
      int n = sub->nCell > hdrRow.nCell ? sub->nCell : hdrRow.nCell;
      const char **az = arena_alloc(a, sizeof(char *) * (size_t)n);
      for (int c = 0; c < n; c++) {
        const char *zSub = c < sub->nCell ? trim(a, sub->azCell[c]) : "";
        az[c] = zSub[0] ? zSub
                : c < hdrRow.nCell ? hdrRow.azCell[c] : "";
      }
      hdrRow.azCell = az;
      hdrRow.nCell = n;
      iFirstData = iHdr + 2;
    }
  }
  const TableRow *hdr = &hdrRow;
  int *aColField = arena_alloc(a, sizeof(int) * (size_t)(hdr->nCell + 1));
  int aChanCol[CAT_NCHANNEL];
  for (int k = 0; k < CAT_NCHANNEL; k++) aChanCol[k] = -1;
  for (int c = 0; c < hdr->nCell; c++) {
    const char *zH = trim(a, hdr->azCell[c]);
    int f = cat_header_match(zH);
    int ch = f < 0 ? channel_header(zH) : -1;
    aColField[c] = f;
    if (!zH[0]) continue;  /* a blank header: its cells must be empty */
    if (ch >= 0) {
      aColField[c] = -2;  /* a channel checkbox column */
      if (aChanCol[ch] >= 0) {
        msg(a, ci, hdr->iLine, c + 1, 0,
            arena_printf(a, "第%s列“%s”与第%s列重复，都表示公开渠道“%s”",
                         cat_col_letters(a, c), zH,
                         cat_col_letters(a, aChanCol[ch]),
                         aCatChannel[ch].zLabel));
        ci->nFileError++;
      } else {
        aChanCol[ch] = c;
      }
      continue;
    }
    if (f < 0) {
      msg(a, ci, hdr->iLine, c + 1, 0,
          arena_printf(a, "第%s列表头“%s”无法识别（可用的列：序号、一级事项"
                          "（类别）、二级事项、公开内容、公开依据、公开时限、"
                          "公开主体/负责科室、责任人、联系电话、公开渠道、"
                          "公开对象、公开方式（公开形式）、更新频率、"
                          "公开层级、条例第二十条事项、需要政策解读、"
                          "类别代码、不予公开依据、备注）",
                       cat_col_letters(a, c), zH));
      ci->nColError++;
    } else if (ci->aFieldCol[f] >= 0) {
      msg(a, ci, hdr->iLine, c + 1, 0,
          arena_printf(a, "第%s列“%s”与第%s列重复，都表示“%s”",
                       cat_col_letters(a, c), zH,
                       cat_col_letters(a, ci->aFieldCol[f]),
                       azHeader[f]));
      ci->nFileError++;
      aColField[c] = -1;
    } else {
      ci->aFieldCol[f] = c;
    }
  }
  if (ci->aFieldCol[CF_CONTENT] < 0 && ci->aFieldCol[CF_LEVEL1] < 0) {
    msg(a, ci, hdr->iLine, 0, 0,
        "缺少“公开内容”列（或“一级事项”/“类别”列）：请检查第一行是否为表头");
    ci->nFileError++;
  }
  /* The Issue's standard columns the file lacks: imported empty, said once
  ** (a warning, it blocks nothing). */
  static const CatField aStd[] = {CF_LEVEL1, CF_LEVEL2, CF_CONTENT, CF_BASIS,
                                  CF_TIME_LIMIT, CF_DEPT, CF_RESPONSIBLE,
                                  CF_PHONE, CF_CHANNEL_TEXT, CF_AUDIENCE,
                                  CF_MODE, CF_FREQUENCY, CF_ART20};
  Buf miss = BUF_INIT;
  for (size_t k = 0; k < sizeof aStd / sizeof aStd[0]; k++) {
    if (ci->aFieldCol[aStd[k]] >= 0) continue;
    if (aStd[k] == CF_CHANNEL_TEXT) {
      int bBoxes = ci->aFieldCol[CF_CHANNELS] >= 0;
      for (int ch = 0; ch < CAT_NCHANNEL; ch++) bBoxes |= aChanCol[ch] >= 0;
      if (bBoxes) continue;
    }
    buf_printf(&miss, "%s%s", miss.n ? "、" : "", azHeader[aStd[k]]);
  }
  if (miss.n)
    msg(a, ci, hdr->iLine, 0, 1,
        arena_printf(a, "文件没有以下列，导入后这些项为空，可在导入后补充：%s",
                     buf_str(&miss)));
  buf_free(&miss);
  if (!strcmp(zList, "negative") && ci->aFieldCol[CF_GROUND] < 0) {
    msg(a, ci, hdr->iLine, 0, 0,
        "负面清单缺少“不予公开依据”列（条例第十四条至第十六条）");
    ci->nFileError++;
  }
  for (int r = iFirstData; r < t->nRow; r++) {
    const TableRow *row = &t->aRow[r];
    int nErr = 0, L = row->iLine;
    ci->nRow++;
    CatItem it;
    cat_item_init(&it);
    it.orgId = orgId;
    it.zList = zList;
    /* Cells outside the header, or under a blank header. */
    for (int c = 0; c < row->nCell; c++) {
      int bOutside = c >= hdr->nCell ||
                     (!trim(a, hdr->azCell[c])[0] && aColField[c] < 0);
      if (bOutside && cell_value(a, row, c)[0]) {
        msg(a, ci, L, c + 1, 0,
            arena_printf(a, "第%d行第%s列有内容“%s”，但表头没有这一列", L,
                         cat_col_letters(a, c), cell_value(a, row, c)));
        nErr++;
      }
    }
#define CELL(f) cell_value(a, row, ci->aFieldCol[f])
#define BAD(f, ...)                                                    \
  do {                                                                 \
    cell_error(a, ci, L, ci->aFieldCol[f], f, __VA_ARGS__);            \
    nErr++;                                                            \
  } while (0)
    const char *z = CELL(CF_SEQ);
    if (z[0]) {
      char *zEnd;
      long v = strtol(z, &zEnd, 10);
      if (!strcmp(zEnd, ".0")) zEnd += 2;
      if (*zEnd || v <= 0 || v > 1000000)
        BAD(CF_SEQ, "“%s”不是正整数", z);
      else
        it.seq = (int)v;
    }
    it.zLevel1 = CELL(CF_LEVEL1);
    it.zLevel2 = CELL(CF_LEVEL2);
    it.zContent = CELL(CF_CONTENT);
    it.zBasis = CELL(CF_BASIS);
    it.zTimeLimit = CELL(CF_TIME_LIMIT);
    it.zDept = CELL(CF_DEPT);
    it.zResponsible = CELL(CF_RESPONSIBLE);
    it.zPhone = CELL(CF_PHONE);
    it.zFrequency = CELL(CF_FREQUENCY);
    it.zTier = CELL(CF_TIER);
    it.zReview = CELL(CF_REVIEW);
    it.zNote = CELL(CF_NOTE);
    /* Channels: the explicit set when given, else inferred from the text;
    ** the text is kept unless it is exactly the set's labels. */
    const char *zText = CELL(CF_CHANNEL_TEXT);
    const char *zSet = CELL(CF_CHANNELS);
    if (zSet[0]) {
      const char *zBad = NULL;
      long set = cat_channels_parse_labels(a, zSet, &zBad);
      if (set < 0)
        BAD(CF_CHANNELS, "“%s”不是规定的公开渠道（政府网站、政府公报、两微一端、"
                         "发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务"
                         "中心、便民服务站、入户/现场、公示栏（电子屏）、精准推送、"
                         "其他）", zBad);
      else
        it.channels = (unsigned)set;
    } else {
      it.channels = cat_channels_infer(zText);
    }
    for (int k = 0; k < CAT_NCHANNEL; k++) {
      if (aChanCol[k] < 0) continue;
      const char *zv = cell_value(a, row, aChanCol[k]);
      int yn = cat_yesno_parse(zv);
      if (yn < 0) {
        msg(a, ci, L, aChanCol[k] + 1, 0,
            arena_printf(a, "第%d行第%s列（%s）：“%s”无法识别，勾选请填“√”", L,
                         cat_col_letters(a, aChanCol[k]),
                         aCatChannel[k].zLabel, zv));
        nErr++;
      } else if (yn) {
        it.channels |= 1u << k;
      }
    }
    it.zChannelText =
        strcmp(zText, cat_channels_labels(a, it.channels, "、")) ? zText : "";
    z = CELL(CF_AUDIENCE);
    const char *zc = cat_audience_parse(z);
    if (!zc) BAD(CF_AUDIENCE, "“%s”无法识别，可填：全社会、特定群体", z);
    else it.zAudience = zc;
    z = CELL(CF_MODE);
    zc = cat_mode_parse(z);
    if (!zc)
      BAD(CF_MODE, "“%s”无法识别，可填：主动公开、依申请公开、不予公开", z);
    else if (zc[0]) it.zMode = zc;
    else if (ci->aFieldCol[CF_MODE] < 0)
      it.zMode = !strcmp(zList, "proactive")    ? "proactive"
                 : !strcmp(zList, "on_request") ? "on_request"
                                                : "withheld";
    z = CELL(CF_ART20);
    int v20 = cat_art20_parse(z);
    if (v20 < 0) BAD(CF_ART20, "“%s”无法识别，应为（一）至（十五）", z);
    else it.art20 = v20;
    z = CELL(CF_INTERP);
    int yn = cat_yesno_parse(z);
    if (yn < 0) BAD(CF_INTERP, "“%s”无法识别，可填：是、否", z);
    else it.bNeedsInterp = yn;
    z = CELL(CF_CODE);
    if (!cat_code_valid(z))
      BAD(CF_CODE, "“%s”无效：只能由最多16个字母、数字、下划线或连字符组成", z);
    else it.zCode = z;
    z = CELL(CF_GROUND);
    zc = cat_ground_parse(z);
    if (!zc)
      BAD(CF_GROUND, "“%s”无法对应条例第十四条至第十六条的不予公开情形", z);
    else it.zGround = zc;
    if (!nErr) {
      const char *zWhy = cat_item_validate(a, &it);
      if (zWhy) {
        msg(a, ci, L, 0, 0, arena_printf(a, "第%d行：%s", L, zWhy));
        nErr++;
      }
    }
#undef CELL
#undef BAD
    if (nErr) {
      ci->nBadRow++;
      continue;
    }
    ARENA_PUSH(a, ci->aItem, ci->nItem, ci->nItemAlloc);
    ci->aItem[ci->nItem++] = it;
  }
  if (ci->nRow == 0) {
    msg(a, ci, 0, 0, 0, "文件只有表头，没有数据行");
    ci->nFileError++;
  }
}

int cat_import_ok(const CatImport *ci, int bSkipBad) {
  if (ci->nFileError || ci->nItem == 0) return 0;
  if (bSkipBad) return 1;
  return ci->nBadRow == 0 && ci->nColError == 0;
}

char *cat_import_report_text(Arena *a, const CatImport *ci) {
  Buf b = BUF_INIT;
  buf_puts(&b, "");
  for (int i = 0; i < ci->nMsg; i++)
    buf_printf(&b, "%s%s\n", ci->aMsg[i].bWarning ? "提示：" : "错误：",
               ci->aMsg[i].zMsg);
  buf_printf(&b, "共%d行数据，%d行无误，%d行有错误。\n", ci->nRow, ci->nItem,
             ci->nBadRow);
  char *z = arena_strdup(a, buf_str(&b));
  buf_free(&b);
  return z;
}

/* ---- Export ----------------------------------------------------------- */

/* Every field of p as export cells, into az[CF__COUNT]. */
static void export_cells(Arena *a, const CatItem *p, const char **az) {
  const char *zLabels = cat_channels_labels(a, p->channels, "、");
  az[CF_SEQ] = p->seq > 0 ? arena_printf(a, "%d", p->seq) : "";
  az[CF_LEVEL1] = p->zLevel1;
  az[CF_LEVEL2] = p->zLevel2;
  az[CF_CONTENT] = p->zContent;
  az[CF_BASIS] = p->zBasis;
  az[CF_TIME_LIMIT] = p->zTimeLimit;
  az[CF_DEPT] = p->zDept;
  az[CF_RESPONSIBLE] = p->zResponsible;
  az[CF_PHONE] = p->zPhone;
  az[CF_CHANNEL_TEXT] = p->zChannelText[0] ? p->zChannelText : zLabels;
  az[CF_CHANNELS] = zLabels;
  az[CF_AUDIENCE] = cat_audience_label(p->zAudience);
  az[CF_MODE] = cat_mode_label(p->zMode);
  az[CF_FREQUENCY] = p->zFrequency;
  az[CF_TIER] = p->zTier;
  az[CF_REVIEW] = p->zReview;
  az[CF_ART20] = cat_art20_label(a, p->art20);
  az[CF_INTERP] = p->bNeedsInterp ? "是" : "否";
  az[CF_CODE] = p->zCode;
  az[CF_GROUND] = cat_ground_label(p->zGround);
  az[CF_NOTE] = p->zNote;
}

void cat_export_table(Arena *a, const CatItem *aItem, int n, Table *t) {
  const char *az[CF__COUNT];
  memset(t, 0, sizeof *t);
  for (int f = 0; f < CF__COUNT; f++) az[f] = azHeader[f];
  table_add_row(a, t, 1, az, CF__COUNT);
  for (int i = 0; i < n; i++) {
    export_cells(a, &aItem[i], az);
    table_add_row(a, t, i + 2, az, CF__COUNT);
  }
}

const char *cat_export_columns(Arena *a, const CatItem *aItem, int n,
                               const char *zColumns, Table *t) {
  const char **azHdr = NULL;
  int *aField = NULL, nCol = 0, nAlloc = 0, nAlloc2 = 0;
  memset(t, 0, sizeof *t);
  for (const char *z = zColumns; *z;) {
    size_t k = strcspn(z, ",");
    char *zName = trim(a, arena_strndup(a, z, k));
    int f = cat_header_match(zName);
    if (f < 0)
      return arena_printf(a, "无法识别的列名“%s”", zName);
    ARENA_PUSH(a, azHdr, nCol, nAlloc);
    azHdr[nCol] = zName;
    ARENA_PUSH(a, aField, nCol, nAlloc2);
    aField[nCol] = f;
    nCol++;
    z += k;
    if (*z == ',') z++;
  }
  if (nCol == 0) return "没有指定要导出的列";
  table_add_row(a, t, 1, azHdr, nCol);
  const char *az[CF__COUNT];
  const char **azRow = arena_alloc(a, sizeof(char *) * (size_t)nCol);
  for (int i = 0; i < n; i++) {
    export_cells(a, &aItem[i], az);
    for (int c = 0; c < nCol; c++) azRow[c] = az[aField[c]];
    table_add_row(a, t, i + 2, azRow, nCol);
  }
  return NULL;
}
