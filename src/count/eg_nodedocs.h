/* eg_nodedocs.h — the documents that mention each entity (--node-docs K):
 * per entity the K smallest document ids with its mentions in each.
 *
 * Like evidence, the K kept are the smallest by id, a rule on the
 * documents alone, so threads and shards merged in any order keep the
 * same K; offers of an id already kept add their mentions (two documents
 * may share a JSONL id), which is order-independent too: an id offered
 * once too late to be kept is never among the K smallest at the end.
 * Lists are made for an entity on its first offer; ids are copied when
 * kept and freed when pushed out.
 *
 * Not thread-safe; one per counter (eg_cooc_t). */
#ifndef EG_NODEDOCS_H
#define EG_NODEDOCS_H

#include <stddef.h>
#include <stdint.h>

#define EG_NODE_DOCS_MAX 100

typedef struct eg_node_doc {
    char *doc;         /* document id (owned) */
    uint64_t mentions; /* the entity's mentions in it */
} eg_node_doc_t;

typedef struct eg_nodedocs {
    unsigned k;            /* documents kept per entity, <= EG_NODE_DOCS_MAX */
    eg_node_doc_t **lists; /* [cap]: an entity's documents by id, or NULL */
    uint32_t *sizes;       /* [cap] */
    size_t cap;
} eg_nodedocs_t;

void eg_nodedocs_init(eg_nodedocs_t *d, unsigned k);
void eg_nodedocs_free(eg_nodedocs_t *d);

/* Offer document doc (NUL-terminated, copied when kept) with mentions of
 * entity e. 0 or -1 (out of memory). */
int eg_nodedocs_offer(eg_nodedocs_t *d, uint32_t e, const char *doc, uint64_t mentions);

/* Offer src's lists to dst. 0 or -1. */
int eg_nodedocs_merge(eg_nodedocs_t *dst, const eg_nodedocs_t *src);

/* Entity e becomes map[e] (< n), one-to-one. 0 or -1 (d unchanged). */
int eg_nodedocs_remap(eg_nodedocs_t *d, const uint32_t *map, size_t n);

/* Keep at most k per entity from now on. */
void eg_nodedocs_trim(eg_nodedocs_t *d, unsigned k);

/* Entity e's documents: *n of them, by id. */
static inline const eg_node_doc_t *eg_nodedocs_of(const eg_nodedocs_t *d, uint32_t e,
                                                   size_t *n)
{
    *n = e < d->cap && d->lists[e] ? d->sizes[e] : 0;
    return *n ? d->lists[e] : NULL;
}

#endif
