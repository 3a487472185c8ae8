/*
** intake.h — reading a request body: form and multipart parameters through
** libmicrohttpd's post processor (a part without a usable name, a file
** name with a control character, a truncated or unparsable body: 400),
** file parts streamed to temporary files and mapped back at the end, the
** raw body of other POSTs, every in-memory byte charged to the process
** budget (http/body.c).  The per-connection state lives in a Conn.
*/
#ifndef GK_INTAKE_H
#define GK_INTAKE_H

#include <semaphore.h>
#include <microhttpd.h>

#include "http/body.h"
#include "http/conn_guard.h"
#include "http/req.h"

/* An uploaded file streamed to an unlinked temporary file; mapped
** read-only into its parameter's zValue when the body is complete. */
typedef struct UpFile {
  int iParam;              /* index in r.aParam */
  int fd;
  size_t n;
  char *pMap;
} UpFile;

#define MAX_UPLOAD_FILES 8

/* Per-connection state kept by MHD between handler calls. */
typedef struct Conn {
  Req r;
  struct MHD_PostProcessor *pp;
  size_t nBody;            /* body bytes seen so far */
  size_t nLimit;           /* this route's body limit (decided up front) */
  size_t nMem;             /* bytes reserved from the memory budget */
  size_t nMemUsed;         /* bytes held in memory so far */
  ReqParam *pLast;         /* param being appended to by the processor */
  int iFile;               /* aFile index pLast streams into, or -1 */
  Buf cur;                 /* value being accumulated */
  MpScan mp;               /* multipart header scanner (body.c) */
  UpFile aFile[MAX_UPLOAD_FILES];
  int nFile;
  int bAnswered;           /* a response was queued before the body */
  int bTooMany;            /* a forwarded client over its in-flight cap */
  GuardConn *guard;        /* the connection's deadline (conn_guard.c) */
  int badStatus;           /* refuse the request with this status… */
  const char *zBad;        /* …and this message, instead of dispatching */
  /* A request handed to an offload thread (server.c answer_offload). */
  struct MHD_Connection *conn;
  const char *zCookies;
  sem_t suspended;         /* posted once the worker has suspended conn */
  int offload;             /* 1 handed over, 2 its answer is ready */
  int64_t offloadDbNs;     /* database time spent on the offload thread */
} Conn;

/* Refuses the request with status and a Chinese message instead of
** dispatching it; the first reason wins. */
void conn_refuse(Conn *c, int status, const char *zWhy);

/* MHD_KeyValueIterator adding query parameters to the Req (cls). */
enum MHD_Result intake_query_iter(void *cls, enum MHD_ValueKind kind,
                                  const char *key, size_t nKey,
                                  const char *value, size_t nValue);
/* Starts the post processor for a form or multipart POST body. */
void intake_begin_form(Conn *c, struct MHD_Connection *conn);
/* A piece of the body: checked against c->nLimit, then parsed. */
void intake_piece(Conn *c, const char *p, size_t n);
/* The body is complete: finish the form, map the uploaded files. */
void intake_end(Conn *c);
/* Releases everything the body holds (files, memory budget, buffers,
** the Req's arena); not the Conn itself. */
void intake_free(Conn *c);

#endif
