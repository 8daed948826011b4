/* eg_export_gexf.c — GEXF, Gephi's own format, with libxml2's xmlwriter.
 *
 * GEXF says what GraphML leaves to conventions: the label is an XML
 * attribute of the node, the weight one of the edge, position, size and
 * colour are viz: elements, and attributes are declared with a type, so
 * Gephi opens the file laid out, sized and coloured with typed columns.
 * Version 1.3 (namespace http://gexf.net/1.3) validates against the
 * official RelaxNG schema (tests/schemas/gexf-1.3); 1.2draft differs in
 * namespaces and version only, for readers that predate 1.3 (networkx
 * 2.8's read_gexf).
 *
 * Time: when nodes carry first/last dates the graph is dynamic
 * (timeformat "date") and each node and edge gets one spell
 * [first, last], so Gephi's timeline shows entities and links appear and
 * fade. first/last stay plain attributes as well. With a period (the
 * timeline attribute, eg_network.h), the spells are the runs of
 * consecutive periods in which the element has a count, and dynamic
 * attributes give the counts per period, each attvalue with the first
 * and last day of its period: period_mentions (nodes), period_count
 * (edges) and, when the weight is the count, weight (the reserved title
 * Gephi's timeline sizes edges by). The attributes of a class are then
 * one block of mode "dynamic": the totals and the other attributes have
 * attvalues without start and end, which hold for all time (one block,
 * since graphology-gexf reads only the last block of a class).
 *
 * Attribute ids are the attribute names; NaN values are left out. No
 * xsi:schemaLocation: the official RelaxNG schema refuses it. */
#include "eg_export.h"

#include "../graph/eg_network.h"
#include "eg_export_attrs.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

typedef struct gexf {
    const igraph_t *g;
    xmlTextWriterPtr w;
    eg_attr_list_t ga, va, ea;
    eg_buf_t scratch;
    int dated;
    eg_period_t period;   /* EG_PERIOD_NONE: no timeline */
    int weight_is_count;  /* the dynamic weight is the period's count */
} gexf_t;

/* Written as XML attributes, viz: elements, spells or dynamic
 * attvalues, not static attvalues. */
static int is_builtin(char kind, const char *name)
{
    static const char *const node_names[] = {"id", "label", "x", "y", "size", "r", "g", "b"};
    if (strcmp(name, "timeline") == 0)
        return 1;
    if (kind == 'e')
        return strcmp(name, "weight") == 0;
    for (size_t i = 0; i < sizeof node_names / sizeof *node_names; i++)
        if (strcmp(name, node_names[i]) == 0)
            return 1;
    return 0;
}

static int wattr(xmlTextWriterPtr w, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value) < 0 ? -1 : 0;
}

static int wnum(xmlTextWriterPtr w, const char *name, double v)
{
    char num[64];
    eg_format_number(num, sizeof num, v);
    return wattr(w, name, num);
}

static int start(xmlTextWriterPtr w, const char *element)
{
    return xmlTextWriterStartElement(w, BAD_CAST element) < 0 ? -1 : 0;
}

static int end(xmlTextWriterPtr w)
{
    return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* The attributes only a graph with a period has. */
static int declare_dynamic(gexf_t *x, char kind)
{
    const char *name = kind == 'v' ? "period_mentions" : "period_count";
    if (start(x->w, "attribute") || wattr(x->w, "id", name) || wattr(x->w, "title", name) ||
        wattr(x->w, "type", "long") || end(x->w))
        return -1;
    if (kind == 'e' && x->weight_is_count &&
        (start(x->w, "attribute") || wattr(x->w, "id", "weight") ||
         wattr(x->w, "title", "weight") || wattr(x->w, "type", "double") || end(x->w)))
        return -1;
    return 0;
}

static int declare(gexf_t *x, const eg_attr_list_t *l, char kind, igraph_integer_t count)
{
    if (start(x->w, "attributes") || wattr(x->w, "class", kind == 'v' ? "node" : "edge") ||
        wattr(x->w, "mode", x->period ? "dynamic" : "static"))
        return -1;
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&l->names); k++) {
        const char *name = igraph_strvector_get(&l->names, k);
        igraph_integer_t type = VECTOR(l->types)[k];
        const char *t = type == IGRAPH_ATTRIBUTE_STRING    ? "string"
                      : type == IGRAPH_ATTRIBUTE_BOOLEAN   ? "boolean"
                      : type != IGRAPH_ATTRIBUTE_NUMERIC   ? NULL
                      : eg_attr_is_whole(x->g, kind, name, count) ? "long"
                                                                   : "double";
        if (!t || is_builtin(kind, name))
            continue;
        if (start(x->w, "attribute") || wattr(x->w, "id", name) || wattr(x->w, "title", name) ||
            wattr(x->w, "type", t) || end(x->w))
            return -1;
    }
    return x->period && declare_dynamic(x, kind) ? -1 : end(x->w);
}

/* The first and last day of the period named p[0..len). */
static int period_days(const gexf_t *x, const char *p, size_t len, char first[11],
                       char last[11], int32_t *n)
{
    char label[EG_PERIOD_LABEL_MAX];
    eg_date_t f, l;
    snprintf(label, sizeof label, "%.*s", (int)len, p);
    if (eg_period_parse_label(x->period, label, n))
        return -1;
    eg_period_days(x->period, *n, &f, &l);
    eg_date_format(f, first);
    eg_date_format(l, last);
    return 0;
}

static int dynamic_value(gexf_t *x, const char *name, const char *value, const char *first,
                         const char *last)
{
    return start(x->w, "attvalue") || wattr(x->w, "for", name) ||
                   wattr(x->w, "value", value) || wattr(x->w, "start", first) ||
                   wattr(x->w, "end", last) || end(x->w)
               ? -1 : 0;
}

/* The element's count per period, as dynamic attvalues. */
static int dynamic_attvalues(gexf_t *x, char kind, igraph_integer_t i)
{
    const char *pos = eg_attr_str(x->g, kind, "timeline", i), *p;
    size_t len;
    double count;
    while (eg_timeline_next(&pos, &p, &len, &count)) {
        char first[11], last[11], num[64];
        int32_t n;
        eg_format_number(num, sizeof num, count);
        if (period_days(x, p, len, first, last, &n) ||
            dynamic_value(x, kind == 'v' ? "period_mentions" : "period_count", num, first,
                          last) ||
            (kind == 'e' && x->weight_is_count && dynamic_value(x, "weight", num, first, last)))
            return -1;
    }
    return 0;
}

/* The runs of consecutive periods with a count, as spells. */
static int period_spells(gexf_t *x, char kind, igraph_integer_t i)
{
    const char *pos = eg_attr_str(x->g, kind, "timeline", i), *p;
    size_t len;
    double count;
    char last[11] = "", run_first[11] = "", day0[11], day1[11];
    int32_t prev = 0, n;
    int open = 0;
    while (eg_timeline_next(&pos, &p, &len, &count)) {
        if (period_days(x, p, len, day0, day1, &n))
            return -1;
        if (open && n != prev + 1 &&
            (start(x->w, "spell") || wattr(x->w, "start", run_first) ||
             wattr(x->w, "end", last) || end(x->w)))
            return -1;
        if (!open && start(x->w, "spells"))
            return -1;
        if (!open || n != prev + 1)
            memcpy(run_first, day0, sizeof day0);
        memcpy(last, day1, sizeof day1);
        prev = n;
        open = 1;
    }
    if (!open)
        return 0;
    return start(x->w, "spell") || wattr(x->w, "start", run_first) || wattr(x->w, "end", last) ||
                   end(x->w) || end(x->w)
               ? -1 : 0;
}

static int attvalues(gexf_t *x, const eg_attr_list_t *l, char kind, igraph_integer_t i)
{
    if (start(x->w, "attvalues"))
        return -1;
    int failed = 0;
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&l->names) && !failed; k++) {
        const char *name = igraph_strvector_get(&l->names, k);
        char num[64];
        const char *text = eg_attr_text(x->g, l, k, kind, i, num, &x->scratch, &failed);
        if (is_builtin(kind, name) || !text)
            continue;
        if (start(x->w, "attvalue") || wattr(x->w, "for", name) || wattr(x->w, "value", text) ||
            end(x->w))
            return -1;
    }
    if (!failed && x->period && dynamic_attvalues(x, kind, i))
        return -1;
    return failed ? -1 : end(x->w);
}

/* One spell [first, last] when the element has dates. */
static int spells(gexf_t *x, char kind, igraph_integer_t i)
{
    if (x->period)
        return period_spells(x, kind, i);
    if (!x->dated)
        return 0;
    const char *first = eg_attr_str(x->g, kind, "first", i);
    const char *last = eg_attr_str(x->g, kind, "last", i);
    if (!*first)
        return 0;
    return start(x->w, "spells") || start(x->w, "spell") || wattr(x->w, "start", first) ||
                   wattr(x->w, "end", *last ? last : first) || end(x->w) || end(x->w)
               ? -1 : 0;
}

static int has_attr(const eg_attr_list_t *l, const char *name)
{
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&l->names); k++)
        if (strcmp(igraph_strvector_get(&l->names, k), name) == 0)
            return VECTOR(l->types)[k] == IGRAPH_ATTRIBUTE_NUMERIC;
    return 0;
}

static int viz(gexf_t *x, igraph_integer_t v)
{
    const igraph_t *g = x->g;
    if (has_attr(&x->va, "r") &&
        (start(x->w, "viz:color") || wnum(x->w, "r", VAN(g, "r", v)) ||
         wnum(x->w, "g", VAN(g, "g", v)) || wnum(x->w, "b", VAN(g, "b", v)) || end(x->w)))
        return -1;
    if (has_attr(&x->va, "x") &&
        (start(x->w, "viz:position") || wnum(x->w, "x", VAN(g, "x", v)) ||
         wnum(x->w, "y", VAN(g, "y", v)) || wnum(x->w, "z", 0) || end(x->w)))
        return -1;
    if (has_attr(&x->va, "size") &&
        (start(x->w, "viz:size") || wnum(x->w, "value", VAN(g, "size", v)) || end(x->w)))
        return -1;
    return 0;
}

static int nodes(gexf_t *x)
{
    igraph_integer_t nv = igraph_vcount(x->g);
    if (start(x->w, "nodes") || wnum(x->w, "count", (double)nv))
        return -1;
    for (igraph_integer_t v = 0; v < nv; v++) {
        if (start(x->w, "node") || wattr(x->w, "id", VAS(x->g, "id", v)) ||
            wattr(x->w, "label", eg_attr_str(x->g, 'v', "label", v)) ||
            attvalues(x, &x->va, 'v', v) || spells(x, 'v', v) || viz(x, v) || end(x->w))
            return -1;
    }
    return end(x->w);
}

static int edges(gexf_t *x)
{
    const igraph_t *g = x->g;
    igraph_integer_t ne = igraph_ecount(g);
    if (start(x->w, "edges") || wnum(x->w, "count", (double)ne))
        return -1;
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t u, v;
        eg_edge_ends(g, e, &u, &v);
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)e);
        double weight = EAN(g, "weight", e);
        if (start(x->w, "edge") || wattr(x->w, "id", id) ||
            wattr(x->w, "source", VAS(g, "id", u)) || wattr(x->w, "target", VAS(g, "id", v)) ||
            (!isnan(weight) && wnum(x->w, "weight", weight)) || attvalues(x, &x->ea, 'e', e) ||
            spells(x, 'e', e) || end(x->w))
            return -1;
    }
    return end(x->w);
}

static int document(gexf_t *x, eg_gexf_version_t version)
{
    int v13 = version == EG_GEXF_1_3;
    const char *ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
    const char *vizns = v13 ? "http://gexf.net/1.3/viz" : "http://www.gexf.net/1.2draft/viz";
    xmlTextWriterPtr w = x->w;
    if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 || start(w, "gexf") ||
        wattr(w, "xmlns", ns) || wattr(w, "xmlns:viz", vizns) ||
        wattr(w, "version", v13 ? "1.3" : "1.2"))
        return -1;
    char description[128];
    snprintf(description, sizeof description, "entity co-occurrence network (window: %s)",
             eg_attr_str(x->g, 'g', "window", 0));
    if (start(w, "meta") || start(w, "creator") ||
        xmlTextWriterWriteString(w, BAD_CAST "entgraph") < 0 || end(w) ||
        start(w, "description") || xmlTextWriterWriteString(w, BAD_CAST description) < 0 ||
        end(w) || end(w))
        return -1;
    if (start(w, "graph") || wattr(w, "defaultedgetype", "undirected") ||
        wattr(w, "mode", x->dated ? "dynamic" : "static") ||
        (x->dated && wattr(w, "timeformat", "date")))
        return -1;
    if (declare(x, &x->va, 'v', igraph_vcount(x->g)) ||
        declare(x, &x->ea, 'e', igraph_ecount(x->g)) || nodes(x) || edges(x) || end(w))
        return -1;
    return xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
}

static int write_to_stream(void *context, const char *buffer, int len)
{
    return fwrite(buffer, 1, (size_t)len, context) == (size_t)len ? len : -1;
}

int eg_export_gexf(const igraph_t *g, eg_gexf_version_t version, FILE *out, eg_error_t *err)
{
    gexf_t x = {.g = g};
    if (eg_attr_lists_init(g, &x.ga, &x.va, &x.ea))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&x.va.names); k++)
        x.dated |= strcmp(igraph_strvector_get(&x.va.names, k), "first") == 0;
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, "period") &&
        igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "timeline") &&
        eg_period_parse(GAS(g, "period"), &x.period) == 0) {
        x.dated = 1;
        x.weight_is_count = strcmp(eg_attr_str(g, 'g', "measure", 0), "count") == 0;
    }
    int rc = -1;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_to_stream, NULL, out, NULL);
    x.w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!x.w) {
        if (ob)
            xmlOutputBufferClose(ob);
    } else {
        xmlTextWriterSetIndent(x.w, 1);
        xmlTextWriterSetIndentString(x.w, BAD_CAST "  ");
        rc = document(&x, version);
        xmlFreeTextWriter(x.w); /* flushes and closes ob, not the stream */
    }
    eg_attr_lists_destroy(&x.ga, &x.va, &x.ea);
    eg_buf_free(&x.scratch);
    return rc ? eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write GEXF") : 0;
}
