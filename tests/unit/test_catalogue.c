/* test_catalogue.c — CSV/XLSX sheets (lib/table), catalogue rules and the
** import mapping (core/catalogue), and the seed-000 round trip through a
** real database (store/sqlite_catalogue). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/core/catalogue.h"
#include "../../src/lib/embed.h"
#include "../../src/lib/table.h"
#include "../../src/store/store_catalogue.h"
#include "harness.h"
#include "storefix.h"

static int parse(Arena *a, const char *z, Table *t) {
  const char *zErr = NULL;
  return table_read_csv(a, z, strlen(z), t, &zErr);
}

TEST(csv_quotes_doubled_quotes_and_commas) {
  Arena a = ARENA_INIT;
  Table t;
  CHECK_INT(parse(&a, "a,\"b,c\",\"say \"\"hi\"\"\"\n1,,3\n", &t), 0);
  CHECK_INT(t.nRow, 2);
  CHECK_INT(t.aRow[0].nCell, 3);
  CHECK_STR(t.aRow[0].azCell[1], "b,c");
  CHECK_STR(t.aRow[0].azCell[2], "say \"hi\"");
  CHECK_STR(t.aRow[1].azCell[1], "");
  CHECK_STR(t.aRow[1].azCell[2], "3");
  CHECK_STR(t.zFormat, "csv");
  arena_free(&a);
}

TEST(csv_embedded_newlines_keep_line_numbers) {
  Arena a = ARENA_INIT;
  Table t;
  CHECK_INT(parse(&a, "h1,h2\r\n\"two\r\nlines\",x\r\n\r\nlast,y", &t), 0);
  CHECK_INT(t.nRow, 3);
  CHECK_STR(t.aRow[1].azCell[0], "two\r\nlines");
  CHECK_INT(t.aRow[1].iLine, 2);
  /* Line 4 is blank and dropped; "last" is on line 5, no final newline. */
  CHECK_INT(t.aRow[2].iLine, 5);
  CHECK_STR(t.aRow[2].azCell[0], "last");
  CHECK_STR(t.aRow[2].azCell[1], "y");
  arena_free(&a);
}

TEST(csv_bom_crlf_cr_and_tsv_sniffing) {
  Arena a = ARENA_INIT;
  Table t;
  CHECK_INT(parse(&a, "\xEF\xBB\xBF序号,公开内容\r\n1,规范性文件\r\n", &t), 0);
  CHECK_INT(t.nRow, 2);
  CHECK_STR(t.aRow[0].azCell[0], "序号");
  CHECK_STR(t.aRow[1].azCell[1], "规范性文件");
  CHECK_INT(parse(&a, "a\tb,c\tz\r1\t2,3\tq\r", &t), 0);
  CHECK_STR(t.zFormat, "tsv");
  CHECK_INT(t.nRow, 2);
  CHECK_INT(t.aRow[1].nCell, 3);
  CHECK_STR(t.aRow[1].azCell[1], "2,3");
  CHECK_INT(t.aRow[1].iLine, 2);
  arena_free(&a);
}

TEST(csv_gb18030_is_converted_and_unclosed_quote_fails) {
  Arena a = ARENA_INIT;
  Table t;
  const char *zErr = NULL;
  /* "序号,类别" in GB18030: D0 F2 BA C5 2C C0 E0 B1 F0. */
  static const char zGb[] = "\xD0\xF2\xBA\xC5,\xC0\xE0\xB1\xF0\n";
  CHECK_INT(table_read_csv(&a, zGb, sizeof zGb - 1, &t, &zErr), 0);
  CHECK_STR(t.zFormat, "csv-gb18030");
  CHECK_STR(t.aRow[0].azCell[0], "序号");
  CHECK_STR(t.aRow[0].azCell[1], "类别");
  CHECK_INT(table_read_csv(&a, "a,b\n\"open,x\n", 11, &t, &zErr), -1);
  CHECK_STR(zErr, "第2行开始的引号没有闭合");
  arena_free(&a);
}

TEST(csv_write_then_read_is_identity) {
  Arena a = ARENA_INIT;
  Table t, back;
  memset(&t, 0, sizeof t);
  const char *az[4] = {"a,b", "q\"uote", "line\nbreak", "=1+1"};
  table_add_row(&a, &t, 1, az, 4);
  Buf b = BUF_INIT;
  table_write_csv(&t, &b);
  CHECK_STR(buf_str(&b),
            "\xEF\xBB\xBF\"a,b\",\"q\"\"uote\",\"line\nbreak\",\"'=1+1\"\r\n");
  CHECK_INT(parse(&a, buf_str(&b), &back), 0);
  CHECK_STR(back.aRow[0].azCell[2], "line\nbreak");
  /* The apostrophe stays in the sheet; the catalogue import drops it. */
  CHECK_STR(back.aRow[0].azCell[3], "'=1+1");
  buf_free(&b);
  arena_free(&a);
}

TEST(xlsx_write_then_read_is_identity) {
  Arena a = ARENA_INIT;
  Table t, back;
  memset(&t, 0, sizeof t);
  const char *aH[3] = {"序号", "公开内容", "联系电话"};
  const char *aR[3] = {"12", "<&>\"'多行\n文本", "0955-8620000"};
  const char *aR2[3] = {"", "", "x"};
  table_add_row(&a, &t, 1, aH, 3);
  table_add_row(&a, &t, 2, aR, 3);
  table_add_row(&a, &t, 3, aR2, 3);
  Buf b = BUF_INIT;
  const char *zErr = NULL;
  CHECK_INT(table_write_xlsx(&t, "目录", &b, &zErr), 0);
  CHECK(b.n > 100 && !memcmp(b.z, "PK", 2));
  CHECK_INT(table_read(&a, b.z, b.n, &back, &zErr), 0);
  CHECK_STR(back.zFormat, "xlsx");
  CHECK_INT(back.nRow, 3);
  CHECK_STR(back.aRow[1].azCell[0], "12");
  CHECK_STR(back.aRow[1].azCell[1], "<&>\"'多行\n文本");
  CHECK_STR(back.aRow[1].azCell[2], "0955-8620000");
  CHECK_INT(back.aRow[2].nCell, 3);
  CHECK_STR(back.aRow[2].azCell[0], "");
  CHECK_STR(back.aRow[2].azCell[2], "x");
  CHECK_INT(back.aRow[2].iLine, 3);
  buf_free(&b);
  CHECK_INT(table_read(&a, "PK\x03\x04garbage", 11, &back, &zErr), -1);
  arena_free(&a);
}

TEST(catalogue_header_aliases) {
  CHECK_INT(cat_header_match("类别"), CF_LEVEL1);
  CHECK_INT(cat_header_match("公开形式"), CF_MODE);
  CHECK_INT(cat_header_match("责任科室负责人"), CF_RESPONSIBLE);
  CHECK_INT(cat_header_match("负责科室"), CF_DEPT);
  CHECK_INT(cat_header_match(" 公开内容(要素) "), CF_CONTENT);
  CHECK_INT(cat_header_match("公开内容（要素）"), CF_CONTENT);
  CHECK_INT(cat_header_match("*序号："), CF_SEQ);
  CHECK_INT(cat_header_match("公开渠道和载体"), CF_CHANNEL_TEXT);
  CHECK_INT(cat_header_match("备 注"), CF_NOTE);
  CHECK_INT(cat_header_match("审核流程"), CF_REVIEW);
  CHECK_INT(cat_header_match("页码"), -1);
  CHECK_INT(cat_header_match(""), -1);
}

TEST(catalogue_value_parsers) {
  CHECK_INT(cat_art20_parse("（一）"), 1);
  CHECK_INT(cat_art20_parse("(十五)"), 15);
  CHECK_INT(cat_art20_parse("第二十条第（十三）项"), 13);
  CHECK_INT(cat_art20_parse("十"), 10);
  CHECK_INT(cat_art20_parse("7"), 7);
  CHECK_INT(cat_art20_parse("（七）财政预算、决算信息"), 7);
  CHECK_INT(cat_art20_parse("财政预算、决算信息"), 7);
  CHECK_INT(cat_art20_parse(""), 0);
  CHECK_INT(cat_art20_parse("16"), -1);
  CHECK_INT(cat_art20_parse("（七）别的标题"), -1);
  CHECK_INT(cat_art20_parse("（十六）"), -1);
  CHECK_STR(cat_mode_parse("主动公开"), "proactive");
  CHECK_STR(cat_mode_parse("依申请"), "on_request");
  CHECK_STR(cat_mode_parse(""), "");
  CHECK(cat_mode_parse("部分公开") == NULL);
  CHECK_STR(cat_audience_parse("特定群体"), "group");
  CHECK(cat_audience_parse("领导") == NULL);
  CHECK_STR(cat_ground_parse("第十四条：依法确定为国家秘密"), "state_secret");
  CHECK_STR(cat_ground_parse("涉及个人隐私"), "third_party");
  CHECK_STR(cat_ground_parse("过程性信息"), "process");
  CHECK(cat_ground_parse("国家秘密和个人隐私") == NULL); /* ambiguous */
  CHECK(cat_ground_parse("不想公开") == NULL);
  CHECK_INT(cat_yesno_parse("是"), 1);
  CHECK_INT(cat_yesno_parse(""), 0);
  CHECK_INT(cat_yesno_parse("也许"), -1);
  CHECK(cat_code_valid("GFXWJ") && cat_code_valid("") && !cat_code_valid("规范"));
}

TEST(catalogue_channels) {
  Arena a = ARENA_INIT;
  unsigned set = cat_channels_infer(
      "县卫生计生局网站、县卫生计生局微信公众号、县卫生计生局政务微博");
  CHECK_STR(cat_channels_codes(&a, set), "website,new_media");
  CHECK_STR(cat_channels_labels(&a, set, "、"), "政府网站、两微一端");
  CHECK_STR(cat_channels_codes(&a, cat_channels_infer("LED显示屏, 村务公开栏；快递")),
            "bulletin_board,other");
  CHECK_INT(cat_channels_from_codes("website,new_media,nope"), set);
  const char *zBad = NULL;
  CHECK_INT(cat_channels_parse_labels(&a, "政府网站、发布会/听证会", &zBad),
            (1 << 0) | (1 << 3));
  CHECK_INT(cat_channels_parse_labels(&a, "政府网站、飞鸽", &zBad), -1);
  CHECK_STR(zBad, "飞鸽");
  arena_free(&a);
}

/* The seed's table as embedded for the demo. */
static const Embedded *seed(void) {
  return embed_find(aData, "seed000_catalogue.tsv");
}

TEST(catalogue_import_maps_seed_000_as_it_stands) {
  Arena a = ARENA_INIT;
  Table t;
  const char *zErr = NULL;
  const Embedded *e = seed();
  CHECK(e != NULL);
  if (!e) return;
  CHECK_INT(table_read(&a, e->pData, e->nData, &t, &zErr), 0);
  CatImport ci;
  cat_import_map(&a, &t, "proactive", 7, &ci);
  /* One warning for the standard columns the seed does not have. */
  CHECK_INT(ci.nMsg, 1);
  CHECK_INT(ci.aMsg[0].bWarning, 1);
  CHECK_STR(ci.aMsg[0].zMsg, "文件没有以下列，导入后这些项为空，可在导入后补充："
                             "二级事项、公开依据、公开对象、条例第二十条事项");
  CHECK_INT(ci.nRow, 5);
  CHECK_INT(ci.nItem, 5);
  CHECK(cat_import_ok(&ci, 0));
  CatItem *p = &ci.aItem[0];
  CHECK_INT(p->seq, 1);
  CHECK_INT(p->orgId, 7);
  CHECK_STR(p->zLevel1, "政策解读");
  CHECK_STR(p->zMode, "proactive");
  CHECK_STR(p->zTimeLimit, "长期公开");
  CHECK_STR(p->zFrequency, "及时更新");
  CHECK_STR(p->zDept, "政策法规科");
  CHECK_STR(p->zResponsible, "孙立军 孙立军");
  CHECK_STR(p->zPhone, "0955-8620000");
  CHECK_INT(p->channels, (1 << 0) | (1 << 2));
  CHECK_STR(p->zChannelText,
            "县卫生计生局网站、县卫生计生局微信公众号、县卫生计生局政务微博");
  CHECK_STR(ci.aItem[4].zContent, "规范性文件");
  CHECK_INT(ci.aItem[4].seq, 5);
  arena_free(&a);
}

TEST(catalogue_import_reports_per_row_and_column) {
  Arena a = ARENA_INIT;
  Table t;
  const char *zCsv =
      "序号,类别,公开内容,公开形式,页码\n"
      "1,政策解读,解读,主动公开,\n"
      "x,规范性文件,文件,部分公开,\n"
      "3,,,主动,\n"
      "4,规范性文件,文件,主动公开,,多出来\n";
  CHECK_INT(parse(&a, zCsv, &t), 0);
  CatImport ci;
  cat_import_map(&a, &t, "proactive", 1, &ci);
  CHECK_INT(ci.nRow, 4);
  CHECK_INT(ci.nItem, 1);
  CHECK_INT(ci.nBadRow, 3);
  CHECK_INT(ci.nColError, 1);
  CHECK_INT(ci.nFileError, 0);
  CHECK_INT(ci.nMsg, 6);
  CHECK_INT(ci.aMsg[0].iLine, 1);
  CHECK_INT(ci.aMsg[0].iCol, 5);
  CHECK_INT(ci.aMsg[0].bWarning, 0);
  CHECK(strstr(ci.aMsg[0].zMsg, "第E列表头“页码”无法识别") == ci.aMsg[0].zMsg);
  CHECK_INT(ci.aMsg[1].bWarning, 1);
  CHECK_STR(ci.aMsg[2].zMsg, "第3行第A列（序号）：“x”不是正整数");
  CHECK_STR(ci.aMsg[3].zMsg, "第3行第D列（公开方式）：“部分公开”无法识别，"
                             "可填：主动公开、依申请公开、不予公开");
  CHECK_INT(ci.aMsg[3].iCol, 4);
  CHECK_STR(ci.aMsg[4].zMsg, "第4行：公开内容和一级事项不能都为空");
  CHECK_STR(ci.aMsg[5].zMsg, "第5行第F列有内容“多出来”，但表头没有这一列");
  CHECK(!cat_import_ok(&ci, 0));
  CHECK(cat_import_ok(&ci, 1));
  /* A title row above the header is skipped with a warning. */
  CHECK_INT(parse(&a, "中宁县卫生计生局政务公开目录清单,,\n"
                      "序号,类别,公开内容\n1,规范性文件,文件\n", &t), 0);
  cat_import_map(&a, &t, "proactive", 1, &ci);
  CHECK_INT(ci.nItem, 1);
  CHECK_INT(ci.nRow, 1);
  CHECK(cat_import_ok(&ci, 0));
  CHECK_INT(ci.aMsg[0].bWarning, 1);
  CHECK_STR(ci.aMsg[0].zMsg, "第1行不是表头，已跳过（标题等）");
  CHECK_STR(ci.aItem[0].zLevel1, "规范性文件");
  /* The standard catalogue's two-row header: 公开事项 over 一级/二级事项. */
  CHECK_INT(parse(&a, "序号,公开事项,,公开内容（要素）,公开方式\n"
                      ",一级事项,二级事项,,\n"
                      "1,财政信息,部门预算,预算公开,主动\n", &t), 0);
  cat_import_map(&a, &t, "proactive", 1, &ci);
  CHECK_INT(ci.nMsg, 1); /* the warning about absent standard columns */
  CHECK_INT(ci.nItem, 1);
  CHECK_STR(ci.aItem[0].zLevel1, "财政信息");
  CHECK_STR(ci.aItem[0].zLevel2, "部门预算");
  CHECK_STR(ci.aItem[0].zContent, "预算公开");
  CHECK_STR(ci.aItem[0].zMode, "proactive");
  /* Channel checkbox columns under 公开渠道和载体. */
  CHECK_INT(parse(&a, "序号,公开事项,,公开内容,公开渠道和载体,,,\n"
                      ",一级事项,二级事项,,政府网站,两微一端,"
                      "社区/企事业单位/村公示栏（电子屏）,12345政务服务热线\n"
                      "1,财政信息,预算,预算公开,√,,√,\n"
                      "2,财政信息,决算,决算公开,,有,,\n", &t), 0);
  cat_import_map(&a, &t, "proactive", 1, &ci);
  CHECK_INT(ci.nItem, 1);
  CHECK_INT(ci.aItem[0].channels, (1 << 0) | (1 << 10));
  CHECK_STR(ci.aMsg[0].zMsg, "文件没有以下列，导入后这些项为空，可在导入后补充："
                             "公开依据、公开时限、公开主体/负责科室、责任人、联系电话、"
                             "公开对象、公开方式、更新频率、条例第二十条事项");
  CHECK_STR(ci.aItem[0].zChannelText, "");
  CHECK_INT(ci.nBadRow, 1);
  CHECK_STR(ci.aMsg[ci.nMsg - 1].zMsg,
            "第4行第F列（两微一端）：“有”无法识别，勾选请填“√”");
  /* Missing required columns cannot be skipped. */
  CHECK_INT(parse(&a, "序号,联系电话\n1,123\n", &t), 0);
  cat_import_map(&a, &t, "proactive", 1, &ci);
  CHECK_INT(ci.nFileError, 1);
  CHECK(!cat_import_ok(&ci, 1));
  /* The negative list needs its legal ground. */
  CHECK_INT(parse(&a, "公开内容,不予公开依据\n病历,个人隐私\n草稿,\n", &t), 0);
  cat_import_map(&a, &t, "negative", 1, &ci);
  CHECK_INT(ci.nItem, 1);
  CHECK_STR(ci.aItem[0].zGround, "third_party");
  CHECK_STR(ci.aItem[0].zMode, "withheld");
  CHECK_INT(ci.nBadRow, 1);
  arena_free(&a);
}

/* A fresh database with one organisation; NULL on failure. */
static Store *cat_temp_store(char *zDir, int64_t *pOrg, const char *zSlug) {
  strcpy(zDir, "/tmp/gk-unit-XXXXXX");
  if (!mkdtemp(zDir)) return NULL;
  char zPath[64];
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  Store *s = NULL;
  char *zErr = NULL;
  if (fix_store_open(zPath, STORE_CREATE, &s, &zErr) != STORE_OK) {
    fprintf(stderr, "  store_open: %s\n", zErr ? zErr : "?");
    free(zErr);
    return NULL;
  }
  Org o;
  memset(&o, 0, sizeof o);
  o.zSlug = zSlug;
  o.zName = "测试单位";
  if (store_org_add(s, &o) != STORE_OK) {
    store_close(s);
    return NULL;
  }
  *pOrg = o.id;
  return s;
}

static void temp_drop(Store *s, const char *zDir) {
  char z[96];
  store_close(s);
  const char *azSuffix[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) {
    snprintf(z, sizeof z, "%s/t.db%s", zDir, azSuffix[i]);
    unlink(z);
  }
  rmdir(zDir);
}

TEST(catalogue_seed_000_round_trip_csv_and_xlsx) {
  Arena a = ARENA_INIT;
  char zDir[32];
  int64_t org, org2;
  Store *s = cat_temp_store(zDir, &org, "t1");
  CHECK(s != NULL);
  if (!s) return;
  Table src, t, back;
  const char *zErr = NULL;
  const Embedded *e = seed();
  CHECK_INT(table_read(&a, e->pData, e->nData, &src, &zErr), 0);
  CatImport ci;
  cat_import_map(&a, &src, "proactive", org, &ci);
  CHECK_INT(store_cat_import(s, org, ci.aItem, ci.nItem), STORE_OK);
  CatItem *aItem;
  int n;
  CHECK_INT(store_cat_list(s, &a, org, "proactive", &aItem, &n), STORE_OK);
  CHECK_INT(n, 5);
  /* Export as CSV, read it back, and compare every cell of the source's
  ** ten columns with the export's column of the same meaning. */
  cat_export_table(&a, aItem, n, &t);
  Buf b = BUF_INIT;
  table_write_csv(&t, &b);
  CHECK_INT(table_read(&a, b.z, b.n, &back, &zErr), 0);
  CHECK_INT(back.nRow, src.nRow);
  int nCompared = 0;
  for (int c = 0; c < src.aRow[0].nCell; c++) {
    int f = cat_header_match(src.aRow[0].azCell[c]);
    CHECK(f >= 0);
    int cOut = -1;
    for (int k = 0; k < back.aRow[0].nCell; k++)
      if (cat_header_match(back.aRow[0].azCell[k]) == f) cOut = k;
    CHECK(cOut >= 0);
    if (f < 0 || cOut < 0) continue;
    for (int r = 1; r < src.nRow && r < back.nRow; r++) {
      CHECK_STR(back.aRow[r].azCell[cOut], src.aRow[r].azCell[c]);
      nCompared++;
    }
  }
  CHECK_INT(nCompared, 50);
  buf_free(&b);
  /* In the seed's own layout the export is the seed file, byte for byte. */
  CHECK(cat_export_columns(&a, aItem, n,
                           "序号,类别,公开内容,公开形式,公开时限,公开渠道,"
                           "更新频率,负责科室,责任科室负责人,联系电话",
                           &t) == NULL);
  Buf tsv = BUF_INIT;
  table_write_tsv(&t, &tsv);
  CHECK_INT(tsv.n, e->nData);
  CHECK(tsv.n == e->nData && !memcmp(tsv.z, e->pData, e->nData));
  buf_free(&tsv);
  CHECK_STR(cat_export_columns(&a, aItem, n, "序号,页码", &t),
            "无法识别的列名“页码”");

  /* XLSX export -> import into another organisation -> same items. */
  Org o2;
  memset(&o2, 0, sizeof o2);
  o2.zSlug = "t2";
  o2.zName = "第二单位";
  CHECK_INT(store_org_add(s, &o2), STORE_OK);
  org2 = o2.id;
  aItem[1].bNeedsInterp = 1;
  aItem[1].art20 = 1;
  aItem[1].zCode = "GFXWJ";
  aItem[1].zAudience = "group";
  aItem[1].zNote = "=不是公式";
  aItem[1].zReview = "科室审核、保密审查、领导审批";
  cat_export_table(&a, aItem, n, &t);
  Buf x = BUF_INIT;
  CHECK_INT(table_write_xlsx(&t, "主动公开基本目录", &x, &zErr), 0);
  CHECK_INT(table_read(&a, x.z, x.n, &back, &zErr), 0);
  cat_import_map(&a, &back, "proactive", org2, &ci);
  CHECK_INT(ci.nMsg, 0); /* every column present: not even a warning */
  CHECK_INT(store_cat_import(s, org2, ci.aItem, ci.nItem), STORE_OK);
  CatItem *aItem2;
  int n2;
  CHECK_INT(store_cat_list(s, &a, org2, "proactive", &aItem2, &n2), STORE_OK);
  CHECK_INT(n2, n);
  for (int i = 0; i < n && i < n2; i++) {
    CHECK_INT(aItem2[i].seq, aItem[i].seq);
    CHECK_STR(aItem2[i].zLevel1, aItem[i].zLevel1);
    CHECK_STR(aItem2[i].zContent, aItem[i].zContent);
    CHECK_STR(aItem2[i].zChannelText, aItem[i].zChannelText);
    CHECK_INT(aItem2[i].channels, aItem[i].channels);
    CHECK_STR(aItem2[i].zMode, aItem[i].zMode);
    CHECK_STR(aItem2[i].zResponsible, aItem[i].zResponsible);
    CHECK_STR(aItem2[i].zPhone, aItem[i].zPhone);
    CHECK_STR(aItem2[i].zFrequency, aItem[i].zFrequency);
    CHECK_INT(aItem2[i].art20, aItem[i].art20);
    CHECK_INT(aItem2[i].bNeedsInterp, aItem[i].bNeedsInterp);
    CHECK_STR(aItem2[i].zCode, aItem[i].zCode);
    CHECK_STR(aItem2[i].zAudience, aItem[i].zAudience);
    CHECK_STR(aItem2[i].zNote, aItem[i].zNote);
    CHECK_STR(aItem2[i].zReview, aItem[i].zReview);
  }
  buf_free(&x);
  temp_drop(s, zDir);
  arena_free(&a);
}

TEST(catalogue_store_move_delete_and_validation) {
  Arena a = ARENA_INIT;
  char zDir[32];
  int64_t org;
  Store *s = cat_temp_store(zDir, &org, "t3");
  CHECK(s != NULL);
  if (!s) return;
  CatItem it;
  int64_t aId[3];
  for (int i = 0; i < 3; i++) {
    cat_item_init(&it);
    it.orgId = org;
    it.zContent = i == 0 ? "甲" : i == 1 ? "乙" : "丙";
    CHECK_INT(store_cat_add(s, &it), STORE_OK);
    CHECK_INT(it.seq, i + 1);
    aId[i] = it.id;
  }
  CHECK_INT(store_cat_move(s, aId[2], -1), STORE_OK);
  CHECK_INT(store_cat_move(s, aId[0], -1), STORE_OK); /* already first */
  CatItem *aItem;
  int n;
  CHECK_INT(store_cat_list(s, &a, org, "proactive", &aItem, &n), STORE_OK);
  CHECK_INT(n, 3);
  CHECK_STR(aItem[0].zContent, "甲");
  CHECK_STR(aItem[1].zContent, "丙");
  CHECK_INT(aItem[1].seq, 2);
  CHECK_STR(aItem[2].zContent, "乙");
  CHECK_INT(store_cat_delete(s, aId[1]), STORE_OK);
  CHECK_INT(store_cat_delete(s, aId[1]), STORE_NOTFOUND);
  /* An item documents are filed under cannot be deleted.  Without the
  ** documents migration a stand-in `doc` table plays its part (through a
  ** second connection); with it, this part is left to the documents'
  ** own tests. */
  char zPath[64];
  snprintf(zPath, sizeof zPath, "%s/t.db", zDir);
  sqlite3 *db = NULL;
  if (!fix_on_pg() && sqlite3_open(zPath, &db) == SQLITE_OK &&
      sqlite3_exec(db, "CREATE TABLE doc(id INTEGER PRIMARY KEY,"
                       " catalogue_item_id INTEGER)", NULL, NULL, NULL) ==
          SQLITE_OK) {
    char *zSql = sqlite3_mprintf("INSERT INTO doc(catalogue_item_id)"
                                 " VALUES(%lld)", (long long)aId[0]);
    CHECK_INT(sqlite3_exec(db, zSql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(zSql);
    CHECK_INT(store_cat_delete(s, aId[0]), STORE_CONFLICT);
    CHECK_STR(store_errmsg(s), "该目录事项下有1份公开文件，不能删除；"
                               "请先调整这些文件的目录事项");
    CHECK_INT(store_cat_count(s, org, NULL), 2);
  }
  sqlite3_close(db);
  CHECK_INT(store_cat_count(s, org, NULL), 2);
  /* A negative-list item without its ground is refused, nothing stored. */
  cat_item_init(&it);
  it.orgId = org;
  it.zList = "negative";
  it.zContent = "草稿";
  CHECK_INT(store_cat_add(s, &it), STORE_INVALID);
  CHECK_STR(store_errmsg(s), "负面清单事项必须注明不予公开的法律依据"
                             "（条例第十四条至第十六条）");
  CHECK_INT(store_cat_count(s, org, "negative"), 0);
  it.zGround = "process";
  it.zMode = "proactive";
  CHECK_INT(store_cat_add(s, &it), STORE_INVALID);
  CHECK_STR(store_errmsg(s), "负面清单事项的公开方式只能是“不予公开”");
  CatItem w;
  cat_item_init(&w);
  w.orgId = org;
  w.zContent = "讨论记录";
  w.zMode = "withheld";
  CHECK_INT(store_cat_add(s, &w), STORE_INVALID);
  CHECK_STR(store_errmsg(s), "不予公开的事项应列入负面清单，而不是公开目录");
  it.zMode = "withheld";
  it.zGround = "";
  /* An import with one bad item stores nothing. */
  CatItem two[2];
  cat_item_init(&two[0]);
  two[0].zContent = "好";
  two[1] = it;
  CHECK_INT(store_cat_import(s, org, two, 2), STORE_INVALID);
  CHECK_INT(store_cat_count(s, org, NULL), 2);
  temp_drop(s, zDir);
  arena_free(&a);
}

/* An XLSX archive holding the given sheet1 and sharedStrings parts (either
** may be NULL), in a Buf; made with libzip in a temporary file. */
#include <zip.h>
static int make_xlsx(const char *zSheet, size_t nSheet, const char *zSst,
                     Buf *b) {
  char zPath[] = "/tmp/gk-unit-zip-XXXXXX";
  int fd = mkstemp(zPath);
  if (fd < 0) return -1;
  close(fd);
  int err = 0;
  zip_t *z = zip_open(zPath, ZIP_TRUNCATE, &err);
  if (!z) { unlink(zPath); return -1; }
  if (zSheet) {
    zip_source_t *s = zip_source_buffer(z, zSheet, nSheet, 0);
    zip_file_add(z, "xl/worksheets/sheet1.xml", s, ZIP_FL_OVERWRITE);
  }
  if (zSst) {
    zip_source_t *s = zip_source_buffer(z, zSst, strlen(zSst), 0);
    zip_file_add(z, "xl/sharedStrings.xml", s, ZIP_FL_OVERWRITE);
  }
  zip_source_t *s = zip_source_buffer(z, "<Types/>", 8, 0);
  zip_file_add(z, "[Content_Types].xml", s, ZIP_FL_OVERWRITE);
  if (zip_close(z)) { zip_discard(z); unlink(zPath); return -1; }
  FILE *f = fopen(zPath, "rb");
  char a[4096];
  size_t got;
  while (f && (got = fread(a, 1, sizeof a, f)) > 0) buf_append(b, a, got);
  if (f) fclose(f);
  unlink(zPath);
  return 0;
}

TEST(xlsx_reader_survives_truncated_and_malformed_xml) {
  static const char zSst[] =
      "<sst><si><t>序号</t></si><si><r><t>公开</t></r><r><t>内容</t></r>"
      "<rPh><t>x</t></rPh></si><si/><si><t>a_x000D_b&amp;&#x4E2D;</t></si>"
      "</sst>";
  static const char zSheet[] =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
      "<c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1"
      "</v></c><c r=\"B2\" t=\"s\"><v>3</v></c><c r=\"D2\" t=\"inlineStr\">"
      "<is><t>内联</t></is></c><c r=\"E2\" t=\"b\"><v>1</v></c></row>"
      "</sheetData></worksheet>";
  Arena a = ARENA_INIT;
  Table t;
  const char *zErr = NULL;
  Buf b = BUF_INIT;
  CHECK_INT(make_xlsx(zSheet, strlen(zSheet), zSst, &b), 0);
  CHECK_INT(table_read(&a, b.z, b.n, &t, &zErr), 0);
  CHECK_INT(t.nRow, 2);
  CHECK_STR(t.aRow[0].azCell[1], "公开内容");
  CHECK_STR(t.aRow[1].azCell[1], "a\rb&中");
  CHECK_STR(t.aRow[1].azCell[2], "");
  CHECK_STR(t.aRow[1].azCell[3], "内联");
  CHECK_STR(t.aRow[1].azCell[4], "TRUE");
  buf_free(&b);
  /* Every prefix of the sheet: no crash, no read past the end (ASan). */
  for (size_t n = 0; n < sizeof zSheet - 1; n += 3) {
    buf_reset(&b);
    CHECK_INT(make_xlsx(zSheet, n, zSst, &b), 0);
    table_read(&a, b.z, b.n, &t, &zErr);
  }
  static const char *const azBad[] = {
      "<row><c r=\"XFE1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>",
      "<row><c r=\"A1\" t=\"s\"><v>-1</v></c><c t=\"inlineStr\"><is><t>&#0;"
      "&#x110000;&bogus;_x12</t></is></c></row>",
      "<<<>>><row <c r='A1'><v>1</v></row>",
      "<x:row><x:c r=\"B1\"><x:v>7</x:v></x:c></x:row>",
  };
  for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
    buf_reset(&b);
    CHECK_INT(make_xlsx(azBad[i], strlen(azBad[i]), "<sst><si><t>x", &b), 0);
    table_read(&a, b.z, b.n, &t, &zErr);
  }
  /* Namespace prefixes are understood. */
  CHECK_INT(table_read(&a, b.z, b.n, &t, &zErr), 0);
  CHECK_INT(t.nRow, 1);
  CHECK_STR(t.aRow[0].azCell[1], "7");
  /* Column past XFD is refused with a message. */
  buf_reset(&b);
  CHECK_INT(make_xlsx(azBad[0], strlen(azBad[0]), NULL, &b), 0);
  CHECK_INT(table_read(&a, b.z, b.n, &t, &zErr), -1);
  CHECK_STR(zErr, "第1行的单元格位置无效");
  /* No worksheet at all. */
  buf_reset(&b);
  CHECK_INT(make_xlsx(NULL, 0, zSst, &b), 0);
  CHECK_INT(table_read(&a, b.z, b.n, &t, &zErr), -1);
  CHECK_STR(zErr, "XLSX 文件中没有找到工作表");
  buf_free(&b);
  arena_free(&a);
}

TEST(csv_reader_survives_every_prefix) {
  static const char z[] =
      "\xEF\xBB\xBF序号,\"类\"\"别\",公开内容\r\n1,\"a\r\nb\",x\"y\r\n\r\n"
      "2,\"\",\"\xD0\xF2\"\n\"";
  Arena a = ARENA_INIT;
  Table t;
  const char *zErr = NULL;
  int nOk = 0;
  for (size_t n = 0; n <= sizeof z - 1; n++)
    if (table_read_csv(&a, z, n, &t, &zErr) == 0) nOk++;
  CHECK(nOk > 10);
  arena_free(&a);
}
