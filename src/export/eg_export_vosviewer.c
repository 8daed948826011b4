/* eg_export_vosviewer.c — the graph as a VOSviewer JSON file
 * (--json-style vosviewer), the map-and-network format that VOSviewer
 * Online (app.vosviewer.com) and VOSviewer 1.6.17+ open, so that
 * bibliometrics users can look at entgraph's networks in the tool they
 * already use.
 *
 * The format, after VOSviewer Online's documentation ("VOSviewer JSON
 * files", app.vosviewer.com/docs/file-types/json-file-type/) and its
 * sample files:
 *   {"network": {"items": [{"id", "label", "description", "url", "x",
 *     "y", "cluster", "weights": {...}, "scores": {...}}],
 *    "links": [{"source_id", "target_id", "strength"}],
 *    "clusters": [{"cluster", "label"}]},
 *   "config": {"terminology": {"item", "items", "link", "links"}}}
 * An id is a string or an integer (here the entity id); a cluster an
 * integer from 1 to 1000; weights are non-negative numbers, scores any
 * numbers; a link's strength is non-negative; a description may hold
 * HTML (VOSviewer shows it as such), so every text put in it is escaped.
 *
 * What goes where: cluster = community + 1 (communities past 1000, and
 * every node with --communities none, have none); weights Links (degree),
 * Total link strength (the sum of the node's link strengths), Mentions
 * and Documents; scores PageRank and Betweenness when computed; strength
 * = the edge weight (--measure), a negative pmi or npmi taken as 0 as for
 * PageRank; url = the Wikidata page when the entity has a `wikidata` id;
 * a cluster's label is the label of its most mentioned entity; the
 * terminology (VOSviewer's keys item, items, link, links) names entities
 * and co-occurrence links. Same graph, same bytes. */
#include "eg_export.h"

#include "../base/eg_buf.h"
#include "../graph/eg_measures.h"
#include "eg_export_attrs.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define VOS_MAX_CLUSTER 1000

/* The vertex attributes used, by kind: a dictionary column may be
 * missing, or numbers where text is wanted (eg_columns.h). */
typedef struct vos {
    const igraph_t *g;
    eg_attr_list_t ga, va, ea;
    eg_buf_t buf;
} vos_t;

/* 1 when vertex attribute name exists with the given igraph type. */
static int has_typed(const vos_t *x, const char *name, igraph_integer_t type)
{
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&x->va.names); k++)
        if (strcmp(igraph_strvector_get(&x->va.names, k), name) == 0)
            return VECTOR(x->va.types)[k] == type;
    return 0;
}

static int has(const vos_t *x, const char *name)
{
    return has_typed(x, name, IGRAPH_ATTRIBUTE_NUMERIC);
}

static const char *text(const vos_t *x, const char *name, igraph_integer_t v)
{
    return has_typed(x, name, IGRAPH_ATTRIBUTE_STRING) ? eg_attr_str(x->g, 'v', name, v) : "";
}

/* A JSON number: whole values as integers, like the other JSON styles. */
static json_t *num(double v)
{
    return v == floor(v) && fabs(v) < 9.0e15 ? json_integer((json_int_t)v) : json_real(v);
}

static double strength_of(const igraph_t *g, igraph_integer_t e)
{
    double w = EAN(g, "weight", e);
    return isnan(w) || w < 0 ? 0 : w;
}

/* cluster number (1..1000) of vertex v, or 0 for none */
static int cluster_of(const vos_t *x, igraph_integer_t v)
{
    double c = has(x, "community") ? VAN(x->g, "community", v) : NAN;
    return !isnan(c) && c >= 0 && c < VOS_MAX_CLUSTER ? (int)c + 1 : 0;
}

static int put_escaped(eg_buf_t *b, const char *s)
{
    for (; *s; s++) {
        const char *r = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
                      : *s == '"' ? "&quot;" : *s == '\'' ? "&#39;" : NULL;
        if (r ? eg_buf_append_str(b, r) : eg_buf_append_byte(b, *s))
            return -1;
    }
    return 0;
}

/* "<b>Label</b> (type)<br>description" with every text escaped. */
static json_t *description(vos_t *x, igraph_integer_t v)
{
    const igraph_t *g = x->g;
    const char *desc = text(x, "description", v);
    eg_buf_t *b = &x->buf;
    eg_buf_clear(b);
    if (eg_buf_append_str(b, "<b>") || put_escaped(b, VAS(g, "label", v)) ||
        eg_buf_append_str(b, "</b> (") || put_escaped(b, VAS(g, "type", v)) ||
        eg_buf_append_str(b, ")") || (*desc && eg_buf_append_str(b, "<br>")) ||
        put_escaped(b, desc) || eg_buf_append(b, "", 0))
        return NULL;
    return json_string(b->data);
}

/* The Wikidata page of a `wikidata` attribute "Q123", else NULL. */
static json_t *wikidata_url(const vos_t *x, igraph_integer_t v)
{
    const char *q = text(x, "wikidata", v);
    if (q[0] != 'Q' || !q[1] || strspn(q + 1, "0123456789") != strlen(q + 1))
        return NULL;
    return json_pack("s++", "https://www.wikidata.org/wiki/", q, "");
}

static json_t *item(vos_t *x, igraph_integer_t v, double total)
{
    const igraph_t *g = x->g;
    json_t *it = json_pack("{s:s, s:s}", "id", VAS(g, "id", v), "label", VAS(g, "label", v));
    json_t *weights = json_object(), *scores = json_object();
    int failed = !it || !weights || !scores ||
                 json_object_set_new(it, "description", description(x, v));
    json_t *url = wikidata_url(x, v);
    if (url)
        failed |= json_object_set_new(it, "url", url);
    if (has(x, "x") && has(x, "y") && !isnan(VAN(g, "x", v)))
        failed |= json_object_set_new(it, "x", num(VAN(g, "x", v))) ||
                  json_object_set_new(it, "y", num(VAN(g, "y", v)));
    if (cluster_of(x, v))
        failed |= json_object_set_new(it, "cluster", json_integer(cluster_of(x, v)));
    if (has(x, "degree"))
        failed |= json_object_set_new(weights, "Links", num(VAN(g, "degree", v)));
    failed |= json_object_set_new(weights, "Total link strength", num(eg_round_sig(total))) ||
              json_object_set_new(weights, "Mentions", num(VAN(g, "mentions", v))) ||
              json_object_set_new(weights, "Documents", num(VAN(g, "documents", v)));
    if (has(x, "pagerank"))
        failed |= json_object_set_new(scores, "PageRank", num(VAN(g, "pagerank", v)));
    if (has(x, "betweenness"))
        failed |= json_object_set_new(scores, "Betweenness", num(VAN(g, "betweenness", v)));
    failed |= json_object_set_new(it, "weights", weights) ||
              json_object_set_new(it, "scores", scores);
    if (failed) {
        json_decref(it);
        return NULL;
    }
    return it;
}

/* One cluster object per cluster number in use, labelled by its most
 * mentioned entity (ties: the first in id order). */
static json_t *clusters(const vos_t *x)
{
    const igraph_t *g = x->g;
    igraph_integer_t top[VOS_MAX_CLUSTER + 1];
    for (int c = 0; c <= VOS_MAX_CLUSTER; c++)
        top[c] = -1;
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        int c = cluster_of(x, v);
        if (c && (top[c] < 0 || VAN(g, "mentions", v) > VAN(g, "mentions", top[c])))
            top[c] = v;
    }
    json_t *list = json_array();
    for (int c = 1; list && c <= VOS_MAX_CLUSTER; c++)
        if (top[c] >= 0 &&
            json_array_append_new(list, json_pack("{s:i, s:s}", "cluster", c, "label",
                                                  VAS(g, "label", top[c])))) {
            json_decref(list);
            return NULL;
        }
    return list;
}

static json_t *build(vos_t *x)
{
    const igraph_t *g = x->g;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    double *total = calloc((size_t)nv + 1, sizeof *total);
    json_t *items = json_array(), *links = json_array();
    json_t *root = json_pack("{s:{s:o, s:o, s:o*}, s:{s:{s:s, s:s, s:s, s:s}}}", "network",
                             "items", items, "links", links, "clusters", clusters(x),
                             "config", "terminology", "item", "entity", "items", "entities",
                             "link", "co-occurrence link", "links", "co-occurrence links");
    int failed = !total || !root;
    for (igraph_integer_t e = 0; e < ne && !failed; e++) {
        igraph_integer_t u, v;
        eg_edge_ends(g, e, &u, &v);
        double s = strength_of(g, e);
        total[u] += s;
        total[v] += s;
        failed = json_array_append_new(
            links, json_pack("{s:s, s:s, s:o}", "source_id", VAS(g, "id", u), "target_id",
                             VAS(g, "id", v), "strength", num(s)));
    }
    for (igraph_integer_t v = 0; v < nv && !failed; v++)
        failed = json_array_append_new(items, item(x, v, total[v]));
    free(total);
    if (failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int eg_export_vosviewer(const igraph_t *g, FILE *out, eg_error_t *err)
{
    vos_t x = {.g = g, .buf = EG_BUF_INIT};
    if (eg_attr_lists_init(g, &x.ga, &x.va, &x.ea))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot list graph attributes");
    json_t *doc = build(&x);
    eg_attr_lists_destroy(&x.ga, &x.va, &x.ea);
    eg_buf_free(&x.buf);
    if (!doc)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory building JSON");
    int rc = 0;
    if (json_dumpf(doc, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) ||
        fputc('\n', out) == EOF)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write JSON");
    json_decref(doc);
    return rc;
}
