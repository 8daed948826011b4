/* eg_dirwalk.h — walking a folder tree in a reproducible order.
 *
 * Visits every regular file below root, depth first, entries in byte
 * order of their names, so the same tree always gives the same document
 * order (and so byte-identical outputs). Entries whose names start with
 * '.' are skipped. Symbolic links are followed, but a folder already
 * visited (same device and inode, e.g. reached again through a link to
 * a parent) is skipped with a warning, so a link loop cannot hang the
 * walk. The walk does not recurse on the C stack: any depth whose paths
 * fit in PATH_MAX is walked. Not thread-safe.
 */
#ifndef EG_DIRWALK_H
#define EG_DIRWALK_H

#include "eg_error.h"

/* Called for each file; a non-zero return stops the walk and is
 * returned by eg_dirwalk. */
typedef int (*eg_dirwalk_fn)(void *ctx, const char *path);

/* Returns 0, the visitor's non-zero value, or EG_ERR_RUNTIME (a folder
 * that cannot be read, a path over PATH_MAX) with err filled. */
int eg_dirwalk(const char *root, eg_dirwalk_fn visit, void *ctx,
               const eg_warner_t *warn, eg_error_t *err);

/* The same, asking enter(ctx, path) before walking into each folder
 * below root: 1 walks it, 0 passes it over with all it holds. */
typedef int (*eg_dirwalk_enter_fn)(void *ctx, const char *path);
int eg_dirwalk_select(const char *root, eg_dirwalk_fn visit, eg_dirwalk_enter_fn enter,
                      void *ctx, const eg_warner_t *warn, eg_error_t *err);

#endif
