/*
** api_registers.h — the registers in the JSON API: the published questions
** and answers of netizen messages (read-only, public).  Names, contacts and
** unpublished messages never appear.
*/
#ifndef GK_API_REGISTERS_H
#define GK_API_REGISTERS_H

#include "http/req.h"

/* GET /api/v1/messages?org=ID|SLUG
** 200 {"org":{id,slug,name},"messages":[{id,box,box_label,subject,
** question,answer,received_on,replied_on,reply_dept,published_on}]},
** newest reply first; 400 without org; 404 for an unknown organisation. */
int api_messages(Req *r);

#endif
