/* eg_strmap.c — open addressing with linear probing. Slots hold id + 1,
 * and hashes are kept per id so growing the table never rehashes keys.
 * Keys live in an arena: interning is a hash, a probe and a bump copy,
 * with no malloc per key. The arrays come from eg_bigmem, so a big map
 * sits on huge pages instead of faulting in 4 KiB at a time. */
#include "eg_strmap.h"

#include "eg_bigmem.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

void eg_strmap_init(eg_strmap_t *m)
{
    memset(m, 0, sizeof *m);
}

void eg_strmap_free(eg_strmap_t *m)
{
    eg_arena_free(&m->key_bytes);
    eg_big_free(m->keys);
    eg_big_free(m->key_lens);
    eg_big_free(m->hashes);
    eg_big_free(m->slots);
    eg_big_free(m->bloom);
    memset(m, 0, sizeof *m);
}

uint64_t eg_strmap_hash(const char *key, size_t len)
{
    return XXH3_64bits(key, len);
}

long eg_strmap_find(const eg_strmap_t *m, const char *key, size_t len)
{
    return m->nslots ? eg_strmap_find_hashed(m, key, len, XXH3_64bits(key, len)) : -1;
}

/* The Bloom word of a hash and its three bits (from hash bits that the
 * slot index does not use first). */
static inline size_t bloom_word(const eg_strmap_t *m, uint64_t h)
{
    return (size_t)(h >> 40) & (m->nslots / 16 - 1);
}

static inline uint64_t bloom_bits(uint64_t h)
{
    return (1ULL << ((h >> 20) & 63)) | (1ULL << ((h >> 26) & 63)) | (1ULL << ((h >> 32) & 63));
}

long eg_strmap_find_hashed(const eg_strmap_t *m, const char *key, size_t len, uint64_t h)
{
    if (!m->nslots)
        return -1;
    uint64_t bits = bloom_bits(h);
    if ((m->bloom[bloom_word(m, h)] & bits) != bits)
        return -1;
    size_t mask = m->nslots - 1;
    uint64_t tag = h & 0xFFFFFFFF00000000ULL;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint64_t s = m->slots[i];
        if (!s)
            return -1;
        if ((s & 0xFFFFFFFF00000000ULL) != tag)
            continue;
        size_t id = (size_t)(s & 0xFFFFFFFFu) - 1;
        if (m->key_lens[id] == len && memcmp(m->keys[id], key, len) == 0)
            return (long)id;
    }
}

static inline uint64_t slot_of(const eg_strmap_t *m, size_t id)
{
    return (m->hashes[id] & 0xFFFFFFFF00000000ULL) | (uint64_t)(id + 1);
}

static int resize_slots(eg_strmap_t *m, size_t n)
{
    uint64_t *slots = eg_big_calloc(n * sizeof *slots);
    uint64_t *bloom = eg_big_calloc(n / 16 * sizeof *bloom);
    if (!slots || !bloom) {
        eg_big_free(slots);
        eg_big_free(bloom);
        return -1;
    }
    for (size_t id = 0; id < m->count; id++) {
        size_t i = (size_t)m->hashes[id] & (n - 1);
        while (slots[i])
            i = (i + 1) & (n - 1);
        slots[i] = slot_of(m, id);
    }
    eg_big_free(m->slots);
    eg_big_free(m->bloom);
    m->slots = slots;
    m->bloom = bloom;
    m->nslots = n;
    for (size_t id = 0; id < m->count; id++)
        m->bloom[bloom_word(m, m->hashes[id])] |= bloom_bits(m->hashes[id]);
    return 0;
}

static int resize_keys(eg_strmap_t *m, size_t cap)
{
    char **keys = eg_big_realloc(m->keys, cap * sizeof *keys);
    if (!keys)
        return -1;
    m->keys = keys;
    size_t *lens = eg_big_realloc(m->key_lens, cap * sizeof *lens);
    if (!lens)
        return -1;
    m->key_lens = lens;
    uint64_t *hashes = eg_big_realloc(m->hashes, cap * sizeof *hashes);
    if (!hashes)
        return -1;
    m->hashes = hashes;
    m->cap = cap;
    return 0;
}

/* Slots for n keys at load <= 1/2: the smallest power of two >= 2n. */
static size_t slots_for(size_t n)
{
    size_t slots = 64;
    while (slots < 2 * n)
        slots *= 2;
    return slots;
}

int eg_strmap_reserve(eg_strmap_t *m, size_t n)
{
    if (n > m->cap && resize_keys(m, n))
        return -1;
    size_t slots = slots_for(n);
    return slots > m->nslots ? resize_slots(m, slots) : 0;
}

long eg_strmap_intern(eg_strmap_t *m, const char *key, size_t len, int *added)
{
    return eg_strmap_intern_hashed(m, key, len, XXH3_64bits(key, len), added);
}

long eg_strmap_intern_hashed(eg_strmap_t *m, const char *key, size_t len, uint64_t h,
                             int *added)
{
    if (added)
        *added = 0;
    long found = eg_strmap_find_hashed(m, key, len, h);
    if (found >= 0)
        return found;
    if ((m->count + 1) * 2 > m->nslots && resize_slots(m, m->nslots ? m->nslots * 2 : 64))
        return -1;
    if (m->count == m->cap && resize_keys(m, m->cap ? m->cap * 2 : 32))
        return -1;
    char *copy = eg_arena_strndup(&m->key_bytes, key, len);
    if (!copy)
        return -1;
    size_t id = m->count++;
    m->keys[id] = copy;
    m->key_lens[id] = len;
    m->hashes[id] = h;
    size_t mask = m->nslots - 1;
    size_t i = (size_t)h & mask;
    while (m->slots[i])
        i = (i + 1) & mask;
    m->slots[i] = slot_of(m, id);
    m->bloom[bloom_word(m, h)] |= bloom_bits(h);
    if (added)
        *added = 1;
    return (long)id;
}
