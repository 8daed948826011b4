/* eg_votes.c — a handful of (type, label, count) triples per entity: a
 * linear search is all it needs. */
#include "eg_votes.h"

#include <stdlib.h>
#include <string.h>

int eg_votes_add(eg_votes_t *v, const char *type, const char *label, uint64_t votes)
{
    for (size_t k = 0; k < v->n; k++) {
        eg_vote_t *x = &v->items[k];
        if (strcmp(x->type, type) != 0)
            continue;
        if (strcmp(label, x->label) < 0) {
            char *l = strdup(label);
            if (!l)
                return -1;
            free(x->label);
            x->label = l;
        }
        x->votes += votes;
        return 0;
    }
    eg_vote_t *p = realloc(v->items, (v->n + 1) * sizeof *p);
    if (!p)
        return -1;
    v->items = p;
    eg_vote_t x = {strdup(type), strdup(label), votes};
    if (!x.type || !x.label) {
        free(x.type);
        free(x.label);
        return -1;
    }
    p[v->n++] = x;
    return 0;
}

const eg_vote_t *eg_votes_winner(const eg_votes_t *v)
{
    const eg_vote_t *best = v->n ? &v->items[0] : NULL;
    for (size_t k = 1; k < v->n; k++) {
        const eg_vote_t *x = &v->items[k];
        if (x->votes > best->votes || (x->votes == best->votes && strcmp(x->type, best->type) < 0))
            best = x;
    }
    return best;
}

void eg_votes_free(eg_votes_t *v)
{
    for (size_t k = 0; k < v->n; k++) {
        free(v->items[k].type);
        free(v->items[k].label);
    }
    free(v->items);
    memset(v, 0, sizeof *v);
}
