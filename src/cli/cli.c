/* cli.c — reporting, the dictionaries of a run and signal handling. */
#include "cli.h"

#include "../tag/eg_patterns.h"

#include "../base/eg_outfile.h"
#include "../tag/eg_dict.h"
#include "../tag/eg_found.h"

#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EG_DATADIR
#define EG_DATADIR "/usr/local/share/entgraph"
#endif

int cli_parse_count(const char *arg, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!*arg)
        return -1;
    for (const char *p = arg; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        unsigned digit = (unsigned)(*p - '0');
        if (v > (max - digit) / 10)
            return -1; /* over max (and never wraps) */
        v = v * 10 + digit;
    }
    *out = v;
    return 0;
}

static void put_clean(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\x%02x", c);
        else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0x9f)
            fprintf(out, "\\u%04x", (unsigned char)s[++i]);
        else
            putc(c, out);
    }
}

void cli_printf(FILE *out, const char *fmt, ...)
{
    char *text = NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t len = (size_t)n;
    int newline = len > 0 && text[len - 1] == '\n';
    put_clean(out, text, len - (size_t)newline);
    if (newline)
        putc('\n', out);
    free(text);
}

int cli_report(const eg_error_t *err)
{
    char line[1200];
    eg_error_format(err, line, sizeof line);
    cli_printf(stderr, "entgraph: %s\n", line);
    int status = err->status ? err->status : EG_ERR_RUNTIME;
    return -status;
}

int cli_usage_error(const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    cli_printf(stderr, "entgraph: %s (see 'entgraph --help')\n", text);
    return -EG_ERR_USAGE;
}

/* A dictionary of 100,000 rows can raise thousands of warnings; past
 * CLI_MAX_WARNINGS they are counted, not printed, and one line at the
 * end says how many were left out. Warnings come from one thread. */
#define CLI_MAX_WARNINGS 20
static unsigned long g_warnings, g_warnings_hidden;

static void print_warning(void *ctx, const char *file, long line, const char *text)
{
    const int *quiet = ctx;
    if (quiet && *quiet)
        return;
    if (++g_warnings > CLI_MAX_WARNINGS) {
        g_warnings_hidden++;
        return;
    }
    if (file && line > 0)
        cli_printf(stderr, "entgraph: warning: %s:%ld: %s\n", file, line, text);
    else if (file)
        cli_printf(stderr, "entgraph: warning: %s: %s\n", file, text);
    else
        cli_printf(stderr, "entgraph: warning: %s\n", text);
}

void cli_warnings_summary(void)
{
    if (g_warnings_hidden)
        fprintf(stderr, "entgraph: warning: %lu more warning(s) not shown\n",
                g_warnings_hidden);
}

eg_warner_t cli_warner(const int *quiet)
{
    eg_warner_t w = {print_warning, (void *)quiet};
    return w;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_default_dict(void)
{
    static char found[PATH_MAX + 64];
    const char *env = getenv("ENTGRAPH_DICT");
    if (env && *env)
        return env; /* checked when it is loaded: a wrong path is an error */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        snprintf(found, sizeof found, "%s/dict", exe);
        if (is_dir(found))
            return found;
        snprintf(found, sizeof found, "%s/../share/entgraph/dict", exe);
        if (is_dir(found))
            return found;
    }
    snprintf(found, sizeof found, "%s/dict", EG_DATADIR);
    return is_dir(found) ? found : NULL;
}

int cli_dicts_add(cli_dicts_t *d, const char *path)
{
    if (d->n == CLI_MAX_DICTS)
        return cli_usage_error("more than %d dictionaries", CLI_MAX_DICTS);
    d->paths[d->n++] = path;
    return -1;
}

void cli_dicts_help(FILE *out, int col)
{
    fprintf(out,
            "  -d, --dict PATH%*sadd a dictionary file or folder to the default\n"
            "%*sone, $ENTGRAPH_DICT or the shipped dict/ (repeatable)\n"
            "      --no-default-dict%*suse only the -d dictionaries\n",
            col - 17, "", col, "", col - 23, "");
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The paths to load: the default first (unless --no-default-dict), then
 * the -d paths, each file or folder once. out holds CLI_MAX_DICTS + 1. */
static int dict_paths(const cli_dicts_t *d, const char **out, size_t *n, eg_error_t *err)
{
    struct stat seen[CLI_MAX_DICTS + 1];
    int known[CLI_MAX_DICTS + 1];
    *n = 0;
    if (!d->no_default) {
        const char *def = cli_default_dict();
        if (!def)
            return eg_error_set(err, EG_ERR_USAGE, NULL, 0,
                                "the shipped dictionary (dict/) was not found; set "
                                "ENTGRAPH_DICT, or give -d PATH with --no-default-dict");
        out[(*n)++] = def;
    } else if (d->n == 0) {
        return eg_error_set(err, EG_ERR_USAGE, NULL, 0,
                            "--no-default-dict needs a dictionary: give -d PATH");
    }
    for (size_t i = 0; i < d->n; i++)
        out[(*n)++] = d->paths[i];
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++) {
        known[kept] = stat(out[i], &seen[kept]) == 0 && !S_ISFIFO(seen[kept].st_mode);
        int dup = 0;
        for (size_t j = 0; j < kept && known[kept] && !dup; j++)
            dup = known[j] && same_file(&seen[j], &seen[kept]);
        if (!dup)
            out[kept++] = out[i];
    }
    *n = kept;
    return 0;
}

int cli_load_patterns(const cli_dicts_t *d, eg_patterns_t *pats, eg_error_t *err)
{
    const char *paths[CLI_MAX_DICTS + 1];
    size_t n = 0;
    int rc = dict_paths(d, paths, &n, err);
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = eg_patterns_load_path(pats, paths[i], err);
    return rc;
}

int cli_load_dicts(const cli_dicts_t *d, eg_dict_t *dict, const eg_warner_t *warn,
                   eg_error_t *err)
{
    const char *paths[CLI_MAX_DICTS + 1];
    size_t n = 0;
    int rc = dict_paths(d, paths, &n, err);
    for (size_t i = 0; i < n && rc == 0; i++) {
        /* A device (-d /dev/zero) is read whole, without end: refused.
         * A FIFO stays allowed (-d <(zcat names.tsv.gz)). */
        struct stat st;
        if (stat(paths[i], &st) == 0 &&
            (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)))
            return eg_error_set(err, EG_ERR_RUNTIME, paths[i], 0,
                                "cannot read dictionary: a device or socket, not a file or "
                                "folder");
        rc = eg_dict_load_path(dict, paths[i], warn, err);
    }
    return rc;
}

static int type_known(const eg_dict_t *d, const char *type, size_t n)
{
    const char *found[] = {EG_TYPE_PERSON, EG_TYPE_PLACE, EG_TYPE_ORGANISATION};
    for (size_t i = 0; i < sizeof found / sizeof *found; i++)
        if (strlen(found[i]) == n && memcmp(found[i], type, n) == 0)
            return 1;
    for (size_t i = 0; i < d->nentities; i++)
        if (strlen(d->entities[i].type) == n && memcmp(d->entities[i].type, type, n) == 0)
            return 1;
    return 0;
}

void cli_types_check(const char *types, const eg_dict_t *d, const eg_warner_t *warn)
{
    for (const char *p = types; p && *p;) {
        size_t k = strcspn(p, ",");
        if (!type_known(d, p, k))
            eg_warn(warn, NULL, 0,
                    "--types: no entity has the type '%.*s' (types are compared exactly: "
                    "person, place, organisation, or a dictionary's own)",
                    (int)k, p);
        p += k + (p[k] == ',');
    }
}

static void on_signal(int sig)
{
    eg_outfile_remove_all_temps();
    _exit(128 + sig);
}

void cli_install_signal_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGPIPE, &sa, NULL);
    /* Past `ulimit -f` a write fails with EFBIG like on a full disk, so
     * the output is refused cleanly instead of the process being killed. */
    signal(SIGXFSZ, SIG_IGN);
}

int cli_write_output(const char *path, const char *what, cli_writer_fn write, void *ctx)
{
    eg_error_t err = {0};
    if (!path || strcmp(path, "-") == 0) {
        int rc = write(ctx, stdout, &err);
        if (rc == 0 && fflush(stdout) != 0)
            rc = eg_error_set(&err, EG_ERR_RUNTIME, "-", 0, "cannot write %s", what);
        return rc ? cli_report(&err) : 0;
    }
    eg_outfile_t out;
    if (eg_outfile_open(&out, path, &err))
        return cli_report(&err);
    int rc = write(ctx, out.fp, &err);
    if (rc == 0)
        rc = eg_outfile_commit(&out, &err);
    else
        eg_outfile_abort(&out);
    return rc ? cli_report(&err) : 0;
}
