/* eg_input.c — walking inputs and reading documents as valid UTF-8. */
#include "eg_input.h"

#include "../base/eg_dirwalk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int push(eg_input_list_t *l, const char *path, int from_folder)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->paths, cap * sizeof *p);
        if (!p)
            return -1;
        l->paths = p;
        unsigned char *f = realloc(l->from_folder, cap);
        if (!f)
            return -1;
        l->from_folder = f;
        l->cap = cap;
    }
    if (!(l->paths[l->n] = strdup(path)))
        return -1;
    l->from_folder[l->n++] = (unsigned char)from_folder;
    return 0;
}

typedef struct folder_ctx {
    eg_input_list_t *list;
    eg_error_t *err;
} folder_ctx_t;

static int add_folder_file(void *ctx, const char *path)
{
    folder_ctx_t *f = ctx;
    return push(f->list, path, 1)
               ? eg_error_set(f->err, EG_ERR_RUNTIME, path, 0, "out of memory")
               : 0;
}

int eg_input_expand(eg_input_list_t *l, char *const *args, size_t nargs,
                    const eg_warner_t *warn, eg_error_t *err)
{
    for (size_t i = 0; i < nargs; i++) {
        const char *a = args[i];
        if (strcmp(a, "-") == 0) {
            if (push(l, a, 0))
                return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
            continue;
        }
        struct stat st;
        if (stat(a, &st) != 0)
            return eg_error_set(err, EG_ERR_RUNTIME, a, 0, "cannot read input: %s",
                                strerror(errno));
        if (S_ISDIR(st.st_mode)) {
            size_t before = l->n;
            folder_ctx_t f = {l, err};
            int rc = eg_dirwalk(a, add_folder_file, &f, warn, err);
            if (rc)
                return rc;
            if (l->n == before)
                eg_warn(warn, a, 0, "folder holds no files");
        } else if (push(l, a, 0)) {
            return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        }
    }
    return 0;
}

void eg_input_list_free(eg_input_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
    free(l->from_folder);
    memset(l, 0, sizeof *l);
}
