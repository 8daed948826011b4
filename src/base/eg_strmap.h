/* eg_strmap.h — interning strings to dense ids.
 *
 * Maps byte strings to ids 0, 1, 2... in insertion order, with an
 * open-addressing table (linear probing, xxHash3 hashes, load <= 1/2).
 * The map owns copies of the keys. Used for the dictionary's vocabulary of
 * folded tokens and for entity ids. Lookups do not allocate, so the
 * tagger's hot path can call eg_strmap_find on every token. Not
 * thread-safe for writes; concurrent finds on a map no one writes are safe.
 */
#ifndef EG_STRMAP_H
#define EG_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct eg_strmap {
    uint32_t *slots;   /* id + 1, 0 = empty */
    size_t nslots;     /* power of two */
    char **keys;       /* keys[id], NUL-terminated copies */
    size_t *key_lens;  /* key_lens[id] */
    uint64_t *hashes;  /* hashes[id] */
    size_t count;
    size_t cap;
} eg_strmap_t;

void eg_strmap_init(eg_strmap_t *m);
void eg_strmap_free(eg_strmap_t *m);

/* Return the id of key, or -1. */
long eg_strmap_find(const eg_strmap_t *m, const char *key, size_t len);

/* Return the id of key, adding it when new (*added set to 1 then; added
 * may be NULL). Returns -1 when memory runs out. */
long eg_strmap_intern(eg_strmap_t *m, const char *key, size_t len, int *added);

static inline const char *eg_strmap_key(const eg_strmap_t *m, size_t id)
{
    return m->keys[id];
}

#endif
