/* cmd_count.c — `entgraph count`: corpus -> partial counts (a shard),
 * the map step of a map/reduce run; see eg_shard.h for the format. */
#include "../base/eg_outfile.h"
#include "../count/eg_shard.h"
#include "cli.h"
#include "corpus.h"
#include "options.h"

#include <stdio.h>
#include <string.h>

/* The shard (unless it goes to standard output) and the --stats file are
 * opened before the corpus is read and committed together at the end. */
typedef struct count_outputs {
    eg_outfile_t files[2];
    eg_outfile_t *set[2];
    size_t n;
    FILE *shard, *stats;
} count_outputs_t;

static int open_output(count_outputs_t *out, const char *path, FILE **fp, eg_error_t *err)
{
    eg_outfile_t *f = &out->files[out->n];
    int rc = eg_outfile_open(f, path, err);
    if (rc == 0) {
        out->set[out->n++] = f;
        *fp = f->fp;
    }
    return rc;
}

static int open_outputs(const cli_options_t *o, count_outputs_t *out, eg_error_t *err)
{
    memset(out, 0, sizeof *out);
    const char *path = o->noutputs ? o->outputs[0] : "-";
    out->shard = stdout;
    int rc = strcmp(path, "-") == 0 ? 0 : open_output(out, path, &out->shard, err);
    if (rc == 0 && o->input.stats_path)
        rc = open_output(out, o->input.stats_path, &out->stats, err);
    return rc;
}

static void abort_outputs(count_outputs_t *out)
{
    for (size_t i = 0; i < out->n; i++)
        eg_outfile_abort(out->set[i]);
}

static int write_outputs(const cli_options_t *o, const cli_corpus_t *c, count_outputs_t *out,
                         eg_error_t *err)
{
    int rc = eg_shard_write(out->shard, &c->dict, c->found, &c->counts, o->window, err);
    if (rc == 0 && out->shard == stdout && fflush(stdout) != 0)
        rc = eg_error_set(err, EG_ERR_RUNTIME, "-", 0, "cannot write counts");
    if (rc == 0 && out->stats)
        rc = cli_write_stats(out->stats, o->input.stats_path, c, 0, 0, 0, 0, err);
    if (rc == 0)
        rc = eg_outfile_commit_all(out->set, out->n, err);
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
    count_outputs_t out;
    int rc = open_outputs(&o, &out, &err);
    cli_corpus_t c;
    cli_corpus_init(&c);
    if (rc == 0)
        rc = cli_corpus_load(&c, &o.dicts, &warn, &err);
    eg_cooc_options_t counting = cli_counting(&o);
    if (rc == 0)
        rc = cli_corpus_count(&c, argv + first, (size_t)(argc - first), &o.input, o.window,
                              &counting, o.quiet, &warn, &err);
    if (rc == 0)
        rc = write_outputs(&o, &c, &out, &err);
    abort_outputs(&out); /* a no-op after the commit */
    cli_corpus_free(&c);
    return rc ? cli_report(&err) : 0;
}
