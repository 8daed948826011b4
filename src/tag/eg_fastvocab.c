/* eg_fastvocab.c — see eg_fastvocab.h. */
#include "eg_fastvocab.h"

#include "../base/eg_bigmem.h"

#include <stdlib.h>

int eg_fastvocab_init(eg_fastvocab_t *v, size_t n)
{
    memset(v, 0, sizeof *v);
    size_t slots = 16;
    unsigned bits = 4;
    while (slots < 2 * n + 16) { /* at most half full: short probes */
        slots *= 2;
        bits++;
    }
    /* huge pages: a lookup in a large table is otherwise a TLB miss too */
    v->slots = eg_big_calloc(slots * sizeof *v->slots);
    if (!v->slots)
        return -1;
    v->mask = slots - 1;
    v->shift = 64 - bits;
    return 0;
}

void eg_fastvocab_free(eg_fastvocab_t *v)
{
    eg_big_free(v->slots);
    memset(v, 0, sizeof *v);
}

int eg_fastvocab_add(eg_fastvocab_t *v, eg_tokkey_t k, int32_t id, int32_t aux, uint64_t extra)
{
    if (!v->slots || 2 * (v->count + 1) > v->mask + 1)
        return -1;
    for (size_t i = (size_t)(eg_tokkey_hash(k) >> v->shift);; i = (i + 1) & v->mask) {
        eg_fastvocab_entry_t *e = &v->slots[i];
        if (e->key.lo == k.lo && e->key.hi == k.hi)
            return 0;
        if (!(e->key.lo | e->key.hi)) {
            e->key = k;
            e->id = id;
            e->aux = aux;
            e->extra = extra;
            v->count++;
            return 0;
        }
    }
}

int eg_tokset_init(eg_tokset_t *s, size_t n)
{
    uint64_t bits = 4096;
    while (bits < 32 * (uint64_t)n && bits < (1ULL << 22))
        bits *= 2;
    s->words = eg_big_calloc(bits / 64 * sizeof *s->words);
    s->mask = bits - 1;
    return s->words ? 0 : -1;
}

void eg_tokset_free(eg_tokset_t *s)
{
    eg_big_free(s->words);
    s->words = NULL;
}
