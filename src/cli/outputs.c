/* outputs.c — writing the graph files of build and merge; see outputs.h. */
#include "outputs.h"

#include "cli.h"

#include "../export/eg_export.h"
#include "../graph/eg_network.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int cli_outputs_open(const cli_options_t *o, cli_outputs_t *out, eg_error_t *err)
{
    out->n = 0;
    out->stats = 0;
    out->ntimelines = 0;
    if (o->noutputs == 0)
        mkdir("out", 0777); /* the default folder is made on demand */
    size_t want = o->noutputs ? o->noutputs : 1;
    for (size_t i = 0; i < want; i++) {
        const char *path = o->noutputs ? o->outputs[i] : CLI_DEFAULT_OUTPUT;
        char parts[EG_EXPORT_MAX_PARTS][4096];
        int nparts = eg_export_parts(path, parts, &out->formats[out->n]);
        int rc = nparts < 0 ? eg_error_set(err, EG_ERR_USAGE, path, 0, "output path too long")
                            : 0;
        for (int k = 0; k < nparts && rc == 0; k++)
            if ((rc = eg_outfile_open(&out->files[out->n], parts[k], err)) == 0)
                out->n++;
        if (rc) {
            cli_outputs_abort(out);
            return rc;
        }
    }
    if (o->input.stats_path) {
        int rc = eg_outfile_open(&out->files[out->n], o->input.stats_path, err);
        if (rc) {
            cli_outputs_abort(out);
            return rc;
        }
        out->stats = 1;
    }
    return 0;
}

void cli_outputs_abort(cli_outputs_t *out)
{
    for (size_t i = 0; i < out->n + (size_t)out->stats; i++)
        eg_outfile_abort(&out->files[i]); /* no-op for committed files */
    for (size_t i = 0; i < out->ntimelines; i++)
        eg_outfile_abort(&out->timelines[i]);
}

static int write_graphs(const igraph_t *g, const cli_outputs_t *out,
                        const eg_export_options_t *opt, eg_error_t *err)
{
    for (size_t i = 0; i < out->n; i++) {
        int rc = eg_export_with(g, out->formats[i], opt, out->files[i].fp, err);
        if (rc) {
            snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1,
                     out->files[i].path);
            return rc;
        }
    }
    return 0;
}

/* With a period, X.timeline.csv beside each X.edges.csv: opened only now,
 * since merge learns the period from the counts (a graph file is open
 * from the start); committed with the others. */
static int write_timelines(const igraph_t *g, cli_outputs_t *out, eg_error_t *err)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, "period"))
        return 0;
    for (size_t i = 0; i < out->n; i++) {
        const char *path = out->files[i].path;
        size_t len = strlen(path), suffix = strlen(".edges.csv");
        if (out->formats[i] != EG_FORMAT_CSV_EDGES || len < suffix)
            continue;
        char tpath[4096];
        snprintf(tpath, sizeof tpath, "%.*s.timeline.csv", (int)(len - suffix), path);
        eg_outfile_t *f = &out->timelines[out->ntimelines];
        int rc = eg_outfile_open(f, tpath, err);
        if (rc)
            return rc;
        out->ntimelines++;
        if ((rc = eg_export_csv_timeline(g, f->fp, err)) != 0) {
            snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, tpath);
            return rc;
        }
    }
    return 0;
}

static int commit_outputs(cli_outputs_t *out, eg_error_t *err)
{
    eg_outfile_t *all[MAX_LIST * EG_EXPORT_MAX_PARTS + 1 + MAX_LIST];
    size_t n = out->n + (size_t)out->stats;
    for (size_t i = 0; i < n; i++)
        all[i] = &out->files[i];
    for (size_t i = 0; i < out->ntimelines; i++)
        all[n++] = &out->timelines[i];
    return eg_outfile_commit_all(all, n, err);
}

int cli_outputs_write(const cli_options_t *o, cli_corpus_t *c, cli_outputs_t *out,
                      eg_error_t *err)
{
    double t0 = cli_seconds();
    igraph_t g;
    eg_network_options_t net = o->graph.network;
    net.threads = o->input.jobs; /* -j: the result is the same for any N */
    int rc = eg_network_build(&g, &c->dict, &c->counts, &net, err);
    double t_graph = cli_seconds() - t0, t_write = 0;
    long long nodes = 0, edges = 0;
    if (rc == 0) {
        nodes = (long long)igraph_vcount(&g);
        edges = (long long)igraph_ecount(&g);
        t0 = cli_seconds();
        rc = write_graphs(&g, out, &o->graph.export, err);
        if (rc == 0)
            rc = write_timelines(&g, out, err);
        t_write = cli_seconds() - t0;
        igraph_destroy(&g);
    }
    if (rc == 0 && out->stats)
        rc = cli_write_stats(out->files[out->n].fp, out->files[out->n].path, c, nodes, edges,
                             t_graph, t_write, err);
    if (rc == 0)
        rc = commit_outputs(out, err);
    return rc;
}

int cli_graph_command(cli_command_t command, int argc, char **argv, cli_counts_fn counts)
{
    cli_options_t o;
    int first = 0;
    int code = cli_parse_options(command, argc, argv, &o, &first);
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
    rc = cli_corpus_load(&c, &o.dicts, &warn, &err);
    if (rc == 0)
        cli_types_check(o.graph.network.types, &c.dict, &warn);
    if (rc == 0)
        rc = counts(&o, &c, argv + first, (size_t)(argc - first), &warn, &err);
    if (rc == 0)
        rc = cli_outputs_write(&o, &c, &out, &err);
    cli_corpus_free(&c);
    cli_outputs_abort(&out);
    return rc ? cli_report(&err) : 0;
}
