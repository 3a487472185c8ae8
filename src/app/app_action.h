/*
** app_action.h — the workflow actions on applications for disclosure, one
** function per action, which the staff pages (web), the write API (api)
** and the command line (cli) all call.  This is the `app` layer: above
** store and core (it combines their rules and records in one
** transaction), below web/api/cli, and it knows nothing of HTTP.
**
** A caller supplies who acts (AppActor: a user id and name, and its own
** permission check, e.g. req_can()), where the parameters come from
** (AppParams: a getter over form fields, a JSON object or argv) and today.
** app_action_run() then loads the application, checks that the actor may
** see it and holds the action's permission for its organisation, runs the
** step in one transaction, refreshes the due date, commits and audits;
** on any refusal nothing is stored.  Every action writes a line of the
** case's history (application_log) naming the actor.
**
** Separation of duties: who drafted an answer can neither review nor
** approve it; extensions (Art. 33 ¶2) need PERM_APP_EXTEND, held only by
** the head of the disclosure office.
*/
#ifndef GK_APP_ACTION_H
#define GK_APP_ACTION_H

#include "core/perm.h"
#include "store/store_applications.h"

/* Who acts.  xCan is the caller layer's one permission check. */
typedef struct AppActor {
  int64_t userId;    /* 0: none (never for a workflow action) */
  const char *zName; /* shown in the history */
  int (*xCan)(void *pCtx, Perm p, int64_t orgId);
  void *pCtx;
} AppActor;

/* Where parameters come from: xGet returns NULL when zName is absent. */
typedef struct AppParams {
  const char *(*xGet)(void *pCtx, const char *zName);
  void *pCtx;
} AppParams;

/* One action call: inputs, then what the runner filled in. */
typedef struct AppAct {
  Store *store;
  Arena *arena;
  const AppActor *who;
  const AppParams *in;
  Date dToday;          /* Beijing date */
  const char *zSecretKey; /* seals identity numbers (registration) */
  int64_t orgDefault;   /* registration without org_id: this organisation
                        ** (the user's or the API token's; 0: required) */
  /* Filled by app_action_run / app_action_register. */
  App a;                /* the application (as loaded, before the step) */
  Calendar cal;         /* the applications calendar */
  int status;           /* 0 ok, else 400/403/404/409/422/500 */
  const char *zErr;     /* Chinese message when status != 0 */
} AppAct;

/* One action: name (URL segment, API path, CLI word), the permission it
** needs over the application's organisation, its label, whether it is
** allowed on a closed case and while a drafted answer awaits review or
** approval (otherwise refused with 409: assignment, events, extension,
** fees and a new draft wait until the answer is returned), and the step
** (NULL or a Chinese message). */
typedef struct AppAction {
  const char *zName;
  Perm perm;
  const char *zLabel;
  int bOnClosed;
  int bAtReview;
  const char *(*xStep)(AppAct *x);
  const char *zParams; /* parameters, for the API and CLI documentation */
} AppAction;

extern const AppAction aAppAction[]; /* terminated by zName == NULL */

/* The action named zName, or NULL. */
const AppAction *app_action(const char *zName);

/* Runs action zName on application appId (see the header comment).
** Returns x->status (0 on success; x->a holds the application as it was
** loaded). */
int app_action_run(AppAct *x, const char *zName, int64_t appId);

/* Registration (登记) of an application received by staff or handed over
** through the API.  Parameters: org_id, channel, event_day (the day of
** submission, signature or confirmation, Art. 31) and the applicant and
** information fields of AppInput (app_params_input()).  pFile/nFile: an
** optional attachment.  On success returns 0 with x->a (id, reg_no,
** received_on, receipt note) and zCode (the tracking code, shown once);
** otherwise x->status 422 with aErr[0..*pnErr) per field, or 403/500. */
int app_action_register(AppAct *x, const char *zFileName, const char *zFileType,
                        const void *pFile, size_t nFile,
                        AppFieldErr aErr[APP_MAX_ERRORS], int *pnErr,
                        char zCode[32]);

/* Stores a validated application a (orgId, channel, receipt date and note
** set) with the applicant's fields from p: seals and masks the identity
** number zIdNorm with zSecretKey, makes the tracking code (zCode), logs
** zAction by userId, stores the attachment and computes the due date.
** Runs inside the caller's transaction.  Returns STORE_OK or an error. */
int app_store_new(Store *s, Arena *ar, const char *zSecretKey, App *a,
                  const AppInput *p, const char *zIdNorm, int64_t userId,
                  const char *zAction, const char *zFileName,
                  const char *zFileType, const void *pFile, size_t nFile,
                  Date dToday, char zCode[32]);

/* Keyed hash of a normalised identity number (groups one applicant). */
void app_id_hash_key(const char *zSecretKey, const char *zIdNorm,
                     char zOut[65]);

/* The results an Art. 41 correction request can have (code, label),
** terminated by zId == NULL. */
const AppCode *app_art41_result_codes(void);

/* Reads the applicant and information fields from the parameters. */
void app_params_input(const AppParams *in, AppInput *p);

#endif
