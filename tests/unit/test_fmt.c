/* test_fmt.c — labels for internal identifiers (src/web/fmt.c, issue 15
** bug 3).  Expected labels are the words a person reads on the forms and
** in the Regulation's report format, written down by hand. */
#include "../../src/web/pages.h"
#include "harness.h"

TEST(fmt_label_every_identifier_seen_on_pages) {
  CHECK_STR(fmt_label("landline"), "固定电话");
  CHECK_STR(fmt_label("id_number"), "身份证号码");
  CHECK_STR(fmt_label("mobile"), "手机号码");
  CHECK_STR(fmt_label("publish"), "发布");
  CHECK_STR(fmt_label("withdraw"), "撤回");
  /* Outcomes carry the official row label of table 三. */
  CHECK_STR(fmt_label("results.partial"), "（二）部分公开");
  CHECK_STR(fmt_label("results.other.fee_unpaid"),
            "（六）2.申请人逾期未按收费通知要求缴纳费用");
  CHECK_STR(fmt_label("natural_person"), "自然人");
  CHECK_STR(fmt_label("admin_fees"), "行政事业性收费");
}

TEST(fmt_label_never_shows_an_unknown_identifier) {
  CHECK_STR(fmt_label("some_new_code"), "其他");
  CHECK_STR(fmt_label("results.not_a_row"), "其他");
  /* Text that is not an identifier passes through. */
  CHECK_STR(fmt_label("已办结"), "已办结");
  CHECK_STR(fmt_label(""), "");
}
