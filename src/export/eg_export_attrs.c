/* eg_export_attrs.c — attribute access shared by the writers; see
 * eg_export_attrs.h. */
#include "eg_export_attrs.h"

#include "eg_export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int list_init(eg_attr_list_t *l)
{
    if (igraph_strvector_init(&l->names, 0))
        return -1;
    if (igraph_vector_int_init(&l->types, 0)) {
        igraph_strvector_destroy(&l->names);
        return -1;
    }
    return 0;
}

static void list_destroy(eg_attr_list_t *l)
{
    igraph_strvector_destroy(&l->names);
    igraph_vector_int_destroy(&l->types);
}

int eg_attr_lists_init(const igraph_t *g, eg_attr_list_t *ga, eg_attr_list_t *va,
                       eg_attr_list_t *ea)
{
    if (list_init(ga))
        return -1;
    if (list_init(va)) {
        list_destroy(ga);
        return -1;
    }
    if (list_init(ea)) {
        list_destroy(ga);
        list_destroy(va);
        return -1;
    }
    if (igraph_cattribute_list(g, &ga->names, &ga->types, &va->names, &va->types,
                               &ea->names, &ea->types) != IGRAPH_SUCCESS) {
        eg_attr_lists_destroy(ga, va, ea);
        return -1;
    }
    return 0;
}

void eg_attr_lists_destroy(eg_attr_list_t *ga, eg_attr_list_t *va, eg_attr_list_t *ea)
{
    list_destroy(ga);
    list_destroy(va);
    list_destroy(ea);
}

igraph_real_t eg_attr_num(const igraph_t *g, char kind, const char *name,
                          igraph_integer_t i)
{
    return kind == 'g' ? GAN(g, name) : kind == 'v' ? VAN(g, name, i) : EAN(g, name, i);
}

const char *eg_attr_str(const igraph_t *g, char kind, const char *name,
                        igraph_integer_t i)
{
    const char *s = kind == 'g' ? GAS(g, name) : kind == 'v' ? VAS(g, name, i)
                                                             : EAS(g, name, i);
    return s ? s : "";
}

int eg_attr_is_whole(const igraph_t *g, char kind, const char *name,
                     igraph_integer_t count)
{
    for (igraph_integer_t i = 0; i < count; i++) {
        igraph_real_t v = eg_attr_num(g, kind, name, i);
        if (!isfinite(v) || v != floor(v) || fabs(v) > 9.0e15)
            return 0;
    }
    return 1;
}

void eg_format_number(char *buf, size_t n, igraph_real_t v)
{
    if (isnan(v))
        snprintf(buf, n, "NaN");
    else if (isinf(v))
        snprintf(buf, n, v > 0 ? "INF" : "-INF");
    else if (v == floor(v) && fabs(v) < 9.0e15)
        snprintf(buf, n, "%.0f", v == 0 ? 0.0 : v);
    else {
        snprintf(buf, n, "%.15g", v); /* shortest that reads back exactly */
        if (strtod(buf, NULL) != v)
            snprintf(buf, n, "%.17g", v);
    }
}

const char *eg_attr_text(const igraph_t *g, const eg_attr_list_t *l, igraph_integer_t k,
                         char kind, igraph_integer_t i, char *num, eg_buf_t *scratch,
                         int *failed)
{
    const char *name = igraph_strvector_get(&l->names, k);
    igraph_integer_t type = VECTOR(l->types)[k];
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        igraph_real_t v = eg_attr_num(g, kind, name, i);
        if (isnan(v))
            return NULL;
        eg_format_number(num, 64, v);
        return num;
    }
    if (type == IGRAPH_ATTRIBUTE_STRING && kind == 'e' && strcmp(name, "evidence") == 0) {
        eg_buf_clear(scratch);
        if (eg_evidence_join(eg_attr_str(g, kind, name, i), scratch)) {
            *failed = 1;
            return NULL;
        }
        return scratch->data;
    }
    if (type == IGRAPH_ATTRIBUTE_STRING)
        return eg_attr_str(g, kind, name, i);
    if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
        igraph_bool_t b = kind == 'g' ? GAB(g, name) : kind == 'v' ? VAB(g, name, i)
                                                                   : EAB(g, name, i);
        return b ? "true" : "false";
    }
    return NULL;
}
