/* cmd_build.c — `entgraph build`: corpus -> counts -> graph files.
 * Options come from options.c; the stages from corpus.c and outputs.c. */
#include "cli.h"
#include "corpus.h"
#include "options.h"
#include "outputs.h"

int cmd_build(int argc, char **argv)
{
    cli_options_t o;
    int first = 0;
    int code = cli_parse_options(CLI_BUILD, argc, argv, &o, &first);
    if (code >= 0)
        return code;
    eg_error_t err = {0};
    cli_outputs_t out;
    int rc = cli_outputs_open(&o, &out, &err);
    if (rc)
        return cli_report(&err);
    int quiet = o.quiet;
    eg_warner_t warn = cli_warner(&quiet);
    cli_corpus_t c;
    cli_corpus_init(&c);
    rc = cli_corpus_load(&c, o.dicts, o.ndicts, &warn, &err);
    if (rc == 0)
        rc = cli_corpus_count(&c, argv + first, (size_t)(argc - first), &o.input, o.window,
                              o.evidence, o.quiet, &warn, &err);
    if (rc == 0)
        rc = cli_outputs_write(&o, &c, &out, &err);
    cli_corpus_free(&c);
    cli_outputs_abort(&out);
    return rc ? cli_report(&err) : 0;
}
