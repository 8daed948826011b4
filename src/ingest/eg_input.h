/* eg_input.h — from command-line inputs to documents.
 *
 * Inputs are files, folders (walked recursively, entries in byte order
 * of their names, hidden entries skipped) or "-" for standard input. In
 * text mode each file is one document whose id is its path as given.
 *
 * Choosing files in folders (eg_input_select_t): a file found in a
 * folder is kept when it matches an include pattern (any file when there
 * is none) and no exclude pattern; a folder that matches an exclude
 * pattern is not walked. A pattern (eg_glob.h) with a '/' or a "**" is
 * matched against the path relative to the folder given as INPUT
 * ("2024/drafts/x.txt"), any other against the name alone ("x.txt"), so
 * "*.txt" means every .txt at any depth. Files and "-" named as INPUT are
 * always read. When a walk keeps files with the same name but for the
 * extension ("a/doc1.json", "a/doc1.txt": often one document twice),
 * one warning names the first such pair and counts them.
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

#define EG_INPUT_MAX_PATTERNS 64

typedef struct eg_input_select {
    const char *include[EG_INPUT_MAX_PATTERNS]; /* --include GLOB */
    size_t ninclude;
    const char *exclude[EG_INPUT_MAX_PATTERNS]; /* --exclude GLOB */
    size_t nexclude;
} eg_input_select_t;

/* Expand args into input files. A path that does not exist or cannot be
 * read is an error (EG_ERR_RUNTIME) naming it. A folder without files
 * adds nothing and warns. */
int eg_input_expand(eg_input_list_t *list, char *const *args, size_t nargs,
                    const eg_warner_t *warn, eg_error_t *err);

/* The same, choosing the files of folders with sel (NULL: all). A
 * malformed pattern is EG_ERR_USAGE (check them first with
 * eg_input_pattern_problem). */
int eg_input_expand_select(eg_input_list_t *list, char *const *args, size_t nargs,
                           const eg_input_select_t *sel, const eg_warner_t *warn,
                           eg_error_t *err);

/* NULL when pattern is a valid pattern, else what is wrong with it. */
const char *eg_input_pattern_problem(const char *pattern);
void eg_input_list_free(eg_input_list_t *list);

#endif
