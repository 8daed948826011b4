/* eg_columns.h — the dictionary's extra columns as typed node attributes.
 *
 * A dictionary column other than name, id, aliases, type, case and
 * priority becomes a node attribute (eg_dict.h). Its type:
 *   - declared by a suffix of its header name: `population:long`,
 *     `lat:double`, `code:string` (the attribute is then `population`,
 *     `lat`, `code`); a value of a declared number column that is not a
 *     number (eg_column_number) is an error naming the entity's row;
 *   - else a number when every non-empty value of the column, over the
 *     whole dictionary, is a number: `long` when each is a whole number
 *     written without a point or exponent, else `double`; a column with
 *     any other value, or none, is a string.
 * The type depends on the dictionary alone, never on which entities a
 * corpus mentions, so every graph made with one dictionary (and every
 * shard merged) has the same columns. Several header names with the same
 * attribute name (`population` in one file, `population:long` in
 * another) are one column: a value is the first non-empty one in
 * column order. A suffix that is none of the three words is part of the
 * name (`dc:title` stays a string column named `dc:title`).
 *
 * Numbers: an optional '-', then 0 or digits not starting with 0, then
 * optionally '.' and digits, then optionally an exponent (e or E, a sign,
 * digits), 15 significant digits at most (so the value a file shows is
 * the one the dictionary gave): "51.5074", "-0.1278", "8961989",
 * "1.2e6". Not "007" (a code: leading zero), "+5", ".5", "5.", "1,000",
 * "NaN" or "inf". Parsing uses strtod in the "C" locale.
 *
 * Nothing is shared or static: safe from several threads on different
 * plans.
 */
#ifndef EG_COLUMNS_H
#define EG_COLUMNS_H

#include "../base/eg_error.h"
#include "../tag/eg_dict.h"

#include <stddef.h>

/* The graph attribute (a string: names one per line) that lists the
 * node attributes typed double, which the network builder sets and the
 * writers read but never write: a double column whose values in one
 * graph all happen to be whole is still declared double. */
#define EG_COLUMNS_DOUBLE_ATTR "entgraph:double-columns"

typedef enum eg_column_type {
    EG_COLUMN_STRING = 0,
    EG_COLUMN_LONG,
    EG_COLUMN_DOUBLE,
} eg_column_type_t;

typedef struct eg_column {
    char *name;             /* the attribute name (suffix removed) */
    eg_column_type_t type;
    int declared;           /* type from a header suffix */
    size_t *sources;        /* dictionary attribute indices, in order */
    size_t nsources;
} eg_column_t;

typedef struct eg_columns {
    eg_column_t *items;     /* in order of the first header naming them */
    size_t n;
} eg_columns_t;

/* Plan the columns of d (out is overwritten; free it with
 * eg_columns_free, also after an error). Errors: EG_ERR_DATA for a value
 * that is not a number in a declared number column (FILE:LINE of the
 * entity), two declared types for one name, a suffixed name that is
 * empty or reserved for output (eg_dict_is_reserved_attr);
 * EG_ERR_RUNTIME when memory runs out. */
int eg_columns_plan(eg_columns_t *out, const eg_dict_t *d, eg_error_t *err);
void eg_columns_free(eg_columns_t *c);

/* The value of column c for entity e: its first non-empty source, or
 * NULL when it has none. */
const char *eg_columns_value(const eg_column_t *c, const eg_entity_t *e);

/* Parse s as a number of the syntax above: 0 with *value set and
 * *whole 1 when it has no point and no exponent, or -1. */
int eg_column_number(const char *s, double *value, int *whole);

/* "string", "long" or "double". */
const char *eg_column_type_name(eg_column_type_t t);

#endif
