/* eg_filter.c — node, edge and ego-network filters; see eg_filter.h.
 * Each filter marks what to keep, then one igraph deletion removes the
 * rest, so attributes follow their elements and the order stays. */
#include "eg_filter.h"

#include "eg_igraph.h"

#include "../base/eg_list.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Delete the vertices (kind 'v') or edges ('e') whose keep flag is 0. */
static int delete_unkept(igraph_t *g, char kind, const char *keep, igraph_integer_t n)
{
    igraph_vector_int_t ids;
    if (igraph_vector_int_init(&ids, 0))
        return -1;
    int rc = 0;
    for (igraph_integer_t i = 0; i < n && rc == 0; i++)
        if (!keep[i])
            rc = igraph_vector_int_push_back(&ids, i) ? -1 : 0;
    if (rc == 0 && igraph_vector_int_size(&ids) > 0) {
        if (kind == 'v')
            rc = igraph_delete_vertices(g, igraph_vss_vector(&ids)) ? -1 : 0;
        else
            rc = igraph_delete_edges(g, igraph_ess_vector(&ids)) ? -1 : 0;
    }
    igraph_vector_int_destroy(&ids);
    return rc;
}

static const igraph_t *g_sort_graph; /* for qsort; filtering is single-threaded */
static const char *g_sort_attr;

/* Larger attribute first, then smaller index (nodes: id order). */
static int by_attr_desc(const void *x, const void *y)
{
    igraph_integer_t a = *(const igraph_integer_t *)x, b = *(const igraph_integer_t *)y;
    igraph_real_t va = VAN(g_sort_graph, g_sort_attr, a), vb = VAN(g_sort_graph, g_sort_attr, b);
    if (va != vb)
        return va > vb ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Heavier weight first (NaN last), then higher count, then edge order. */
static int by_weight_desc(const void *x, const void *y)
{
    igraph_integer_t a = *(const igraph_integer_t *)x, b = *(const igraph_integer_t *)y;
    igraph_real_t wa = EAN(g_sort_graph, "weight", a), wb = EAN(g_sort_graph, "weight", b);
    if (isnan(wa) != isnan(wb))
        return isnan(wa) ? 1 : -1;
    if (!isnan(wa) && wa != wb)
        return wa > wb ? -1 : 1;
    igraph_real_t ca = EAN(g_sort_graph, "count", a), cb = EAN(g_sort_graph, "count", b);
    if (ca != cb)
        return ca > cb ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* keep[i] = 1 for the first n of the elements ranked by cmp. */
static int keep_top(const igraph_t *g, igraph_integer_t count, uint64_t n,
                    int (*cmp)(const void *, const void *), const char *attr, char *keep)
{
    igraph_integer_t *order = malloc(((size_t)count + 1) * sizeof *order);
    if (!order)
        return -1;
    for (igraph_integer_t i = 0; i < count; i++)
        order[i] = i;
    g_sort_graph = g;
    g_sort_attr = attr;
    qsort(order, (size_t)count, sizeof *order, cmp);
    for (igraph_integer_t i = 0; i < count; i++)
        keep[order[i]] = keep[order[i]] && (uint64_t)i < n;
    free(order);
    return 0;
}

static int filter_types(igraph_t *g, const char *types)
{
    igraph_integer_t nv = igraph_vcount(g);
    char *keep = malloc((size_t)nv + 1);
    if (!keep)
        return -1;
    for (igraph_integer_t v = 0; v < nv; v++)
        keep[v] = (char)eg_list_has(types, VAS(g, "type", v));
    int rc = delete_unkept(g, 'v', keep, nv);
    free(keep);
    return rc;
}

static int filter_nodes(igraph_t *g, const eg_network_options_t *opt)
{
    igraph_integer_t nv = igraph_vcount(g);
    if (!opt->min_mentions && !opt->top_nodes)
        return 0;
    char *keep = malloc((size_t)nv + 1);
    if (!keep)
        return -1;
    for (igraph_integer_t v = 0; v < nv; v++)
        keep[v] = VAN(g, "mentions", v) >= (igraph_real_t)opt->min_mentions;
    int rc = 0;
    if (opt->top_nodes)
        rc = keep_top(g, nv, opt->top_nodes, by_attr_desc, "mentions", keep);
    if (rc == 0)
        rc = delete_unkept(g, 'v', keep, nv);
    free(keep);
    return rc;
}

int eg_disparity_alpha(const igraph_t *g, const igraph_vector_t *weights,
                       igraph_vector_t *res)
{
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    igraph_vector_t strength;
    igraph_vector_int_t degree;
    if (igraph_vector_resize(res, ne) || igraph_vector_init(&strength, nv))
        return -1;
    if (igraph_vector_int_init(&degree, nv)) {
        igraph_vector_destroy(&strength);
        return -1;
    }
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        VECTOR(strength)[u] += VECTOR(*weights)[e];
        VECTOR(strength)[v] += VECTOR(*weights)[e];
        VECTOR(degree)[u]++;
        VECTOR(degree)[v]++;
    }
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t ends[2] = {IGRAPH_FROM(g, e), IGRAPH_TO(g, e)};
        double alpha = 1;
        for (int k = 0; k < 2; k++) {
            igraph_integer_t x = ends[k];
            double s = VECTOR(strength)[x];
            if (VECTOR(degree)[x] > 1 && s > 0) {
                double a = pow(1 - VECTOR(*weights)[e] / s, (double)(VECTOR(degree)[x] - 1));
                if (a < alpha)
                    alpha = a;
            }
        }
        VECTOR(*res)[e] = alpha;
    }
    igraph_vector_destroy(&strength);
    igraph_vector_int_destroy(&degree);
    return 0;
}

static int backbone_keep(igraph_t *g, double level, char *keep)
{
    igraph_integer_t ne = igraph_ecount(g);
    igraph_vector_t w, alpha;
    if (igraph_vector_init(&w, ne))
        return -1;
    if (igraph_vector_init(&alpha, ne)) {
        igraph_vector_destroy(&w);
        return -1;
    }
    for (igraph_integer_t e = 0; e < ne; e++) {
        double x = EAN(g, "weight", e);
        VECTOR(w)[e] = isnan(x) || x < 0 ? 0 : x;
    }
    int rc = eg_disparity_alpha(g, &w, &alpha);
    for (igraph_integer_t e = 0; e < ne && rc == 0; e++) {
        keep[e] = keep[e] && VECTOR(alpha)[e] < level;
        rc = SETEAN(g, "alpha", e, eg_round_sig(VECTOR(alpha)[e])) ? -1 : 0;
    }
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&alpha);
    return rc;
}

/* Edge filters, then the nodes they left without an edge. */
static int filter_edges(igraph_t *g, const eg_network_options_t *opt)
{
    if (!opt->min_count && !opt->backbone && !opt->top_edges)
        return 0;
    igraph_integer_t ne = igraph_ecount(g), nv = igraph_vcount(g);
    char *keep = malloc((size_t)ne + 1), *had = calloc((size_t)nv + 1, 1);
    int rc = keep && had ? 0 : -1;
    for (igraph_integer_t e = 0; e < ne && rc == 0; e++) {
        keep[e] = EAN(g, "count", e) >= (igraph_real_t)opt->min_count;
        had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 1;
    }
    if (rc == 0 && opt->backbone)
        rc = backbone_keep(g, opt->backbone, keep);
    if (rc == 0 && (rc = delete_unkept(g, 'e', keep, ne)) == 0 && opt->top_edges) {
        ne = igraph_ecount(g);
        memset(keep, 1, (size_t)ne);
        rc = keep_top(g, ne, opt->top_edges, by_weight_desc, NULL, keep);
        if (rc == 0)
            rc = delete_unkept(g, 'e', keep, ne);
    }
    if (rc == 0) {
        /* had[v] becomes "keep v": no edge before, or still one now */
        for (igraph_integer_t v = 0; v < nv; v++)
            had[v] = !had[v];
        for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
            had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 1;
        rc = delete_unkept(g, 'v', had, nv);
    }
    free(keep);
    free(had);
    return rc;
}

/* The entity id that name stands for: an id, a label, an alias; exact
 * first, then ignoring ASCII case. NULL when none. */
static const char *resolve_focus(const eg_dict_t *d, const char *name)
{
    for (int fold = 0; fold < 2; fold++) {
        int (*eq)(const char *, const char *) = fold ? strcasecmp : strcmp;
        for (size_t i = 0; i < d->nentities; i++)
            if (eq(d->entities[i].id, name) == 0)
                return d->entities[i].id;
        for (size_t i = 0; i < d->nentities; i++)
            if (eq(d->entities[i].label, name) == 0)
                return d->entities[i].id;
        for (size_t i = 0; i < d->naliases; i++)
            if (eq(d->aliases[i].text, name) == 0)
                return d->entities[d->aliases[i].entity].id;
    }
    return NULL;
}

static int filter_focus(igraph_t *g, const eg_dict_t *d, const eg_network_options_t *opt,
                        eg_error_t *err)
{
    const char *id = resolve_focus(d, opt->focus);
    if (!id)
        return eg_error_set(err, EG_ERR_USAGE, NULL, 0,
                            "--focus '%s': no entity has this id, label or alias",
                            opt->focus);
    igraph_integer_t nv = igraph_vcount(g), center = -1;
    for (igraph_integer_t v = 0; v < nv && center < 0; v++)
        if (strcmp(VAS(g, "id", v), id) == 0)
            center = v;
    if (center < 0)
        return eg_error_set(err, EG_ERR_USAGE, NULL, 0,
                            "--focus '%s': %s is not in the graph (never mentioned, or "
                            "removed by a filter)",
                            opt->focus, id);
    igraph_vector_int_list_t hood;
    char *keep = calloc((size_t)nv + 1, 1);
    if (!keep || igraph_vector_int_list_init(&hood, 0)) {
        free(keep);
        return -1;
    }
    int rc = igraph_neighborhood(g, &hood, igraph_vss_1(center),
                                 (igraph_integer_t)opt->depth, IGRAPH_ALL, 0)
                 ? -1 : 0;
    if (rc == 0) {
        igraph_vector_int_t *near = igraph_vector_int_list_get_ptr(&hood, 0);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(near); i++)
            keep[VECTOR(*near)[i]] = 1;
        rc = delete_unkept(g, 'v', keep, nv);
    }
    igraph_vector_int_list_destroy(&hood);
    free(keep);
    return rc;
}

int eg_filter_apply(igraph_t *g, const eg_dict_t *dict, const eg_network_options_t *opt,
                    eg_error_t *err)
{
    int rc = opt->types ? filter_types(g, opt->types) : 0;
    if (rc == 0)
        rc = filter_nodes(g, opt);
    if (rc == 0)
        rc = filter_edges(g, opt);
    if (rc == 0 && opt->focus) {
        rc = filter_focus(g, dict, opt, err);
        if (rc < 0 && rc != -1)
            return rc; /* a usage error, already described */
    }
    if (rc)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot filter the graph: %s",
                            eg_igraph_last_error());
    return 0;
}
