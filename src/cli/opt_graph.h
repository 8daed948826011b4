/* opt_graph.h — command-line options of the graph and export stages
 * (measures, filters, analytics, layout, format styles), shared by the
 * subcommands that build a graph (build, merge). Kept apart from
 * cmd_build.c so that the graph options grow in one place.
 *
 * Option codes are CLI_GRAPH_OPT_BASE and up (long options only) or the
 * short letters listed in CLI_GRAPH_SHORTOPTS.
 */
#ifndef EG_OPT_GRAPH_H
#define EG_OPT_GRAPH_H

#include "../export/eg_export.h"
#include "../graph/eg_network.h"

#include <getopt.h>
#include <stdio.h>

#define CLI_GRAPH_OPT_BASE 1000
#define CLI_GRAPH_SHORTOPTS ""

typedef struct cli_graph_options {
    eg_network_options_t network;
    eg_export_options_t export;
} cli_graph_options_t;

/* The long options, terminated by an all-zero entry. */
extern const struct option cli_graph_longopts[];

void cli_graph_options_init(cli_graph_options_t *o);

/* Handle option code with its argument: returns 0 when handled, 1 when
 * the code is not a graph option, or an exit code (2) after reporting a
 * usage error. */
int cli_graph_option(int code, const char *arg, cli_graph_options_t *o);

/* Check the combination after all options are read; 0 or exit code 2. */
int cli_graph_options_finish(cli_graph_options_t *o);

/* The help lines of these options. */
void cli_graph_help(FILE *out);

#endif
