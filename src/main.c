/*
** main.c — the gongkai binary: hands argv to the CLI command table.
*/
#include "cli/cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
