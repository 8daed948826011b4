/* eg_nodedocs.c — per entity the K smallest document ids; see
 * eg_nodedocs.h. K is small (100 at most), so a list is a sorted array
 * and an offer a linear scan: counting offers once per entity and
 * document, not per mention. */
#include "eg_nodedocs.h"

#include <stdlib.h>
#include <string.h>

void eg_nodedocs_init(eg_nodedocs_t *d, unsigned k)
{
    memset(d, 0, sizeof *d);
    d->k = k > EG_NODE_DOCS_MAX ? EG_NODE_DOCS_MAX : k;
}

static void free_list(eg_node_doc_t *list, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        free(list[i].doc);
    free(list);
}

void eg_nodedocs_free(eg_nodedocs_t *d)
{
    for (size_t e = 0; e < d->cap; e++)
        if (d->lists[e])
            free_list(d->lists[e], d->sizes[e]);
    free(d->lists);
    free(d->sizes);
    memset(d, 0, sizeof *d);
}

/* Room for entity e in the arrays. */
static int reserve(eg_nodedocs_t *d, size_t e)
{
    if (e < d->cap)
        return 0;
    size_t cap = e + e / 2 + 64;
    eg_node_doc_t **lists = realloc(d->lists, cap * sizeof *lists);
    if (!lists)
        return -1;
    d->lists = lists;
    uint32_t *sizes = realloc(d->sizes, cap * sizeof *sizes);
    if (!sizes)
        return -1;
    d->sizes = sizes;
    memset(d->lists + d->cap, 0, (cap - d->cap) * sizeof *lists);
    memset(d->sizes + d->cap, 0, (cap - d->cap) * sizeof *sizes);
    d->cap = cap;
    return 0;
}

int eg_nodedocs_offer(eg_nodedocs_t *d, uint32_t e, const char *doc, uint64_t mentions)
{
    if (d->k == 0)
        return 0;
    if (reserve(d, e))
        return -1;
    if (!d->lists[e] && !(d->lists[e] = malloc(d->k * sizeof *d->lists[e])))
        return -1;
    eg_node_doc_t *list = d->lists[e];
    uint32_t n = d->sizes[e], pos = 0;
    int cmp = 1;
    while (pos < n && (cmp = strcmp(list[pos].doc, doc)) < 0)
        pos++;
    if (pos < n && cmp == 0) {
        list[pos].mentions += mentions;
        return 0;
    }
    if (pos >= d->k)
        return 0;
    char *copy = strdup(doc);
    if (!copy)
        return -1;
    if (n == d->k) /* full: the last one goes */
        free(list[--n].doc);
    memmove(list + pos + 1, list + pos, (n - pos) * sizeof *list);
    list[pos] = (eg_node_doc_t){copy, mentions};
    d->sizes[e] = n + 1;
    return 0;
}

int eg_nodedocs_merge(eg_nodedocs_t *dst, const eg_nodedocs_t *src)
{
    for (size_t e = 0; e < src->cap; e++)
        for (uint32_t i = 0; src->lists[e] && i < src->sizes[e]; i++)
            if (eg_nodedocs_offer(dst, (uint32_t)e, src->lists[e][i].doc,
                                  src->lists[e][i].mentions))
                return -1;
    return 0;
}

int eg_nodedocs_remap(eg_nodedocs_t *d, const uint32_t *map, size_t n)
{
    if (!d->cap)
        return 0;
    eg_node_doc_t **lists = calloc(n + 1, sizeof *lists);
    uint32_t *sizes = calloc(n + 1, sizeof *sizes);
    if (!lists || !sizes) {
        free(lists);
        free(sizes);
        return -1;
    }
    for (size_t e = 0; e < d->cap; e++) /* a list only for an entity counted */
        if (d->lists[e]) {
            lists[map[e]] = d->lists[e];
            sizes[map[e]] = d->sizes[e];
        }
    free(d->lists);
    free(d->sizes);
    d->lists = lists;
    d->sizes = sizes;
    d->cap = n + 1;
    return 0;
}

void eg_nodedocs_trim(eg_nodedocs_t *d, unsigned k)
{
    if (k > d->k)
        return;
    d->k = k;
    for (size_t e = 0; e < d->cap; e++) {
        if (!d->lists[e])
            continue;
        while (d->sizes[e] > k)
            free(d->lists[e][--d->sizes[e]].doc);
        if (k == 0) {
            free(d->lists[e]);
            d->lists[e] = NULL;
        }
    }
}
