/* eg_bigmem.h — large arrays on transparent huge pages.
 *
 * The first touch of each 4 KiB page costs a page fault, and on the
 * virtual machines entgraph is benchmarked on a fault costs ~10 us: the
 * 9,000 pages of a 150,000-name dictionary's tables took longer to fault
 * in than to fill. A block of 1 MiB or more is therefore mapped on its
 * own, 2 MiB-aligned and advised MADV_HUGEPAGE, so the kernel can back it
 * with 2 MiB pages (one fault each); a smaller one comes from malloc.
 * Where huge pages are off, the hint is ignored and this is plain mmap.
 * The header of a mapped block lies in an ordinary page before its data,
 * so a power-of-two size fills whole huge pages, and growing a mapped
 * block moves its pages (mremap) instead of copying its bytes.
 *
 * Blocks from here must be resized with eg_big_realloc and released with
 * eg_big_free, never with realloc or free. Thread-safe (like malloc).
 */
#ifndef EG_BIGMEM_H
#define EG_BIGMEM_H

#include <stddef.h>

/* n bytes (n may be 0) aligned for any object, contents undefined; or
 * NULL when memory runs out. */
void *eg_big_alloc(size_t n);

/* n zeroed bytes, or NULL. */
void *eg_big_calloc(size_t n);

/* Resize p (NULL: allocate) to n bytes, keeping the first min(old, n)
 * bytes; the rest are undefined. NULL when memory runs out, and p is
 * left as it was. */
void *eg_big_realloc(void *p, size_t n);

/* Grow an array to hold n elements of elem bytes: array is the address
 * of the array's pointer (a T ** passed as void *; NULL or a block from
 * here), cap the address of its capacity in elements. Nothing happens
 * when n <= *cap; new elements are undefined. Returns 0, or -1 when
 * memory runs out (the array is left as it was). */
int eg_big_reserve(void *array, size_t *cap, size_t n, size_t elem);

/* Release p (NULL: nothing). */
void eg_big_free(void *p);

#endif
