/* eg_arena.h — a bump allocator for many small strings freed together.
 *
 * A dictionary of 150,000 names used to make half a million mallocs
 * (ids, labels, aliases, interned keys), each with its header, and as
 * many frees at exit. An arena hands out pieces of a few large chunks
 * instead: allocation is a pointer bump, and eg_arena_free releases
 * everything at once. Pieces cannot be freed or grown one by one, and
 * pointers stay valid until eg_arena_free (chunks never move).
 *
 * A zero-initialised eg_arena_t (or EG_ARENA_INIT) is an empty arena.
 * Not thread-safe.
 */
#ifndef EG_ARENA_H
#define EG_ARENA_H

#include <stddef.h>

struct eg_arena_chunk;

typedef struct eg_arena {
    struct eg_arena_chunk *chunks; /* newest first */
    char *next, *end;              /* free room in the newest chunk */
    size_t chunk_size;             /* size of the next chunk to make */
} eg_arena_t;

#define EG_ARENA_INIT {NULL, NULL, NULL, 0}

/* Release every chunk; the arena is empty (and usable) again. */
void eg_arena_free(eg_arena_t *a);

/* n bytes aligned for any object (max_align_t), or NULL when memory runs
 * out. */
void *eg_arena_alloc(eg_arena_t *a, size_t n);

/* n bytes with no alignment (for strings, which pack tighter), or NULL. */
char *eg_arena_alloc_bytes(eg_arena_t *a, size_t n);

/* A NUL-terminated copy of s[0..n) (s may be NULL when n is 0), or NULL
 * when memory runs out. */
char *eg_arena_strndup(eg_arena_t *a, const char *s, size_t n);

#endif
