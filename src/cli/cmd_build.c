/* cmd_build.c — `entgraph build`: corpus -> counts -> graph files.
 * Options come from options.c; the stages from corpus.c and outputs.c. */
#include "cli.h"
#include "corpus.h"
#include "options.h"
#include "outputs.h"

static int count_inputs(cli_options_t *o, cli_corpus_t *c, char **inputs, size_t n,
                        const eg_warner_t *warn, eg_error_t *err)
{
    eg_cooc_options_t counting = cli_counting(o);
    return cli_corpus_count(c, inputs, n, &o->input, o->window, &counting, o->quiet, warn,
                            err);
}

int cmd_build(int argc, char **argv)
{
    return cli_graph_command(CLI_BUILD, argc, argv, count_inputs);
}
