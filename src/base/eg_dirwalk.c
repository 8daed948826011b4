/* eg_dirwalk.c — sorted recursive walk with loop detection; see
 * eg_dirwalk.h. Visited folders are kept as (device, inode) pairs. */
#include "eg_dirwalk.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct walk {
    eg_dirwalk_fn visit;
    void *ctx;
    const eg_warner_t *warn;
    eg_error_t *err;
    dev_t *devs;
    ino_t *inos;
    size_t nvisited, cap;
} walk_t;

static int seen_before(walk_t *w, const struct stat *st)
{
    for (size_t i = 0; i < w->nvisited; i++)
        if (w->devs[i] == st->st_dev && w->inos[i] == st->st_ino)
            return 1;
    if (w->nvisited == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 32;
        dev_t *d = realloc(w->devs, cap * sizeof *d);
        if (!d)
            return -1;
        w->devs = d;
        ino_t *n = realloc(w->inos, cap * sizeof *n);
        if (!n)
            return -1;
        w->inos = n;
        w->cap = cap;
    }
    w->devs[w->nvisited] = st->st_dev;
    w->inos[w->nvisited++] = st->st_ino;
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted, non-hidden entry names of a folder. */
static int list_folder(walk_t *w, const char *path, char ***out, size_t *count)
{
    DIR *dir = opendir(path);
    if (!dir)
        return eg_error_set(w->err, EG_ERR_RUNTIME, path, 0, "cannot read folder: %s",
                            strerror(errno));
    char **names = NULL;
    size_t n = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char **p = realloc(names, (n + 1) * sizeof *p);
        if (!p || !(p[n] = strdup(de->d_name))) {
            names = p ? p : names;
            rc = eg_error_set(w->err, EG_ERR_RUNTIME, path, 0, "out of memory");
            break;
        }
        names = p;
        n++;
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    *out = names;
    *count = n;
    return rc;
}

static int walk_folder(walk_t *w, const char *path)
{
    char **names = NULL;
    size_t n = 0;
    int rc = list_folder(w, path, &names, &n);
    size_t len = strlen(path);
    const char *sep = len && path[len - 1] == '/' ? "" : "/";
    for (size_t i = 0; i < n && rc == 0; i++) {
        char child[PATH_MAX];
        if ((size_t)snprintf(child, sizeof child, "%s%s%s", path, sep, names[i]) >=
            sizeof child) {
            rc = eg_error_set(w->err, EG_ERR_RUNTIME, path, 0,
                              "a path under this folder is longer than %d bytes", PATH_MAX);
            break;
        }
        struct stat st;
        if (stat(child, &st) != 0)
            continue; /* a dangling link is not a file */
        if (S_ISDIR(st.st_mode)) {
            int seen = seen_before(w, &st);
            if (seen < 0)
                rc = eg_error_set(w->err, EG_ERR_RUNTIME, child, 0, "out of memory");
            else if (seen)
                eg_warn(w->warn, child, 0, "folder already read (a link loop?); skipped");
            else
                rc = walk_folder(w, child);
        } else if (S_ISREG(st.st_mode)) {
            rc = w->visit(w->ctx, child);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int eg_dirwalk(const char *root, eg_dirwalk_fn visit, void *ctx,
               const eg_warner_t *warn, eg_error_t *err)
{
    walk_t w = {.visit = visit, .ctx = ctx, .warn = warn, .err = err};
    struct stat st;
    if (stat(root, &st) != 0)
        return eg_error_set(err, EG_ERR_RUNTIME, root, 0, "cannot read folder: %s",
                            strerror(errno));
    int rc = seen_before(&w, &st) < 0
                 ? eg_error_set(err, EG_ERR_RUNTIME, root, 0, "out of memory")
                 : walk_folder(&w, root);
    free(w.devs);
    free(w.inos);
    return rc;
}
