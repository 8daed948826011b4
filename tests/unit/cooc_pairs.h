/* cooc_pairs.h — for the unit tests of counting: a pair of a counter by
 * its entities, read straight from the table. Header-only (each test is
 * one .c file). */
#ifndef COOC_PAIRS_H
#define COOC_PAIRS_H

#include "count/eg_cooc.h"

/* The pair (a, b), a < b, or NULL when it never co-occurred. */
static inline const eg_pair_t *cooc_find_pair(const eg_cooc_t *counts, uint32_t a, uint32_t b)
{
    for (size_t i = 0; i < counts->pair_slots; i++)
        if (counts->pairs[i].a == a && counts->pairs[i].b == b)
            return &counts->pairs[i];
    return NULL;
}

/* Its count, 0 when there is none. */
static inline uint64_t cooc_find_count(const eg_cooc_t *counts, uint32_t a, uint32_t b)
{
    const eg_pair_t *p = cooc_find_pair(counts, a, b);
    return p ? p->count : 0;
}

#endif
