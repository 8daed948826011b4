/* eg_network.c — turning counts into an igraph graph. Every exporter
 * reads this graph, so every format carries the same facts. */
#include "eg_network.h"

#include "../base/eg_buf.h"
#include "eg_analytics.h"
#include "eg_columns.h"
#include "eg_filter.h"

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int eg_evidence_read(const char **pos, eg_evidence_item_t *item)
{
    const char *p = *pos;
    if (!p || !*p)
        return 0;
    const char *end = strchr(p, EG_EVIDENCE_SEP);
    if (!end)
        end = p + strlen(p);
    const char *field[6];
    size_t len[6], n = 0;
    for (const char *f = p; n < 6 && f; n++) { /* the last field runs to the end */
        const char *sep = n < 5 ? memchr(f, EG_EVIDENCE_DOC_SEP, (size_t)(end - f)) : NULL;
        field[n] = f;
        len[n] = (size_t)((sep ? sep : end) - f);
        f = sep ? sep + 1 : NULL;
    }
    memset(item, 0, sizeof *item);
    item->doc = field[0], item->doc_len = n > 1 ? len[0] : 0;
    item->text = field[n - 1], item->text_len = len[n - 1];
    if ((item->located = n == 6)) {
        if (len[1] == 10)
            memcpy(item->date, field[1], 10);
        item->sentence = strtoul(field[2], NULL, 10);
        item->start = strtoul(field[3], NULL, 10);
        item->end = strtoul(field[4], NULL, 10);
    }
    *pos = *end ? end + 1 : end;
    return 1;
}

int eg_evidence_next(const char **pos, const char **doc, size_t *doc_len,
                     const char **text, size_t *text_len)
{
    eg_evidence_item_t item;
    if (!eg_evidence_read(pos, &item))
        return 0;
    *doc = item.doc, *doc_len = item.doc_len;
    *text = item.text, *text_len = item.text_len;
    return 1;
}

int eg_timeline_next(const char **pos, const char **period, size_t *period_len,
                     double *count)
{
    const char *p = *pos;
    if (!p || !*p)
        return 0;
    const char *colon = strchr(p, ':');
    if (!colon)
        return 0;
    *period = p;
    *period_len = (size_t)(colon - p);
    char *end;
    *count = strtod(colon + 1, &end);
    *pos = *end == ' ' ? end + 1 : end;
    return 1;
}

/* The timeline of (a, b) (b = EG_TIMELINE_NODE: entity a's) from the
 * sorted entries, into out as eg_network.h says. */
static int encode_timeline(const eg_timeline_entry_t *sorted, size_t n, eg_period_t kind,
                           uint32_t a, uint32_t b, eg_buf_t *out)
{
    eg_buf_clear(out);
    size_t first, k = eg_timeline_find(sorted, n, a, b, &first);
    if (eg_buf_append(out, "", 0))
        return -1;
    for (size_t i = first; i < first + k; i++) {
        char label[EG_PERIOD_LABEL_MAX], item[EG_PERIOD_LABEL_MAX + 24];
        eg_period_label(kind, sorted[i].period, label);
        int len = snprintf(item, sizeof item, "%s%s:%llu", i > first ? " " : "", label,
                           (unsigned long long)sorted[i].count);
        if (eg_buf_append(out, item, (size_t)len))
            return -1;
    }
    return 0;
}

/* The docs attribute of every vertex (eg_network.h). */
static int set_node_docs(igraph_t *g, const eg_cooc_t *c, const uint32_t *order)
{
    eg_buf_t buf = EG_BUF_INIT;
    int rc = 0;
    for (igraph_integer_t v = 0; rc == 0 && v < igraph_vcount(g); v++) {
        size_t n;
        const eg_node_doc_t *docs = eg_nodedocs_of(&c->node_docs, order[v], &n);
        eg_buf_clear(&buf);
        rc = eg_buf_append(&buf, "", 0);
        for (size_t i = 0; rc == 0 && i < n; i++) {
            char num[32];
            int len = snprintf(num, sizeof num, "%c%llu", EG_EVIDENCE_DOC_SEP,
                               (unsigned long long)docs[i].mentions);
            rc = (i && eg_buf_append_byte(&buf, EG_EVIDENCE_SEP)) ||
                 eg_buf_append_str(&buf, docs[i].doc) || eg_buf_append(&buf, num, (size_t)len);
        }
        if (rc == 0 && SETVAS(g, "docs", v, buf.data))
            rc = -1;
    }
    eg_buf_free(&buf);
    return rc ? -1 : 0;
}

/* The timeline attributes of every vertex and edge. */
static int set_timelines(igraph_t *g, const eg_cooc_t *c, const uint32_t *order,
                         eg_measure_t weight)
{
    size_t n;
    eg_timeline_entry_t *sorted = eg_timeline_sorted(&c->timeline, &n);
    eg_buf_t buf = EG_BUF_INIT;
    int rc = sorted && SETGAS(g, "period", eg_period_name(c->opt.period)) == 0 &&
                     SETGAS(g, "measure", eg_measure_name(weight)) == 0
                 ? 0 : -1;
    for (igraph_integer_t v = 0; rc == 0 && v < igraph_vcount(g); v++)
        if (encode_timeline(sorted, n, c->opt.period, order[v], EG_TIMELINE_NODE, &buf) ||
            SETVAS(g, "timeline", v, buf.data))
            rc = -1;
    for (igraph_integer_t e = 0; rc == 0 && e < igraph_ecount(g); e++) {
        uint32_t a = order[IGRAPH_FROM(g, e)], b = order[IGRAPH_TO(g, e)];
        if (encode_timeline(sorted, n, c->opt.period, a < b ? a : b, a < b ? b : a, &buf) ||
            SETEAS(g, "timeline", e, buf.data))
            rc = -1;
    }
    free(sorted);
    eg_buf_free(&buf);
    return rc;
}

static int has_dates(const eg_cooc_t *c)
{
    for (size_t i = 0; i < c->nentities; i++)
        if (c->first[i] != EG_NO_DATE)
            return 1;
    return 0;
}

static int set_date(igraph_t *g, int vertex, igraph_integer_t i, const char *name,
                    eg_date_t d)
{
    char buf[11] = "";
    if (d != EG_NO_DATE)
        eg_date_format(d, buf);
    return vertex ? SETVAS(g, name, i, buf) : SETEAS(g, name, i, buf);
}

static int encode_evidence(const eg_cooc_t *c, const eg_pair_t *p, eg_buf_t *out)
{
    eg_buf_clear(out);
    if (eg_buf_append(out, "", 0))
        return -1;
    int first = 1;
    for (const eg_evidence_t *e = eg_cooc_evidence(c, p->evidence); e;
         e = eg_cooc_evidence(c, e->next)) {
        char date[11] = "", meta[80];
        if (e->date != EG_NO_DATE)
            eg_date_format(e->date, date);
        int n = snprintf(meta, sizeof meta, "%c%s%c%u%c%u%c%u%c", EG_EVIDENCE_DOC_SEP, date,
                         EG_EVIDENCE_DOC_SEP, e->sentence, EG_EVIDENCE_DOC_SEP, e->start,
                         EG_EVIDENCE_DOC_SEP, e->end, EG_EVIDENCE_DOC_SEP);
        if ((!first && eg_buf_append_byte(out, EG_EVIDENCE_SEP)) ||
            eg_buf_append_str(out, e->doc) || eg_buf_append(out, meta, (size_t)n) ||
            eg_buf_append_str(out, e->text))
            return -1;
        first = 0;
    }
    return 0;
}

static const eg_dict_t *g_sort_dict; /* for qsort; build is single-threaded */

static int compare_by_id(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return strcmp(g_sort_dict->entities[a].id, g_sort_dict->entities[b].id);
}

typedef struct edge {
    igraph_integer_t u, v;
    const eg_pair_t *pair;
} edge_t;

static int compare_edges(const void *x, const void *y)
{
    const edge_t *p = x, *q = y;
    if (p->u != q->u)
        return p->u < q->u ? -1 : 1;
    return p->v < q->v ? -1 : p->v > q->v;
}

typedef struct alias_ref {
    uint32_t vertex, alias;
} alias_ref_t;

static int compare_alias_refs(const void *x, const void *y)
{
    const alias_ref_t *p = x, *q = y;
    if (p->vertex != q->vertex)
        return p->vertex < q->vertex ? -1 : 1;
    return p->alias < q->alias ? -1 : p->alias > q->alias;
}

/* The "aliases" of every vertex: its dictionary surface forms other than
 * the label, '|'-joined in dictionary order without repeats ("" for
 * none), for finding an entity by another name (the HTML page's search,
 * Gephi's). One pass over the aliases, grouped by vertex: out gets the
 * NUL-terminated strings one after another, off[v] where vertex v's
 * starts. Returns 0 or -1 (out of memory). */
static int join_aliases(const eg_dict_t *d, const uint32_t *order, const long *vertex_of,
                        size_t nv, eg_buf_t *out, size_t *off)
{
    alias_ref_t *refs = malloc((d->naliases + 1) * sizeof *refs);
    if (!refs)
        return -1;
    size_t n = 0, k = 0;
    for (size_t i = 0; i < d->naliases; i++)
        if (vertex_of[d->aliases[i].entity] >= 0)
            refs[n++] = (alias_ref_t){(uint32_t)vertex_of[d->aliases[i].entity], (uint32_t)i};
    qsort(refs, n, sizeof *refs, compare_alias_refs);
    int rc = 0;
    for (size_t v = 0; v < nv && rc == 0; v++) {
        const char *label = d->entities[order[v]].label;
        size_t first = k;
        off[v] = out->len;
        for (; k < n && refs[k].vertex == v && rc == 0; k++) {
            const char *text = d->aliases[refs[k].alias].text;
            int seen = strcmp(text, label) == 0;
            for (size_t j = first; j < k && !seen; j++)
                seen = strcmp(d->aliases[refs[j].alias].text, text) == 0;
            if (!seen && out->len > off[v] && eg_buf_append_byte(out, '|'))
                rc = -1;
            if (!seen && rc == 0 && eg_buf_append_str(out, text))
                rc = -1;
        }
        if (rc == 0 && eg_buf_append(out, "", 1))
            rc = -1;
    }
    free(refs);
    return rc;
}

/* EG_COLUMNS_DOUBLE_ATTR: the double columns, for the writers. */
static int mark_double_columns(igraph_t *g, const eg_columns_t *cols)
{
    eg_buf_t names = EG_BUF_INIT;
    int rc = 0;
    for (size_t k = 0; k < cols->n && rc == 0; k++)
        if (cols->items[k].type == EG_COLUMN_DOUBLE)
            rc = eg_buf_append(&names, cols->items[k].name, strlen(cols->items[k].name)) ||
                 eg_buf_append_byte(&names, '\n');
    if (rc == 0 && names.len)
        rc = eg_buf_append_byte(&names, '\0') || SETGAS(g, EG_COLUMNS_DOUBLE_ATTR, names.data);
    eg_buf_free(&names);
    return rc ? -1 : 0;
}

/* The dictionary's columns (eg_columns.h): numbers as numeric
 * attributes (NaN: no value), the rest as strings ("" : no value). */
static int set_columns(igraph_t *g, const eg_dict_t *d, const eg_columns_t *cols,
                       const uint32_t *order, size_t nv)
{
    for (size_t k = 0; k < cols->n; k++) {
        const eg_column_t *col = &cols->items[k];
        for (size_t i = 0; i < nv; i++) {
            const char *val = eg_columns_value(col, &d->entities[order[i]]);
            igraph_integer_t v = (igraph_integer_t)i;
            double x = NAN;
            int whole;
            if (col->type != EG_COLUMN_STRING && val && eg_column_number(val, &x, &whole))
                x = NAN; /* cannot happen: the plan checked every value */
            if (col->type == EG_COLUMN_STRING ? SETVAS(g, col->name, v, val ? val : "")
                                              : SETVAN(g, col->name, v, x))
                return -1;
        }
    }
    return mark_double_columns(g, cols);
}

static int set_vertex_attributes(igraph_t *g, const eg_dict_t *d, const eg_columns_t *cols,
                                 const eg_cooc_t *c, const uint32_t *order,
                                 const long *vertex_of, size_t nv)
{
    int dated = has_dates(c); /* once: it looks at every entity */
    eg_buf_t aliases = EG_BUF_INIT;
    size_t *off = malloc((nv + 1) * sizeof *off);
    if (!off || join_aliases(d, order, vertex_of, nv, &aliases, off)) {
        free(off);
        eg_buf_free(&aliases);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < nv && rc == 0; i++) {
        const eg_entity_t *e = &d->entities[order[i]];
        igraph_integer_t v = (igraph_integer_t)i;
        if (SETVAS(g, "id", v, e->id) || SETVAS(g, "label", v, e->label) ||
            SETVAS(g, "type", v, e->type) ||
            SETVAS(g, "source", v, e->found ? "discovered" : "dictionary") ||
            SETVAN(g, "mentions", v, (igraph_real_t)c->mentions[order[i]]) ||
            SETVAN(g, "documents", v, (igraph_real_t)c->documents[order[i]]) ||
            SETVAS(g, "aliases", v, aliases.data + off[i]))
            rc = -1;
    }
    free(off);
    eg_buf_free(&aliases);
    if (rc || set_columns(g, d, cols, order, nv))
        return -1;
    for (size_t i = 0; i < nv; i++) {
        igraph_integer_t v = (igraph_integer_t)i;
        if (dated && (set_date(g, 1, v, "first", c->first[order[i]]) ||
                      set_date(g, 1, v, "last", c->last[order[i]])))
            return -1;
    }
    return 0;
}

/* count, documents, the measures and weight of one edge. */
static int set_edge_counts(igraph_t *g, igraph_integer_t e, const eg_cooc_t *c,
                           const eg_pair_t *p, eg_measure_t weight)
{
    double m[EG_MEASURE_N];
    eg_measures_compute(p->count, c->windows[p->a], c->windows[p->b],
                        c->windows_with_entities, m);
    if (SETEAN(g, "count", e, (igraph_real_t)p->count) ||
        SETEAN(g, "documents", e, (igraph_real_t)p->documents) ||
        SETEAN(g, "weight", e, eg_round_sig(m[weight])))
        return -1;
    for (int k = EG_MEASURE_COUNT + 1; k < EG_MEASURE_N; k++)
        if (SETEAN(g, eg_measure_name((eg_measure_t)k), e, eg_round_sig(m[k])))
            return -1;
    return 0;
}

static int add_edges(igraph_t *g, const eg_cooc_t *c, const eg_pair_t *pairs,
                     size_t np, const long *vertex_of, eg_measure_t weight)
{
    edge_t *edges = malloc((np + 1) * sizeof *edges);
    if (!edges)
        return -1;
    size_t ne = 0;
    for (size_t i = 0; i < np; i++) {
        long u = vertex_of[pairs[i].a], v = vertex_of[pairs[i].b];
        edges[ne].u = u < v ? u : v;
        edges[ne].v = u < v ? v : u;
        edges[ne].pair = &pairs[i];
        ne++;
    }
    qsort(edges, ne, sizeof *edges, compare_edges);
    igraph_vector_int_t ev;
    int rc = -1;
    if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * ne)) == IGRAPH_SUCCESS) {
        for (size_t i = 0; i < ne; i++) {
            VECTOR(ev)[2 * i] = edges[i].u;
            VECTOR(ev)[2 * i + 1] = edges[i].v;
        }
        rc = igraph_add_edges(g, &ev, NULL) == IGRAPH_SUCCESS ? 0 : -1;
        igraph_vector_int_destroy(&ev);
    }
    int dated = has_dates(c);
    eg_buf_t evidence = EG_BUF_INIT;
    for (size_t i = 0; rc == 0 && i < ne; i++) {
        const eg_pair_t *p = edges[i].pair;
        igraph_integer_t e = (igraph_integer_t)i;
        if (set_edge_counts(g, e, c, p, weight))
            rc = -1;
        if (rc == 0 && dated &&
            (set_date(g, 0, e, "first", p->first) || set_date(g, 0, e, "last", p->last)))
            rc = -1;
        if (rc == 0 && c->opt.evidence &&
            (encode_evidence(c, p, &evidence) || SETEAS(g, "evidence", e, evidence.data)))
            rc = -1;
    }
    eg_buf_free(&evidence);
    free(edges);
    return rc;
}

/* A dictionary column with the name of an attribute the counts add
 * (docs, timeline) would be overwritten: refused instead. (The
 * dictionary refuses the names every graph has, eg_dict.h.) */
static int check_columns(const eg_dict_t *d, const eg_cooc_t *c, eg_error_t *err)
{
    for (size_t k = 0; k < d->nattrs; k++) {
        const char *name = d->attr_names[k];
        const char *option = c->opt.node_docs && strcmp(name, "docs") == 0  ? "--node-docs"
                             : c->opt.period && strcmp(name, "timeline") == 0 ? "--period"
                                                                                : NULL;
        if (option)
            return eg_error_set(err, EG_ERR_DATA, NULL, 0,
                                "the dictionary has a column '%s', the attribute %s adds: "
                                "rename the column", name, option);
    }
    return 0;
}

static int build_graph(igraph_t *g, const eg_dict_t *d, const eg_columns_t *cols,
                       const eg_cooc_t *c, const eg_network_options_t *opt, eg_error_t *err)
{
    int bad = check_columns(d, c, err);
    if (bad)
        return bad;
    size_t ne = d->nentities;
    uint32_t *order = malloc((ne + 1) * sizeof *order);
    long *vertex_of = malloc((ne + 1) * sizeof *vertex_of);
    size_t np = 0;
    eg_pair_t *pairs = eg_cooc_sorted_pairs(c, &np);
    if (!order || !vertex_of || !pairs) {
        free(order);
        free(vertex_of);
        free(pairs);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    size_t nv = 0;
    for (size_t i = 0; i < ne; i++) {
        vertex_of[i] = -1;
        if (c->mentions[i])
            order[nv++] = (uint32_t)i;
    }
    g_sort_dict = d;
    qsort(order, nv, sizeof *order, compare_by_id);
    for (size_t i = 0; i < nv; i++)
        vertex_of[order[i]] = (long)i;

    int rc = igraph_empty(g, (igraph_integer_t)nv, IGRAPH_UNDIRECTED) == IGRAPH_SUCCESS ? 0 : -1;
    char wname[EG_WINDOW_NAME_MAX];
    if (rc == 0) {
        if (SETGAS(g, "window", eg_window_name(opt->window, wname, sizeof wname)) ||
            SETGAN(g, "documents", (igraph_real_t)c->ndocuments) ||
            SETGAN(g, "windows", (igraph_real_t)c->windows_with_entities) ||
            set_vertex_attributes(g, d, cols, c, order, vertex_of, nv) ||
            add_edges(g, c, pairs, np, vertex_of, opt->measure) ||
            (c->opt.period && set_timelines(g, c, order, opt->measure)) ||
            (c->opt.node_docs && set_node_docs(g, c, order))) {
            igraph_destroy(g);
            rc = -1;
        }
    }
    free(order);
    free(vertex_of);
    free(pairs);
    if (rc)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot build the graph: %s",
                            eg_igraph_last_error());
    if ((rc = eg_filter_apply(g, d, opt, err)) != 0 ||
        (rc = eg_analytics_apply(g, opt, err)) != 0) {
        igraph_destroy(g);
        return rc;
    }
    return 0;
}

int eg_network_build(igraph_t *g, const eg_dict_t *d, const eg_cooc_t *c,
                     const eg_network_options_t *opt, eg_error_t *err)
{
    eg_columns_t cols;
    int rc = eg_columns_plan(&cols, d, err);
    if (rc == 0)
        rc = build_graph(g, d, &cols, c, opt, err);
    eg_columns_free(&cols);
    return rc;
}
