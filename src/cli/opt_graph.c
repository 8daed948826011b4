/* opt_graph.c — parsing the graph-stage options; see opt_graph.h. */
#include "opt_graph.h"

#include "cli.h"

#include <string.h>

const struct option cli_graph_longopts[] = {
    {NULL, 0, NULL, 0},
};

void cli_graph_options_init(cli_graph_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->network.window = EG_WINDOW_SENTENCE;
}

int cli_graph_option(int code, const char *arg, cli_graph_options_t *o)
{
    (void)arg;
    (void)o;
    switch (code) {
    default:
        return 1;
    }
}

int cli_graph_options_finish(cli_graph_options_t *o)
{
    (void)o;
    return 0;
}

void cli_graph_help(FILE *out)
{
    (void)out;
}
