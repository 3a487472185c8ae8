/* import_pipe.c — the reader thread of `gongkai docs import` (contract in
** import_pipe.h).
**
** The reader fills chunks of IMPORT_CHUNK lines and queues them, at most
** IMPORT_DEPTH chunks; the writer takes them in order.  One mutex guards
** the queue and the two flags; the chunks themselves belong to one thread
** at a time (the reader until queued, the writer once taken), so the lines
** need no lock. */
#include "cli/import_pipe.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"

#define IMPORT_CHUNK 64
#define IMPORT_DEPTH (IMPORT_PIPE_AHEAD / IMPORT_CHUNK)

typedef struct Chunk {
  int n;                          /* lines used */
  ImportLine a[IMPORT_CHUNK];
} Chunk;

struct ImportPipe {
  /* The reader's (or, without a thread, the writer's) own. */
  FILE *f;
  int64_t orgId, userId;
  int bPack;
  FtsPrepper *pPrep;  /* NULL unless the index entries are prepared */
  long nLine;         /* lines read so far */
  int bEnd;           /* end of file or a refused line reached */
  Buf line;
  /* Shared, under mu. */
  int bThread;
  pthread_t th;
  pthread_mutex_t mu;
  pthread_cond_t cv;  /* a chunk queued or taken, or a flag set */
  Chunk *aQ[IMPORT_DEPTH];
  int iHead, nQ;      /* queued chunks aQ[iHead..iHead+nQ) (mod depth) */
  int bDone;          /* the reader has queued its last chunk */
  int bStop;          /* the writer wants the reader to end */
  /* The writer's. */
  Chunk *pCur;        /* the chunk being stored */
  int iCur;           /* next line of pCur */
};

int import_read_line(FILE *f, Buf *pb) {
  char aChunk[65536];
  buf_reset(pb);
  int bAny = 0;
  while (fgets(aChunk, sizeof aChunk, f)) {
    bAny = 1;
    size_t n = strlen(aChunk);
    if (n && aChunk[n - 1] == '\n') {
      buf_append(pb, aChunk, n - 1);
      return 1;
    }
    buf_append(pb, aChunk, n);
  }
  return bAny;
}

static void chunk_free(Chunk *c) {
  if (!c) return;
  for (int i = 0; i < c->n; i++) {
    doc_import_free(&c->a[i].p);
    fts_doc_prep_free(c->a[i].pIdx);
    free(c->a[i].zLine);
  }
  free(c);
}

/* Reads and prepares the next line into *pl; 0 at the end of the file.
** After a refused line (pl->zErr) the pipe ends there. */
static int read_one(ImportPipe *ip, ImportLine *pl) {
  for (;;) {
    if (!import_read_line(ip->f, &ip->line)) return 0;
    ip->nLine++;
    if (ip->line.n) break;
  }
  memset(pl, 0, sizeof *pl);
  pl->iLine = ip->nLine;
  size_t n = ip->line.n;
  pl->zLine = buf_steal(&ip->line);
  Doc d;
  pl->zErr = docs_import_line(pl->zLine, n, &d);
  if (pl->zErr) return 1;
  d.orgId = ip->orgId;
  d.createdBy = ip->userId;
  doc_import_prepare(&pl->p, &d, ip->bPack);
  if (ip->pPrep) pl->pIdx = fts_prep_doc(ip->pPrep, &pl->p.d);
  return 1;
}

/* The next chunk of prepared lines, or NULL at the end of the file. */
static Chunk *fill_chunk(ImportPipe *ip) {
  if (ip->bEnd) return NULL;
  Chunk *c = xmalloc(sizeof *c);
  c->n = 0;
  while (c->n < IMPORT_CHUNK) {
    ImportLine *pl = &c->a[c->n];
    if (!read_one(ip, pl)) {
      ip->bEnd = 1;
      break;
    }
    c->n++;
    if (pl->zErr) {
      ip->bEnd = 1;
      break;
    }
  }
  if (c->n == 0) {
    free(c);
    return NULL;
  }
  return c;
}

/* The reader thread: fills chunks until the end of the file or until the
** writer stops it. */
static void *reader_main(void *pArg) {
  ImportPipe *ip = pArg;
  for (;;) {
    Chunk *c = fill_chunk(ip);
    pthread_mutex_lock(&ip->mu);
    while (c && ip->nQ == IMPORT_DEPTH && !ip->bStop)
      pthread_cond_wait(&ip->cv, &ip->mu);
    if (ip->bStop || !c) {
      ip->bDone = 1;
      pthread_cond_broadcast(&ip->cv);
      pthread_mutex_unlock(&ip->mu);
      chunk_free(c);
      return NULL;
    }
    ip->aQ[(ip->iHead + ip->nQ) % IMPORT_DEPTH] = c;
    ip->nQ++;
    pthread_cond_broadcast(&ip->cv);
    pthread_mutex_unlock(&ip->mu);
  }
}

ImportPipe *import_pipe_start(FILE *f, int64_t orgId, int64_t userId,
                              int bPack, int bIndex, int bThread) {
  ImportPipe *ip = xmalloc(sizeof *ip);
  memset(ip, 0, sizeof *ip);
  ip->f = f;
  ip->orgId = orgId;
  ip->userId = userId;
  ip->bPack = bPack;
  if (bIndex) ip->pPrep = fts_prepper_new();
  if (bThread) {
    pthread_mutex_init(&ip->mu, NULL);
    pthread_cond_init(&ip->cv, NULL);
    ip->bThread = pthread_create(&ip->th, NULL, reader_main, ip) == 0;
    if (!ip->bThread) {
      pthread_cond_destroy(&ip->cv);
      pthread_mutex_destroy(&ip->mu);
    }
  }
  return ip;
}

/* The next queued chunk (waiting for the reader), or NULL at the end. */
static Chunk *take_chunk(ImportPipe *ip) {
  if (!ip->bThread) return fill_chunk(ip);
  pthread_mutex_lock(&ip->mu);
  while (ip->nQ == 0 && !ip->bDone) pthread_cond_wait(&ip->cv, &ip->mu);
  Chunk *c = NULL;
  if (ip->nQ) {
    c = ip->aQ[ip->iHead];
    ip->iHead = (ip->iHead + 1) % IMPORT_DEPTH;
    ip->nQ--;
    pthread_cond_broadcast(&ip->cv);
  }
  pthread_mutex_unlock(&ip->mu);
  return c;
}

ImportLine *import_pipe_next(ImportPipe *ip) {
  if (ip->pCur && ip->iCur < ip->pCur->n) return &ip->pCur->a[ip->iCur++];
  chunk_free(ip->pCur);
  ip->iCur = 0;
  ip->pCur = take_chunk(ip);
  if (!ip->pCur) return NULL;
  return &ip->pCur->a[ip->iCur++];
}

void import_pipe_stop(ImportPipe *ip) {
  if (!ip) return;
  if (ip->bThread) {
    pthread_mutex_lock(&ip->mu);
    ip->bStop = 1;
    pthread_cond_broadcast(&ip->cv);
    pthread_mutex_unlock(&ip->mu);
    pthread_join(ip->th, NULL);
    while (ip->nQ) {
      chunk_free(ip->aQ[ip->iHead]);
      ip->iHead = (ip->iHead + 1) % IMPORT_DEPTH;
      ip->nQ--;
    }
    pthread_cond_destroy(&ip->cv);
    pthread_mutex_destroy(&ip->mu);
  }
  chunk_free(ip->pCur);
  fts_prepper_free(ip->pPrep);
  buf_free(&ip->line);
  free(ip);
}
