/* eg_found.c — a document's found entities: few per document, so a
 * linear search by id is cheaper than a hash table to set up. */
#include "eg_found.h"

#include "../text/eg_fold.h"
#include "eg_types.h"

#include <stdlib.h>
#include <string.h>

const char EG_TYPE_PERSON[] = "person";
const char EG_TYPE_ORGANISATION[] = "organisation";
const char EG_TYPE_PLACE[] = "place";

void eg_found_clear(eg_found_t *f)
{
    f->n = 0;
    eg_buf_clear(&f->names);
}

void eg_found_free(eg_found_t *f)
{
    free(f->items);
    eg_buf_free(&f->names);
    memset(f, 0, sizeof *f);
}

/* The class of a type: discovery's own types without the name table
 * (eg_type_class compares names case-blind, one by one). */
static unsigned char type_class(const char *type)
{
    if (type == EG_TYPE_PERSON)
        return EG_TC_PERSON;
    if (type == EG_TYPE_ORGANISATION)
        return EG_TC_ORGANISATION;
    if (type == EG_TYPE_PLACE)
        return EG_TC_PLACE;
    return eg_type_class(type);
}

/* Keep the NUL that ends the string just appended to b. */
static int end_string(eg_buf_t *b)
{
    if (b->len + 2 > b->cap)
        return eg_buf_append_byte(b, '\0');
    b->data[++b->len] = '\0';
    return 0;
}

static int same_type(const char *a, const char *b)
{
    return a == b || strcmp(a, b) == 0;
}

long eg_found_add(eg_found_t *f, const char *label, size_t n, const char *type,
                  uint8_t why)
{
    /* the same label again (most found names come back as written): no
     * need to make its slug */
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].type == type && f->items[i].id - f->items[i].label == n + 1 &&
            memcmp(eg_found_label(f, i), label, n) == 0)
            return (long)i;
    size_t mark = f->names.len;
    if (eg_buf_reserve(&f->names, n + 1))
        return -1;
    memcpy(f->names.data + mark, label, n);
    f->names.data[mark + n] = '\0';
    f->names.len += n + 1;
    size_t id = f->names.len;
    if (eg_slug_append(&f->names, f->names.data + mark, n) || end_string(&f->names))
        return -1;
    size_t id_len = f->names.len - id - 1;
    if (id_len == 0) { /* no letter or digit */
        f->names.len = mark;
        return -2;
    }
    const char *slug = f->names.data + id;
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].id_len == id_len && memcmp(eg_found_id(f, i), slug, id_len) == 0 &&
            same_type(f->items[i].type, type)) {
            f->names.len = mark;
            return (long)i;
        }
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        eg_found_entity_t *p = realloc(f->items, cap * sizeof *p);
        if (!p)
            return -1;
        f->items = p;
        f->cap = cap;
    }
    f->items[f->n] = (eg_found_entity_t){(uint32_t)mark, (uint32_t)id, type, why,
                                         type_class(type), (uint32_t)id_len, -1};
    return (long)f->n++;
}

/* Has the id a one-letter word after another word ("-r-")? Most have
 * none, and need no copy. */
static int may_have_initial(const char *id)
{
    for (const char *q = strchr(id, '-'); q; q = strchr(q + 1, '-'))
        if (q[1] && q[2] == '-')
            return 1;
    return 0;
}

size_t eg_found_id_without_initials(const char *id, char *out, size_t cap)
{
    if (!may_have_initial(id))
        return 0;
    size_t n = 0, words = 0, dropped = 0, prev = 0; /* prev: length of the word before */
    const char *p = id;
    while (*p) {
        size_t len = strcspn(p, "-");
        /* one letter between two longer words ("George H. W. Bush" and
         * "J. K. Rowling" stay as they are) */
        if (len == 1 && p[len] == '-' && prev >= 2 && strcspn(p + 2, "-") >= 2) {
            dropped++;
        } else {
            if (n + (n > 0) + len + 1 > cap)
                return 0;
            if (n > 0)
                out[n++] = '-';
            memcpy(out + n, p, len);
            n += len;
            words++;
        }
        prev = len;
        p += len + (p[len] == '-');
    }
    out[n] = '\0';
    return dropped && words >= 2 ? n : 0;
}
