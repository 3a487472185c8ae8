/*
** offload.h — a few threads that run the requests which hash a password
** (argon2id: tens of milliseconds and 64 MiB each), so that the MHD worker
** thread owning the connection — and every cached page pinned to that
** worker — does not wait behind the hash.
**
** There is no queue: a job is accepted only when a thread is idle, so the
** number of hashes in flight stays bounded and a refused job is answered
** "busy" (503) by its caller, as before.
*/
#ifndef GK_HTTP_OFFLOAD_H
#define GK_HTTP_OFFLOAD_H

/* Starts nThreads offload threads.  0, or -1 when none could start. */
int offload_start(int nThreads);

/* Runs xJob(pArg) on an idle offload thread.  0 when accepted (xJob then
** owns pArg until it returns); -1 when no thread is idle or the pool is
** not running, and xJob is not called. */
int offload_submit(void (*xJob)(void *), void *pArg);

/* Lets running jobs finish, then ends the threads. */
void offload_stop(void);

#endif
