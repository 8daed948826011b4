/* eg_input.c — from INPUT arguments to the list of files to read: folders
 * walked in a fixed order, their files chosen by --include/--exclude, and
 * a warning when a folder seems to hold each document twice (doc.json
 * beside doc.txt: a real corpus counted every document twice, silently). */
#include "eg_input.h"

#include "../base/eg_dirwalk.h"
#include "../base/eg_glob.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/* The compiled patterns of a selection. */
typedef struct patterns {
    eg_glob_t *include[EG_INPUT_MAX_PATTERNS], *exclude[EG_INPUT_MAX_PATTERNS];
    size_t ninclude, nexclude;
} patterns_t;

static void patterns_free(patterns_t *p)
{
    for (size_t i = 0; i < p->ninclude; i++)
        eg_glob_free(p->include[i]);
    for (size_t i = 0; i < p->nexclude; i++)
        eg_glob_free(p->exclude[i]);
}

static int compile_list(eg_glob_t **out, size_t *n, const char *const *src, size_t count,
                        eg_error_t *err)
{
    for (size_t i = 0; i < count; i++) {
        const char *why = NULL;
        if (!(out[i] = eg_glob_compile(src[i], &why)))
            return eg_error_set(err, EG_ERR_USAGE, NULL, 0, "pattern '%s': %s", src[i], why);
        *n = i + 1;
    }
    return 0;
}

static int patterns_compile(patterns_t *p, const eg_input_select_t *sel, eg_error_t *err)
{
    memset(p, 0, sizeof *p);
    if (!sel)
        return 0;
    int rc = compile_list(p->include, &p->ninclude, sel->include, sel->ninclude, err);
    return rc ? rc : compile_list(p->exclude, &p->nexclude, sel->exclude, sel->nexclude, err);
}

const char *eg_input_pattern_problem(const char *pattern)
{
    const char *why = NULL;
    eg_glob_t *g = eg_glob_compile(pattern, &why);
    eg_glob_free(g);
    return g ? NULL : why;
}

/* A pattern with a slash sees the relative path, any other the name. */
static int matches_any(eg_glob_t *const *g, size_t n, const char *rel)
{
    const char *slash = strrchr(rel, '/');
    const char *name = slash ? slash + 1 : rel;
    for (size_t i = 0; i < n; i++)
        if (eg_glob_match(g[i], eg_glob_has_slash(g[i]) ? rel : name))
            return 1;
    return 0;
}

typedef struct folder_ctx {
    eg_input_list_t *list;
    eg_error_t *err;
    const patterns_t *pat;
    size_t root_len; /* bytes before a path relative to the folder */
} folder_ctx_t;

static int enter_folder(void *ctx, const char *path)
{
    const folder_ctx_t *f = ctx;
    return !matches_any(f->pat->exclude, f->pat->nexclude, path + f->root_len);
}

static int add_folder_file(void *ctx, const char *path)
{
    folder_ctx_t *f = ctx;
    const char *rel = path + f->root_len;
    if (matches_any(f->pat->exclude, f->pat->nexclude, rel) ||
        (f->pat->ninclude && !matches_any(f->pat->include, f->pat->ninclude, rel)))
        return 0;
    return push(f->list, path, 1)
               ? eg_error_set(f->err, EG_ERR_RUNTIME, path, 0, "out of memory")
               : 0;
}

/* ---- one document twice: files of a folder that differ only in kind ---- */

typedef struct stem {
    const char *path;
    size_t len; /* of the path without its extension (and .gz) */
} stem_t;

static size_t stem_len(const char *path)
{
    size_t n = strlen(path);
    if (n > 3 && strcasecmp(path + n - 3, ".gz") == 0)
        n -= 3;
    const char *slash = memrchr(path, '/', n);
    const char *name = slash ? slash + 1 : path;
    const char *dot = memrchr(name, '.', n - (size_t)(name - path));
    return dot && dot > name ? (size_t)(dot - path) : n;
}

static int by_stem(const void *x, const void *y)
{
    const stem_t *a = x, *b = y;
    int c = memcmp(a->path, b->path, a->len < b->len ? a->len : b->len);
    if (c || a->len != b->len)
        return c ? c : a->len < b->len ? -1 : 1;
    return strcmp(a->path, b->path);
}

/* Warn once when the files list[from..] of the folder root hold names
 * that differ only in their extension. */
static void warn_same_stems(const eg_input_list_t *l, size_t from, const char *root,
                            size_t root_len, const eg_warner_t *warn)
{
    size_t n = l->n - from, groups = 0, first = 0;
    stem_t *s = n > 1 ? malloc(n * sizeof *s) : NULL;
    if (!s)
        return; /* one file, or no memory for a warning: nothing to say */
    for (size_t i = 0; i < n; i++)
        s[i] = (stem_t){l->paths[from + i], stem_len(l->paths[from + i])};
    qsort(s, n, sizeof *s, by_stem);
    for (size_t i = 1; i < n; i++) {
        int same = s[i].len == s[i - 1].len && memcmp(s[i].path, s[i - 1].path, s[i].len) == 0;
        int opens = same && (i == 1 || s[i - 2].len != s[i].len ||
                             memcmp(s[i - 2].path, s[i].path, s[i].len) != 0);
        if (opens && groups++ == 0)
            first = i;
    }
    if (groups)
        eg_warn(warn, root, 0,
                "%zu name(s) stand for files of different kinds, e.g. '%s' and '%s': each is "
                "read as a document of its own (the same text twice?); choose with --include "
                "or --exclude",
                groups, s[first - 1].path + root_len, s[first].path + root_len);
    free(s);
}

static int expand_folder(eg_input_list_t *l, const char *a, const patterns_t *pat,
                         const eg_warner_t *warn, eg_error_t *err)
{
    size_t before = l->n, len = strlen(a);
    folder_ctx_t f = {l, err, pat, len + (len && a[len - 1] != '/')};
    int rc = eg_dirwalk_select(a, add_folder_file, enter_folder, &f, warn, err);
    if (rc)
        return rc;
    if (l->n == before)
        eg_warn(warn, a, 0, pat->ninclude || pat->nexclude
                                ? "folder holds no files that --include/--exclude keep"
                                : "folder holds no files");
    warn_same_stems(l, before, a, f.root_len, warn);
    return 0;
}

int eg_input_expand_select(eg_input_list_t *l, char *const *args, size_t nargs,
                           const eg_input_select_t *sel, const eg_warner_t *warn,
                           eg_error_t *err)
{
    patterns_t pat;
    int rc = patterns_compile(&pat, sel, err);
    for (size_t i = 0; i < nargs && rc == 0; i++) {
        const char *a = args[i];
        struct stat st;
        if (strcmp(a, "-") == 0) {
            if (push(l, a, 0))
                rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        } else if (stat(a, &st) != 0) {
            rc = eg_error_set(err, EG_ERR_RUNTIME, a, 0, "cannot read input: %s",
                              strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            rc = expand_folder(l, a, &pat, warn, err);
        } else if (push(l, a, 0)) {
            rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        }
    }
    patterns_free(&pat);
    return rc;
}

int eg_input_expand(eg_input_list_t *l, char *const *args, size_t nargs,
                    const eg_warner_t *warn, eg_error_t *err)
{
    return eg_input_expand_select(l, args, nargs, NULL, warn, err);
}

void eg_input_list_free(eg_input_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
    free(l->from_folder);
    memset(l, 0, sizeof *l);
}
