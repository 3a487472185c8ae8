/*
** offload.h — a few threads that run the requests which hash a password
** (argon2id: tens of milliseconds and 64 MiB each), so that the MHD worker
** thread owning the connection — and every cached page pinned to that
** worker — does not wait behind the hash.
**
** Jobs wait in a bounded queue (32 accepted and unfinished at most; the
** hashes in flight are bounded by the threads): a refused job is answered
** "busy" (503) by its caller, as when no hashing slot is free.  A queue,
** not "an idle thread or nothing": a thread resumes its connection before
** it is idle again, so a client's next sign-in would otherwise meet a
** pool that only looks busy.
*/
#ifndef GK_HTTP_OFFLOAD_H
#define GK_HTTP_OFFLOAD_H

/* Starts nThreads offload threads.  0, or -1 when none could start. */
int offload_start(int nThreads);

/* Runs xJob(pArg) on an offload thread, in the order submitted.  0 when
** accepted (xJob then owns pArg until it returns); -1 when the queue is
** full or the pool is not running, and xJob is not called.  Jobs accepted
** before offload_stop() still run. */
int offload_submit(void (*xJob)(void *), void *pArg);

/* Lets running jobs finish, then ends the threads. */
void offload_stop(void);

#endif
