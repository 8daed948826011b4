/* outputs.h — the graph files of build and merge and the --stats
 * summary: opened as temp files before any work (a missing or read-only
 * output folder fails at once, not after the corpus), then the network is
 * built from the counts and written in each format, the summary is
 * written, and only then are all of them renamed into place together
 * (eg_outfile_commit_all): a failure anywhere leaves every previous
 * file as it was. */
#ifndef EG_CLI_OUTPUTS_H
#define EG_CLI_OUTPUTS_H

#include "../base/eg_outfile.h"
#include "../export/eg_export.h"
#include "corpus.h"
#include "options.h"

#define CLI_DEFAULT_OUTPUT "out/graph.graphml"

/* One -o path may stand for several files (X.csv: X.nodes.csv and
 * X.edges.csv, see eg_export_parts); files[] holds them all, and the
 * --stats file after them (formats[] has an entry for each graph file). */
typedef struct cli_outputs {
    eg_outfile_t files[MAX_LIST * EG_EXPORT_MAX_PARTS + 1];
    eg_format_t formats[MAX_LIST * EG_EXPORT_MAX_PARTS];
    size_t n;     /* graph files */
    int stats;    /* files[n] is the --stats summary */
    eg_outfile_t timelines[MAX_LIST]; /* X.timeline.csv beside X.edges.csv,
                                         opened once the graph has a period */
    size_t ntimelines;
} cli_outputs_t;

/* Open the -o outputs (or the default, creating out/ if needed) and the
 * --stats file. */
int cli_outputs_open(const cli_options_t *o, cli_outputs_t *out, eg_error_t *err);

/* Remove whatever was not committed (after a failure). */
void cli_outputs_abort(cli_outputs_t *out);

/* Build the network from c's counts, write every output and the --stats
 * summary, then commit them all. */
int cli_outputs_write(const cli_options_t *o, cli_corpus_t *c, cli_outputs_t *out,
                      eg_error_t *err);

/* How a graph command gets its counts: build counts a corpus, merge
 * reads shards. operands are the INPUT or SHARD arguments. */
typedef int (*cli_counts_fn)(cli_options_t *o, cli_corpus_t *c, char **operands,
                             size_t n, const eg_warner_t *warn, eg_error_t *err);

/* The whole of build and merge: parse, open the outputs, load the
 * dictionaries, get the counts, write the graph; returns the exit code. */
int cli_graph_command(cli_command_t command, int argc, char **argv, cli_counts_fn counts);

#endif
