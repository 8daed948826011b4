/* cmd_count.c — `entgraph count`: corpus -> partial counts (a shard),
 * the map step of a map/reduce run; see eg_shard.h for the format. */
#include "../base/eg_outfile.h"
#include "../count/eg_shard.h"
#include "cli.h"
#include "corpus.h"
#include "options.h"

#include <stdio.h>
#include <string.h>

static int write_counts(const cli_options_t *o, const cli_corpus_t *c, eg_error_t *err)
{
    const char *path = o->noutputs ? o->outputs[0] : "-";
    if (strcmp(path, "-") == 0) {
        int rc = eg_shard_write(stdout, &c->dict, c->found, &c->counts, o->window, err);
        if (rc == 0 && fflush(stdout) != 0)
            rc = eg_error_set(err, EG_ERR_RUNTIME, "-", 0, "cannot write counts");
        return rc;
    }
    eg_outfile_t f;
    int rc = eg_outfile_open(&f, path, err);
    if (rc)
        return rc;
    rc = eg_shard_write(f.fp, &c->dict, c->found, &c->counts, o->window, err);
    if (rc == 0)
        return eg_outfile_commit(&f, err);
    eg_outfile_abort(&f);
    return rc;
}

int cmd_count(int argc, char **argv)
{
    cli_options_t o;
    int first = 0;
    int code = cli_parse_options(CLI_COUNT, argc, argv, &o, &first);
    if (code >= 0)
        return code;
    eg_error_t err = {0};
    int quiet = o.quiet;
    eg_warner_t warn = cli_warner(&quiet);
    cli_corpus_t c;
    cli_corpus_init(&c);
    int rc = cli_corpus_load(&c, o.dicts, o.ndicts, &warn, &err);
    if (rc == 0)
        rc = cli_corpus_count(&c, argv + first, (size_t)(argc - first), &o.input, o.window,
                              o.evidence, o.quiet, &warn, &err);
    if (rc == 0)
        rc = write_counts(&o, &c, &err);
    if (rc == 0 && o.input.stats_path)
        rc = cli_write_stats(o.input.stats_path, &c, 0, 0, 0, 0, &err);
    cli_corpus_free(&c);
    return rc ? cli_report(&err) : 0;
}
