/* eg_bigmem.c — every block starts with a header saying how it was made
 * (malloc or its own mapping, and the mapping's size), so eg_big_free and
 * eg_big_realloc need no table of blocks. A mapped block's data is
 * rounded up to 2 MiB and aligned to 2 MiB: a huge page can only back an
 * aligned 2 MiB range wholly inside a mapping that asked for it.
 *
 * A mapped block's header sits in one ordinary page just before the
 * data, not in the data's first huge page: with the header inside, a
 * table of a power-of-two size (most hash tables) spilled 64 bytes into
 * one more huge page, and the kernel zeroed 2 MiB for them. */
#include "eg_bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_PAGE ((size_t)2 << 20)
/* Blocks from this size get a mapping. Under AddressSanitizer none do,
 * so that overruns of the big arrays are still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define MAP_FROM SIZE_MAX
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAP_FROM SIZE_MAX
#endif
#endif
#ifndef MAP_FROM
#define MAP_FROM ((size_t)1 << 20)
#endif

/* 64 bytes, so the data after it stays aligned for anything (and for a
 * cache line). */
typedef struct header {
    size_t mapped; /* a mapped block's room for data, or 0: from malloc */
    size_t size;   /* bytes asked for */
    char pad[48];
} header_t;

static header_t *header_of(void *p)
{
    return (header_t *)(void *)((char *)p - sizeof(header_t));
}

/* The size of the ordinary page that holds a mapped block's header
 * (sysconf is a cheap read, and mappings are made rarely). */
static size_t lead_page(void)
{
    long n = sysconf(_SC_PAGESIZE);
    return n >= (long)sizeof(header_t) && n < (long)HUGE_PAGE ? (size_t)n : 4096;
}

/* A 2 MiB-aligned anonymous mapping of `size` (a multiple of 2 MiB) with
 * one ordinary page before it, or NULL: map 2 MiB more than needed and
 * unmap the ends. Returns the aligned start (the page is just below). */
static char *map_aligned(size_t size)
{
    size_t page = lead_page();
    char *raw = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    /* raw + page is page-aligned, so at - raw <= HUGE_PAGE */
    uintptr_t at = ((uintptr_t)raw + page + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    size_t head = at - page - (uintptr_t)raw, tail = HUGE_PAGE - (at - (uintptr_t)raw);
    if (head)
        munmap(raw, head);
    if (tail)
        munmap((char *)at + size, tail);
#ifdef MADV_HUGEPAGE
    /* a hint (failure is fine), given to the header page too so that the
     * mapping stays one area, which mremap can move whole */
    madvise((char *)at - page, size + page, MADV_HUGEPAGE);
#endif
    return (char *)at;
}

static void *alloc(size_t n, int zero)
{
    if (n > SIZE_MAX - 2 * HUGE_PAGE)
        return NULL;
    size_t total = sizeof(header_t) + n;
    header_t *h;
    size_t mapped = 0;
    if (total >= MAP_FROM) {
        mapped = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        char *data = map_aligned(mapped); /* fresh mappings read as zero */
        h = data ? header_of(data) : NULL;
    } else {
        h = zero ? calloc(1, total) : malloc(total);
    }
    if (!h)
        return NULL;
    h->mapped = mapped;
    h->size = n;
    return h + 1;
}

void *eg_big_alloc(size_t n)
{
    return alloc(n, 0);
}

void *eg_big_calloc(size_t n)
{
    return alloc(n, 1);
}

void eg_big_free(void *p)
{
    if (!p)
        return;
    header_t *h = header_of(p);
    if (h->mapped)
        munmap((char *)p - lead_page(), h->mapped + lead_page());
    else
        free(h);
}

int eg_big_reserve(void *array, size_t *cap, size_t n, size_t elem)
{
    if (n <= *cap)
        return 0;
    if (elem && n > SIZE_MAX / elem)
        return -1;
    void *old, *grown;
    memcpy(&old, array, sizeof old); /* array is a T **: no aliasing cast */
    if (!(grown = eg_big_realloc(old, n * elem)))
        return -1;
    memcpy(array, &grown, sizeof grown);
    *cap = n;
    return 0;
}

/* Grow a mapped block to n bytes by moving its pages into a larger
 * aligned mapping (mremap moves page tables, huge pages whole): nothing
 * is copied, and the bytes written stay in the pages they are in, not
 * in fresh ones the kernel must zero as well. NULL when it cannot (the
 * block is unchanged then). */
static void *grow_mapping(void *p, size_t n)
{
#if defined(MREMAP_FIXED) && defined(MREMAP_MAYMOVE)
    header_t *h = header_of(p);
    size_t page = lead_page(), mapped = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    char *data = map_aligned(mapped);
    if (!data)
        return NULL;
    if (mremap((char *)p - page, h->mapped + page, h->mapped + page,
               MREMAP_MAYMOVE | MREMAP_FIXED, data - page) == MAP_FAILED) {
        munmap(data - page, mapped + page);
        return NULL;
    }
    h = header_of(data);
    h->mapped = mapped;
    h->size = n;
    return data;
#else
    (void)p, (void)n;
    return NULL;
#endif
}

void *eg_big_realloc(void *p, size_t n)
{
    if (!p)
        return eg_big_alloc(n);
    header_t *h = header_of(p);
    if (h->mapped && n <= h->mapped) { /* room in the mapping */
        h->size = n;
        return p;
    }
    if (!h->mapped && sizeof(header_t) + n < MAP_FROM) { /* stays small */
        if (n > SIZE_MAX - sizeof(header_t))
            return NULL;
        header_t *g = realloc(h, sizeof(header_t) + n);
        if (!g)
            return NULL;
        g->size = n;
        return g + 1;
    }
    if (h->mapped && n <= SIZE_MAX - 2 * HUGE_PAGE) {
        void *moved = grow_mapping(p, n);
        if (moved)
            return moved;
    }
    void *q = eg_big_alloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, h->size < n ? h->size : n);
    eg_big_free(p);
    return q;
}
