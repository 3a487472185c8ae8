/* staff_home.c — runs every feature's staff-home panel in order. */
#include "web/staff_home.h"

#include "web/applications.h"
#include "web/catalogue.h"
#include "web/documents.h"
#include "web/pages.h"
#include "web/registers.h"
#include "web/reports.h"

typedef void (*PanelFn)(Req *r);

/* Each feature registers its panel here. */
static void panel_admin(Req *r) {
  if (!req_can(r, PERM_ADMIN, 0)) return;
  req_puts(r, "<section class=\"panel\"><h2>系统管理</h2><ul>"
              "<li><a href=\"/admin/orgs\">单位与科室</a></li>"
              "<li><a href=\"/admin/users\">用户与角色</a></li></ul></section>\n");
}

static const PanelFn aPanel[] = {
  panel_admin,
  panel_catalogue,
  panel_documents,
  panel_applications,
  reg_panel,
  panel_reports,
};

void staff_home_panels(Req *r) {
  for (size_t i = 0; i < sizeof aPanel / sizeof aPanel[0]; i++) aPanel[i](r);
}
