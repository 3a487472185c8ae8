/*
** commands.h — every subcommand's entry point (one per cmd_*.c file).
** See cli.h for the contract.  Keep in the same order as the table in cli.c.
*/
#ifndef GK_COMMANDS_H
#define GK_COMMANDS_H

int cmd_report(int argc, char **argv);
int cmd_version(int argc, char **argv);

#endif
