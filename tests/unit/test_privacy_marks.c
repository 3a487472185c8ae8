/* test_privacy_marks.c — classification and release marks for the secrecy
** review (src/core/privacy_marks.c).  Each expectation was written from the
** marks' forms (GB/T 9704: 秘密★1年; the star forms ★秘密 …; release marks
** on a line of their own), not from the code's output. */
#include <stdlib.h>
#include <string.h>

#include "../../src/core/privacy.h"
#include "harness.h"

/* The matches found in z, joined with "|". */
static char *marks(const char *z) {
  PrivacyResult r;
  static char zOut[512];
  zOut[0] = 0;
  CHECK_INT(privacy_marks_scan(z, strlen(z), &r), PRIVACY_OK);
  for (size_t i = 0; i < r.nFinding; i++) {
    CHECK_INT(r.aFinding[i].eKind, PRIVACY_SECRECY_MARK);
    CHECK(!strncmp(z + r.aFinding[i].iOffset, r.aFinding[i].zMatch,
                   r.aFinding[i].nLen));
    if (i) strcat(zOut, "|");
    strcat(zOut, r.aFinding[i].zMatch);
  }
  privacy_result_free(&r);
  return zOut;
}

TEST(marks_star_forms) {
  CHECK_STR(marks("★秘密"), "★秘密");
  CHECK_STR(marks("标题\n★机密\n正文"), "★机密");
  CHECK_STR(marks("文件 ★绝密 不得外传"), "★绝密");
  CHECK_STR(marks("秘密★1年"), "秘密★1年");
  CHECK_STR(marks("机密★10年\n"), "机密★10年");
  CHECK_STR(marks("绝密★长期"), "绝密★长期");
  CHECK_STR(marks("秘密★"), "秘密★");
  /* Two on one line; a lone star or 秘密 in running text is nothing. */
  CHECK_STR(marks("★秘密 与 机密★5年"), "★秘密|机密★5年");
  CHECK_STR(marks("五星★评价"), "");
  CHECK_STR(marks("涉及商业秘密的内容"), "");
}

TEST(marks_release_lines) {
  CHECK_STR(marks("内部"), "内部");
  CHECK_STR(marks("  内部资料  \n正文"), "内部资料");
  CHECK_STR(marks("正文\n（此件不公开）\n"), "（此件不公开）");
  CHECK_STR(marks("内部资料　注意保密"), "内部资料　注意保密");
  CHECK_STR(marks("【不予公开】"), "【不予公开】");
  CHECK_STR(marks("机密"), "机密");
  /* Inside running text they are not marks. */
  CHECK_STR(marks("加强内部审计"), "");
  CHECK_STR(marks("（三）不予公开"), "");
  CHECK_STR(marks("请注意保密工作"), "");
  CHECK_STR(marks("此件公开发布"), "");
  CHECK_STR(marks(""), "");
  /* A star mark on the line is reported once, not twice. */
  CHECK_STR(marks("内部 ★秘密"), "★秘密");
}

TEST(marks_kind_and_limits) {
  CHECK_STR(privacy_kind_name(PRIVACY_SECRECY_MARK), "secrecy_mark");
  CHECK_STR(privacy_kind_label(PRIVACY_SECRECY_MARK), "密级或发布标记");
  CHECK_INT(privacy_kind_from_name("secrecy_mark"), PRIVACY_SECRECY_MARK);
  PrivacyResult r;
  CHECK_INT(privacy_marks_scan("x", PRIVACY_MAX_INPUT + 1u, &r),
            PRIVACY_E_TOO_BIG);
  CHECK_INT((int)r.nFinding, 0);
  privacy_result_free(&r);
}
