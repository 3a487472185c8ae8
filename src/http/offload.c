/*
** offload.c — the password-hashing request threads (see offload.h).
** One mutex and condition over a bounded ring of jobs: submit appends a
** job when there is room; a thread takes the oldest.  A queue rather than
** "only to an idle thread": a thread finishing a job resumes its
** connection before it is idle again, so a client's next sign-in can
** arrive while every thread still looks busy, and must not get 503 for it.
*/
#include "http/offload.h"

#include <pthread.h>
#include <stdlib.h>

#define OFFLOAD_MAX 8     /* threads */
#define OFFLOAD_QUEUE 32  /* jobs accepted and not yet finished, at most */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_t aThread[OFFLOAD_MAX];
static int nThread;   /* threads started */
static int bStop;
static struct {
  void (*xJob)(void *);
  void *pArg;
} aJob[OFFLOAD_QUEUE];
static int iHead, nJob;   /* the oldest waiting job; jobs waiting */
static int nRunning;      /* jobs taken and not yet returned */

static void *offload_main(void *p) {
  (void)p;
  pthread_mutex_lock(&mu);
  for (;;) {
    while (!nJob && !bStop) pthread_cond_wait(&cv, &mu);
    if (!nJob) break;  /* stopping, and nothing left to run */
    void (*xJob)(void *) = aJob[iHead].xJob;
    void *pArg = aJob[iHead].pArg;
    iHead = (iHead + 1) % OFFLOAD_QUEUE;
    nJob--;
    nRunning++;
    pthread_mutex_unlock(&mu);
    xJob(pArg);
    pthread_mutex_lock(&mu);
    nRunning--;
  }
  pthread_mutex_unlock(&mu);
  return NULL;
}

int offload_start(int n) {
  if (n > OFFLOAD_MAX) n = OFFLOAD_MAX;
  bStop = 0;
  iHead = nJob = nRunning = 0;
  for (nThread = 0; nThread < n; nThread++)
    if (pthread_create(&aThread[nThread], NULL, offload_main, NULL)) break;
  return nThread > 0 ? 0 : -1;
}

int offload_submit(void (*xJob)(void *), void *pArg) {
  int rc = -1;
  pthread_mutex_lock(&mu);
  if (!bStop && nThread > 0 && nJob + nRunning < OFFLOAD_QUEUE) {
    int i = (iHead + nJob) % OFFLOAD_QUEUE;
    aJob[i].xJob = xJob;
    aJob[i].pArg = pArg;
    nJob++;
    pthread_cond_signal(&cv);
    rc = 0;
  }
  pthread_mutex_unlock(&mu);
  return rc;
}

void offload_stop(void) {
  pthread_mutex_lock(&mu);
  bStop = 1;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&mu);
  for (int i = 0; i < nThread; i++) pthread_join(aThread[i], NULL);
  nThread = 0;
}
