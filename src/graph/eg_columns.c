/* eg_columns.c — typing the dictionary's extra columns; see eg_columns.h.
 *
 * Why here and not in the writers: the type of a column is a fact about
 * the dictionary (Gephi's Geo Layout wants lat and lon as numbers, a
 * spreadsheet wants population summable), and every format must agree
 * on it. The network builder stores a number column as a numeric igraph
 * attribute (NaN where an entity has no value), so each writer's own
 * numeric path (GraphML long/double keys, GEXF attribute types, JSON
 * numbers, CSV cells without the formula guard) applies unchanged.
 *
 * Why so strict a number syntax: a column is read as numbers only when
 * nothing is lost. "007" or a 20-digit id written back as a double would
 * silently become another text, so such a column stays a string. */
#include "eg_columns.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIGNIFICANT 15

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Skip digits from *p, counting the significant ones (after the first
 * non-zero digit of the mantissa, *seen). */
static void digits(const char **p, int *sig, int *seen)
{
    for (; is_digit(**p); (*p)++) {
        *seen |= **p != '0';
        *sig += *seen;
    }
}

int eg_column_number(const char *s, double *value, int *whole)
{
    const char *p = s;
    int sig = 0, seen = 0, w = 1;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (is_digit(*p))
        digits(&p, &sig, &seen);
    else
        return -1;
    if (*p == '.') {
        p++;
        if (!is_digit(*p))
            return -1;
        digits(&p, &sig, &seen);
        w = 0;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!is_digit(*p))
            return -1;
        while (is_digit(*p))
            p++;
        w = 0;
    }
    if (*p || sig > MAX_SIGNIFICANT)
        return -1;
    errno = 0;
    double v = strtod(s, NULL);
    if (errno == ERANGE || !isfinite(v))
        return -1;
    *value = v;
    *whole = w;
    return 0;
}

const char *eg_column_type_name(eg_column_type_t t)
{
    return t == EG_COLUMN_LONG ? "long" : t == EG_COLUMN_DOUBLE ? "double" : "string";
}

/* The declared type of a header name "base:type", with *base_len; 0 when
 * it has no such suffix (the whole name is the attribute name). */
static int declared_type(const char *full, size_t *base_len, eg_column_type_t *type)
{
    static const eg_column_type_t types[] = {EG_COLUMN_STRING, EG_COLUMN_LONG,
                                             EG_COLUMN_DOUBLE};
    const char *colon = strrchr(full, ':');
    *base_len = strlen(full);
    for (size_t i = 0; colon && i < sizeof types / sizeof *types; i++)
        if (strcmp(colon + 1, eg_column_type_name(types[i])) == 0) {
            *base_len = (size_t)(colon - full);
            *type = types[i];
            return 1;
        }
    return 0;
}

/* Names a dictionary column may not take once its suffix is removed: the
 * special columns and the names the output uses. */
static int name_taken(const char *name)
{
    static const char *const special[] = {"name", "id", "aliases", "type", "case", "priority"};
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        if (strcmp(name, special[i]) == 0)
            return 1;
    return eg_dict_is_reserved_attr(name);
}

/* The column called name[0..len), added at the end when new. */
static eg_column_t *column_for(eg_columns_t *c, const char *name, size_t len)
{
    for (size_t i = 0; i < c->n; i++)
        if (strlen(c->items[i].name) == len && memcmp(c->items[i].name, name, len) == 0)
            return &c->items[i];
    eg_column_t *items = realloc(c->items, (c->n + 1) * sizeof *items);
    if (!items)
        return NULL;
    c->items = items;
    eg_column_t *col = &items[c->n];
    memset(col, 0, sizeof *col);
    if (!(col->name = strndup(name, len)))
        return NULL;
    c->n++;
    return col;
}

static int add_source(eg_columns_t *c, const eg_dict_t *d, size_t k, eg_error_t *err)
{
    const char *full = d->attr_names[k];
    size_t len;
    eg_column_type_t type = EG_COLUMN_STRING;
    int declared = declared_type(full, &len, &type);
    eg_column_t *col = column_for(c, full, len);
    if (!col)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    if (declared && (len == 0 || name_taken(col->name)))
        return eg_error_set(err, EG_ERR_DATA, NULL, 0,
                            "dictionary column '%s': '%s' %s; rename it", full, col->name,
                            len ? "is reserved for output" : "is no name");
    if (declared && col->declared && col->type != type)
        return eg_error_set(err, EG_ERR_DATA, NULL, 0,
                            "dictionary column '%s': '%s' is already declared %s", full,
                            col->name, eg_column_type_name(col->type));
    size_t *s = realloc(col->sources, (col->nsources + 1) * sizeof *s);
    if (!s)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    col->sources = s;
    s[col->nsources++] = k;
    if (declared) {
        col->declared = 1;
        col->type = type;
    }
    return 0;
}

const char *eg_columns_value(const eg_column_t *c, const eg_entity_t *e)
{
    for (size_t i = 0; i < c->nsources; i++) {
        const char *v = eg_entity_attr(e, c->sources[i]);
        if (v && *v)
            return v;
    }
    return NULL;
}

/* A declared column: every value must be a number of its kind. An
 * undeclared one: a number column when every value is one. */
static int type_column(eg_column_t *col, const eg_dict_t *d, eg_error_t *err)
{
    int any = 0, all_whole = 1;
    for (size_t i = 0; i < d->nentities; i++) {
        const eg_entity_t *e = &d->entities[i];
        const char *v = eg_columns_value(col, e);
        double x;
        int whole;
        if (!v)
            continue;
        int number = eg_column_number(v, &x, &whole) == 0 && (!whole || fabs(x) <= 9.0e15);
        if (col->declared && col->type != EG_COLUMN_STRING &&
            (!number || (col->type == EG_COLUMN_LONG && !whole)))
            return eg_error_set(err, EG_ERR_DATA, e->file, e->line,
                                "column '%s' is declared %s: '%s' (entity %s) is not %s",
                                col->name, eg_column_type_name(col->type), v, e->id,
                                col->type == EG_COLUMN_LONG ? "a whole number" : "a number");
        if (col->declared)
            continue;
        if (!number)
            return 0; /* a string column */
        any = 1;
        all_whole &= whole;
    }
    if (!col->declared && any)
        col->type = all_whole ? EG_COLUMN_LONG : EG_COLUMN_DOUBLE;
    return 0;
}

int eg_columns_plan(eg_columns_t *out, const eg_dict_t *d, eg_error_t *err)
{
    memset(out, 0, sizeof *out);
    int rc = 0;
    for (size_t k = 0; k < d->nattrs && rc == 0; k++)
        rc = add_source(out, d, k, err);
    for (size_t i = 0; i < out->n && rc == 0; i++)
        rc = type_column(&out->items[i], d, err);
    return rc;
}

void eg_columns_free(eg_columns_t *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i].name);
        free(c->items[i].sources);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}
