/*
** staff_menu.h — the persistent staff menu (工作台, 文件, 目录, 申请,
** 登记簿, 报告, 督查, 管理) that page_begin writes under the site header on
** every staff page: only the entries the user's roles open (the route
** table's permission, checked with req_can), the current one marked, and
** beside 文件 and 申请 the number of records waiting for this user.
*/
#ifndef GK_STAFF_MENU_H
#define GK_STAFF_MENU_H

#include "http/req.h"

/* 1 when zPath is a staff page (under /staff or /admin). */
int staff_menu_applies(const char *zPath);

/* Writes the menu for the signed-in user; nothing when signed out. */
void staff_menu(Req *r);

/* Documents waiting for a review step this user may take (not their own
** drafts); applications this user handles that are open, plus those
** waiting for a review or approval this user may give.  -1 on a store
** error. */
int staff_wait_docs(Req *r);
int staff_wait_apps(Req *r);

#endif
