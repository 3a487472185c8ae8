/*
** db.h — the backend-neutral statement layer, private to src/store/.
**
** The domain store files (store_<area>.c) are written once against this
** layer; each database has a driver behind it (store_sqlite.c for SQLite,
** a libpq driver for PostgreSQL); db.c holds the driver-independent part.
** A domain file includes store_int.h (which includes this header) and
** never a database library header (tools/check_layers.sh).
**
** THE CONTRACT FOR SQL TEXTS IN DOMAIN FILES (docs/store.md has the detail)
**
**  - Every SQL text is a string literal (or one of two literals chosen by
**    SQL_DIALECT below): stmt() caches prepared statements by the text's
**    address.
**  - Parameters are written numbered, ?1 ?2 …, never a bare ?.  SQLite
**    takes them as they are; the PostgreSQL driver rewrites ?N to $N when
**    it prepares the statement (outside string literals).
**  - Only SQL that both SQLite >= 3.40 and PostgreSQL >= 15 run the same:
**    coalesce (not ifnull), nullif, || for concatenation, substr, length,
**    lower/upper, trim, replace, abs, min/max/count/sum, CASE, CAST(x AS
**    INTEGER|TEXT), EXISTS, IN, LIKE (ASCII patterns), UNION ALL, CTEs
**    (WITH … and WITH RECURSIVE …), window functions, LIMIT/OFFSET,
**    INSERT … ON CONFLICT(cols) DO NOTHING | DO UPDATE SET x=excluded.x,
**    INSERT/UPDATE/DELETE … RETURNING; and the project's gk_text(col) /
**    gk_pack(?N) for a text SQLite may store packed (doc.body, migration
**    0104; the identity on PostgreSQL).
**  - Each parameter's type follows from where it stands (a comparison
**    with a column, an arithmetic with a number): PostgreSQL infers
**    parameter types when it prepares.  Where nothing tells (SELECT ?1,
**    ?1 IS NULL alone, both sides parameters), write CAST(?1 AS INTEGER)
**    / AS TEXT.  Number the parameters without gaps where the text is
**    written for one statement; where shared fragments leave one out (a
**    statement family binding the same numbers), the driver declares a
**    number the text does not use as text, and ignores a binding past the
**    highest number the text uses (as SQLite does).
**    Truth values are compared explicitly (?2<>0, not a bare ?2), and
**    counted with SQL_COUNT_IF (no sum() over a comparison).
**  - New rows' ids: INSERT … RETURNING id, read as a row (stmt_insert_id);
**    there is no last-insert-rowid call.
**  - The table user is written "user" (a reserved word in PostgreSQL).
**  - In ON CONFLICT … DO UPDATE SET the existing row's columns are
**    qualified with the table's name (x=t.x+1), the new one's excluded.x.
**  - Flags are INTEGER columns holding 0/1 (compared as =1, not as truth
**    values); LIKE patterns only where letter case cannot matter (SQLite's
**    LIKE ignores ASCII case, PostgreSQL's does not).
**  - Not allowed in shared texts: INSERT OR IGNORE/REPLACE, REPLACE INTO,
**    ifnull, iif, printf/format, instr/strpos, unicode, group_concat/
**    string_agg, strftime/date()/julianday/unixepoch/now, two-argument
**    min()/max() (greatest/least), rowid/ctid, sqlite_master and
**    pragma_table_info (db_has_table/db_has_column), PRAGMA, GLOB,
**    INDEXED BY, CROSS JOIN … ON, LIMIT -1 (bind_limit), "x IS ?N" for a
**    value (write x=?N OR (x IS NULL AND ?N IS NULL)), double-quoted
**    string literals.  Dates and times are text ('YYYY-MM-DD',
**    'YYYY-MM-DDTHH:MM:SSZ') computed in C and bound.
**  - Where a construct has no common spelling, the text is written twice
**    with SQL_DIALECT(s, "sqlite text", "postgres text"), and the list of
**    such places is kept in docs/store.md.
**
** ERRORS.  stmt_step() returns STMT_ROW, STMT_DONE or a negative STORE_*
** code with the store's error set to a generic message; the driver has
** classified the failure (db_err(s): DB_ERR_UNIQUE …).  A domain function
** that wants its own message checks db_err(s) and calls store_fail(), or
** calls store_db_err(s, "保存单位") for the standard message with its
** operation's name.  A NULL from stmt() has the error set; the bind_*,
** stmt_step, stmt_done and helper calls accept a NULL Stmt (steps return
** STORE_ERROR), so `Stmt *st = stmt(…); bind…; return stmt_exec(…);`
** needs no check of its own (col_* are called only after STMT_ROW).
*/
#ifndef GK_STORE_DB_H
#define GK_STORE_DB_H

#include <stddef.h>
#include <stdint.h>

#include "lib/arena.h"
#include "store/store.h"

/* An open prepared statement; each driver defines its own struct whose
** first member is a StmtHead. */
typedef struct Stmt Stmt;

/* Which SQL the connection speaks. */
typedef enum Dialect { DB_SQLITE = 1, DB_POSTGRES = 2 } Dialect;

/* One of two SQL literals by the connection's dialect; both stay literals,
** so the statement cache works for either. */
#define SQL_DIALECT(s, zSqlite, zPostgres) \
  (db_dialect(s) == DB_SQLITE ? (zSqlite) : (zPostgres))

/* stmt_step() results besides the negative STORE_* codes. */
enum { STMT_DONE = 0, STMT_ROW = 1 };

/* How the last failed statement failed, as the driver classified it. */
typedef enum DbErr {
  DB_ERR_NONE = 0,
  DB_ERR_UNIQUE,       /* unique or primary key violated   -> STORE_CONFLICT */
  DB_ERR_FOREIGN_KEY,  /* foreign key violated              -> STORE_INVALID */
  DB_ERR_CHECK,        /* CHECK or NOT NULL constraint      -> STORE_INVALID */
  DB_ERR_BUSY,         /* lock not obtained / serialisation -> STORE_BUSY */
  DB_ERR_LOST,         /* the connection to the server went -> STORE_ERROR */
  DB_ERR_OTHER         /* anything else                     -> STORE_ERROR */
} DbErr;

Dialect db_dialect(Store *s);
DbErr db_err(Store *s);

/* ---- Statements --------------------------------------------------------- */

/* The prepared statement for the SQL literal zSql, cached per connection,
** reset and unbound; NULL with the error set on failure.  Call stmt_done()
** when finished with it (before the same text is used again). */
Stmt *stmt(Store *s, const char *zSql);
/* Resets the statement and clears its bindings (NULL: nothing). */
void stmt_done(Stmt *st);

/* Bindings, 1-based as ?N.  bind_text(NULL) and bind_id(0) bind NULL.
** Text is copied; a blob is not: p must stay valid until the statement
** has been stepped for the last time (stmt_done). */
void bind_text(Stmt *st, int i, const char *z);
void bind_int(Stmt *st, int i, int64_t v);
void bind_id(Stmt *st, int i, int64_t v);
void bind_blob(Stmt *st, int i, const void *p, size_t n);
void bind_null(Stmt *st, int i);

/* Runs the statement to its next row: STMT_ROW, STMT_DONE, or a negative
** STORE_* code with the error set and classified (db_err). */
int stmt_step(Stmt *st);

/* Columns of the current row, 0-based.  col_text copies into the arena
** ("" for NULL); col_blob points into the statement until the next step
** (NULL for NULL or empty), col_bytes is its length. */
const char *col_text(Arena *a, Stmt *st, int i);
int64_t col_int(Stmt *st, int i);
/* The column's text inside the statement, valid until the next step or
** stmt_done; NULL for NULL.  For text used at once (compared, parsed). */
const char *col_str(Stmt *st, int i);
const void *col_blob(Stmt *st, int i);
int col_bytes(Stmt *st, int i);
int col_is_null(Stmt *st, int i);
int col_count(Stmt *st);

/* Rows changed by the last INSERT/UPDATE/DELETE on this connection. */
int stmt_changes(Store *s);

/* ---- Helpers over the calls above (db.c, driver-independent) ------------ */

/* Runs st to completion (rows ignored), then stmt_done.  STORE_OK or the
** failure with the message "<zWhat>失败：…" (store_db_err). */
int stmt_exec(Store *s, Stmt *st, const char *zWhat);

/* Fills one row of a result.  pRow points to the element to fill. */
typedef void (*RowFill)(Stmt *st, Arena *a, void *pRow);

/* The prepare/bind/step/collect loop: steps st to the end, appending one
** element of szRow bytes (zeroed, then fill()ed) per row to an array in
** the arena; *(T **)ppOut gets the array (NULL when empty), *pn the count.
** Always stmt_done()s st.  STORE_OK, or the failure with the message
** "<zWhat>失败：…".  st may be NULL (the error is already set). */
int stmt_rows(Store *s, Stmt *st, Arena *a, size_t szRow, RowFill fill,
              void *ppOut, int *pn, const char *zWhat);

/* One row: fill()s *pRow (zeroed first) from the first row.  STORE_OK,
** STORE_NOTFOUND (message "<zWhat>失败：记录不存在") when there is none, or
** the failure.  Always stmt_done()s st. */
int stmt_row(Store *s, Stmt *st, Arena *a, size_t szRow, RowFill fill,
             void *pRow, const char *zWhat);

/* The first column of the first row as an integer: STORE_OK with *pv set,
** STORE_NOTFOUND when there is no row (*pv = 0, message set as stmt_row),
** or the failure.  Always stmt_done()s st.  For INSERT … RETURNING id this
** is the new row's id. */
int stmt_int(Store *s, Stmt *st, int64_t *pv, const char *zWhat);
#define stmt_insert_id stmt_int

/* The first column of the first row as text in the arena, NULL when there
** is no row or on failure (then the error is set).  Always stmt_done()s. */
const char *stmt_text(Store *s, Stmt *st, Arena *a);

/* 1 when the table zTable exists, 0 when not, or a negative STORE_* code
** (for code that runs against databases migrated only partly). */
int db_has_table(Store *s, const char *zTable);
/* 1 when table zTable has a column zColumn, 0 when not, or negative. */
int db_has_column(Store *s, const char *zTable, const char *zColumn);

/* Binds a LIMIT: n, or "no limit" for n < 0 (SQLite's LIMIT -1 is an
** error on PostgreSQL). */
void bind_limit(Stmt *st, int i, int64_t n);

/* Maps the last failure (db_err) to its STORE_* code, sets the message
** "<zWhat>失败：记录已存在 / 数据不符合约束 / 数据库忙，请稍后重试 /
** 数据库错误" and returns the code. */
int store_db_err(Store *s, const char *zWhat);

/* Runs a statement text with no parameters and no rows wanted, without
** caching it (DDL, transaction control).  STORE_OK or the failure. */
int db_exec_sql(Store *s, const char *zSql);

/* ---- "This organisation and every unit below it" -----------------------
** The one definition, as a CTE for a WITH RECURSIVE clause.
** ORG_SCOPE_CTE(NAME, ORG, DEEP) defines the table NAME(id): the
** organisation bound to ?ORG and, while the SQL expression DEEP is true,
** every organisation below it at any depth.  ?ORG NULL gives no rows.
**   "WITH RECURSIVE " ORG_SCOPE_CTE("sub", "1", "?2<>0")
**   " SELECT … WHERE d.org_id IN (SELECT id FROM sub)"
** ORG_SUBTREE_CTE(NAME, ORG) is the whole subtree.  More CTEs may follow
** after a comma. */
#define ORG_SCOPE_CTE(NAME, ORG, DEEP)                                    \
  NAME "(id) AS (SELECT id FROM org WHERE id=?" ORG                       \
  " UNION ALL SELECT o.id FROM org o JOIN " NAME " ON o.parent_id=" NAME  \
  ".id WHERE " DEEP ")"
#define ORG_SUBTREE_CTE(NAME, ORG) ORG_SCOPE_CTE(NAME, ORG, "1=1")

/* The same walk in pre-order: NAME(id,depth,path) holds the organisations
** satisfying the SQL condition ROOTS (on table org) at depth 0 and every
** organisation below them; ORDER BY NAME.path lists children under their
** parent in id order. */
#define ORG_TREE_CTE(NAME, ROOTS)                                          \
  NAME "(id,depth,path) AS (SELECT id,0," SQL_ID_KEY("id") " FROM org"     \
  " WHERE " ROOTS " UNION ALL SELECT o.id," NAME ".depth+1," NAME ".path"  \
  "||'/'||" SQL_ID_KEY("o.id") " FROM org o JOIN " NAME                    \
  " ON o.parent_id=" NAME ".id)"

/* The name organisation ALIAS (a row of org) bore on DAY (an SQL
** expression 'YYYY-MM-DD'): the earliest former name whose period reaches
** DAY, else its current name; the current name when DAY is '' or NULL
** (nothing published yet).  Uses org_former_name's (org_id, until_day)
** key. */
#define ORG_NAME_ON(ALIAS, DAY)                                              \
  "coalesce((SELECT f.name FROM org_former_name f WHERE f.org_id=" ALIAS   \
  ".id AND f.until_day>=" DAY " AND " DAY ">'' ORDER BY f.until_day"       \
  " LIMIT 1)," ALIAS ".name)"

/* A text key of an integer column that sorts as the number (ten digits,
** zero-padded; both dialects): for pre-order paths "a/b/c" of ids. */
#define SQL_ID_KEY(COL)                                                   \
  "substr('0000000000'||CAST(" COL " AS TEXT),"                           \
  "length(CAST(" COL " AS TEXT))+1,10)"

/* "H contains N as a substring" (no wildcards), per dialect: write the
** statement as a macro of CONTAINS and pass each to SQL_DIALECT. */
#define SQL_CONTAINS_SQLITE(H, N) "instr(" H "," N ")>0"
#define SQL_CONTAINS_PG(H, N) "strpos(" H "," N ")>0"

/* A truth value as the integer 1 or 0 (a comparison is an integer on
** SQLite, a boolean on PostgreSQL; col_int wants the integer). */
#define SQL_BOOL(COND) "CASE WHEN " COND " THEN 1 ELSE 0 END"

/* The number of rows for which the SQL condition COND holds (0 when
** none); sum(COND) works on SQLite only. */
#define SQL_COUNT_IF(COND) "coalesce(sum(CASE WHEN " COND " THEN 1 ELSE 0 END),0)"

/* ---- The driver interface (what a driver implements) -------------------- */

typedef struct DbDriver DbDriver;

/* The first member of every driver's Stmt. */
typedef struct StmtHead {
  const DbDriver *drv;
  Store *s;
} StmtHead;

struct DbDriver {
  const char *zName;     /* "sqlite", "postgres" */
  Dialect dialect;
  /* Connection.  open: zTarget is a path (SQLite) or a connection URI
  ** (postgres://…); flags as store_open.  Fills s (allocated and zeroed by
  ** the caller, s->drv set) or returns a STORE_* code with *pzErr a heap
  ** message.  close: frees the connection, not s. */
  int (*xOpen)(Store *s, const char *zTarget, int flags, char **pzErr);
  void (*xClose)(Store *s);
  /* Statements. */
  Stmt *(*xPrepare)(Store *s, const char *zSql);  /* error set on NULL */
  void (*xFinalize)(Stmt *st);
  void (*xReset)(Stmt *st);                         /* reset + clear bindings */
  void (*xBindText)(Stmt *st, int i, const char *z);  /* z never NULL */
  void (*xBindInt)(Stmt *st, int i, int64_t v);
  void (*xBindBlob)(Stmt *st, int i, const void *p, size_t n);
  void (*xBindNull)(Stmt *st, int i);
  int (*xStep)(Stmt *st);        /* STMT_ROW/STMT_DONE or DB failure: the
                                  ** driver sets s->dbErr and logs, returns
                                  ** a negative STORE_* code */
  const char *(*xColText)(Stmt *st, int i, int *pn);  /* NULL for NULL */
  int64_t (*xColInt)(Stmt *st, int i);
  const void *(*xColBlob)(Stmt *st, int i, int *pn);
  int (*xColIsNull)(Stmt *st, int i);
  int (*xColCount)(Stmt *st);
  int (*xChanges)(Store *s);
  int (*xExec)(Store *s, const char *zSql);  /* db_exec_sql */
  /* Transactions: begin a writing transaction (SQLite BEGIN IMMEDIATE,
  ** PostgreSQL BEGIN), commit, roll back.  STORE_OK or the failure. */
  int (*xBegin)(Store *s);
  int (*xCommit)(Store *s);
  void (*xRollback)(Store *s);
  /* store_lock() inside a transaction (see store.h). */
  int (*xLock)(Store *s, StoreLock lock);
  /* Schema. */
  int (*xSchemaVersion)(Store *s);
  int (*xMigrate)(Store *s, int *pnApplied);
};

/* The Store struct is in store_int.h: a driver keeps its connection in
** s->db (SQLite) or s->pg (PostgreSQL) and anything else in s->pDrv, sets
** s->dbErr when a statement fails, adds statement time to s->dbNs; the
** statement cache, the transaction depth and the error text belong to
** db.c. */

/* The drivers compiled in; store_open() chooses one by its target
** (driver_for() in db.c: postgres:// and postgresql:// URIs, else a
** SQLite file). */
extern const DbDriver dbSqlite;

#endif
