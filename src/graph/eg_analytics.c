/* eg_analytics.c — centrality and communities with igraph; see
 * eg_analytics.h. Every result is a plain attribute on the graph, so the
 * exporters write it with no code of their own. */
#include "eg_analytics.h"

#include "eg_igraph.h"

#include "eg_betweenness.h"
#include "eg_style.h"

#include <math.h>
#include <stdlib.h>

/* weight, with negative and NaN values as 0, into w (resized). Returns
 * the total. */
static double positive_weights(const igraph_t *g, igraph_vector_t *w)
{
    double total = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        double x = EAN(g, "weight", e);
        VECTOR(*w)[e] = isnan(x) || x < 0 ? 0 : x;
        total += VECTOR(*w)[e];
    }
    return total;
}

static int set_all(igraph_t *g, const char *name, const igraph_vector_t *values)
{
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        if (SETVAN(g, name, v, eg_round_sig(VECTOR(*values)[v])))
            return -1;
    return 0;
}

static int centrality(igraph_t *g, const eg_network_options_t *opt,
                      const igraph_vector_t *w, double total)
{
    igraph_integer_t nv = igraph_vcount(g);
    igraph_vector_t res, weight;
    igraph_vector_int_t degree;
    if (igraph_vector_init(&res, nv))
        return -1;
    if (igraph_vector_int_init(&degree, nv)) {
        igraph_vector_destroy(&res);
        return -1;
    }
    if (igraph_vector_init(&weight, igraph_ecount(g))) {
        igraph_vector_destroy(&res);
        igraph_vector_int_destroy(&degree);
        return -1;
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
        VECTOR(weight)[e] = EAN(g, "weight", e);
    int rc = igraph_degree(g, &degree, igraph_vss_all(), IGRAPH_ALL, 0) ? -1 : 0;
    for (igraph_integer_t v = 0; rc == 0 && v < nv; v++)
        rc = SETVAN(g, "degree", v, (igraph_real_t)VECTOR(degree)[v]) ? -1 : 0;
    if (rc == 0)
        rc = igraph_strength(g, &res, igraph_vss_all(), IGRAPH_ALL, 0, &weight) ||
             set_all(g, "strength", &res) ? -1 : 0;
    igraph_real_t value;
    if (rc == 0)
        rc = igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), 0,
                             0.85, total > 0 ? w : NULL, NULL) ||
             set_all(g, "pagerank", &res) ? -1 : 0;
    int betweenness = opt->betweenness == 1 ||
                      (opt->betweenness == -1 && nv <= EG_BETWEENNESS_AUTO_MAX);
    if (rc == 0 && betweenness)
        rc = eg_betweenness(g, &res, opt->threads) ||
             set_all(g, "betweenness", &res) ? -1 : 0;
    igraph_vector_destroy(&weight);
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&degree);
    return rc;
}

typedef struct group {
    igraph_integer_t size, first, id;
} group_t;

static int by_size_then_first(const void *x, const void *y)
{
    const group_t *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

igraph_integer_t eg_communities_renumber(igraph_vector_int_t *membership)
{
    igraph_integer_t n = igraph_vector_int_size(membership), k = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        if (VECTOR(*membership)[v] + 1 > k)
            k = VECTOR(*membership)[v] + 1;
    group_t *groups = calloc((size_t)k + 1, sizeof *groups);
    igraph_integer_t *new_id = malloc(((size_t)k + 1) * sizeof *new_id);
    if (!groups || !new_id) {
        free(groups);
        free(new_id);
        return -1;
    }
    for (igraph_integer_t c = 0; c < k; c++)
        groups[c] = (group_t){0, n, c};
    for (igraph_integer_t v = 0; v < n; v++) {
        group_t *gr = &groups[VECTOR(*membership)[v]];
        if (gr->size++ == 0)
            gr->first = v;
    }
    qsort(groups, (size_t)k, sizeof *groups, by_size_then_first);
    igraph_integer_t used = 0;
    for (igraph_integer_t c = 0; c < k; c++)
        if (groups[c].size)
            new_id[groups[c].id] = used++;
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*membership)[v] = new_id[VECTOR(*membership)[v]];
    free(groups);
    free(new_id);
    return used;
}

static int find_communities(const igraph_t *g, eg_communities_t how, const igraph_vector_t *w,
                            double total, igraph_vector_int_t *membership)
{
    igraph_integer_t nv = igraph_vcount(g);
    if (total <= 0) { /* no positive weight: every node alone */
        for (igraph_integer_t v = 0; v < nv; v++)
            VECTOR(*membership)[v] = v;
        return 0;
    }
    if (how == EG_COMMUNITIES_LOUVAIN)
        return igraph_community_multilevel(g, w, 1.0, membership, NULL, NULL) ? -1 : 0;
    igraph_vector_t strength;
    if (igraph_vector_init(&strength, nv))
        return -1;
    igraph_integer_t nb;
    igraph_real_t quality;
    int rc = igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL, 0, w) ||
                     igraph_community_leiden(g, w, &strength, 1.0 / (2 * total), 0.01, 0, -1,
                                             membership, &nb, &quality)
                 ? -1 : 0;
    igraph_vector_destroy(&strength);
    return rc;
}

static int communities(igraph_t *g, const eg_network_options_t *opt,
                       const igraph_vector_t *w, double total)
{
    igraph_vector_int_t membership;
    if (igraph_vector_int_init(&membership, igraph_vcount(g)))
        return -1;
    igraph_rng_seed(igraph_rng_default(), opt->seed);
    int rc = find_communities(g, opt->communities, w, total, &membership);
    if (rc == 0 && eg_communities_renumber(&membership) < 0)
        rc = -1;
    for (igraph_integer_t v = 0; rc == 0 && v < igraph_vcount(g); v++)
        rc = SETVAN(g, "community", v, (igraph_real_t)VECTOR(membership)[v]) ? -1 : 0;
    igraph_real_t q = NAN;
    if (rc == 0 && total > 0)
        rc = igraph_modularity(g, &membership, w, 1.0, 0, &q) ? -1 : 0;
    if (rc == 0)
        rc = SETGAN(g, "modularity", eg_round_sig(q)) ? -1 : 0;
    igraph_vector_int_destroy(&membership);
    return rc;
}

int eg_analytics_apply(igraph_t *g, const eg_network_options_t *opt, eg_error_t *err)
{
    if (!opt->analytics)
        return 0;
    igraph_vector_t w;
    if (igraph_vector_init(&w, igraph_ecount(g)))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    double total = positive_weights(g, &w);
    int rc = centrality(g, opt, &w, total);
    if (rc == 0 && opt->communities != EG_COMMUNITIES_NONE)
        rc = communities(g, opt, &w, total);
    if (rc == 0)
        rc = eg_style_apply(g, opt);
    igraph_vector_destroy(&w);
    if (rc)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot analyse the graph: %s",
                            eg_igraph_last_error());
    return 0;
}
