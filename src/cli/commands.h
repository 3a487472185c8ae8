/*
** commands.h — every subcommand's entry point (one per cmd_*.c file).
** See cli.h for the contract.  Keep in the same order as the table in cli.c.
*/
#ifndef GK_COMMANDS_H
#define GK_COMMANDS_H

#include <stddef.h>

#include "core/document.h"

int cmd_applications(int argc, char **argv);
int cmd_app_clock(int argc, char **argv); /* `applications clock` */
int cmd_app_act(int argc, char **argv);   /* `applications act|register` */
int cmd_token(int argc, char **argv);     /* `token add|list|revoke` */
int cmd_archive(int argc, char **argv);
int cmd_backup(int argc, char **argv);        /* cmd_backup.c */
int cmd_bench_gen(int argc, char **argv);    /* cmd_bench_gen.c */
int cmd_bench_search(int argc, char **argv); /* cmd_bench_search.c */
int cmd_catalogue(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_docs(int argc, char **argv);         /* cmd_docs.c */
/* One `docs import` line z[0..n), parsed in place into *d (pointers into z).
** Returns NULL, or a static Chinese message (tests/fuzz/fuzz_docs_jsonl.c). */
const char *docs_import_line(char *z, size_t n, Doc *d);
int cmd_db(int argc, char **argv);
int cmd_export_site(int argc, char **argv); /* in src/http/ */
int cmd_init(int argc, char **argv);
int cmd_ledger(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_org(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_restore(int argc, char **argv);       /* cmd_backup.c */
int cmd_search(int argc, char **argv);
int cmd_routes(int argc, char **argv);  /* in src/http/ */
int cmd_serve(int argc, char **argv);   /* in src/http/cmd_serve.c */
int cmd_user(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_workdays(int argc, char **argv);
int cmd_workplan(int argc, char **argv);

#endif
