/*
** store_catalogue.h — persistence of catalogue items (table catalogue_item,
** migration 0002).  Same conventions as store.h: STORE_* return codes,
** message in store_errmsg(), strings in the caller's arena.  The rules
** (validation, value sets) are in core/catalogue.h; these functions check
** items with cat_item_validate() before writing.
*/
#ifndef GK_STORE_CATALOGUE_H
#define GK_STORE_CATALOGUE_H

#include "core/catalogue.h"
#include "store/store.h"

/* Items of orgId, of list zList (NULL: every list, in list order), by
** 序号 then id. */
int store_cat_list(Store *s, Arena *a, int64_t orgId, const char *zList,
                   CatItem **paItem, int *pn);
/* Number of items of orgId in zList (NULL: all); negative on error. */
int store_cat_count(Store *s, int64_t orgId, const char *zList);
int store_cat_get(Store *s, Arena *a, int64_t id, CatItem *p);
/* Adds p (p->seq 0: after the last item of its list); sets p->id, p->seq. */
int store_cat_add(Store *s, CatItem *p);
/* Updates every field but org and list. */
int store_cat_update(Store *s, const CatItem *p);
/* Deletes one item; STORE_CONFLICT when a document refers to it. */
int store_cat_delete(Store *s, int64_t id);
/* Moves an item one place up (dir < 0) or down (dir > 0) in its list,
** renumbering the list 1..n first.  Moving past an end is a no-op. */
int store_cat_move(Store *s, int64_t id, int dir);
/* Adds n items to orgId in one transaction: all or nothing.  Items keep
** their 序号 relative to each other, after the items already in the list
** (a file's 1..5 into a list holding 8 items becomes 9..13); sets each
** item's id and seq. */
int store_cat_import(Store *s, int64_t orgId, CatItem *aItem, int n);

#endif
