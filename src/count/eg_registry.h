/* eg_registry.h — the entities of a run that no dictionary defines.
 *
 * Discovery and patterns find entities per document (eg_found.h); to be
 * counted they need entity indexes of the run. The registry gives each
 * distinct id one index past the dictionary's entities (an id the
 * dictionary already has is that entity: the dictionary wins), from any
 * thread. What such an entity is gets decided by votes, one per document
 * that names it (eg_votes.h), so that the result does not depend on the
 * order documents or threads came in.
 *
 * At the end, eg_registry_finish adds the entities to the dictionary in
 * id order and gives the map from the indexes handed out during counting
 * to their final place (for eg_cooc_remap), so that the graph does not
 * depend on which thread met an entity first.
 */
#ifndef EG_REGISTRY_H
#define EG_REGISTRY_H

#include "../tag/eg_dict.h"

#include <stddef.h>
#include <stdint.h>

typedef struct eg_registry eg_registry_t;

/* A registry over dict (read-only until eg_registry_finish). Returns
 * NULL when memory runs out. */
eg_registry_t *eg_registry_new(const eg_dict_t *dict);
void eg_registry_free(eg_registry_t *r);

/* The entity index for (id, label, type) seen in one document; counts
 * one vote. Thread-safe. Returns the index, or -1 when memory runs out. */
long eg_registry_vote(eg_registry_t *r, const char *id, const char *label, const char *type,
                      uint64_t votes);

/* The index of a registered id, or -1. Not thread-safe. */
long eg_registry_find(const eg_registry_t *r, const char *id);

/* Entities registered (past the dictionary's). */
size_t eg_registry_count(const eg_registry_t *r);

/* Add the registered entities to dict (the same dictionary; each with
 * attribute `source` = discovered is the exporters' job, see
 * eg_registry_is_found), in id order. *map (malloc'ed, [*n]) maps every
 * index of the run to its final one. Returns 0 or EG_ERR_RUNTIME. */
int eg_registry_finish(eg_registry_t *r, eg_dict_t *dict, uint32_t **map, size_t *n);

/* Each registered entity as (id, label, type, votes), in id order, for
 * writers of partial counts. */
typedef int (*eg_registry_fn)(void *ctx, const char *id, const char *label, const char *type,
                              uint64_t votes);
int eg_registry_each(const eg_registry_t *r, eg_registry_fn fn, void *ctx);

#endif
