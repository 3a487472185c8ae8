/* store_catalogue.c — catalogue items (see store_catalogue.h). */
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "store/store_catalogue.h"
#include "store/store_int.h"

#define CAT_COLS                                                            \
  "id,org_id,list_kind,coalesce(seq,0),level1,level2,content,basis,"       \
  "time_limit,dept,responsible,phone,channels,channel_text,audience,mode," \
  "frequency,tier,coalesce(art20_item,0),requires_interpretation,code,"    \
  "legal_ground,note,review"

/* Order of the three lists for listings. */
#define CAT_LIST_ORDER \
  "CASE list_kind WHEN 'proactive' THEN 0 WHEN 'on_request' THEN 1 ELSE 2 END"

/* Fills *p from a row selected with CAT_COLS (strings in a). */
static void cat_row(Stmt *st, Arena *a, void *pRow) {
  CatItem *p = pRow;
  cat_item_init(p);
  p->id = col_int(st, 0);
  p->orgId = col_int(st, 1);
  p->zList = col_text(a, st, 2);
  p->seq = (int)col_int(st, 3);
  p->zLevel1 = col_text(a, st, 4);
  p->zLevel2 = col_text(a, st, 5);
  p->zContent = col_text(a, st, 6);
  p->zBasis = col_text(a, st, 7);
  p->zTimeLimit = col_text(a, st, 8);
  p->zDept = col_text(a, st, 9);
  p->zResponsible = col_text(a, st, 10);
  p->zPhone = col_text(a, st, 11);
  p->channels =
      cat_channels_from_codes(col_str(st, 12));
  p->zChannelText = col_text(a, st, 13);
  p->zAudience = col_text(a, st, 14);
  p->zMode = col_text(a, st, 15);
  p->zFrequency = col_text(a, st, 16);
  p->zTier = col_text(a, st, 17);
  p->art20 = (int)col_int(st, 18);
  p->bNeedsInterp = (int)col_int(st, 19);
  p->zCode = col_text(a, st, 20);
  p->zGround = col_text(a, st, 21);
  p->zNote = col_text(a, st, 22);
  p->zReview = col_text(a, st, 23);
}

int store_cat_list(Store *s, Arena *a, int64_t orgId, const char *zList,
                   CatItem **paItem, int *pn) {
  Stmt *st = stmt(s,
      "SELECT " CAT_COLS " FROM catalogue_item"
      " WHERE org_id=?1 AND (?2 IS NULL OR list_kind=?2)"
      " ORDER BY " CAT_LIST_ORDER ", seq IS NULL, seq, id");
  bind_int(st, 1, orgId);
  bind_text(st, 2, zList);
  return stmt_rows(s, st, a, sizeof **paItem, cat_row, paItem, pn, "读取公开目录");
}

int store_cat_count(Store *s, int64_t orgId, const char *zList) {
  Stmt *st = stmt(s,
      "SELECT count(*) FROM catalogue_item"
      " WHERE org_id=?1 AND (?2 IS NULL OR list_kind=?2)");
  bind_int(st, 1, orgId);
  bind_text(st, 2, zList);
  int64_t n = 0;
  int rc = stmt_int(s, st, &n, "统计公开目录");
  return rc == STORE_OK ? (int)n : rc;
}

int store_cat_get(Store *s, Arena *a, int64_t id, CatItem *p) {
  Stmt *st =
      stmt(s, "SELECT " CAT_COLS " FROM catalogue_item WHERE id=?1");
  bind_int(st, 1, id);
  int rc = stmt_row(s, st, a, sizeof *p, cat_row, p, "读取目录事项");
  return rc == STORE_NOTFOUND ? store_fail(s, rc, "目录事项不存在") : rc;
}

/* Binds the editable fields at ?3..?22 (shared by insert and update). */
static void bind_fields(Arena *a, Stmt *st, const CatItem *p) {
  bind_text(st, 3, p->zLevel1);
  bind_text(st, 4, p->zLevel2);
  bind_text(st, 5, p->zContent);
  bind_text(st, 6, p->zBasis);
  bind_text(st, 7, p->zTimeLimit);
  bind_text(st, 8, p->zDept);
  bind_text(st, 9, p->zResponsible);
  bind_text(st, 10, p->zPhone);
  bind_text(st, 11, cat_channels_codes(a, p->channels));
  bind_text(st, 12, p->zChannelText);
  bind_text(st, 13, p->zAudience);
  bind_text(st, 14, p->zMode);
  bind_text(st, 15, p->zFrequency);
  bind_text(st, 16, p->zTier);
  bind_id(st, 17, p->art20);
  bind_int(st, 18, p->bNeedsInterp ? 1 : 0);
  bind_text(st, 19, p->zCode);
  bind_text(st, 20, p->zGround);
  bind_text(st, 21, p->zNote);
  bind_text(st, 22, p->zReview);
}

int store_cat_add(Store *s, CatItem *p) {
  Arena a = ARENA_INIT;
  const char *zWhy = cat_item_validate(&a, p);
  if (zWhy) {
    int rc = store_fail(s, STORE_INVALID, "%s", zWhy);
    arena_free(&a);
    return rc;
  }
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "INSERT INTO catalogue_item(org_id,list_kind,level1,level2,content,"
      "basis,time_limit,dept,responsible,phone,channels,channel_text,"
      "audience,mode,frequency,tier,art20_item,requires_interpretation,code,"
      "legal_ground,note,review,seq,created_at,updated_at)"
      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,"
      "?18,?19,?20,?21,?22,"
      " coalesce(?23,(SELECT coalesce(max(seq),0)+1 FROM catalogue_item"
      "   WHERE org_id=?1 AND list_kind=?2)),?24,?24)"
      " RETURNING id,seq");
  if (!st) {
    arena_free(&a);
    return STORE_ERROR;
  }
  bind_int(st, 1, p->orgId);
  bind_text(st, 2, p->zList);
  bind_fields(&a, st, p);
  bind_id(st, 23, p->seq);
  bind_text(st, 24, zNow);
  int rc = stmt_step(st), out = STORE_OK;
  if (rc == STMT_ROW) {
    p->id = col_int(st, 0);
    p->seq = (int)col_int(st, 1);
    rc = stmt_step(st);
  }
  if (rc != STMT_DONE) {
    if (db_err(s) == DB_ERR_FOREIGN_KEY)
      out = store_fail(s, STORE_INVALID, "单位不存在");
    else
      out = store_db_err(s, "保存目录事项");
  }
  stmt_done(st);
  arena_free(&a);
  return out;
}

int store_cat_update(Store *s, const CatItem *p) {
  Arena a = ARENA_INIT;
  const char *zWhy = cat_item_validate(&a, p);
  if (zWhy) {
    int rc = store_fail(s, STORE_INVALID, "%s", zWhy);
    arena_free(&a);
    return rc;
  }
  char zNow[21];
  store_now_iso(zNow);
  Stmt *st = stmt(s,
      "UPDATE catalogue_item SET level1=?3,level2=?4,content=?5,basis=?6,"
      "time_limit=?7,dept=?8,responsible=?9,phone=?10,channels=?11,"
      "channel_text=?12,audience=?13,mode=?14,frequency=?15,tier=?16,"
      "art20_item=?17,requires_interpretation=?18,code=?19,legal_ground=?20,"
      "note=?21,review=?22,seq=coalesce(?23,seq),updated_at=?2 WHERE id=?1");
  if (!st) {
    arena_free(&a);
    return STORE_ERROR;
  }
  bind_int(st, 1, p->id);
  bind_text(st, 2, zNow);
  bind_fields(&a, st, p);
  bind_id(st, 23, p->seq);
  int rc = stmt_exec(s, st, "保存目录事项");
  arena_free(&a);
  if (rc == STORE_OK && stmt_changes(s) == 0)
    return store_fail(s, STORE_NOTFOUND, "目录事项不存在");
  return rc;
}

/* Documents filed under item id (table doc of migration 0003, which refers
** to catalogue_item by id without a declared foreign key); 0 when that
** table is not there; negative on error. */
static int cat_doc_refs(Store *s, int64_t id) {
  int64_t n = 0;
  int rc = db_has_column(s, "doc", "catalogue_item_id");
  if (rc <= 0) return rc;
  Stmt *st = stmt(s, "SELECT count(*) FROM doc WHERE catalogue_item_id=?1");
  bind_int(st, 1, id);
  rc = stmt_int(s, st, &n, "检查引用");
  return rc == STORE_OK ? (int)n : rc;
}

int store_cat_delete(Store *s, int64_t id) {
  int nRef = cat_doc_refs(s, id);
  if (nRef < 0) return nRef;
  if (nRef > 0)
    return store_fail(s, STORE_CONFLICT,
                      "该目录事项下有%d份公开文件，不能删除；请先调整这些文件的"
                      "目录事项", nRef);
  /* The items after it move up one place, so the public 序号 has no gap. */
  Stmt *st = stmt(s,
      "UPDATE catalogue_item SET seq=seq-1 WHERE seq>(SELECT seq FROM catalogue_item"
      " WHERE id=?1) AND (org_id,list_kind)=(SELECT org_id,list_kind FROM"
      " catalogue_item WHERE id=?1)");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  if (stmt_exec(s, st, "调整目录序号")) return STORE_ERROR;
  st = stmt(s, "DELETE FROM catalogue_item WHERE id=?1");
  if (!st) return STORE_ERROR;
  bind_int(st, 1, id);
  int rc = stmt_exec(s, st, "删除目录事项");
  if (rc != STORE_OK && db_err(s) == DB_ERR_FOREIGN_KEY)
    return store_fail(s, STORE_CONFLICT, "该目录事项已被公开文件引用，不能删除");
  if (rc != STORE_OK) return rc;
  if (stmt_changes(s) == 0)
    return store_fail(s, STORE_NOTFOUND, "目录事项不存在");
  return STORE_OK;
}

int store_cat_move(Store *s, int64_t id, int dir) {
  Arena a = ARENA_INIT;
  CatItem it, *aItem;
  int n, rc = store_cat_get(s, &a, id, &it);
  if (rc == STORE_OK) rc = store_begin(s);
  if (rc != STORE_OK) {
    arena_free(&a);
    return rc;
  }
  rc = store_cat_list(s, &a, it.orgId, it.zList, &aItem, &n);
  int iAt = -1;
  for (int i = 0; rc == STORE_OK && i < n; i++)
    if (aItem[i].id == id) iAt = i;
  int iTo = iAt + (dir < 0 ? -1 : 1);
  if (rc == STORE_OK && iAt >= 0 && iTo >= 0 && iTo < n) {
    CatItem tmp = aItem[iAt];
    aItem[iAt] = aItem[iTo];
    aItem[iTo] = tmp;
  }
  for (int i = 0; rc == STORE_OK && i < n; i++) {
    if (aItem[i].seq == i + 1) continue;
    Stmt *st =
        stmt(s, "UPDATE catalogue_item SET seq=?2 WHERE id=?1");
    if (!st) { rc = STORE_ERROR; break; }
    bind_int(st, 1, aItem[i].id);
    bind_int(st, 2, i + 1);
    rc = stmt_exec(s, st, "调整目录顺序");
  }
  if (rc == STORE_OK) rc = store_commit(s);
  else store_rollback(s);
  arena_free(&a);
  return rc;
}

int store_cat_import(Store *s, int64_t orgId, CatItem *aItem, int n) {
  int rc = store_begin(s);
  if (rc != STORE_OK) return rc;
  /* 序号 from the file continue after the items already in each list. */
  int aMax[3] = {0, 0, 0};
  for (int k = 0; rc == STORE_OK && azCatList[k]; k++) {
    Stmt *st = stmt(s,
        "SELECT coalesce(max(seq),0) FROM catalogue_item"
        " WHERE org_id=?1 AND list_kind=?2");
    bind_int(st, 1, orgId);
    bind_text(st, 2, azCatList[k]);
    int64_t nMax = 0;
    rc = stmt_int(s, st, &nMax, "读取公开目录");
    aMax[k] = (int)nMax;
  }
  for (int i = 0; rc == STORE_OK && i < n; i++) {
    aItem[i].orgId = orgId;
    for (int k = 0; azCatList[k]; k++)
      if (aItem[i].seq > 0 && !strcmp(aItem[i].zList, azCatList[k]))
        aItem[i].seq += aMax[k];
    rc = store_cat_add(s, &aItem[i]);
    if (rc != STORE_OK) {
      char *zMsg = xstrdup(store_errmsg(s));
      store_fail(s, rc, "第%d条：%s", i + 1, zMsg);
      free(zMsg);
    }
  }
  if (rc == STORE_OK) return store_commit(s);
  store_rollback(s);
  return rc;
}
