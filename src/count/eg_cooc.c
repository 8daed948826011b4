/* eg_cooc.c — counting windows. A window's distinct entities are sorted
 * so every pair is visited once with a < b, and pair counts go to an
 * open-addressing table that doubles at half load. */
#include "eg_cooc.h"

#include "../base/eg_error.h"

#include <stdlib.h>
#include <string.h>

#define EMPTY UINT32_MAX

int eg_window_parse(const char *s, eg_window_t *out)
{
    if (strcmp(s, "sentence") == 0)
        *out = EG_WINDOW_SENTENCE;
    else if (strcmp(s, "paragraph") == 0)
        *out = EG_WINDOW_PARAGRAPH;
    else if (strcmp(s, "document") == 0)
        *out = EG_WINDOW_DOCUMENT;
    else
        return -1;
    return 0;
}

const char *eg_window_name(eg_window_t w)
{
    switch (w) {
    case EG_WINDOW_SENTENCE: return "sentence";
    case EG_WINDOW_PARAGRAPH: return "paragraph";
    case EG_WINDOW_DOCUMENT: return "document";
    }
    return "?";
}

static eg_pair_t *alloc_table(size_t n)
{
    eg_pair_t *t = malloc(n * sizeof *t);
    if (t)
        for (size_t i = 0; i < n; i++)
            t[i].a = t[i].b = EMPTY;
    return t;
}

int eg_cooc_init(eg_cooc_t *c, size_t nentities)
{
    memset(c, 0, sizeof *c);
    c->nentities = nentities;
    size_t n = nentities ? nentities : 1;
    c->mentions = calloc(n, sizeof *c->mentions);
    c->documents = calloc(n, sizeof *c->documents);
    c->windows = calloc(n, sizeof *c->windows);
    c->last_doc = calloc(n, sizeof *c->last_doc);
    c->pair_slots = 1024;
    c->pairs = alloc_table(c->pair_slots);
    if (!c->mentions || !c->documents || !c->windows || !c->last_doc || !c->pairs) {
        eg_cooc_free(c);
        return EG_ERR_RUNTIME;
    }
    return 0;
}

void eg_cooc_free(eg_cooc_t *c)
{
    free(c->mentions);
    free(c->documents);
    free(c->windows);
    free(c->last_doc);
    free(c->pairs);
    free(c->scratch);
    memset(c, 0, sizeof *c);
}

static inline size_t pair_hash(uint32_t a, uint32_t b)
{
    uint64_t k = ((uint64_t)a << 32) | b;
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k;
}

static int grow_pairs(eg_cooc_t *c)
{
    size_t n = c->pair_slots * 2;
    eg_pair_t *t = alloc_table(n);
    if (!t)
        return -1;
    for (size_t i = 0; i < c->pair_slots; i++) {
        eg_pair_t *p = &c->pairs[i];
        if (p->a == EMPTY)
            continue;
        size_t j = pair_hash(p->a, p->b) & (n - 1);
        while (t[j].a != EMPTY)
            j = (j + 1) & (n - 1);
        t[j] = *p;
    }
    free(c->pairs);
    c->pairs = t;
    c->pair_slots = n;
    return 0;
}

static eg_pair_t *pair_slot(eg_cooc_t *c, uint32_t a, uint32_t b)
{
    if ((c->npairs + 1) * 2 > c->pair_slots && grow_pairs(c))
        return NULL;
    size_t mask = c->pair_slots - 1;
    for (size_t i = pair_hash(a, b) & mask;; i = (i + 1) & mask) {
        eg_pair_t *p = &c->pairs[i];
        if (p->a == a && p->b == b)
            return p;
        if (p->a == EMPTY) {
            p->a = a;
            p->b = b;
            p->count = p->documents = p->last_doc = 0;
            c->npairs++;
            return p;
        }
    }
}

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

static int count_window(eg_cooc_t *c, uint64_t doc, size_t n)
{
    qsort(c->scratch, n, sizeof *c->scratch, compare_u32);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || c->scratch[i] != c->scratch[i - 1])
            c->scratch[k++] = c->scratch[i];
    if (k == 0)
        return 0;
    c->windows_with_entities++;
    for (size_t i = 0; i < k; i++) {
        c->windows[c->scratch[i]]++;
        for (size_t j = i + 1; j < k; j++) {
            eg_pair_t *p = pair_slot(c, c->scratch[i], c->scratch[j]);
            if (!p)
                return EG_ERR_RUNTIME;
            p->count++;
            if (p->last_doc != doc + 1) {
                p->last_doc = doc + 1;
                p->documents++;
            }
        }
    }
    return 0;
}

static uint64_t window_of(const eg_mention_t *m, const eg_segments_t *seg,
                          eg_window_t w)
{
    switch (w) {
    case EG_WINDOW_SENTENCE: return m->sentence;
    case EG_WINDOW_PARAGRAPH: return seg->sentences[m->sentence].paragraph;
    case EG_WINDOW_DOCUMENT: return 0;
    }
    return 0;
}

int eg_cooc_add_document(eg_cooc_t *c, uint64_t doc, const eg_mention_t *ms,
                         size_t n, const eg_segments_t *seg, eg_window_t w)
{
    c->ndocuments++;
    if (n > c->scratch_cap) {
        uint32_t *p = realloc(c->scratch, n * sizeof *p);
        if (!p)
            return EG_ERR_RUNTIME;
        c->scratch = p;
        c->scratch_cap = n;
    }
    size_t in_window = 0;
    uint64_t current = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t e = ms[i].entity;
        c->mentions[e]++;
        if (c->last_doc[e] != doc + 1) {
            c->last_doc[e] = doc + 1;
            c->documents[e]++;
        }
        uint64_t win = window_of(&ms[i], seg, w);
        if (in_window && win != current) {
            if (count_window(c, doc, in_window))
                return EG_ERR_RUNTIME;
            in_window = 0;
        }
        current = win;
        c->scratch[in_window++] = e;
    }
    return in_window ? count_window(c, doc, in_window) : 0;
}

static int compare_pairs(const void *x, const void *y)
{
    const eg_pair_t *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

eg_pair_t *eg_cooc_sorted_pairs(const eg_cooc_t *c, size_t *n)
{
    eg_pair_t *out = malloc((c->npairs + 1) * sizeof *out);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < c->pair_slots; i++)
        if (c->pairs[i].a != EMPTY)
            out[k++] = c->pairs[i];
    qsort(out, k, sizeof *out, compare_pairs);
    *n = k;
    return out;
}
