/* corpus.h — what build and count share: the dictionaries, the matcher,
 * reading and counting a corpus with progress, and the run summary
 * (--stats). Times of each stage are kept for the summary. */
#ifndef EG_CLI_CORPUS_H
#define EG_CLI_CORPUS_H

#include "../count/eg_cooc.h"
#include "../count/eg_corpus.h"
#include "../ingest/eg_input.h"
#include "../tag/eg_dict.h"
#include "../tag/eg_matcher.h"
#include "../tag/eg_patterns.h"
#include "cli.h"
#include "opt_input.h"

#include <stdio.h>

typedef struct cli_corpus {
    eg_dict_t dict;
    eg_matcher_t *matcher;
    eg_patterns_t patterns;
    eg_registry_t *found; /* entities found in the text (after counting:
                             added to dict, counts renumbered) */
    eg_cooc_t counts;
    int have_counts;
    eg_input_list_t inputs;
    eg_corpus_stats_t stats;
    uint64_t input_bytes;
    double seconds_dict, seconds_count; /* load + compile; read + tag + count */
} cli_corpus_t;

void cli_corpus_init(cli_corpus_t *c);
void cli_corpus_free(cli_corpus_t *c);

/* Load the dictionaries (cli_load_dicts) with their patterns and
 * compile the matcher. */
int cli_corpus_load(cli_corpus_t *c, const cli_dicts_t *dicts, const eg_warner_t *warn,
                    eg_error_t *err);

/* Count the inputs (after cli_corpus_load). quiet turns the automatic
 * progress bar off. */
int cli_corpus_count(cli_corpus_t *c, char *const *inputs, size_t ninputs,
                     const cli_input_options_t *in, eg_window_t window,
                     const eg_cooc_options_t *counting, int quiet, const eg_warner_t *warn,
                     eg_error_t *err);

/* After counting or reading shards into c->counts with c->found: add the
 * found entities to the dictionary and renumber the counts. */
int cli_corpus_settle(cli_corpus_t *c, eg_error_t *err);

/* Seconds since an arbitrary start (monotonic). */
double cli_seconds(void);

/* Write the --stats JSON summary to fp (the temp file of path, committed
 * with the run's other outputs). Stages not run are 0. */
int cli_write_stats(FILE *fp, const char *path, const cli_corpus_t *c, long long nodes,
                    long long edges, double seconds_graph, double seconds_write,
                    eg_error_t *err);

#endif
