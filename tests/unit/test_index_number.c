/* test_index_number.c — index number templates (src/core/index_number.c). */
#include <stdlib.h>

#include "../../src/core/index_number.h"
#include "harness.h"

/* Expands zTpl with the parts and compares with want (NULL: expect error
** rcWant).  Frees the result. */
static void check_expand(const char *zTpl, const IndexNumberParts *p,
                         const char *zWant, int rcWant, int iLine) {
  char *z = (char *)"x";
  IndexNumberErr err;
  int rc = index_number_expand(zTpl, p, &z, &err);
  if (rc != rcWant || (zWant && (!z || strcmp(z, zWant) != 0)) ||
      (!zWant && z)) {
    fprintf(stderr, "  line %d: rc=%d (want %d) out=%s msg=%s\n", iLine, rc,
            rcWant, z ? z : "(null)", err.zMsg);
    harness_failed = 1;
  }
  if (rc == INDEX_NUMBER_OK) CHECK_STR(err.zMsg, "");
  else CHECK(err.zMsg[0] != 0);
  free(z);
}
#define EXPAND(t, p, want) check_expand(t, p, want, INDEX_NUMBER_OK, __LINE__)
#define EXPAND_ERR(t, p, rc) check_expand(t, p, NULL, rc, __LINE__)

TEST(index_number_default_template) {
  IndexNumberParts p = {"01527918X", 2020, 3, NULL, 12};
  unsigned m = 0;
  CHECK_INT(index_number_template_check(INDEX_NUMBER_DEFAULT_TEMPLATE, &m,
                                        NULL),
            INDEX_NUMBER_OK);
  CHECK_INT(m, INDEX_NUMBER_USES_ORG | INDEX_NUMBER_USES_YEAR |
                   INDEX_NUMBER_USES_SERIAL);
  /* 9 + 1 + 4 + 1 + 5 = 20 characters, as the national baseline says */
  EXPAND(INDEX_NUMBER_DEFAULT_TEMPLATE, &p, "01527918X/2020-00012");
  EXPAND(NULL, &p, "01527918X/2020-00012");
  EXPAND("", &p, "01527918X/2020-00012");
  /* a serial wider than the padding is printed in full */
  p.iSerial = 1234567;
  EXPAND(NULL, &p, "01527918X/2020-1234567");
}

TEST(index_number_other_templates) {
  IndexNumberParts p = {"M000100Y4", 2018, 7, "A01", 3};
  unsigned m = 0;
  EXPAND("{org_code}-{yy}{mm}-{category}-{serial:03}", &p,
         "M000100Y4-1807-A01-003");
  EXPAND("{org_code}-{yyyy}-{serial}", &p, "M000100Y4-2018-3");
  EXPAND("{org_code}-{yyyy}-{serial:06d}", &p, "M000100Y4-2018-000003");
  EXPAND("宁卫{{{yyyy}}}{serial:01}", &p, "宁卫{2018}3");
  EXPAND("{serial}", &p, "3");
  CHECK_INT(index_number_template_check("{category}/{serial:02}", &m, NULL),
            INDEX_NUMBER_OK);
  CHECK_INT(m, INDEX_NUMBER_USES_CATEGORY | INDEX_NUMBER_USES_SERIAL);
  /* year 2005 as {yy} */
  p.iYear = 2005;
  EXPAND("{yy}-{serial:02}", &p, "05-03");
}

TEST(index_number_template_errors) {
  IndexNumberErr err;
  CHECK_INT(index_number_template_check("{org_code}/{yyyy}", NULL, &err),
            INDEX_NUMBER_E_NO_SERIAL);
  CHECK(strstr(err.zMsg, "{serial}") != NULL);
  CHECK_INT(index_number_template_check("{org_code}/{day}-{serial}", NULL,
                                        &err),
            INDEX_NUMBER_E_PLACEHOLDER);
  CHECK(strstr(err.zMsg, "未知的占位符：{day}") != NULL);
  CHECK_INT(index_number_template_check("{serial:5}", NULL, &err),
            INDEX_NUMBER_E_SYNTAX);
  CHECK_INT(index_number_template_check("{serial:00}", NULL, &err),
            INDEX_NUMBER_E_SYNTAX);
  CHECK_INT(index_number_template_check("{serial:010}", NULL, &err),
            INDEX_NUMBER_E_SYNTAX);
  CHECK_INT(index_number_template_check("{serial", NULL, &err),
            INDEX_NUMBER_E_SYNTAX);
  CHECK_INT(index_number_template_check("{ser{serial}", NULL, &err),
            INDEX_NUMBER_E_SYNTAX);
  CHECK_INT(index_number_template_check("serial}", NULL, &err),
            INDEX_NUMBER_E_SYNTAX);
  CHECK_INT(index_number_template_check("{{serial}}", NULL, &err),
            INDEX_NUMBER_E_NO_SERIAL);
  CHECK_INT(index_number_template_check("{SERIAL}", NULL, &err),
            INDEX_NUMBER_E_PLACEHOLDER);
  CHECK_INT(index_number_template_check("{}", NULL, &err),
            INDEX_NUMBER_E_PLACEHOLDER);
  CHECK_INT(index_number_template_check("a b{serial}", NULL, &err),
            INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_template_check("<b>{serial}", NULL, &err),
            INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_template_check("", NULL, &err), INDEX_NUMBER_E_EMPTY);
  CHECK_INT(index_number_template_check(NULL, NULL, &err),
            INDEX_NUMBER_E_EMPTY);
  {
    char zLong[INDEX_NUMBER_TEMPLATE_MAX + 10];
    memset(zLong, 'a', sizeof zLong - 1);
    zLong[sizeof zLong - 1] = 0;
    memcpy(zLong, "{serial}", 8);
    CHECK_INT(index_number_template_check(zLong, NULL, &err),
              INDEX_NUMBER_E_TOO_LONG);
  }
}

TEST(index_number_expand_value_errors) {
  IndexNumberParts p = {NULL, 2020, 13, NULL, 0};
  EXPAND_ERR(NULL, &p, INDEX_NUMBER_E_VALUE);           /* no org code */
  p.zOrgCode = "01527918X";
  EXPAND_ERR(NULL, &p, INDEX_NUMBER_E_VALUE);           /* serial 0 */
  p.iSerial = 1;
  EXPAND(NULL, &p, "01527918X/2020-00001");
  EXPAND_ERR("{mm}-{serial}", &p, INDEX_NUMBER_E_VALUE); /* month 13 */
  EXPAND_ERR("{category}-{serial}", &p, INDEX_NUMBER_E_VALUE);
  p.zCategory = "A 01";
  EXPAND_ERR("{category}-{serial}", &p, INDEX_NUMBER_E_VALUE);
  p.zOrgCode = "0152<7918X";
  EXPAND_ERR(NULL, &p, INDEX_NUMBER_E_VALUE);
  p.zOrgCode = "01527918X";
  p.iYear = 1899;
  EXPAND_ERR(NULL, &p, INDEX_NUMBER_E_VALUE);
  /* the template error is reported before values are looked at */
  EXPAND_ERR("{yyyy}", &p, INDEX_NUMBER_E_NO_SERIAL);
  /* a result longer than 64 bytes */
  p.iYear = 2020;
  p.zOrgCode = "0123456789012345678901234567890123456789012345678901234567890";
  EXPAND_ERR(NULL, &p, INDEX_NUMBER_E_TOO_LONG);
}

TEST(index_number_import_check) {
  IndexNumberErr err;
  char z[80];
  CHECK_INT(index_number_check("01527918X/2020-00012", &err), INDEX_NUMBER_OK);
  CHECK_INT(index_number_check("01527918X-2020-153077", &err),
            INDEX_NUMBER_OK);
  CHECK_INT(index_number_check("20191202-189769", &err), INDEX_NUMBER_OK);
  CHECK_INT(index_number_check("宁卫-2018-001", &err), INDEX_NUMBER_OK);
  CHECK_INT(index_number_check("", &err), INDEX_NUMBER_E_EMPTY);
  CHECK_INT(index_number_check(NULL, &err), INDEX_NUMBER_E_EMPTY);
  CHECK_INT(index_number_check("a b", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("a\tb", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("a\xe3\x80\x80" "b", &err),
            INDEX_NUMBER_E_CHAR); /* U+3000 ideographic space */
  CHECK_INT(index_number_check("a<b", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("a>b", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("a\"b", &err), INDEX_NUMBER_E_CHAR);
  CHECK_STR(err.zMsg, "索引号不能包含字符 \"");
  CHECK_INT(index_number_check("a\x7f", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("a\xff", &err), INDEX_NUMBER_E_CHAR);
  memset(z, '1', 64);
  z[64] = 0;
  CHECK_INT(index_number_check(z, &err), INDEX_NUMBER_OK);
  z[64] = '1';
  z[65] = 0;
  CHECK_INT(index_number_check(z, &err), INDEX_NUMBER_E_TOO_LONG);
  CHECK_INT(index_number_check(z, NULL), INDEX_NUMBER_E_TOO_LONG);
}

/* Issue 12: an index number is part of a path (/d/{index}, the static
** export), so no empty, "." or ".." segment, no backslash and no URL
** delimiters; ordinary numbers with dots inside a segment stay valid. */
TEST(index_number_refuses_path_tricks) {
  IndexNumberErr err;
  CHECK_INT(index_number_check("6/05/21021/2018-76263", &err), INDEX_NUMBER_OK);
  CHECK_INT(index_number_check("a.b/c..d", &err), INDEX_NUMBER_OK);
  CHECK_INT(index_number_check("6/05/../x", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("6/05/..", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("../6", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("6/./x", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("/6/x", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("6/x/", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("6//x", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("6\\x", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("6/x?y", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_check("6/x%2e", &err), INDEX_NUMBER_E_CHAR);
  CHECK_INT(index_number_template_check("/{serial}", NULL, &err), INDEX_NUMBER_E_CHAR);
}
