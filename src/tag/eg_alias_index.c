/* eg_alias_index.c — a chain per entity through its aliases (prev[]), and
 * a hash set of alias numbers for the entities whose chain got long.
 * Set slots hold the high half of the hash beside the alias number + 1,
 * like eg_strmap, so a probe compares texts only on a likely match. */
#include "eg_alias_index.h"

#include "../base/eg_bigmem.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct entity_aliases {
    uint32_t last;  /* its newest alias + 1, 0 = none */
    uint32_t count; /* past EG_ALIAS_INDEX_WALK: all of them are in the set */
} entity_aliases_t;

struct eg_alias_index {
    uint32_t *prev; /* per alias: the previous alias of its entity + 1 */
    size_t prev_cap;
    entity_aliases_t *ent;
    size_t ent_cap;
    uint64_t *set; /* open addressing, load <= 1/2 */
    size_t set_slots, set_count;
};

#define TAG_MASK 0xFFFFFFFF00000000ULL

eg_alias_index_t *eg_alias_index_new(void)
{
    return calloc(1, sizeof(eg_alias_index_t));
}

void eg_alias_index_free(eg_alias_index_t *x)
{
    if (!x)
        return;
    eg_big_free(x->prev);
    eg_big_free(x->ent);
    eg_big_free(x->set);
    free(x);
}

int eg_alias_index_reserve(eg_alias_index_t *x, size_t naliases, size_t nentities)
{
    size_t had = x->ent_cap;
    if (eg_big_reserve(&x->prev, &x->prev_cap, naliases, sizeof *x->prev) ||
        eg_big_reserve(&x->ent, &x->ent_cap, nentities, sizeof *x->ent))
        return -1;
    if (x->ent_cap > had) /* entities not seen yet have no alias */
        memset(x->ent + had, 0, (x->ent_cap - had) * sizeof *x->ent);
    return 0;
}

static uint64_t hash_of(uint32_t entity, uint8_t policy, const char *text, size_t n)
{
    return XXH3_64bits_withSeed(text, n, (uint64_t)entity << 8 | policy);
}

static int is_alias(const eg_alias_t *a, uint32_t entity, uint8_t policy, const char *text,
                    size_t n)
{
    return a->entity == entity && a->policy == policy && strncmp(a->text, text, n) == 0 &&
           a->text[n] == '\0';
}

static void set_put(uint64_t *set, size_t slots, uint64_t h, size_t alias)
{
    size_t k = (size_t)h & (slots - 1);
    while (set[k])
        k = (k + 1) & (slots - 1);
    set[k] = (h & TAG_MASK) | (uint64_t)(alias + 1);
}

static uint64_t hash_of_alias(const eg_alias_t *a)
{
    return hash_of(a->entity, a->policy, a->text, strlen(a->text));
}

/* Double the set (or make one), putting back what it holds. */
static int set_grow(eg_alias_index_t *x, const eg_alias_t *aliases)
{
    size_t slots = x->set_slots ? x->set_slots * 2 : 256;
    uint64_t *set = eg_big_calloc(slots * sizeof *set);
    if (!set)
        return -1;
    for (size_t k = 0; k < x->set_slots; k++) {
        if (!x->set[k])
            continue;
        size_t alias = (size_t)(x->set[k] & 0xFFFFFFFFu) - 1;
        set_put(set, slots, hash_of_alias(&aliases[alias]), alias);
    }
    eg_big_free(x->set);
    x->set = set;
    x->set_slots = slots;
    return 0;
}

static int set_add(eg_alias_index_t *x, const eg_alias_t *aliases, size_t alias)
{
    if ((x->set_count + 1) * 2 > x->set_slots && set_grow(x, aliases))
        return -1;
    set_put(x->set, x->set_slots, hash_of_alias(&aliases[alias]), alias);
    x->set_count++;
    return 0;
}

static int set_has(const eg_alias_index_t *x, const eg_alias_t *aliases, uint32_t entity,
                   uint8_t policy, const char *text, size_t n)
{
    uint64_t h = hash_of(entity, policy, text, n);
    size_t mask = x->set_slots - 1;
    for (size_t k = (size_t)h & mask; x->set[k]; k = (k + 1) & mask)
        if ((x->set[k] & TAG_MASK) == (h & TAG_MASK) &&
            is_alias(&aliases[(x->set[k] & 0xFFFFFFFFu) - 1], entity, policy, text, n))
            return 1;
    return 0;
}

int eg_alias_index_has(const eg_alias_index_t *x, const eg_alias_t *aliases,
                       uint32_t entity, uint8_t policy, const char *text, size_t n)
{
    if (entity >= x->ent_cap)
        return 0;
    const entity_aliases_t *e = &x->ent[entity];
    if (e->count > EG_ALIAS_INDEX_WALK)
        return set_has(x, aliases, entity, policy, text, n);
    for (uint32_t j = e->last; j; j = x->prev[j - 1])
        if (is_alias(&aliases[j - 1], entity, policy, text, n))
            return 1;
    return 0;
}

int eg_alias_index_add(eg_alias_index_t *x, const eg_alias_t *aliases, size_t i)
{
    uint32_t entity = aliases[i].entity;
    if (eg_alias_index_reserve(x, i < x->prev_cap ? 0 : (i + 1) * 2,
                               entity < x->ent_cap ? 0 : ((size_t)entity + 1) * 2))
        return -1;
    entity_aliases_t *e = &x->ent[entity];
    x->prev[i] = e->last;
    e->last = (uint32_t)(i + 1);
    e->count++;
    if (e->count == EG_ALIAS_INDEX_WALK + 1) { /* long now: all to the set */
        for (uint32_t j = e->last; j; j = x->prev[j - 1])
            if (set_add(x, aliases, j - 1))
                return -1;
    } else if (e->count > EG_ALIAS_INDEX_WALK + 1) {
        return set_add(x, aliases, i);
    }
    return 0;
}
