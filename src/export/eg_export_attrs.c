/* eg_export_attrs.c — attribute access shared by the writers; see
 * eg_export_attrs.h. */
#include "eg_export_attrs.h"

#include "../graph/eg_columns.h"
#include "../graph/eg_network.h"

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
    /* entgraph's own notes to the writers are not the graph's attributes */
    for (igraph_integer_t k = igraph_strvector_size(&ga->names) - 1; k >= 0; k--)
        if (strncmp(igraph_strvector_get(&ga->names, k), "entgraph:", 9) == 0) {
            igraph_strvector_remove(&ga->names, k);
            igraph_vector_int_remove(&ga->types, k);
        }
    return 0;
}

/* Is node attribute name a column the dictionary types double? */
static int declared_double(const igraph_t *g, const char *name)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, EG_COLUMNS_DOUBLE_ATTR))
        return 0;
    const char *list = GAS(g, EG_COLUMNS_DOUBLE_ATTR);
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, "\n");
        if (len == n && memcmp(p, name, n) == 0)
            return 1;
        p += len + (p[len] == '\n');
    }
    return 0;
}

void eg_attr_lists_destroy(eg_attr_list_t *ga, eg_attr_list_t *va, eg_attr_list_t *ea)
{
    list_destroy(ga);
    list_destroy(va);
    list_destroy(ea);
}

int eg_attr_type(const eg_attr_list_t *l, const char *name)
{
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&l->names); k++)
        if (strcmp(igraph_strvector_get(&l->names, k), name) == 0)
            return (int)VECTOR(l->types)[k];
    return -1;
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
    if (kind == 'v' && declared_double(g, name))
        return 0;
    for (igraph_integer_t i = 0; i < count; i++) {
        igraph_real_t v = eg_attr_num(g, kind, name, i);
        if (isnan(v))
            continue; /* no value (left out of the file) */
        if (!isfinite(v) || v != floor(v) || fabs(v) > 9.0e15)
            return 0;
    }
    return 1;
}

/* Whole |v| < 9e15 as "%.0f" prints it, digits by hand. */
static void format_whole(char *buf, double v)
{
    char digits[24];
    int n = 0;
    unsigned long long u = (unsigned long long)fabs(v);
    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *buf++ = '-';
    while (n)
        *buf++ = digits[--n];
    *buf = 0;
}

static const double P10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                             1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

/* What "%.15g" prints for v when that reads back as v and
 * 1e-4 <= |v| < 1e15; 0 (buf untouched) otherwise. The candidate is the
 * 15-digit integer m nearest |v| 10^k; m / 10^k, both exact, is the
 * correctly rounded double of those digits (Clinger's fast path), so
 * when it equals |v| the digits read back, and no other 15 digits do:
 * they are printf's. Measures are rounded to 12 digits, so nearly every
 * value takes this path instead of printf and strtod. */
static int format_fixed(char *buf, double v)
{
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e15))
        return 0;
    int x = 14; /* decimal exponent, 10^x <= a give or take rounding */
    while (x > -4 && a < (x >= 0 ? P10[x] : 1 / P10[-x]))
        x--;
    double r = nearbyint(a * P10[14 - x]);
    if (r < 1e14 || r >= 1e15 || r / P10[14 - x] != a)
        return 0;
    char digits[16];
    unsigned long long m = (unsigned long long)r;
    for (int i = 14; i >= 0; i--, m /= 10)
        digits[i] = (char)('0' + m % 10);
    int last = 14; /* no trailing zeros after the point, as %g */
    while (last > (x > 0 ? x : 0) && digits[last] == '0')
        last--;
    char *p = buf;
    if (v < 0)
        *p++ = '-';
    if (x < 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = -1; i > x; i--)
            *p++ = '0';
    }
    for (int i = 0; i <= last; i++) {
        if (x >= 0 && i == x + 1)
            *p++ = '.';
        *p++ = digits[i];
    }
    *p = 0;
    return 1;
}

void eg_format_number(char *buf, size_t n, igraph_real_t v)
{
    if (n >= 32 && isfinite(v) && v == floor(v) && fabs(v) < 9.0e15)
        format_whole(buf, v == 0 ? 0.0 : v);
    else if (n >= 32 && isfinite(v) && format_fixed(buf, v))
        return;
    else if (isnan(v))
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
    if (type == IGRAPH_ATTRIBUTE_STRING && ((kind == 'e' && strcmp(name, "evidence") == 0) ||
                                            (kind == 'v' && strcmp(name, "docs") == 0))) {
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

int eg_evidence_join(const char *encoded, eg_buf_t *out)
{
    const char *pos = encoded;
    eg_evidence_item_t e;
    int first = 1;
    while (eg_evidence_read(&pos, &e)) {
        char where[96] = ": ";
        int n = e.located ? snprintf(where, sizeof where, " (%s%ssentence %lu, bytes %lu-%lu): ",
                                     e.date, e.date[0] ? ", " : "", e.sentence, e.start, e.end)
                          : 2;
        if ((!first && eg_buf_append_str(out, " | ")) || eg_buf_append(out, e.doc, e.doc_len) ||
            eg_buf_append(out, where, (size_t)n) || eg_buf_append(out, e.text, e.text_len))
            return EG_ERR_RUNTIME;
        first = 0;
    }
    return eg_buf_append(out, "", 0) ? EG_ERR_RUNTIME : 0;
}
