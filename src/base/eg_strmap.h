/* eg_strmap.h — interning strings to dense ids.
 *
 * Maps byte strings to ids 0, 1, 2... in insertion order, with an
 * open-addressing table (linear probing, xxHash3 hashes, load <= 1/2).
 * Each slot keeps the high half of its key's hash beside the id, so a
 * lookup of an absent key touches only the slot array, not the keys; and
 * before the slots, a blocked Bloom filter (one 64-bit word, three bits,
 * about 8 bits per key, small enough to stay in cache) turns most absent
 * keys away without a cache miss in a table of 100,000s of keys.
 * The map owns copies of the keys, packed in an arena (one malloc per
 * chunk, not per key; a map of 150,000 keys frees in microseconds), so
 * a key's address never changes while the map lives. Used for the dictionary's vocabulary of
 * folded tokens and for entity ids. Lookups do not allocate, so the
 * tagger's hot path can call eg_strmap_find on every token. Not
 * thread-safe for writes; concurrent finds on a map no one writes are safe.
 */
#ifndef EG_STRMAP_H
#define EG_STRMAP_H

#include "eg_arena.h"

#include <stddef.h>
#include <stdint.h>

typedef struct eg_strmap {
    uint64_t *slots;   /* hash >> 32 << 32 | (id + 1); 0 = empty */
    uint64_t *bloom;   /* nslots / 16 words */
    size_t nslots;     /* power of two */
    char **keys;       /* keys[id], NUL-terminated copies */
    size_t *key_lens;  /* key_lens[id] */
    uint64_t *hashes;  /* hashes[id] */
    size_t count;
    size_t cap;
    eg_arena_t key_bytes; /* where keys[] point */
} eg_strmap_t;

void eg_strmap_init(eg_strmap_t *m);
void eg_strmap_free(eg_strmap_t *m);

/* Return the id of key, or -1. */
long eg_strmap_find(const eg_strmap_t *m, const char *key, size_t len);

/* The hash eg_strmap uses, and a find with it already computed (for
 * callers that fold and hash a token in one pass). */
uint64_t eg_strmap_hash(const char *key, size_t len);
long eg_strmap_find_hashed(const eg_strmap_t *m, const char *key, size_t len,
                           uint64_t hash);

/* Return the id of key, adding it when new (*added set to 1 then; added
 * may be NULL). Returns -1 when memory runs out. */
long eg_strmap_intern(eg_strmap_t *m, const char *key, size_t len, int *added);

/* eg_strmap_intern with hash = eg_strmap_hash(key, len) already known
 * (for callers that looked the key up first). */
long eg_strmap_intern_hashed(eg_strmap_t *m, const char *key, size_t len,
                             uint64_t hash, int *added);

/* Make room for n keys in all, so that interning them does not grow the
 * table step by step (each step rehashes and touches fresh memory).
 * Returns 0, or -1 when memory runs out (the map is unchanged then). */
int eg_strmap_reserve(eg_strmap_t *m, size_t n);

static inline const char *eg_strmap_key(const eg_strmap_t *m, size_t id)
{
    return m->keys[id];
}

#endif
