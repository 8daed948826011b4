/* eg_fastvocab.h — vocabulary ids of short ASCII tokens in one probe.
 *
 * Most tokens of real text are ASCII words of at most 16 bytes. Their
 * folded form is their lower-case form, so the key of such a token is
 * simply its bytes, lower-cased, zero-padded into two 64-bit words:
 * built with two loads and a mask, compared with two integer compares,
 * hashed with two multiplications. No call, no copy, no memcmp: this
 * table answers those tokens; the general vocabulary (eg_strmap, with
 * Unicode folding) answers the rest.
 *
 * eg_tokset is a bitmap over the same hashes: a set with false positives
 * (never false negatives) small enough to stay in cache, for a question
 * asked of most tokens ("could this lower-case word start a match?")
 * whose answer is mostly no.
 *
 * Both are read-only once built, so threads may share them.
 */
#ifndef EG_FASTVOCAB_H
#define EG_FASTVOCAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define EG_TOKKEY_MAX 16

typedef struct eg_tokkey {
    uint64_t lo, hi; /* bytes 0..7 and 8..15, zero padded; never both 0 */
} eg_tokkey_t;

/* All 8 bytes |= 0x20: lower-cases ASCII letters and leaves digits and
 * the characters that join a word (' . ,) as they are. Valid only for
 * the bytes of a word token (eg_segment.h), never for punctuation. */
#define EG_TOKKEY_LOWER 0x2020202020202020ULL

static inline uint64_t eg_tokkey_low_bytes(size_t n)
{
    return n >= 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
}

/* The key of bytes p[0..n), 1 <= n <= EG_TOKKEY_MAX, when avail >= n
 * bytes are readable from p (16 or more lets it load instead of copy).
 * lower: OR 0x20 into every byte (word tokens only; see above). */
static inline eg_tokkey_t eg_tokkey_make(const char *p, size_t n, size_t avail, int lower)
{
    uint64_t w[2];
    if (avail >= EG_TOKKEY_MAX) {
        memcpy(w, p, EG_TOKKEY_MAX);
    } else {
        w[0] = w[1] = 0;
        memcpy(w, p, n);
    }
    uint64_t m0 = eg_tokkey_low_bytes(n), m1 = n > 8 ? eg_tokkey_low_bytes(n - 8) : 0;
    uint64_t or0 = lower ? EG_TOKKEY_LOWER : 0;
    eg_tokkey_t k = {(w[0] | or0) & m0, (w[1] | or0) & m1};
    return k;
}

static inline uint64_t eg_tokkey_hash(eg_tokkey_t k)
{
    uint64_t h = (k.lo ^ (k.hi << 29 | k.hi >> 35)) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 32;
    return h * 0xD6E8FEB86659FD93ULL;
}

/* ---- the table ---- */

/* One slot: the key and what its owner stores with it, in one place so
 * that a lookup touches one cache line, not one per array. */
typedef struct eg_fastvocab_entry {
    eg_tokkey_t key; /* {0, 0} = empty */
    int32_t id;
    int32_t aux;     /* the owner's: the matcher keeps the trie node here */
    uint64_t extra;  /* the owner's: the matcher keeps that node's child
                      * signature (32 bytes: two slots per cache line) */
} eg_fastvocab_entry_t;

typedef struct eg_fastvocab {
    eg_fastvocab_entry_t *slots;
    size_t mask;       /* slots - 1 (a power of two) */
    unsigned shift;    /* 64 - log2(slots): the slot is the hash's top bits */
    size_t count;
} eg_fastvocab_t;

/* Room for up to n keys. Returns 0 or -1 (out of memory). */
int eg_fastvocab_init(eg_fastvocab_t *v, size_t n);
void eg_fastvocab_free(eg_fastvocab_t *v);

/* Add key -> (id, aux, extra) (a key added twice keeps its first
 * values). Returns 0, or -1 when the table is full (more keys than
 * eg_fastvocab_init allowed). */
int eg_fastvocab_add(eg_fastvocab_t *v, eg_tokkey_t k, int32_t id, int32_t aux, uint64_t extra);

/* A hint that a key of this hash is about to be added or looked up:
 * its first slot starts loading into the cache (for callers that know
 * their keys a few steps ahead). */
static inline void eg_fastvocab_prefetch(const eg_fastvocab_t *v, uint64_t hash)
{
    __builtin_prefetch(&v->slots[hash >> v->shift]);
}

/* The entry of k (hash = eg_tokkey_hash(k)), or NULL. */
static inline const eg_fastvocab_entry_t *eg_fastvocab_find(const eg_fastvocab_t *v,
                                                            eg_tokkey_t k, uint64_t hash)
{
    for (size_t i = (size_t)(hash >> v->shift);; i = (i + 1) & v->mask) {
        const eg_fastvocab_entry_t *e = &v->slots[i];
        if (e->key.lo == k.lo && e->key.hi == k.hi)
            return e;
        if (!(e->key.lo | e->key.hi))
            return NULL;
    }
}

/* ---- the set ---- */

typedef struct eg_tokset {
    uint64_t *words;
    uint64_t mask; /* bits - 1 */
} eg_tokset_t;

/* A set sized for n keys (about 32 bits per key, at least 4,096 bits,
 * at most 2^22: false positives near 3%). Returns 0 or -1. */
int eg_tokset_init(eg_tokset_t *s, size_t n);
void eg_tokset_free(eg_tokset_t *s);

/* The set takes middle bits of the hash; the table takes the top ones. */
static inline void eg_tokset_add(eg_tokset_t *s, uint64_t hash)
{
    uint64_t b = (hash >> 24) & s->mask;
    s->words[b >> 6] |= 1ULL << (b & 63);
}

/* 0: certainly not in the set; 1: maybe. */
static inline int eg_tokset_maybe(const eg_tokset_t *s, uint64_t hash)
{
    uint64_t b = (hash >> 24) & s->mask;
    return (int)(s->words[b >> 6] >> (b & 63)) & 1;
}

#endif
