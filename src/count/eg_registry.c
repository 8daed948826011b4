/* eg_registry.c — one mutex around a string map: a document asks once
 * per distinct found entity (not per mention), so the lock is cold next
 * to the scan. */
#include "eg_registry.h"

#include "../base/eg_strmap.h"
#include "eg_votes.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct eg_registry {
    const eg_dict_t *dict;
    size_t base;         /* the dictionary's entities when made */
    pthread_mutex_t lock;
    eg_strmap_t ids;
    eg_votes_t *entries; /* per registered id */
    size_t cap;
};

eg_registry_t *eg_registry_new(const eg_dict_t *dict)
{
    eg_registry_t *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->dict = dict;
    r->base = dict->nentities;
    pthread_mutex_init(&r->lock, NULL);
    eg_strmap_init(&r->ids);
    return r;
}

void eg_registry_free(eg_registry_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ids.count; i++)
        eg_votes_free(&r->entries[i]);
    free(r->entries);
    eg_strmap_free(&r->ids);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

long eg_registry_find(const eg_registry_t *r, const char *id)
{
    long k = eg_strmap_find(&r->ids, id, strlen(id));
    return k < 0 ? -1 : (long)(r->base + (size_t)k);
}

size_t eg_registry_count(const eg_registry_t *r)
{
    return r->ids.count;
}

long eg_registry_vote(eg_registry_t *r, const char *id, const char *label, const char *type,
                      uint64_t votes)
{
    size_t n = strlen(id);
    long rc;
    pthread_mutex_lock(&r->lock);
    int added = 0;
    long k = eg_strmap_intern(&r->ids, id, n, &added);
    if (k >= 0 && added && (size_t)k >= r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        eg_votes_t *p = realloc(r->entries, cap * sizeof *p);
        if (p) {
            memset(p + r->cap, 0, (cap - r->cap) * sizeof *p);
            r->entries = p;
            r->cap = cap;
        }
    }
    if (k < 0 || (size_t)k >= r->cap || eg_votes_add(&r->entries[k], type, label, votes))
        rc = -1;
    else
        rc = (long)(r->base + (size_t)k);
    pthread_mutex_unlock(&r->lock);
    return rc;
}

static const eg_registry_t *g_sort; /* qsort has no context argument */

static int by_id(const void *a, const void *b)
{
    return strcmp(eg_strmap_key(&g_sort->ids, *(const uint32_t *)a),
                  eg_strmap_key(&g_sort->ids, *(const uint32_t *)b));
}

static uint32_t *id_order(const eg_registry_t *r)
{
    uint32_t *order = malloc((r->ids.count + 1) * sizeof *order);
    if (!order)
        return NULL;
    for (size_t i = 0; i < r->ids.count; i++)
        order[i] = (uint32_t)i;
    g_sort = r;
    if (r->ids.count > 1)
        qsort(order, r->ids.count, sizeof *order, by_id);
    return order;
}

int eg_registry_finish(eg_registry_t *r, eg_dict_t *dict, uint32_t **map, size_t *n)
{
    size_t base = r->base, count = r->ids.count;
    uint32_t *order = id_order(r);
    uint32_t *m = malloc((base + count + 1) * sizeof *m);
    if (!order || !m) {
        free(order);
        free(m);
        return EG_ERR_RUNTIME;
    }
    for (size_t e = 0; e < base; e++)
        m[e] = (uint32_t)e;
    for (size_t i = 0; i < count; i++) {
        uint32_t k = order[i];
        const eg_vote_t *s = eg_votes_winner(&r->entries[k]);
        long idx = eg_dict_add_entity(dict, eg_strmap_key(&r->ids, k), s->label, s->type,
                                      "(found in text)");
        if (idx < 0) {
            free(order);
            free(m);
            return EG_ERR_RUNTIME;
        }
        m[base + k] = (uint32_t)idx;
    }
    free(order);
    *map = m;
    *n = base + count;
    return 0;
}

int eg_registry_each(const eg_registry_t *r, eg_registry_fn fn, void *ctx)
{
    uint32_t *order = id_order(r);
    if (!order)
        return EG_ERR_RUNTIME;
    int rc = 0;
    for (size_t i = 0; i < r->ids.count && rc == 0; i++) {
        const eg_votes_t *e = &r->entries[order[i]];
        for (size_t j = 0; j < e->n && rc == 0; j++)
            rc = fn(ctx, eg_strmap_key(&r->ids, order[i]), e->items[j].label,
                    e->items[j].type, e->items[j].votes);
    }
    free(order);
    return rc;
}
