/* eg_arena.c — chunks double in size (4 KiB up to just under 2 MiB, so
 * that a full-size chunk fills one huge page of eg_bigmem), so a small
 * arena stays small and a big one makes a few dozen allocations. A
 * request larger than a chunk gets a chunk of its own, so a huge piece
 * never wastes the rest of the current chunk. */
#include "eg_arena.h"

#include "eg_bigmem.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MIN_CHUNK ((size_t)4096)
#define MAX_CHUNK (((size_t)2 << 20) - 256) /* + headers <= 2 MiB */

struct eg_arena_chunk {
    struct eg_arena_chunk *prev;
    alignas(max_align_t) char data[];
};

void eg_arena_free(eg_arena_t *a)
{
    struct eg_arena_chunk *c = a->chunks;
    while (c) {
        struct eg_arena_chunk *prev = c->prev;
        eg_big_free(c);
        c = prev;
    }
    memset(a, 0, sizeof *a);
}

/* Make a chunk with room for at least n bytes. A piece too big for the
 * normal chunk size goes in a chunk of its own, behind the current one,
 * so the current chunk's free room is not lost. */
static char *new_chunk(eg_arena_t *a, size_t n)
{
    size_t size = a->chunk_size ? a->chunk_size : MIN_CHUNK;
    int own = n > size / 4;
    if (own)
        size = n;
    if (size > SIZE_MAX - sizeof(struct eg_arena_chunk))
        return NULL;
    struct eg_arena_chunk *c = eg_big_alloc(sizeof *c + size);
    if (!c)
        return NULL;
    if (own && a->chunks) {
        c->prev = a->chunks->prev;
        a->chunks->prev = c;
        return c->data;
    }
    c->prev = a->chunks;
    a->chunks = c;
    a->next = c->data + n;
    a->end = c->data + size;
    if (!own)
        a->chunk_size = size * 2 < MAX_CHUNK ? size * 2 : MAX_CHUNK;
    else if (!a->chunk_size)
        a->chunk_size = MIN_CHUNK;
    return c->data;
}

char *eg_arena_alloc_bytes(eg_arena_t *a, size_t n)
{
    if ((size_t)(a->end - a->next) >= n && a->next) {
        char *p = a->next;
        a->next += n;
        return p;
    }
    return new_chunk(a, n ? n : 1);
}

void *eg_arena_alloc(eg_arena_t *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    if (a->next) {
        size_t pad = (align - (uintptr_t)a->next % align) % align;
        if ((size_t)(a->end - a->next) >= pad && (size_t)(a->end - a->next) - pad >= n) {
            char *p = a->next + pad;
            a->next = p + n;
            return p;
        }
    }
    return new_chunk(a, n ? n : 1); /* chunk data is max-aligned */
}

char *eg_arena_strndup(eg_arena_t *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = eg_arena_alloc_bytes(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
