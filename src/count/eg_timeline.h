/* eg_timeline.h — counts per period (--period): mentions of an entity
 * and co-occurrences of a pair in each period they were seen in.
 *
 * A sparse table keyed by (a, b, period), b = EG_TIMELINE_NODE for an
 * entity's mentions and a < b for a pair: memory grows with the
 * (element, period) combinations actually seen, never with the corpus or
 * the calendar. Periods are numbers (eg_period.h). Open addressing,
 * doubled at half load; adding allocates only when the table grows.
 *
 * Not thread-safe; each counter (eg_cooc_t) has its own, combined with
 * eg_timeline_merge. */
#ifndef EG_TIMELINE_H
#define EG_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#define EG_TIMELINE_NODE UINT32_MAX

typedef struct eg_timeline_entry {
    uint32_t a, b;   /* a = UINT32_MAX: a free slot */
    int32_t period;
    uint64_t count;
} eg_timeline_entry_t;

typedef struct eg_timeline {
    eg_timeline_entry_t *slots;
    size_t nslots, n;
} eg_timeline_t;

void eg_timeline_free(eg_timeline_t *t);

/* The count of (a, b, period), made 0 when new; NULL when memory runs
 * out. The pointer is valid until the next call that adds an entry. */
uint64_t *eg_timeline_slot(eg_timeline_t *t, uint32_t a, uint32_t b, int32_t period);

/* Add src's counts into dst. 0 or -1 (out of memory). */
int eg_timeline_merge(eg_timeline_t *dst, const eg_timeline_t *src);

/* Renumber the entities as eg_cooc_remap does (pairs keep a < b). 0 or
 * -1 (t unchanged then). */
int eg_timeline_remap(eg_timeline_t *t, const uint32_t *map);

/* The entries in a new array sorted by (a, b, period) (nodes, b =
 * EG_TIMELINE_NODE, after their entity's pairs); the caller frees it.
 * NULL when memory runs out. */
eg_timeline_entry_t *eg_timeline_sorted(const eg_timeline_t *t, size_t *n);

/* In a sorted array, the run of (a, b): [*first, *first + return). */
size_t eg_timeline_find(const eg_timeline_entry_t *sorted, size_t n, uint32_t a, uint32_t b,
                        size_t *first);

#endif
