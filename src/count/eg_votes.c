/* eg_votes.c — a handful of (type, label, count) triples per entity: a
 * linear search is all it needs. */
#include "eg_votes.h"

#include <stdlib.h>
#include <string.h>

/* A vote's strings in one block, type first: one allocation per vote
 * (most entities get one vote of one type), freed through type. */
static int set_strings(eg_vote_t *x, const char *type, const char *label)
{
    size_t t = strlen(type) + 1, l = strlen(label) + 1;
    char *p = malloc(t + l);
    if (!p)
        return -1;
    memcpy(p, type, t);
    memcpy(p + t, label, l);
    x->type = p;
    x->label = p + t;
    return 0;
}

int eg_votes_add(eg_votes_t *v, const char *type, const char *label, uint64_t votes)
{
    for (size_t k = 0; k < v->n; k++) {
        eg_vote_t *x = &v->items[k];
        if (strcmp(x->type, type) != 0)
            continue;
        if (strcmp(label, x->label) < 0) {
            char *old = x->type;
            if (set_strings(x, old, label))
                return -1;
            free(old);
        }
        x->votes += votes;
        return 0;
    }
    eg_vote_t x = {NULL, NULL, votes};
    if (set_strings(&x, type, label))
        return -1;
    eg_vote_t *p = realloc(v->items, (v->n + 1) * sizeof *p);
    if (!p) {
        free(x.type);
        return -1;
    }
    v->items = p;
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
    for (size_t k = 0; k < v->n; k++)
        free(v->items[k].type); /* and the label, in the same block */
    free(v->items);
    memset(v, 0, sizeof *v);
}
