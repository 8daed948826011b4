/* eg_input.h — from command-line inputs to documents.
 *
 * Inputs are files, folders (walked recursively, entries in byte order
 * of their names, hidden entries skipped) or "-" for standard input. In
 * text mode each file is one document whose id is its path as given.
 *
 * Reading the documents is eg_source.h's job. Not thread-safe.
 */
#ifndef EG_INPUT_H
#define EG_INPUT_H

#include "../base/eg_buf.h"
#include "../base/eg_error.h"

#include <stddef.h>

typedef struct eg_input_list {
    char **paths;
    unsigned char *from_folder; /* 1 when found by walking a folder */
    size_t n, cap;
} eg_input_list_t;

/* Expand args into input files. A path that does not exist or cannot be
 * read is an error (EG_ERR_RUNTIME) naming it. A folder without files
 * adds nothing and warns. */
int eg_input_expand(eg_input_list_t *list, char *const *args, size_t nargs,
                    const eg_warner_t *warn, eg_error_t *err);
void eg_input_list_free(eg_input_list_t *list);

#endif
