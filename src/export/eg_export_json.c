/* eg_export_json.c — node-link JSON with jansson, built from the graph's
 * attribute lists so that a new attribute reaches JSON with no code here. */
#include "eg_export.h"

#include "../graph/eg_network.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

static json_t *number(igraph_real_t v)
{
    if (isnan(v) || isinf(v))
        return json_null();
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *evidence_list(const char *encoded)
{
    json_t *list = json_array();
    const char *pos = encoded, *doc, *text;
    size_t doc_len, text_len;
    while (list && eg_evidence_next(&pos, &doc, &doc_len, &text, &text_len)) {
        json_t *item = json_object();
        if (!item || json_array_append_new(list, item) ||
            json_object_set_new(item, "doc", json_stringn(doc, doc_len)) ||
            json_object_set_new(item, "text", json_stringn(text, text_len))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

typedef struct attr_list {
    igraph_strvector_t names;
    igraph_vector_int_t types;
} attr_list_t;

static int attr_list_init(attr_list_t *l)
{
    if (igraph_strvector_init(&l->names, 0))
        return -1;
    if (igraph_vector_int_init(&l->types, 0)) {
        igraph_strvector_destroy(&l->names);
        return -1;
    }
    return 0;
}

static void attr_list_destroy(attr_list_t *l)
{
    igraph_strvector_destroy(&l->names);
    igraph_vector_int_destroy(&l->types);
}

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
        /* igraph keeps an undirected edge as (larger, smaller); write it
         * in vertex order, the order in which edges were added. */
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        if (!igraph_is_directed(g) && u > v) {
            igraph_integer_t t = u;
            u = v;
            v = t;
        }
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

int eg_export_json(const igraph_t *g, FILE *out, eg_error_t *err)
{
    attr_list_t ga, va, ea;
    if (attr_list_init(&ga) || attr_list_init(&va) || attr_list_init(&ea))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    int rc = 0;
    if (igraph_cattribute_list(g, &ga.names, &ga.types, &va.names, &va.types,
                               &ea.names, &ea.types) != IGRAPH_SUCCESS)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot list graph attributes");
    json_t *doc = rc ? NULL : build_document(g, &ga, &va, &ea);
    if (!rc && !doc)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory building JSON");
    if (doc) {
        if (json_dumpf(doc, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) ||
            fputc('\n', out) == EOF)
            rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write JSON");
        json_decref(doc);
    }
    attr_list_destroy(&ga);
    attr_list_destroy(&va);
    attr_list_destroy(&ea);
    return rc;
}
