/* eg_export_json.c — JSON with jansson, built from the graph's attribute
 * lists so that a new attribute reaches JSON with no code here. Three
 * shapes of the same facts: node-link (networkx, D3), graphology's
 * export() (sigma.js) and Cytoscape.js elements; see eg_export.h. */
#include "eg_export.h"

#include "../graph/eg_network.h"
#include "eg_export_attrs.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *number(igraph_real_t v)
{
    if (isnan(v) || isinf(v))
        return json_null();
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

/* [{"doc", "text", "date" (when known), "sentence", "start", "end"}] */
static json_t *evidence_list(const char *encoded)
{
    json_t *list = json_array();
    const char *pos = encoded;
    eg_evidence_item_t e;
    while (list && eg_evidence_read(&pos, &e)) {
        json_t *item = json_object();
        if (!item || json_array_append_new(list, item) ||
            json_object_set_new(item, "doc", json_stringn(e.doc, e.doc_len)) ||
            json_object_set_new(item, "text", json_stringn(e.text, e.text_len)) ||
            (e.date[0] && json_object_set_new(item, "date", json_string(e.date))) ||
            (e.located &&
             (json_object_set_new(item, "sentence", json_integer((json_int_t)e.sentence)) ||
              json_object_set_new(item, "start", json_integer((json_int_t)e.start)) ||
              json_object_set_new(item, "end", json_integer((json_int_t)e.end))))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* A node's docs as [{"doc", "mentions"}]. */
static json_t *docs_list(const char *encoded)
{
    json_t *list = json_array();
    const char *pos = encoded, *doc, *count;
    size_t doc_len, count_len;
    while (list && eg_evidence_next(&pos, &doc, &doc_len, &count, &count_len)) {
        json_t *item = json_object();
        if (!item || json_array_append_new(list, item) ||
            json_object_set_new(item, "doc", json_stringn(doc, doc_len)) ||
            json_object_set_new(item, "mentions",
                                json_integer((json_int_t)strtoull(count, NULL, 10)))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* A timeline attribute as {"period": count, ...}, in period order. */
static json_t *timeline_object(const char *encoded)
{
    json_t *obj = json_object();
    const char *pos = encoded, *period;
    size_t len;
    double count;
    while (obj && eg_timeline_next(&pos, &period, &len, &count)) {
        char key[EG_PERIOD_LABEL_MAX];
        snprintf(key, sizeof key, "%.*s", (int)len, period);
        if (json_object_set_new(obj, key, number(count))) {
            json_decref(obj);
            return NULL;
        }
    }
    return obj;
}

typedef eg_attr_list_t attr_list_t;

/* Set obj[name] from the attribute of kind (graph, vertex, edge) at index. */
static int put_attr(json_t *obj, const igraph_t *g, const attr_list_t *l,
                    igraph_integer_t k, char kind, igraph_integer_t index)
{
    const char *name = igraph_strvector_get(&l->names, k);
    igraph_integer_t type = VECTOR(l->types)[k];
    json_t *value = NULL;
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        igraph_real_t v = kind == 'g' ? GAN(g, name)
                        : kind == 'v' ? VAN(g, name, index)
                                      : EAN(g, name, index);
        value = number(v);
    } else if (type == IGRAPH_ATTRIBUTE_STRING && kind == 'e' &&
               strcmp(name, "evidence") == 0) {
        value = evidence_list(EAS(g, name, index));
    } else if (type == IGRAPH_ATTRIBUTE_STRING && kind == 'v' && strcmp(name, "docs") == 0) {
        value = docs_list(VAS(g, name, index));
    } else if (type == IGRAPH_ATTRIBUTE_STRING && kind != 'g' && strcmp(name, "timeline") == 0) {
        value = timeline_object(kind == 'v' ? VAS(g, name, index) : EAS(g, name, index));
    } else if (type == IGRAPH_ATTRIBUTE_STRING) {
        const char *s = kind == 'g' ? GAS(g, name)
                      : kind == 'v' ? VAS(g, name, index)
                                    : EAS(g, name, index);
        value = json_string(s ? s : "");
    } else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
        igraph_bool_t b = kind == 'g' ? GAB(g, name)
                        : kind == 'v' ? VAB(g, name, index)
                                      : EAB(g, name, index);
        value = json_boolean(b);
    } else {
        return 0;
    }
    return value ? json_object_set_new(obj, name, value) : -1;
}

static json_t *build_document(const igraph_t *g, attr_list_t *ga, attr_list_t *va,
                              attr_list_t *ea)
{
    json_t *root = json_object(), *graph = json_object(), *nodes = json_array(),
           *links = json_array();
    if (!root || !graph || !nodes || !links) {
        json_decref(root);
        json_decref(graph);
        json_decref(nodes);
        json_decref(links);
        return NULL;
    }
    json_object_set_new(root, "directed", json_boolean(igraph_is_directed(g)));
    json_object_set_new(root, "multigraph", json_false());
    json_object_set_new(root, "graph", graph);
    json_object_set_new(root, "nodes", nodes);
    json_object_set_new(root, "links", links);
    int failed = 0;
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&ga->names); k++)
        failed |= put_attr(graph, g, ga, k, 'g', 0);
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    for (igraph_integer_t v = 0; v < nv && !failed; v++) {
        json_t *node = json_object();
        failed |= !node || json_array_append_new(nodes, node);
        for (igraph_integer_t k = 0; k < igraph_strvector_size(&va->names) && !failed; k++)
            failed |= put_attr(node, g, va, k, 'v', v);
    }
    for (igraph_integer_t e = 0; e < ne && !failed; e++) {
        json_t *link = json_object();
        failed |= !link || json_array_append_new(links, link);
        if (failed)
            break;
        igraph_integer_t u, v;
        eg_edge_ends(g, e, &u, &v);
        const char *src = VAS(g, "id", u);
        const char *dst = VAS(g, "id", v);
        json_object_set_new(link, "source", json_string(src));
        json_object_set_new(link, "target", json_string(dst));
        for (igraph_integer_t k = 0; k < igraph_strvector_size(&ea->names) && !failed; k++)
            failed |= put_attr(link, g, ea, k, 'e', e);
    }
    if (failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

static int is_rgb(const char *name)
{
    return (name[0] == 'r' || name[0] == 'g' || name[0] == 'b') && name[1] == 0;
}

/* The node attributes for graphology and Cytoscape: no id (it is the
 * key), r/g/b as one "color", and for Cytoscape x/y in "position". */
static int put_node_attrs(json_t *obj, json_t *position, const igraph_t *g,
                          const attr_list_t *va, igraph_integer_t v)
{
    int failed = 0, has_rgb = 0;
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&va->names) && !failed; k++) {
        const char *name = igraph_strvector_get(&va->names, k);
        if (strcmp(name, "id") == 0)
            continue;
        if (is_rgb(name) && VECTOR(va->types)[k] == IGRAPH_ATTRIBUTE_NUMERIC) {
            has_rgb = 1;
            continue;
        }
        if (position && (strcmp(name, "x") == 0 || strcmp(name, "y") == 0)) {
            failed |= put_attr(position, g, va, k, 'v', v);
            continue;
        }
        failed |= put_attr(obj, g, va, k, 'v', v);
    }
    if (!failed && has_rgb) {
        char hex[8];
        snprintf(hex, sizeof hex, "#%02x%02x%02x", (unsigned)VAN(g, "r", v) & 255,
                 (unsigned)VAN(g, "g", v) & 255, (unsigned)VAN(g, "b", v) & 255);
        failed |= json_object_set_new(obj, "color", json_string(hex));
    }
    return failed;
}

static int put_all(json_t *obj, const igraph_t *g, const attr_list_t *l, char kind,
                   igraph_integer_t index)
{
    int failed = 0;
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&l->names) && !failed; k++)
        failed |= put_attr(obj, g, l, k, kind, index);
    return failed;
}

static void edge_ends(const igraph_t *g, igraph_integer_t e, const char **src,
                      const char **dst)
{
    igraph_integer_t u, v;
    eg_edge_ends(g, e, &u, &v);
    *src = VAS(g, "id", u);
    *dst = VAS(g, "id", v);
}

static json_t *build_graphology(const igraph_t *g, attr_list_t *ga, attr_list_t *va,
                                attr_list_t *ea)
{
    json_t *root = json_object(), *attrs = json_object(), *nodes = json_array(),
           *edges = json_array();
    json_t *options = json_pack("{s:s, s:b, s:b}", "type", "undirected", "multi", 0,
                                "allowSelfLoops", 0);
    int failed = !root || !attrs || !nodes || !edges || !options;
    json_object_set_new(root, "attributes", attrs);
    json_object_set_new(root, "options", options);
    json_object_set_new(root, "nodes", nodes);
    json_object_set_new(root, "edges", edges);
    failed = failed || put_all(attrs, g, ga, 'g', 0);
    for (igraph_integer_t v = 0; v < igraph_vcount(g) && !failed; v++) {
        json_t *node = json_object(), *a = json_object();
        failed |= !node || !a || json_array_append_new(nodes, node) ||
                  json_object_set_new(node, "key", json_string(VAS(g, "id", v))) ||
                  json_object_set_new(node, "attributes", a) ||
                  put_node_attrs(a, NULL, g, va, v);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g) && !failed; e++) {
        const char *src, *dst;
        char key[32];
        edge_ends(g, e, &src, &dst);
        snprintf(key, sizeof key, "e%lld", (long long)e);
        json_t *edge = json_object(), *a = json_object();
        failed |= !edge || !a || json_array_append_new(edges, edge) ||
                  json_object_set_new(edge, "key", json_string(key)) ||
                  json_object_set_new(edge, "source", json_string(src)) ||
                  json_object_set_new(edge, "target", json_string(dst)) ||
                  json_object_set_new(edge, "undirected", json_true()) ||
                  json_object_set_new(edge, "attributes", a) || put_all(a, g, ea, 'e', e);
    }
    if (failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* Edge ids "e:0", "e:1"...: Cytoscape keeps nodes and edges in one id
 * space, and entity ids (slugs) never hold a colon unless a dictionary
 * says so. */
static json_t *build_cytoscape(const igraph_t *g, attr_list_t *ga, attr_list_t *va,
                               attr_list_t *ea)
{
    json_t *root = json_object(), *data = json_object(), *elements = json_object(),
           *nodes = json_array(), *edges = json_array();
    int failed = !root || !data || !elements || !nodes || !edges;
    json_object_set_new(root, "data", data);
    json_object_set_new(root, "elements", elements);
    json_object_set_new(elements, "nodes", nodes);
    json_object_set_new(elements, "edges", edges);
    failed = failed || put_all(data, g, ga, 'g', 0);
    for (igraph_integer_t v = 0; v < igraph_vcount(g) && !failed; v++) {
        json_t *node = json_object(), *d = json_object(), *pos = json_object();
        failed |= !node || !d || !pos || json_array_append_new(nodes, node) ||
                  json_object_set_new(node, "data", d) ||
                  json_object_set_new(d, "id", json_string(VAS(g, "id", v))) ||
                  put_node_attrs(d, pos, g, va, v);
        if (!failed && json_object_size(pos))
            failed |= json_object_set_new(node, "position", pos);
        else
            json_decref(pos);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g) && !failed; e++) {
        const char *src, *dst;
        char key[32];
        edge_ends(g, e, &src, &dst);
        snprintf(key, sizeof key, "e:%lld", (long long)e);
        json_t *edge = json_object(), *d = json_object();
        failed |= !edge || !d || json_array_append_new(edges, edge) ||
                  json_object_set_new(edge, "data", d) ||
                  json_object_set_new(d, "id", json_string(key)) ||
                  json_object_set_new(d, "source", json_string(src)) ||
                  json_object_set_new(d, "target", json_string(dst)) ||
                  put_all(d, g, ea, 'e', e);
    }
    if (failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int eg_export_json(const igraph_t *g, FILE *out, eg_error_t *err)
{
    return eg_export_json_style(g, EG_JSON_NODE_LINK, out, err);
}

int eg_export_json_style(const igraph_t *g, eg_json_style_t style, FILE *out,
                         eg_error_t *err)
{
    if (style == EG_JSON_VOSVIEWER)
        return eg_export_vosviewer(g, out, err);
    attr_list_t ga, va, ea;
    if (eg_attr_lists_init(g, &ga, &va, &ea))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot list graph attributes");
    int rc = 0;
    json_t *doc = style == EG_JSON_GRAPHOLOGY  ? build_graphology(g, &ga, &va, &ea)
                : style == EG_JSON_CYTOSCAPE ? build_cytoscape(g, &ga, &va, &ea)
                                             : build_document(g, &ga, &va, &ea);
    if (!doc)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory building JSON");
    size_t flags = JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15);
    if (doc) {
        if (json_dumpf(doc, out, flags) ||
            fputc('\n', out) == EOF)
            rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write JSON");
        json_decref(doc);
    }
    eg_attr_lists_destroy(&ga, &va, &ea);
    return rc;
}
