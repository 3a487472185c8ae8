/*
** store_remedy.h — what the remedy paragraphs need from the database: the
** reconsideration organ of an organisation (org.review_organ, migration
** 0031).  See core/remedy.h for the rules.
*/
#ifndef GK_STORE_REMEDY_H
#define GK_STORE_REMEDY_H

#include "store/store.h"

/* The reconsideration organ of organisation orgId into *pzOrgan (in the
** arena): the stored setting, or, when none is stored, the default — the
** nearest organisation above it of kind 'government' (org.kind,
** core/org_kind.h; for a department the government at the same level, for
** a government the one above; 行政复议法 Art. 24) — or "" when none is
** known.  *pbDefault (may be NULL) is 1 when the default was used. */
int store_org_review_organ(Store *s, Arena *a, int64_t orgId,
                           const char **pzOrgan, int *pbDefault);

/* Stores the setting ("" = back to the default); STORE_INVALID when
** longer than 100 characters. */
int store_org_set_review_organ(Store *s, int64_t orgId, const char *zOrgan);

#endif
