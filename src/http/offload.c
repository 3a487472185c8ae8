/*
** offload.c — the password-hashing request threads (see offload.h).
** One mutex and condition: a thread waits idle for its job slot; submit
** hands a job only to an idle thread.
*/
#include "http/offload.h"

#include <pthread.h>
#include <stdlib.h>

#define OFFLOAD_MAX 8

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_t aThread[OFFLOAD_MAX];
static int nThread;    /* threads started */
static int nIdle;      /* threads waiting for a job */
static int bStop;
static void (*xPending)(void *);  /* the job handed over, not yet taken */
static void *pPending;

static void *offload_main(void *p) {
  (void)p;
  pthread_mutex_lock(&mu);
  for (;;) {
    nIdle++;
    while (!xPending && !bStop) pthread_cond_wait(&cv, &mu);
    nIdle--;
    if (!xPending) break;   /* stopping, nothing left to run */
    void (*xJob)(void *) = xPending;
    void *pArg = pPending;
    xPending = NULL;
    pthread_mutex_unlock(&mu);
    xJob(pArg);
    pthread_mutex_lock(&mu);
  }
  pthread_mutex_unlock(&mu);
  return NULL;
}

int offload_start(int n) {
  if (n > OFFLOAD_MAX) n = OFFLOAD_MAX;
  bStop = 0;
  for (nThread = 0; nThread < n; nThread++)
    if (pthread_create(&aThread[nThread], NULL, offload_main, NULL)) break;
  return nThread > 0 ? 0 : -1;
}

int offload_submit(void (*xJob)(void *), void *pArg) {
  int rc = -1;
  pthread_mutex_lock(&mu);
  /* An idle thread that has not been handed a job yet. */
  if (!bStop && nIdle > 0 && !xPending) {
    xPending = xJob;
    pPending = pArg;
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
