/* cmd_merge.c — `entgraph merge`: partial counts -> graph files, the
 * reduce step of a map/reduce run. The result is the graph `build`
 * makes over all the shards' documents, byte for byte. */
#include "../count/eg_shard.h"
#include "cli.h"
#include "corpus.h"
#include "options.h"
#include "outputs.h"

/* Keep the documents per node the shards all have, or fewer (--node-docs). */
static void trim_node_docs(const cli_options_t *o, cli_corpus_t *c, const eg_shard_info_t *info,
                           const eg_warner_t *warn)
{
    if (info->node_docs_differs)
        eg_warn(warn, NULL, 0, "the counts keep different numbers of documents per node; "
                               "using the smallest, %u", info->node_docs);
    unsigned k = info->node_docs;
    if (o->node_docs_given && o->node_docs > k)
        eg_warn(warn, NULL, 0, "--node-docs %u: the counts hold at most %u per node",
                o->node_docs, k);
    else if (o->node_docs_given)
        k = o->node_docs;
    eg_nodedocs_trim(&c->counts.node_docs, k);
    c->counts.opt.node_docs = k;
}

static int read_shards(cli_options_t *o, cli_corpus_t *c, char **shards, size_t n,
                       const eg_warner_t *warn, eg_error_t *err)
{
    /* Read with room for the most evidence, then keep the K wanted. */
    eg_cooc_options_t copt = {.evidence = EG_EVIDENCE_MAX_PER_PAIR,
                              .node_docs = EG_NODE_DOCS_MAX};
    if (eg_cooc_init(&c->counts, c->dict.nentities, &copt))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    c->have_counts = 1;
    eg_shard_info_t info = {0};
    double t0 = cli_seconds();
    for (size_t i = 0; i < n; i++) {
        int rc = eg_shard_read(shards[i], &c->dict, c->found, &c->counts, &info, err);
        if (rc)
            return rc;
    }
    if (cli_corpus_settle(c, err))
        return EG_ERR_RUNTIME;
    c->seconds_count = cli_seconds() - t0;
    if (!info.have_header)
        return eg_error_set(err, EG_ERR_DATA, shards[0], 0,
                            "no counts header: not written by 'entgraph count'");
    if (info.evidence_differs)
        eg_warn(warn, NULL, 0, "the counts keep different numbers of evidence windows; "
                               "using the smallest, %u", info.evidence);
    unsigned k = info.evidence;
    if (o->evidence_given) {
        if (o->evidence > info.evidence)
            eg_warn(warn, NULL, 0, "--evidence %u: the counts hold at most %u per edge",
                    o->evidence, info.evidence);
        else
            k = o->evidence;
    }
    eg_cooc_trim_evidence(&c->counts, k);
    trim_node_docs(o, c, &info, warn);
    c->stats.documents = c->counts.ndocuments;
    o->window = info.window;
    o->graph.network.window = info.window;
    return 0;
}

int cmd_merge(int argc, char **argv)
{
    return cli_graph_command(CLI_MERGE, argc, argv, read_shards);
}
