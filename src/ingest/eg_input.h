/* eg_input.h — from command-line inputs to documents.
 *
 * Inputs are files, folders (walked recursively, entries in byte order
 * of their names, hidden entries skipped) or "-" for standard input. In
 * text mode each file is one document whose id is its path as given.
 *
 * Reading a document checks it is text: a NUL byte marks a binary file,
 * which is an error when the file was named on the command line and a
 * skip with a warning when it was found in a folder. Invalid UTF-8 bytes
 * are replaced by U+FFFD with a warning that counts them: a few bad
 * bytes are no reason to lose a document. Not thread-safe.
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

typedef enum eg_read_result {
    EG_READ_OK = 0,      /* text holds the document */
    EG_READ_SKIPPED = 1, /* binary file inside a folder: skipped, warned */
} eg_read_result_t;

/* Read one input into text (valid UTF-8 afterwards). raw is working
 * space kept between calls. Returns EG_READ_OK, EG_READ_SKIPPED, or a
 * negative status: EG_ERR_RUNTIME (cannot read), EG_ERR_DATA (binary
 * file given by name, or a document larger than the limit). */
int eg_input_read(const char *path, int from_folder, eg_buf_t *raw,
                  eg_buf_t *text, const eg_warner_t *warn, eg_error_t *err);

#endif
