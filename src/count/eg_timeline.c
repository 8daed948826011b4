/* eg_timeline.c — the per-period counts table. Counting adds to it once
 * per mention and once per counted pair, so the lookup is a multiply-
 * shift hash and a linear probe; writers sort a copy. */
#include "eg_timeline.h"

#include <stdlib.h>
#include <string.h>

#define FREE UINT32_MAX

static size_t hash(uint32_t a, uint32_t b, int32_t period)
{
    uint64_t h = ((uint64_t)a * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)b * 0xC2B2AE3D27D4EB4Full) ^
                 ((uint64_t)(uint32_t)period * 0x165667B19E3779F9ull);
    return (size_t)(h ^ (h >> 29));
}

static eg_timeline_entry_t *alloc_slots(size_t n)
{
    eg_timeline_entry_t *s = malloc(n * sizeof *s);
    if (s)
        for (size_t i = 0; i < n; i++)
            s[i].a = FREE;
    return s;
}

void eg_timeline_free(eg_timeline_t *t)
{
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static eg_timeline_entry_t *probe(eg_timeline_entry_t *slots, size_t nslots, uint32_t a,
                                  uint32_t b, int32_t period)
{
    size_t i = hash(a, b, period) & (nslots - 1);
    while (slots[i].a != FREE &&
           (slots[i].a != a || slots[i].b != b || slots[i].period != period))
        i = (i + 1) & (nslots - 1);
    return &slots[i];
}

static int grow(eg_timeline_t *t)
{
    size_t n = t->nslots ? 2 * t->nslots : 1024;
    eg_timeline_entry_t *s = alloc_slots(n);
    if (!s)
        return -1;
    for (size_t i = 0; i < t->nslots; i++)
        if (t->slots[i].a != FREE)
            *probe(s, n, t->slots[i].a, t->slots[i].b, t->slots[i].period) = t->slots[i];
    free(t->slots);
    t->slots = s;
    t->nslots = n;
    return 0;
}

uint64_t *eg_timeline_slot(eg_timeline_t *t, uint32_t a, uint32_t b, int32_t period)
{
    if (2 * (t->n + 1) > t->nslots && grow(t))
        return NULL;
    eg_timeline_entry_t *e = probe(t->slots, t->nslots, a, b, period);
    if (e->a == FREE) {
        *e = (eg_timeline_entry_t){.a = a, .b = b, .period = period};
        t->n++;
    }
    return &e->count;
}

int eg_timeline_merge(eg_timeline_t *dst, const eg_timeline_t *src)
{
    for (size_t i = 0; i < src->nslots; i++) {
        const eg_timeline_entry_t *e = &src->slots[i];
        if (e->a == FREE)
            continue;
        uint64_t *count = eg_timeline_slot(dst, e->a, e->b, e->period);
        if (!count)
            return -1;
        *count += e->count;
    }
    return 0;
}

int eg_timeline_remap(eg_timeline_t *t, const uint32_t *map)
{
    if (!t->nslots)
        return 0;
    eg_timeline_entry_t *s = alloc_slots(t->nslots);
    if (!s)
        return -1;
    for (size_t i = 0; i < t->nslots; i++) {
        eg_timeline_entry_t e = t->slots[i];
        if (e.a == FREE)
            continue;
        uint32_t a = map[e.a], b = e.b == EG_TIMELINE_NODE ? e.b : map[e.b];
        e.a = a < b ? a : b;
        e.b = a < b ? b : a;
        *probe(s, t->nslots, e.a, e.b, e.period) = e;
    }
    free(t->slots);
    t->slots = s;
    return 0;
}

static int compare_entries(const void *x, const void *y)
{
    const eg_timeline_entry_t *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->period < q->period ? -1 : p->period > q->period;
}

eg_timeline_entry_t *eg_timeline_sorted(const eg_timeline_t *t, size_t *n)
{
    *n = 0;
    eg_timeline_entry_t *out = malloc((t->n ? t->n : 1) * sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < t->nslots; i++)
        if (t->slots[i].a != FREE)
            out[(*n)++] = t->slots[i];
    qsort(out, *n, sizeof *out, compare_entries);
    return out;
}

size_t eg_timeline_find(const eg_timeline_entry_t *sorted, size_t n, uint32_t a, uint32_t b,
                        size_t *first)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first entry >= (a, b) */
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid].a < a || (sorted[mid].a == a && sorted[mid].b < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n && sorted[end].a == a && sorted[end].b == b)
        end++;
    *first = lo;
    return end - lo;
}
