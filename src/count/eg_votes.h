/* eg_votes.h — what documents say an entity found in text is.
 *
 * Each document that names an entity gives its type and the label it
 * wrote. The votes are counted per type, and for each type the label
 * smallest in byte order is kept; the winner is the type of most votes
 * (ties: the smaller type name). Nothing depends on the order votes come
 * in, so threads, shards and merges agree (eg_registry.h, eg_suggest.h).
 * Not thread-safe; the owner locks.
 */
#ifndef EG_VOTES_H
#define EG_VOTES_H

#include <stddef.h>
#include <stdint.h>

typedef struct eg_vote {
    char *type, *label; /* owned: one block, label after type */
    uint64_t votes;
} eg_vote_t;

typedef struct eg_votes {
    eg_vote_t *items;
    size_t n;
} eg_votes_t;

/* Count `votes` votes for (type, label). Returns 0 or -1 (out of memory;
 * the votes are unchanged). */
int eg_votes_add(eg_votes_t *v, const char *type, const char *label, uint64_t votes);

/* The type of most votes, with its label; NULL when there is no vote. */
const eg_vote_t *eg_votes_winner(const eg_votes_t *v);

void eg_votes_free(eg_votes_t *v);

#endif
