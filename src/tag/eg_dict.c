/* eg_dict.c — reading gazetteer TSV files into entities and aliases.
 *
 * Every problem names FILE:LINE, because a gazetteer of 100,000 rows is
 * edited by hand and a silent skip would turn into a missing node no one
 * notices. Values are sanitised here, once, so no writer downstream ever
 * sees a control character.
 *
 * Loading is on the path of every run, so it is built to be cheap: the
 * strings go to an arena, a value that needs no cleaning is used where
 * it lies in the file, rows of the same type share one type string, a
 * label and the alias of the same name share one copy, and the tables
 * are sized from the file's line count before the first row. The big
 * arrays come from eg_bigmem (huge pages: page faults were a third of
 * the time). */
#include "eg_dict.h"

#include "../base/eg_bigmem.h"
#include "../base/eg_buf.h"
#include "../base/eg_dirwalk.h"
#include "../base/eg_lines.h"
#include "../text/eg_clean.h"
#include "../text/eg_fold.h"
#include "../text/eg_utf8.h"
#include "eg_alias_index.h"
#include "eg_patterns.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const RESERVED_ATTRS[] = {
    "label", "mentions", "documents", "degree", "strength", "pagerank",
    "betweenness", "community", "x", "y", "size", "r", "g", "b", "color",
    "weight", "count", "first", "last", "evidence", "source", "target",
};

int eg_dict_is_reserved_attr(const char *name)
{
    for (size_t i = 0; i < sizeof RESERVED_ATTRS / sizeof *RESERVED_ATTRS; i++)
        if (strcasecmp(name, RESERVED_ATTRS[i]) == 0)
            return 1;
    return 0;
}

void eg_dict_init(eg_dict_t *d)
{
    memset(d, 0, sizeof *d);
    eg_strmap_init(&d->ids);
    eg_strmap_init(&d->files);
    for (int k = 0; k < EG_LIST_COUNT; k++)
        eg_strmap_init(&d->lists[k]);
}

void eg_dict_free(eg_dict_t *d)
{
    eg_big_free(d->entities); /* their strings are in d->strings and d->ids */
    eg_big_free(d->aliases);
    eg_alias_index_free(d->alias_index);
    eg_arena_free(&d->strings);
    for (size_t k = 0; k < d->nattrs; k++)
        free(d->attr_names[k]);
    free(d->attr_names);
    eg_strmap_free(&d->ids);
    eg_strmap_free(&d->files);
    for (int k = 0; k < EG_LIST_COUNT; k++)
        eg_strmap_free(&d->lists[k]);
    memset(d, 0, sizeof *d);
}

/* ---- small helpers ---- */

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\r'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* people.tsv -> person, places.tsv -> place, cities.tsv -> city. */
static char *type_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strcspn(base, ".");
    if (n == 6 && strncasecmp(base, "people", 6) == 0)
        return strdup("person");
    eg_buf_t b = EG_BUF_INIT, scratch = EG_BUF_INIT;
    eg_fold_append(&b, &scratch, base, n);
    eg_buf_free(&scratch);
    if (!b.data)
        return NULL;
    if (b.len > 3 && strcmp(b.data + b.len - 3, "ies") == 0) {
        b.len -= 3;
        eg_buf_append_byte(&b, 'y');
    } else if (b.len > 1 && b.data[b.len - 1] == 's' && b.data[b.len - 2] != 's') {
        b.data[--b.len] = '\0';
    }
    char *t = eg_buf_take(&b);
    return t;
}

/* ---- columns ---- */

enum {
    COL_NAME = -2, COL_ID = -3, COL_ALIASES = -4, COL_TYPE = -5, COL_CASE = -6,
    COL_PRIORITY = -7
};

typedef struct header {
    int ncols;
    int role[EG_DICT_MAX_COLUMNS]; /* COL_* or an attribute index >= 0 */
} header_t;

static int find_or_add_attr(eg_dict_t *d, const char *name, size_t n)
{
    for (size_t k = 0; k < d->nattrs; k++)
        if (strlen(d->attr_names[k]) == n && memcmp(d->attr_names[k], name, n) == 0)
            return (int)k;
    char **p = realloc(d->attr_names, (d->nattrs + 1) * sizeof *p);
    if (!p)
        return -1;
    d->attr_names = p;
    if (!(p[d->nattrs] = strndup(name, n)))
        return -1;
    return (int)d->nattrs++;
}

static int split_fields(const char *line, size_t len, const char **f,
                        size_t *flen, int max)
{
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            if (n < max) {
                f[n] = line + start;
                flen[n] = i - start;
            }
            n++;
            start = i + 1;
        }
    }
    return n;
}

/* The header's n fields (f, fl: the first EG_DICT_MAX_COLUMNS of them). */
static int parse_header(eg_dict_t *d, header_t *h, const char **f, size_t *fl, int n,
                        const char *path, long lineno, eg_error_t *err)
{
    if (n > EG_DICT_MAX_COLUMNS)
        return eg_error_set(err, EG_ERR_DATA, path, lineno,
                            "header has %d columns (limit %d)", n,
                            EG_DICT_MAX_COLUMNS);
    h->ncols = n;
    int have_name = 0;
    static const struct { const char *name; int role; } SPECIAL[] = {
        {"name", COL_NAME}, {"id", COL_ID}, {"aliases", COL_ALIASES},
        {"type", COL_TYPE}, {"case", COL_CASE}, {"priority", COL_PRIORITY},
    };
    for (int c = 0; c < n; c++) {
        trim(&f[c], &fl[c]);
        if (fl[c] == 0)
            return eg_error_set(err, EG_ERR_DATA, path, lineno,
                                "header column %d has no name", c + 1);
        /* A column name becomes an attribute name in every output: a
         * control character or non-character there is refused, not
         * guessed at (values are cleaned instead). */
        eg_buf_t probe = EG_BUF_INIT;
        size_t bad = eg_clean_append(&probe, f[c], fl[c], 0, 0);
        eg_buf_free(&probe);
        if (bad)
            return eg_error_set(err, bad == (size_t)-1 ? EG_ERR_RUNTIME : EG_ERR_DATA, path,
                                lineno, "header column %d has a control character", c + 1);
        for (int p = 0; p < c; p++)
            if (fl[p] == fl[c] && strncasecmp(f[p], f[c], fl[c]) == 0)
                return eg_error_set(err, EG_ERR_DATA, path, lineno,
                                    "column '%.*s' appears twice in the header",
                                    (int)fl[c], f[c]);
        h->role[c] = 0;
        int special = 0;
        for (size_t s = 0; s < sizeof SPECIAL / sizeof *SPECIAL; s++) {
            if (strlen(SPECIAL[s].name) == fl[c] &&
                strncasecmp(SPECIAL[s].name, f[c], fl[c]) == 0) {
                h->role[c] = SPECIAL[s].role;
                special = 1;
            }
        }
        if (h->role[c] == COL_NAME)
            have_name = 1;
        if (special)
            continue;
        char col[256];
        snprintf(col, sizeof col, "%.*s", (int)fl[c], f[c]);
        if (eg_dict_is_reserved_attr(col))
            return eg_error_set(err, EG_ERR_DATA, path, lineno,
                                "column '%s' is reserved for output; rename it", col);
        int k = find_or_add_attr(d, f[c], fl[c]);
        if (k < 0)
            return eg_error_set(err, EG_ERR_RUNTIME, path, lineno, "out of memory");
        h->role[c] = k;
    }
    if (!have_name)
        return eg_error_set(err, EG_ERR_DATA, path, lineno,
                            "header has no 'name' column (is the first line a header?)");
    return 0;
}

/* ---- rows ---- */

/* ---- aliases ---- */

static int reserve_aliases(eg_dict_t *d, size_t n)
{
    if (!d->alias_index && !(d->alias_index = eg_alias_index_new()))
        return -1;
    if (eg_alias_index_reserve(d->alias_index, n, d->entities_cap))
        return -1;
    return eg_big_reserve(&d->aliases, &d->aliases_cap, n, sizeof *d->aliases);
}

/* Add text[0..n) as an alias of entity unless it has it already (with
 * this policy): the same alias twice is kept once. copy, when not NULL,
 * is an arena copy of the same bytes to share. */
static int add_alias(eg_dict_t *d, uint32_t entity, const char *text, size_t n,
                     const char *copy, uint8_t policy, const char *file, long line)
{
    if (d->naliases == d->aliases_cap &&
        reserve_aliases(d, d->aliases_cap ? d->aliases_cap * 2 : 256))
        return EG_ERR_RUNTIME;
    if (eg_alias_index_has(d->alias_index, d->aliases, entity, policy, text, n))
        return 0;
    eg_alias_t *a = &d->aliases[d->naliases];
    if (!(a->text = copy ? (char *)copy : eg_arena_strndup(&d->strings, text, n)))
        return EG_ERR_RUNTIME;
    a->entity = entity;
    a->policy = policy;
    a->file = file;
    a->line = line;
    if (eg_alias_index_add(d->alias_index, d->aliases, d->naliases))
        return EG_ERR_RUNTIME;
    d->naliases++;
    return 0;
}

static int reserve_entities(eg_dict_t *d, size_t n)
{
    if (eg_big_reserve(&d->entities, &d->entities_cap, n, sizeof *d->entities))
        return -1;
    return eg_strmap_reserve(&d->ids, n);
}

/* A new entity for an id not in d->ids (hash: its eg_strmap_hash). Its
 * id string is the map's copy of the key. */
static long new_entity(eg_dict_t *d, const char *id, size_t idlen, uint64_t hash)
{
    if (d->nentities == d->entities_cap &&
        reserve_entities(d, d->entities_cap ? d->entities_cap * 2 : 256))
        return -1;
    long idx = eg_strmap_intern_hashed(&d->ids, id, idlen, hash, NULL);
    if (idx != (long)d->nentities)
        return -1;
    eg_entity_t *e = &d->entities[d->nentities++];
    memset(e, 0, sizeof *e);
    e->id = (char *)eg_strmap_key(&d->ids, (size_t)idx);
    return idx;
}

long eg_dict_add_entity(eg_dict_t *d, const char *id, const char *label, const char *type,
                        const char *file)
{
    size_t n = strlen(id);
    uint64_t hash = eg_strmap_hash(id, n);
    long idx = eg_strmap_find_hashed(&d->ids, id, n, hash);
    if (idx >= 0)
        return idx;
    idx = new_entity(d, id, n, hash);
    if (idx < 0)
        return -1;
    eg_entity_t *e = &d->entities[idx];
    e->label = eg_arena_strndup(&d->strings, label, strlen(label));
    e->type = eg_arena_strndup(&d->strings, type, strlen(type));
    e->file = file;
    e->found = 1;
    e->tclass = eg_type_class(e->type);
    return e->label && e->type ? idx : -1;
}

/* In check mode, a later row of the same id with another value. */
static const eg_dict_t *checking;
static const char *checking_path;
static long checking_line;

static int conflict(const eg_entity_t *e, size_t k, const char *v, size_t n)
{
    if (checking && (strlen(e->attrs[k]) != n || memcmp(e->attrs[k], v, n)))
        eg_warn(checking->check, checking_path, checking_line,
                "id '%s' merges with %s:%ld but its %s differs ('%.*s' vs '%s'); keeping the first",
                e->id, e->file, e->line, checking->attr_names[k], (int)n, v, e->attrs[k]);
    return 0;
}

/* Give e attribute slots up to k (new ones NULL). The array is in the
 * arena: a longer one replaces it, which happens at most once a row. */
static int widen_attrs(eg_dict_t *d, eg_entity_t *e, size_t k)
{
    if (k < e->nattrs)
        return 0;
    char **p = eg_arena_alloc(&d->strings, (k + 1) * sizeof *p);
    if (!p)
        return EG_ERR_RUNTIME;
    for (size_t i = 0; i <= k; i++)
        p[i] = i < e->nattrs ? e->attrs[i] : NULL;
    e->attrs = p;
    e->nattrs = k + 1;
    return 0;
}

static int set_attr(eg_dict_t *d, eg_entity_t *e, size_t k, const char *v, size_t n)
{
    if (widen_attrs(d, e, k))
        return EG_ERR_RUNTIME;
    if (e->attrs[k]) /* the first definition wins */
        return conflict(e, k, v, n);
    return (e->attrs[k] = eg_arena_strndup(&d->strings, v, n)) ? 0 : EG_ERR_RUNTIME;
}

typedef struct row {
    const char *path;
    long lineno;
    const char *default_type; /* in the arena */
    const char *last_type;    /* the type string of the last new entity */
    /* value[c], value_n[c]: column c of this row, cleaned, untrimmed;
     * in the file's text when it needed no cleaning, else in clean[c] */
    const char *value[EG_DICT_MAX_COLUMNS];
    size_t value_n[EG_DICT_MAX_COLUMNS];
    eg_buf_t clean[EG_DICT_MAX_COLUMNS];
    eg_buf_t slug;
} row_t;

/* The special columns of a row, trimmed (NULL when the header has none). */
typedef struct row_fields {
    const char *name, *id, *aliases, *type, *cas, *prio;
    size_t name_n, id_n, aliases_n, type_n, cas_n, prio_n;
} row_fields_t;

static int parse_case(const char *v, size_t n, uint8_t *policy)
{
    if (n == 0 || (n == 4 && strncasecmp(v, "auto", 4) == 0))
        *policy = EG_CASE_AUTO;
    else if (n == 4 && strncasecmp(v, "fold", 4) == 0)
        *policy = EG_CASE_FOLD;
    else if (n == 5 && strncasecmp(v, "exact", 5) == 0)
        *policy = EG_CASE_EXACT;
    else
        return -1;
    return 0;
}

static int parse_priority(const char *v, size_t n, int *out)
{
    char tmp[16];
    if (n >= sizeof tmp)
        return -1;
    memcpy(tmp, v, n);
    tmp[n] = '\0';
    char *end;
    errno = 0;
    long x = strtol(tmp, &end, 10);
    if (*end || errno || x < -1000000 || x > 1000000)
        return -1;
    *out = (int)x;
    return 0;
}

/* Add the folded form of s to a word list (stop or words). */
static int add_folded(eg_strmap_t *set, const char *s, size_t n)
{
    eg_buf_t f = EG_BUF_INIT, work = EG_BUF_INIT;
    int rc = eg_fold_append(&f, &work, s, n);
    if (rc == 0 && f.len && eg_strmap_intern(set, f.data, f.len, NULL) < 0)
        rc = EG_ERR_RUNTIME;
    eg_buf_free(&f);
    eg_buf_free(&work);
    return rc;
}

static int add_stop_row(eg_dict_t *d, const char *name, size_t name_n,
                        const char *aliases, size_t aliases_n, const char *path,
                        long lineno, eg_error_t *err)
{
    int rc = add_folded(&d->lists[EG_LIST_STOP], name, name_n);
    for (size_t i = 0, start = 0; rc == 0 && aliases && i <= aliases_n; i++) {
        if (i < aliases_n && aliases[i] != '|')
            continue;
        const char *a = aliases + start;
        size_t al = i - start;
        trim(&a, &al);
        start = i + 1;
        if (al)
            rc = add_folded(&d->lists[EG_LIST_STOP], a, al);
    }
    return rc ? eg_error_set(err, EG_ERR_RUNTIME, path, lineno, "out of memory") : 0;
}

static int add_aliases(eg_dict_t *d, uint32_t ent, const char *list, size_t n,
                       uint8_t policy, const char *path, long lineno,
                       eg_error_t *err)
{
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && list[i] != '|')
            continue;
        const char *a = list + start;
        size_t al = i - start;
        trim(&a, &al);
        start = i + 1;
        if (al == 0)
            continue;
        if (al > EG_DICT_MAX_ALIAS)
            return eg_error_set(err, EG_ERR_DATA, path, lineno,
                                "alias of %zu bytes (limit %u)", al, EG_DICT_MAX_ALIAS);
        if (add_alias(d, ent, a, al, NULL, policy, path, lineno))
            return eg_error_set(err, EG_ERR_RUNTIME, path, lineno, "out of memory");
    }
    return 0;
}

/* Could eg_clean_append change these bytes? Only control characters
 * (C0, DEL, C1 = C2 80..9F), the no-break space (C2 A0) and the
 * non-characters EF BF BE/BF do, so a value without the bytes < 0x20,
 * 7F, C2 and EF is clean as it is: most values, which then need no copy. */
static int needs_cleaning(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || c == 0xC2 || c == 0xEF)
            return 1;
    }
    return 0;
}

/* Clean column c of the row into r->value[c]; adds the replacements made
 * to *replaced. Returns 0 or EG_ERR_RUNTIME. */
static int clean_value(row_t *r, int c, const char *v, size_t vl, size_t *replaced)
{
    if (!needs_cleaning(v, vl)) {
        r->value[c] = v;
        r->value_n[c] = vl;
        return 0;
    }
    eg_buf_clear(&r->clean[c]);
    size_t bad = eg_clean_append(&r->clean[c], v, vl, 0, 0);
    if (bad == (size_t)-1)
        return EG_ERR_RUNTIME;
    *replaced += bad;
    r->value[c] = r->clean[c].data ? r->clean[c].data : "";
    r->value_n[c] = r->clean[c].len;
    return 0;
}

/* Clean every column and pick out the special ones. */
static int read_fields(const header_t *h, row_t *r, const char **f, const size_t *fl,
                       int n, row_fields_t *rf, const eg_warner_t *warn, eg_error_t *err)
{
    memset(rf, 0, sizeof *rf);
    size_t replaced = 0;
    for (int c = 0; c < h->ncols; c++) {
        if (clean_value(r, c, c < n ? f[c] : "", c < n ? fl[c] : 0, &replaced))
            return eg_error_set(err, EG_ERR_RUNTIME, r->path, r->lineno, "out of memory");
        const char *v = r->value[c];
        size_t vl = r->value_n[c];
        trim(&v, &vl);
        switch (h->role[c]) {
        case COL_NAME: rf->name = v, rf->name_n = vl; break;
        case COL_ID: rf->id = v, rf->id_n = vl; break;
        case COL_ALIASES: rf->aliases = v, rf->aliases_n = vl; break;
        case COL_TYPE: rf->type = v, rf->type_n = vl; break;
        case COL_CASE: rf->cas = v, rf->cas_n = vl; break;
        case COL_PRIORITY: rf->prio = v, rf->prio_n = vl; break;
        default: break;
        }
    }
    if (replaced)
        eg_warn(warn, r->path, r->lineno,
                "%zu control character(s) replaced by spaces", replaced);
    return 0;
}

/* The type string of a new entity: rows in a gazetteer mostly share a
 * few types, so the last one made is reused when it is the same. */
static const char *type_string(eg_dict_t *d, row_t *r, const char *type, size_t n)
{
    if (!type || n == 0)
        return r->default_type;
    if (r->last_type && strncmp(r->last_type, type, n) == 0 && r->last_type[n] == '\0')
        return r->last_type;
    const char *t = eg_arena_strndup(&d->strings, type, n);
    if (t)
        r->last_type = t;
    return t;
}

/* Set *ent to the entity the row defines or merges into. The row's id
 * defaults to the slug of its name. Returns 0 or an error. */
static int row_entity(eg_dict_t *d, row_t *r, const row_fields_t *rf, int priority,
                      long *ent, const eg_warner_t *warn, eg_error_t *err)
{
    const char *id = rf->id;
    size_t id_n = rf->id_n;
    if (!id || id_n == 0) {
        eg_buf_clear(&r->slug);
        eg_slug_append(&r->slug, rf->name, rf->name_n);
        if (r->slug.len == 0)
            return eg_error_set(err, EG_ERR_DATA, r->path, r->lineno,
                                "name '%.*s' has no letter or digit; give it an id",
                                (int)rf->name_n, rf->name);
        id = r->slug.data;
        id_n = r->slug.len;
    }
    uint64_t hash = eg_strmap_hash(id, id_n);
    *ent = eg_strmap_find_hashed(&d->ids, id, id_n, hash);
    if (*ent >= 0) {
        const eg_entity_t *e = &d->entities[*ent];
        if (rf->type && rf->type_n &&
            (strlen(e->type) != rf->type_n || memcmp(e->type, rf->type, rf->type_n)))
            eg_warn(warn, r->path, r->lineno,
                    "id '%s' was defined at %s:%ld with type '%s'; keeping it",
                    e->id, e->file, e->line, e->type);
        return 0;
    }
    *ent = new_entity(d, id, id_n, hash);
    eg_entity_t *e = *ent >= 0 ? &d->entities[*ent] : NULL;
    if (!e || !(e->label = eg_arena_strndup(&d->strings, rf->name, rf->name_n)) ||
        !(e->type = (char *)type_string(d, r, rf->type, rf->type_n)))
        return eg_error_set(err, EG_ERR_RUNTIME, r->path, r->lineno, "out of memory");
    e->file = r->path;
    e->line = r->lineno;
    e->priority = priority;
    e->tclass = eg_type_class(e->type);
    return 0;
}

/* The row's attribute columns (the first definition of each wins). */
static int set_row_attrs(eg_dict_t *d, const header_t *h, const row_t *r, int n,
                         eg_entity_t *e)
{
    checking = d->check ? d : NULL;
    checking_path = r->path;
    checking_line = r->lineno;
    int widest = -1; /* widen e->attrs once for the whole row */
    for (int c = 0; c < h->ncols && c < n; c++) {
        const char *v = r->value[c];
        size_t vl = r->value_n[c];
        trim(&v, &vl);
        if (h->role[c] > widest && vl)
            widest = h->role[c];
    }
    if (widest >= 0 && widen_attrs(d, e, (size_t)widest))
        return EG_ERR_RUNTIME;
    for (int c = 0; c < h->ncols && c < n; c++) {
        if (h->role[c] < 0)
            continue;
        const char *v = r->value[c];
        size_t vl = r->value_n[c];
        trim(&v, &vl);
        if (vl && set_attr(d, e, (size_t)h->role[c], v, vl))
            return EG_ERR_RUNTIME;
    }
    return 0;
}

static int parse_row(eg_dict_t *d, const header_t *h, row_t *r, const char **f,
                     const size_t *fl, int n, const eg_warner_t *warn, eg_error_t *err)
{
    for (int c = h->ncols; c < n && c < EG_DICT_MAX_COLUMNS; c++) {
        const char *v = f[c];
        size_t vl = fl[c];
        trim(&v, &vl);
        if (vl)
            return eg_error_set(err, EG_ERR_DATA, r->path, r->lineno,
                                "row has %d fields, the header has %d", n, h->ncols);
    }
    row_fields_t rf;
    int rc = read_fields(h, r, f, fl, n, &rf, warn, err);
    if (rc)
        return rc;
    if (!rf.name || rf.name_n == 0)
        return eg_error_set(err, EG_ERR_DATA, r->path, r->lineno, "row has no name");
    if (rf.name_n > EG_DICT_MAX_ALIAS)
        return eg_error_set(err, EG_ERR_DATA, r->path, r->lineno,
                            "name of %zu bytes (limit %u)", rf.name_n, EG_DICT_MAX_ALIAS);
    uint8_t policy;
    if (parse_case(rf.cas ? rf.cas : "", rf.cas_n, &policy))
        return eg_error_set(err, EG_ERR_DATA, r->path, r->lineno,
                            "case '%.*s' is not auto, fold or exact", (int)rf.cas_n, rf.cas);
    int priority = 0;
    if (rf.prio_n && parse_priority(rf.prio, rf.prio_n, &priority))
        return eg_error_set(err, EG_ERR_DATA, r->path, r->lineno,
                            "priority '%.*s' is not an integer", (int)rf.prio_n, rf.prio);
    if (rf.type_n == 4 && strncasecmp(rf.type, "stop", 4) == 0)
        return add_stop_row(d, rf.name, rf.name_n, rf.aliases, rf.aliases_n, r->path,
                            r->lineno, err);
    long ent = -1;
    if ((rc = row_entity(d, r, &rf, priority, &ent, warn, err)))
        return rc;
    eg_entity_t *e = &d->entities[ent];
    if (set_row_attrs(d, h, r, n, e))
        return eg_error_set(err, EG_ERR_RUNTIME, r->path, r->lineno, "out of memory");
    /* The name is usually the label too: share its copy. */
    const char *copy = strncmp(e->label, rf.name, rf.name_n) == 0 && e->label[rf.name_n] == '\0'
                           ? e->label
                           : NULL;
    if (add_alias(d, (uint32_t)ent, rf.name, rf.name_n, copy, policy, r->path, r->lineno))
        return eg_error_set(err, EG_ERR_RUNTIME, r->path, r->lineno, "out of memory");
    if (rf.aliases)
        return add_aliases(d, (uint32_t)ent, rf.aliases, rf.aliases_n, policy, r->path,
                           r->lineno, err);
    return 0;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* What a file's records go to: the header first, then rows. */
typedef struct reader {
    eg_dict_t *d;
    header_t *h;
    row_t *r; /* r->lineno: the record's (first) line */
    int *have_header;
    const eg_warner_t *warn;
    eg_error_t *err;
} reader_t;

static int take_record(reader_t *rd, const char **f, size_t *fl, int n)
{
    if (!*rd->have_header) {
        *rd->have_header = 1;
        return parse_header(rd->d, rd->h, f, fl, n, rd->r->path, rd->r->lineno, rd->err);
    }
    int rc = parse_row(rd->d, rd->h, rd->r, f, fl, n, rd->warn, rd->err);
    if (rc == EG_ERR_DATA && rd->d->check) { /* report it, go on */
        eg_warn(rd->d->check, rd->err->file, rd->err->line, "%s", rd->err->text);
        rd->d->nbad++;
        rc = 0;
    }
    return rc;
}

static int is_csv(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && strcasecmp(path + n - 4, ".csv") == 0;
}

/* ---- CSV (RFC 4180) ----
 *
 * Spreadsheets export CSV, so a .csv dictionary is read with the same
 * columns and rules as TSV: fields separated by commas, a field in double
 * quotes may hold commas, quotes (doubled) and line breaks; CRLF or LF
 * ends a record. A tab or line break inside a quoted field is a control
 * character in a value, replaced by a space with a warning, like any
 * other. Anything RFC 4180 does not allow (an unclosed quote, text after
 * a closing quote, a quote inside an unquoted field) is an error naming
 * FILE:LINE, never a guess. '#' lines and blank lines are skipped. */

typedef struct csv_fields {
    eg_buf_t bytes;                      /* the unquoted fields, back to back */
    size_t start[EG_DICT_MAX_COLUMNS];
    size_t len[EG_DICT_MAX_COLUMNS];
    int n;                               /* may exceed EG_DICT_MAX_COLUMNS */
} csv_fields_t;

/* One quoted field from text[*pos] (the opening quote) into out. */
static int csv_quoted(const char *text, size_t len, size_t *pos, long *line, eg_buf_t *out,
                      const char *path, long first, eg_error_t *err)
{
    size_t i = *pos + 1;
    for (;;) {
        const char *q = i < len ? memchr(text + i, '"', len - i) : NULL;
        if (!q)
            return eg_error_set(err, EG_ERR_DATA, path, first,
                                "quoted field is not closed (a '\"' is missing)");
        size_t end = (size_t)(q - text);
        for (size_t k = i; k < end; k++)
            *line += text[k] == '\n';
        if (eg_buf_append(out, text + i, end - i))
            return eg_error_set(err, EG_ERR_RUNTIME, path, first, "out of memory");
        if (end + 1 < len && text[end + 1] == '"') { /* "" is one quote */
            if (eg_buf_append_byte(out, '"'))
                return eg_error_set(err, EG_ERR_RUNTIME, path, first, "out of memory");
            i = end + 2;
            continue;
        }
        i = end + 1;
        break;
    }
    if (i < len && text[i] != ',' && text[i] != '\n' &&
        !(text[i] == '\r' && (i + 1 == len || text[i + 1] == '\n')))
        return eg_error_set(err, EG_ERR_DATA, path, *line,
                            "text after a closing quote (quote the whole field)");
    *pos = i;
    return 0;
}

/* The next record from text[*pos..len): 1, 0 at the end, or an error. */
static int csv_record(const char *text, size_t len, size_t *pos, long *line,
                      csv_fields_t *c, long *first, const char *path, eg_error_t *err)
{
    while (*pos < len) { /* skip comment and blank lines */
        const char *nl = memchr(text + *pos, '\n', len - *pos);
        size_t end = nl ? (size_t)(nl - text) : len, k = *pos;
        while (k < end && (text[k] == ' ' || text[k] == '\r'))
            k++;
        if (k < end && text[*pos] != '#')
            break;
        *pos = end + 1;
        ++*line;
    }
    if (*pos >= len)
        return 0;
    *first = *line;
    eg_buf_clear(&c->bytes);
    c->n = 0;
    size_t i = *pos;
    for (;;) {
        size_t at = c->bytes.len;
        if (text[i] == '"') {
            int rc = csv_quoted(text, len, &i, line, &c->bytes, path, *first, err);
            if (rc)
                return rc;
        } else {
            size_t k = i;
            while (k < len && text[k] != ',' && text[k] != '\n' && text[k] != '"')
                k++;
            if (k < len && text[k] == '"')
                return eg_error_set(err, EG_ERR_DATA, path, *line,
                                    "quote inside an unquoted field (quote the whole field "
                                    "and double the quote)");
            size_t e = k;
            if (e > i && text[e - 1] == '\r' && (e == len || text[e] == '\n'))
                e--;
            if (eg_buf_append(&c->bytes, text + i, e - i))
                return eg_error_set(err, EG_ERR_RUNTIME, path, *first, "out of memory");
            i = k;
        }
        if (c->n < EG_DICT_MAX_COLUMNS) {
            c->start[c->n] = at;
            c->len[c->n] = c->bytes.len - at;
        }
        c->n++;
        if (c->bytes.len > EG_DICT_MAX_LINE)
            return eg_error_set(err, EG_ERR_DATA, path, *first, "record of more than %u bytes",
                                EG_DICT_MAX_LINE);
        if (i < len && text[i] == ',') {
            i++;
            if (i == len) { /* "a," at the very end: one more, empty field */
                if (c->n < EG_DICT_MAX_COLUMNS)
                    c->start[c->n] = c->bytes.len, c->len[c->n] = 0;
                c->n++;
            }
            if (i < len)
                continue;
        }
        break;
    }
    if (i < len && text[i] == '\r')
        i++;
    if (i < len && text[i] == '\n') {
        i++;
        ++*line;
    }
    *pos = i;
    return 1;
}

static int load_csv(reader_t *rd, const char *text, size_t len)
{
    csv_fields_t *c = calloc(1, sizeof *c);
    if (!c)
        return eg_error_set(rd->err, EG_ERR_RUNTIME, rd->r->path, 0, "out of memory");
    size_t pos = 0;
    long line = 1, first = 1;
    int rc;
    while ((rc = csv_record(text, len, &pos, &line, c, &first, rd->r->path, rd->err)) == 1) {
        const char *f[EG_DICT_MAX_COLUMNS];
        int n = c->n < EG_DICT_MAX_COLUMNS ? c->n : EG_DICT_MAX_COLUMNS;
        for (int k = 0; k < n; k++)
            f[k] = (c->bytes.data ? c->bytes.data : "") + c->start[k];
        rd->r->lineno = first;
        if ((rc = take_record(rd, f, c->len, c->n)))
            break;
    }
    eg_buf_free(&c->bytes);
    free(c);
    return rc;
}

static int load_tsv(reader_t *rd, const char *text, size_t len)
{
    long lineno = 0;
    int rc = 0;
    size_t pos = 0, n;
    const char *line;
    while (rc == 0 && eg_next_line(text, len, &pos, &line, &n)) {
        lineno++;
        if (n > EG_DICT_MAX_LINE)
            return eg_error_set(rd->err, EG_ERR_DATA, rd->r->path, lineno,
                                "line of %zu bytes (limit %u)", n, EG_DICT_MAX_LINE);
        if (n && line[n - 1] == '\r')
            n--;
        if ((n && line[0] == '#') || is_blank(line, n))
            continue;
        rd->r->lineno = lineno;
        const char *f[EG_DICT_MAX_COLUMNS];
        size_t fl[EG_DICT_MAX_COLUMNS];
        int nf = split_fields(line, n, f, fl, EG_DICT_MAX_COLUMNS);
        rc = take_record(rd, f, fl, nf);
    }
    return rc;
}

static size_t count_lines(const char *text, size_t len)
{
    size_t n = 1;
    for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p)));
         p++)
        n++;
    return n;
}

/* Size the tables for a file of `lines` rows of one entity and one alias
 * each (more aliases grow them as usual), so a big gazetteer does not
 * rehash and copy them a dozen times on the way. */
static int reserve_rows(eg_dict_t *d, size_t lines)
{
    return reserve_entities(d, d->nentities + lines) ||
                   reserve_aliases(d, d->naliases + lines)
               ? -1
               : 0;
}

/* The file's default type (people.tsv -> person), copied to the arena. */
static const char *default_type_of(eg_dict_t *d, const char *path)
{
    char *t = type_from_path(path);
    const char *copy = eg_arena_strndup(&d->strings, t ? t : "entity", strlen(t ? t : "entity"));
    free(t);
    return copy;
}

int eg_dict_load_text(eg_dict_t *d, const char *path, const char *text,
                      size_t len, const eg_warner_t *warn, eg_error_t *err)
{
    long fid = eg_strmap_intern(&d->files, path, strlen(path), NULL);
    if (fid < 0)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
    path = eg_strmap_key(&d->files, (size_t)fid);

    eg_buf_t repaired = EG_BUF_INIT;
    size_t bad = eg_utf8_count_invalid(text, len);
    if (bad) {
        eg_utf8_repair(text, len, &repaired);
        text = repaired.data;
        len = repaired.len;
        eg_warn(warn, path, 0, "%zu invalid UTF-8 sequence(s) replaced by U+FFFD", bad);
    }
    /* A UTF-8 byte order mark is not part of the first column's name. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;

    header_t h = {0};
    int have_header = 0, rc = 0;
    row_t *r = calloc(1, sizeof *r);
    if (!r || !(r->default_type = default_type_of(d, path)) ||
        reserve_rows(d, count_lines(text, len))) {
        free(r);
        eg_buf_free(&repaired);
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
    }
    r->path = path;
    reader_t rd = {d, &h, r, &have_header, warn, err};
    rc = is_csv(path) ? load_csv(&rd, text, len) : load_tsv(&rd, text, len);
    if (rc == 0 && !have_header)
        eg_warn(warn, path, 0, "dictionary has no header and no entries");
    for (int c = 0; c < EG_DICT_MAX_COLUMNS; c++)
        eg_buf_free(&r->clean[c]);
    eg_buf_free(&r->slug);
    free(r);
    eg_buf_free(&repaired);
    return rc;
}

/* ---- files and folders ---- */

/* A file's bytes, in an eg_bigmem block (release with eg_big_free). */
typedef struct file_bytes {
    char *data;
    size_t len, cap;
} file_bytes_t;

/* Make room for `extra` more bytes; 0 or -1. */
static int file_bytes_reserve(file_bytes_t *f, size_t extra)
{
    if (f->cap - f->len >= extra)
        return 0;
    size_t cap = f->len + extra;
    char *p = eg_big_realloc(f->data, cap);
    if (!p)
        return -1;
    f->data = p;
    f->cap = cap;
    return 0;
}

/* The bytes of the file at path, judged as they come: a NUL byte in any
 * block is a binary file, and more than EG_DICT_MAX_FILE bytes is too
 * much, so an endless FIFO (-d <(...)) stops at once or at the limit. */
static int read_file(const char *path, file_bytes_t *out, eg_error_t *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot read dictionary: %s",
                            strerror(errno));
    /* Read into one buffer of the file's size (+1, so the read that finds
     * the end needs no more room), not in chunks that grow and copy it. */
    struct stat st;
    size_t room = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    for (;;) {
        if (room > EG_DICT_MAX_FILE)
            room = EG_DICT_MAX_FILE;
        /* grow only when full: the read that finds the end of a regular
         * file goes to the byte kept spare, not to a doubled copy */
        if (out->len == out->cap && file_bytes_reserve(out, room + 1)) {
            fclose(fp);
            return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
        }
        size_t want = out->cap - out->len;
        if (want > (size_t)EG_DICT_MAX_FILE + 1 - out->len)
            want = (size_t)EG_DICT_MAX_FILE + 1 - out->len;
        size_t n = fread(out->data + out->len, 1, want, fp);
        if (n == 0)
            break;
        int binary = memchr(out->data + out->len, '\0', n) != NULL;
        out->len += n;
        if (binary || out->len > EG_DICT_MAX_FILE) {
            fclose(fp);
            return binary ? eg_error_set(err, EG_ERR_DATA, path, 0,
                                         "binary file (NUL byte), not a dictionary")
                          : eg_error_set(err, EG_ERR_DATA, path, 0,
                                         "dictionary file larger than %u MiB",
                                         EG_DICT_MAX_FILE >> 20);
        }
        room = out->len < 65536 ? 65536 : out->len; /* it grew: double */
    }
    int failed = ferror(fp);
    fclose(fp);
    if (failed)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot read dictionary");
    return 0;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The word list a .txt file feeds (eg_wordlists.h), or NULL. */
static eg_strmap_t *word_list_for(eg_dict_t *d, const char *path)
{
    int k = eg_wordlist_of_path(path);
    return k < 0 ? NULL : &d->lists[k];
}

static int load_word_list(eg_strmap_t *set, const char *path, const char *text,
                          size_t len, eg_error_t *err)
{
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *line = text + pos;
        size_t n = end - pos;
        pos = end + 1;
        trim(&line, &n);
        if (n == 0 || line[0] == '#')
            continue;
        if (add_folded(set, line, n))
            return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
    }
    return 0;
}

static int load_file(eg_dict_t *d, const char *path, const eg_warner_t *warn,
                     eg_error_t *err)
{
    file_bytes_t content = {NULL, 0, 0};
    int rc = read_file(path, &content, err);
    eg_strmap_t *list = word_list_for(d, path);
    if (rc == 0 && list) {
        eg_buf_t repaired = EG_BUF_INIT;
        eg_utf8_repair(content.data ? content.data : "", content.len, &repaired);
        rc = load_word_list(list, path, repaired.data ? repaired.data : "", repaired.len,
                            err);
        eg_buf_free(&repaired);
    } else if (rc == 0) {
        rc = eg_dict_load_text(d, path, content.data ? content.data : "", content.len,
                               warn, err);
    }
    eg_big_free(content.data);
    return rc;
}

typedef struct folder_ctx {
    eg_dict_t *dict;
    const eg_warner_t *warn;
    eg_error_t *err;
} folder_ctx_t;

static int load_folder_file(void *ctx, const char *path)
{
    folder_ctx_t *f = ctx;
    if (eg_patterns_is_patterns_file(path))
        return 0; /* eg_patterns_load_path reads it */
    if (has_suffix(path, ".tsv") || has_suffix(path, ".csv") || word_list_for(f->dict, path))
        return load_file(f->dict, path, f->warn, f->err);
    return 0;
}

int eg_dict_load_path(eg_dict_t *d, const char *path, const eg_warner_t *warn,
                      eg_error_t *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot read dictionary: %s",
                            strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        size_t before = d->nentities;
        folder_ctx_t f = {d, warn, err};
        int rc = eg_dirwalk(path, load_folder_file, &f, warn, err);
        if (rc == 0 && d->nentities == before)
            eg_warn(warn, path, 0, "folder has no .tsv dictionary with entries");
        return rc;
    }
    if (eg_patterns_is_patterns_file(path))
        return 0;
    return load_file(d, path, warn, err);
}
