/* opt_input.h — command-line options for reading a corpus, shared by the
 * subcommands that read one (build, count, tag): input format, JSONL
 * fields, threads, tagging rules, progress and the run summary. */
#ifndef EG_OPT_INPUT_H
#define EG_OPT_INPUT_H

#include "../ingest/eg_source.h"

#include <getopt.h>
#include <stdio.h>

#define CLI_INPUT_OPT_BASE 2000
#define CLI_INPUT_SHORTOPTS "j:"

typedef struct cli_input_options {
    eg_source_options_t source;
    unsigned jobs;          /* default: the number of online cores */
    unsigned rules;         /* eg_tagger_resolve rules */
    int progress;           /* -1 auto (a terminal and not -q), 0 off, 1 on */
    const char *stats_path; /* --stats FILE, or NULL */
    unsigned max_window_entities; /* --max-window-entities N (0 = no cap) */
    const char *date_from_name;   /* --date-from-name REGEX (checked), or NULL */
} cli_input_options_t;

extern const struct option cli_input_longopts[];

void cli_input_options_init(cli_input_options_t *o);

/* 0 handled, 1 not an input option, or exit code 2 after a message. */
int cli_input_option(int code, const char *arg, cli_input_options_t *o);

void cli_input_help(FILE *out);

#endif
