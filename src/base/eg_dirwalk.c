/* eg_dirwalk.c — sorted depth-first walk with loop detection; see
 * eg_dirwalk.h. Visited folders are kept as (device, inode) pairs.
 *
 * The walk keeps its own stack of open folders (their sorted names and
 * the next one to visit) on the heap instead of recursing: a recursive
 * walk took some 4 KB of C stack per level (a PATH_MAX buffer), so a
 * tree nested ~1,800 deep — still under PATH_MAX with one-letter names —
 * overflowed the 8 MB stack. Depth is now bounded only by PATH_MAX. */
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
    eg_dirwalk_enter_fn enter; /* NULL: every folder */
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

/* A folder being walked: its sorted entry names, the next to visit. */
typedef struct frame {
    char *path;
    char **names;
    size_t n, next;
} frame_t;

static void frame_free(frame_t *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->path);
}

/* Push the folder at path (listed, sorted) on the stack. */
static int push_folder(walk_t *w, frame_t **stack, size_t *depth, size_t *cap,
                       const char *path)
{
    if (*depth == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        frame_t *s = realloc(*stack, ncap * sizeof *s);
        if (!s)
            return eg_error_set(w->err, EG_ERR_RUNTIME, path, 0, "out of memory");
        *stack = s;
        *cap = ncap;
    }
    frame_t *f = &(*stack)[*depth];
    memset(f, 0, sizeof *f);
    if (!(f->path = strdup(path)))
        return eg_error_set(w->err, EG_ERR_RUNTIME, path, 0, "out of memory");
    (*depth)++;
    return list_folder(w, path, &f->names, &f->n);
}

/* Visit one entry of the folder f; a folder is pushed, not entered. */
static int visit_entry(walk_t *w, frame_t **stack, size_t *depth, size_t *cap, frame_t *f)
{
    const char *name = f->names[f->next++];
    size_t len = strlen(f->path);
    const char *sep = len && f->path[len - 1] == '/' ? "" : "/";
    char child[PATH_MAX];
    if ((size_t)snprintf(child, sizeof child, "%s%s%s", f->path, sep, name) >= sizeof child)
        return eg_error_set(w->err, EG_ERR_RUNTIME, f->path, 0,
                            "a path under this folder is longer than %d bytes", PATH_MAX);
    struct stat st;
    if (stat(child, &st) != 0)
        return 0; /* a dangling link is not a file */
    if (S_ISREG(st.st_mode))
        return w->visit(w->ctx, child);
    if (!S_ISDIR(st.st_mode) || (w->enter && !w->enter(w->ctx, child)))
        return 0;
    int seen = seen_before(w, &st);
    if (seen < 0)
        return eg_error_set(w->err, EG_ERR_RUNTIME, child, 0, "out of memory");
    if (seen) {
        eg_warn(w->warn, child, 0, "folder already read (a link loop?); skipped");
        return 0;
    }
    return push_folder(w, stack, depth, cap, child); /* f may move: not used after */
}

static int walk_tree(walk_t *w, const char *root)
{
    frame_t *stack = NULL;
    size_t depth = 0, cap = 0;
    int rc = push_folder(w, &stack, &depth, &cap, root);
    while (rc == 0 && depth > 0) {
        frame_t *top = &stack[depth - 1];
        if (top->next == top->n) {
            frame_free(top);
            depth--;
            continue;
        }
        rc = visit_entry(w, &stack, &depth, &cap, top);
    }
    while (depth > 0)
        frame_free(&stack[--depth]);
    free(stack);
    return rc;
}

int eg_dirwalk(const char *root, eg_dirwalk_fn visit, void *ctx,
               const eg_warner_t *warn, eg_error_t *err)
{
    return eg_dirwalk_select(root, visit, NULL, ctx, warn, err);
}

int eg_dirwalk_select(const char *root, eg_dirwalk_fn visit, eg_dirwalk_enter_fn enter,
                      void *ctx, const eg_warner_t *warn, eg_error_t *err)
{
    walk_t w = {.visit = visit, .enter = enter, .ctx = ctx, .warn = warn, .err = err};
    struct stat st;
    if (stat(root, &st) != 0)
        return eg_error_set(err, EG_ERR_RUNTIME, root, 0, "cannot read folder: %s",
                            strerror(errno));
    int rc = seen_before(&w, &st) < 0
                 ? eg_error_set(err, EG_ERR_RUNTIME, root, 0, "out of memory")
                 : walk_tree(&w, root);
    free(w.devs);
    free(w.inos);
    return rc;
}
