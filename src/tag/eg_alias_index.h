/* eg_alias_index.h — which (entity, case policy, alias) triples a
 * dictionary already has, so the loader keeps each alias once.
 *
 * Internal to eg_dict. Most entities have a handful of aliases, and for
 * them a walk over the entity's own aliases (just written, so in cache)
 * beats a probe into a table of every alias (a cache miss per alias). An
 * entity past EG_ALIAS_INDEX_WALK aliases moves to a hash set, so a row of
 * 100,000 aliases still loads in linear time.
 *
 * The index keeps alias and entity numbers, never text: it reads the
 * texts from the caller's alias array, which must hold every alias added
 * so far, at the index it was added with. Not thread-safe.
 */
#ifndef EG_ALIAS_INDEX_H
#define EG_ALIAS_INDEX_H

#include "eg_dict.h"

#include <stddef.h>
#include <stdint.h>

#define EG_ALIAS_INDEX_WALK 8

typedef struct eg_alias_index eg_alias_index_t;

/* A new, empty index, or NULL when memory runs out. */
eg_alias_index_t *eg_alias_index_new(void);
void eg_alias_index_free(eg_alias_index_t *x);

/* Make room for naliases aliases and nentities entities in all.
 * Returns 0 or -1 when memory runs out. */
int eg_alias_index_reserve(eg_alias_index_t *x, size_t naliases, size_t nentities);

/* Does entity have text[0..n) as an alias with this policy among the
 * aliases added so far? 1 or 0. */
int eg_alias_index_has(const eg_alias_index_t *x, const eg_alias_t *aliases,
                       uint32_t entity, uint8_t policy, const char *text, size_t n);

/* Record aliases[i], the alias just appended (i = the number added
 * before it). Returns 0 or -1 when memory runs out. */
int eg_alias_index_add(eg_alias_index_t *x, const eg_alias_t *aliases, size_t i);

#endif
