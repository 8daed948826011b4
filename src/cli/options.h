/* options.h — the command line of the subcommands that read a corpus or
 * build a graph (build, count, merge). One parser serves all three, each
 * accepting the option groups that make sense for it: common options
 * (-d -o -w -q --evidence --date), the corpus options (opt_input.h) and
 * the graph options (opt_graph.h). */
#ifndef EG_CLI_OPTIONS_H
#define EG_CLI_OPTIONS_H

#include "cli.h"
#include "opt_graph.h"
#include "opt_input.h"

#include <stddef.h>

#define MAX_LIST 64

typedef enum cli_command {
    CLI_BUILD, /* corpus -> graph */
    CLI_COUNT, /* corpus -> partial counts */
    CLI_MERGE, /* partial counts -> graph */
} cli_command_t;

typedef struct cli_options {
    cli_command_t command;
    cli_dicts_t dicts;
    const char *outputs[MAX_LIST];
    size_t noutputs;
    eg_window_t window;
    int window_given;
    int line_paragraphs; /* --paragraphs line */
    eg_period_t period;  /* --period P (EG_PERIOD_NONE: not given) */
    int quiet;
    unsigned evidence; /* windows kept per edge */
    int evidence_given;
    unsigned node_docs; /* --node-docs K: documents kept per node */
    int node_docs_given;
    cli_input_options_t input;
    cli_graph_options_t graph;
} cli_options_t;

/* What build and count count: evidence, period, documents per node. */
static inline eg_cooc_options_t cli_counting(const cli_options_t *o)
{
    eg_cooc_options_t c = {.evidence = o->evidence, .period = o->period,
                           .node_docs = o->node_docs};
    return c;
}

/* Parse argv for command. Returns -1 to go on (with *first_operand the
 * index of the first INPUT or SHARD), or an exit code (0 after --help,
 * 2 after a usage message). */
int cli_parse_options(cli_command_t command, int argc, char **argv, cli_options_t *o,
                      int *first_operand);

#endif
