/*
** staff_home.h — the panels on the staff home page.  Each feature area adds
** one function to the table in staff_home.c (documents near their deadline,
** applications due, …); each writes a <section> for the signed-in user.
*/
#ifndef GK_STAFF_HOME_H
#define GK_STAFF_HOME_H

#include "http/req.h"

void staff_home_panels(Req *r);

#endif
