/* eg_shard.c — reading partial counts (writing: eg_shard_write.c); see
 * eg_shard.h. */
#include "eg_shard.h"

#include "../base/eg_buf.h"
#include "eg_lines.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_FIELDS 10

/* ---- reading ----
 *
 * A file may hold any number of shards, whole, in any line order. What a
 * file must prove, whatever the order:
 * - it is complete: its Z lines add up to the records it holds (a cut
 *   loses the Z line of the shard it cuts, or records a Z line counted);
 * - every entity a P line names has an N line in the file (N sorts before
 *   P, and is written before it);
 * - every pair an E line names has a P line in the file (E sorts before P
 *   but is written after it, so that is checked at the end of the file).
 * The marks live in the counters' last_doc fields, which only counting
 * uses: an entity's is the file's mark once its N line is read, a pair's
 * 2*mark once its P line is read, 2*mark+1 while only E lines named it. */

/* An E line whose pair had no P line yet in this file. */
typedef struct pending {
    uint32_t a, b;
    long line;
} pending_t;

typedef struct reader {
    const char *path;
    const char *what; /* "pair" or "timeline line": for has_node's message */
    long line;
    const eg_dict_t *dict;
    eg_registry_t *found;
    eg_cooc_t *c;
    eg_shard_info_t *info;
    eg_error_t *err;
    uint64_t mark;              /* this file's, from info->files */
    uint64_t records, claimed;  /* records read; records the Z lines count */
    uint64_t trailers;          /* Z lines read */
    pending_t *pending;
    size_t npending, cap_pending;
} reader_t;

/* Split line in place at tabs and unescape each field. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == max)
            return max + 1;
        f[n++] = p;
        char *w = p;
        while (*p && *p != '\t') {
            if (*p == '\\' && p[1]) {
                p++;
                *w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
                p++;
            } else {
                *w++ = *p++;
            }
        }
        int more = *p == '\t';
        *w = '\0';
        if (!more)
            return n;
        p++;
    }
}

static int bad(reader_t *r, const char *what)
{
    return eg_error_set(r->err, EG_ERR_DATA, r->path, r->line, "%s", what);
}

/* A count: decimal digits only (no space, sign or junk), within 64 bits. */
static int number(reader_t *r, const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return bad(r, "a count is not a whole number");
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return bad(r, "a count is not a whole number");
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            return bad(r, "a count does not fit in 64 bits");
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* *sum += v, refused when the sum passes 64 bits. */
static int add(reader_t *r, uint64_t *sum, uint64_t v)
{
    if (*sum > UINT64_MAX - v)
        return bad(r, "a count overflows 64 bits when added up");
    *sum += v;
    return 0;
}

static int date(reader_t *r, const char *s, eg_date_t *out)
{
    if (strcmp(s, "-") == 0) {
        *out = EG_NO_DATE;
        return 0;
    }
    return eg_date_parse(s, strlen(s), out) ? bad(r, "a date is not YYYY-MM-DD or -") : 0;
}

static int entity(reader_t *r, const char *id, uint32_t *out)
{
    long e = eg_strmap_find(&r->dict->ids, id, strlen(id));
    if (e < 0 && r->found)
        e = eg_registry_find(r->found, id);
    if (e < 0)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, r->line,
                            "entity '%s' is not in the dictionary (merge with the "
                            "dictionary the counts were made with)", id);
    *out = (uint32_t)e;
    return 0;
}

static void widen(eg_date_t *first, eg_date_t *last, eg_date_t f, eg_date_t l)
{
    if (f != EG_NO_DATE && (*first == EG_NO_DATE || f < *first))
        *first = f;
    if (l != EG_NO_DATE && (*last == EG_NO_DATE || l > *last))
        *last = l;
}

/* A P, Q or O line's entity must have had its N line in this file. */
static int has_node(reader_t *r, uint32_t e, const char *id)
{
    if (e < r->c->nentities && r->c->last_doc[e] == r->mark)
        return 0;
    return eg_error_set(r->err, EG_ERR_DATA, r->path, r->line,
                        "a %s names '%s', which has no N line in this file",
                        r->what, id);
}

static int pair_of(reader_t *r, const char *x, const char *y, int need_nodes,
                   eg_pair_t **out)
{
    uint32_t a, b;
    int rc = entity(r, x, &a);
    if (rc == 0)
        rc = entity(r, y, &b);
    if (rc == 0 && need_nodes && (rc = has_node(r, a, x)) == 0)
        rc = has_node(r, b, y);
    if (rc)
        return rc;
    if (a == b)
        return bad(r, "a pair names the same entity twice");
    *out = eg_cooc_pair(r->c, a < b ? a : b, a < b ? b : a);
    return *out ? 0 : eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
}

/* Remember an E line whose pair has no P line in this file so far. */
static int expect_pair(reader_t *r, eg_pair_t *p)
{
    if (p->last_doc == 2 * r->mark || p->last_doc == 2 * r->mark + 1)
        return 0;
    if (r->npending == r->cap_pending) {
        size_t cap = r->cap_pending ? 2 * r->cap_pending : 64;
        pending_t *q = realloc(r->pending, cap * sizeof *q);
        if (!q)
            return eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
        r->pending = q;
        r->cap_pending = cap;
    }
    r->pending[r->npending++] = (pending_t){p->a, p->b, r->line};
    p->last_doc = 2 * r->mark + 1;
    return 0;
}

/* The optional fields of a header: period= (EG_PERIOD_NONE when absent)
 * and docs= (0 when absent), in this order. */
static int header_options(reader_t *r, char **f, int n, eg_period_t *period, uint64_t *docs)
{
    *period = EG_PERIOD_NONE;
    *docs = 0;
    int i = 5;
    if (i < n && strncmp(f[i], "period=", 7) == 0 && eg_period_parse(f[i++] + 7, period))
        return bad(r, "header has no valid period=");
    if (i < n && strncmp(f[i], "docs=", 5) == 0 &&
        (number(r, f[i++] + 5, docs) || *docs > EG_NODE_DOCS_MAX))
        return bad(r, "header has no valid docs=");
    if (i < n)
        return bad(r, "not an entgraph counts file (its header is wrong)");
    eg_shard_info_t *in = r->info;
    if (in->have_header && in->period != *period)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, r->line,
                            "counts made with period=%s cannot merge with period=%s",
                            eg_period_name(*period), eg_period_name(in->period));
    if (in->have_header && *docs != in->node_docs)
        in->node_docs_differs = 1;
    if (!in->have_header || *docs < in->node_docs)
        in->node_docs = (unsigned)*docs;
    return 0;
}

static int header(reader_t *r, char **f, int n)
{
    eg_window_t w;
    eg_period_t period;
    uint64_t k, docs;
    if (n < 5 || n > 7 || strcmp(f[1], "entgraph-counts") != 0)
        return bad(r, "not an entgraph counts file (its header is wrong)");
    if (strcmp(f[2], "1") == 0)
        return bad(r, "counts file version 1 (no Z line proves it whole): count again "
                      "with this entgraph");
    if (strcmp(f[2], "2") != 0)
        return bad(r, "counts file version is not 2");
    if (strncmp(f[3], "window=", 7) || eg_window_parse(f[3] + 7, &w))
        return bad(r, "header has no valid window=");
    if (strncmp(f[4], "evidence=", 9) || number(r, f[4] + 9, &k) || k > UINT_MAX)
        return bad(r, "header has no valid evidence=");
    int rc = header_options(r, f, n, &period, &docs);
    if (rc)
        return rc;
    eg_shard_info_t *in = r->info;
    char wname[EG_WINDOW_NAME_MAX];
    if (in->have_header && in->window != w)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, r->line,
                            "counts made with window=%s cannot merge with window=%s",
                            f[3] + 7, eg_window_name(in->window, wname, sizeof wname));
    if (in->have_header && k != in->evidence)
        in->evidence_differs = 1;
    if (!in->have_header || k < in->evidence)
        in->evidence = (unsigned)k;
    in->window = w;
    in->period = period;
    r->c->opt.period = period;
    in->have_header = 1;
    return 0;
}

static int node(reader_t *r, char **f, int n)
{
    eg_cooc_t *c = r->c;
    uint32_t e;
    uint64_t a, b, d;
    eg_date_t first, last;
    int rc;
    if (n != 7)
        return bad(r, "an N line has 7 fields");
    if ((rc = entity(r, f[1], &e)) || (rc = number(r, f[2], &a)) ||
        (rc = number(r, f[3], &b)) || (rc = number(r, f[4], &d)) ||
        (rc = date(r, f[5], &first)) || (rc = date(r, f[6], &last)))
        return rc;
    if (e >= c->nentities && eg_cooc_reserve(c, (size_t)e + 1))
        return eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
    if ((rc = add(r, &c->mentions[e], a)) || (rc = add(r, &c->documents[e], b)) ||
        (rc = add(r, &c->windows[e], d)))
        return rc;
    widen(&c->first[e], &c->last[e], first, last);
    c->last_doc[e] = r->mark;
    return 0;
}

static int pair(reader_t *r, char **f, int n)
{
    eg_pair_t *p;
    uint64_t a, b;
    eg_date_t first, last;
    int rc;
    if (n != 7)
        return bad(r, "a P line has 7 fields");
    if ((rc = number(r, f[3], &a)) || (rc = number(r, f[4], &b)) ||
        (rc = date(r, f[5], &first)) || (rc = date(r, f[6], &last)) ||
        (rc = pair_of(r, f[1], f[2], 1, &p)))
        return rc;
    if (a == 0)
        return bad(r, "a pair's count is 0");
    if ((rc = add(r, &p->count, a)) || (rc = add(r, &p->documents, b)))
        return rc;
    widen(&p->first, &p->last, first, last);
    p->last_doc = 2 * r->mark;
    return 0;
}

/* A number of an E line that fits in 32 bits. */
static int number32(reader_t *r, const char *s, uint32_t *out)
{
    uint64_t v;
    int rc = number(r, s, &v);
    if (rc == 0 && v > UINT32_MAX)
        return bad(r, "an evidence number is too large");
    *out = (uint32_t)v;
    return rc;
}

/* E: one evidence window of a pair, offered to its K smallest. */
static int evidence(reader_t *r, char **f, int n)
{
    eg_pair_t *p;
    eg_evidence_t e = {.doc = f[3], .text = f[9]};
    int rc;
    if (n != 10)
        return bad(r, n == 6 ? "an E line has 10 fields (evidence from before dates and "
                               "offsets: count again)"
                             : "an E line has 10 fields");
    if ((rc = number32(r, f[4], &e.window)) || (rc = date(r, f[5], &e.date)) ||
        (rc = number32(r, f[6], &e.sentence)) || (rc = number32(r, f[7], &e.start)) ||
        (rc = number32(r, f[8], &e.end)) || (rc = pair_of(r, f[1], f[2], 0, &p)) ||
        (rc = expect_pair(r, p)))
        return rc;
    if (e.end < e.start)
        return bad(r, "an evidence window ends before it starts");
    if (eg_cooc_offer_evidence(r->c, p, &e))
        return eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
    return 0;
}

/* R: one of the documents that mention an entity, after its N line. */
static int node_doc(reader_t *r, char **f, int n)
{
    uint32_t e;
    uint64_t mentions;
    int rc;
    r->what = "document line";
    if (n != 4)
        return bad(r, "an R line has 4 fields");
    if ((rc = entity(r, f[1], &e)) || (rc = has_node(r, e, f[1])) ||
        (rc = number(r, f[3], &mentions)))
        return rc;
    if (!r->info->have_header || !r->info->node_docs)
        return bad(r, "an R line (documents of a node) in counts without docs= in the header");
    if (mentions == 0)
        return bad(r, "a document line counts 0 mentions");
    if (eg_cooc_offer_node_doc(r->c, e, f[2], mentions))
        return eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
    return 0;
}

/* The period and count of an O or Q line (fields f[0..1]). */
static int period_count(reader_t *r, char **f, int32_t *period, uint64_t *count)
{
    int rc;
    if (!r->info->have_header || !r->info->period)
        return bad(r, "a timeline line (O, Q) in counts without period= in the header");
    if (eg_period_parse_label(r->info->period, f[0], period))
        return bad(r, "a period is not written as --period writes it");
    if ((rc = number(r, f[1], count)))
        return rc;
    return *count ? 0 : bad(r, "a timeline count is 0");
}

/* O: an entity's mentions in a period, after its N line. */
static int node_period(reader_t *r, char **f, int n)
{
    uint32_t e;
    int32_t period;
    uint64_t count;
    int rc;
    if (n != 4)
        return bad(r, "an O line has 4 fields");
    r->what = "timeline line";
    if ((rc = entity(r, f[1], &e)) || (rc = has_node(r, e, f[1])) ||
        (rc = period_count(r, f + 2, &period, &count)))
        return rc;
    uint64_t *slot = eg_timeline_slot(&r->c->timeline, e, EG_TIMELINE_NODE, period);
    return slot ? add(r, slot, count)
                : eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
}

/* Q: a pair's count in a period, after its P line. */
static int pair_period(reader_t *r, char **f, int n)
{
    eg_pair_t *p;
    int32_t period;
    uint64_t count;
    int rc;
    if (n != 5)
        return bad(r, "a Q line has 5 fields");
    if ((rc = pair_of(r, f[1], f[2], 1, &p)) || (rc = period_count(r, f + 3, &period, &count)))
        return rc;
    if (p->last_doc != 2 * r->mark)
        return bad(r, "a Q line names a pair that has no P line in this file");
    uint64_t *slot = eg_timeline_slot(&r->c->timeline, p->a, p->b, period);
    return slot ? add(r, slot, count)
                : eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
}

static int record(reader_t *r, char *line)
{
    char *f[MAX_FIELDS];
    int n = split(line, f, MAX_FIELDS);
    eg_cooc_t *c = r->c;
    int rc = 0;
    uint64_t a, b;
    char kind = f[0][0] && !f[0][1] ? f[0][0] : '?';
    r->what = "pair";
    if (kind != 'Z')
        r->records++;
    switch (kind) {
    case 'H':
        return header(r, f, n);
    case 'D':
        if (n != 3)
            return bad(r, "a D line has 3 fields");
        if ((rc = number(r, f[1], &a)) || (rc = number(r, f[2], &b)) ||
            (rc = add(r, &c->ndocuments, a)) || (rc = add(r, &c->windows_with_entities, b)))
            return rc;
        return 0;
    case 'N':
        return node(r, f, n);
    case 'C':
        if (n != 5)
            return bad(r, "a C line has 5 fields");
        if ((rc = number(r, f[4], &a)))
            return rc;
        if (!*f[1] || !*f[2] || !*f[3])
            return bad(r, "a C line needs an id, a type and a label");
        if (eg_strmap_find(&r->dict->ids, f[1], strlen(f[1])) >= 0)
            return 0; /* the dictionary of this merge has it: its entity */
        if (!r->found || eg_registry_vote(r->found, f[1], f[3], f[2], a) < 0)
            return eg_error_set(r->err, EG_ERR_RUNTIME, r->path, r->line, "out of memory");
        return 0;
    case 'P':
        return pair(r, f, n);
    case 'O':
        return node_period(r, f, n);
    case 'Q':
        return pair_period(r, f, n);
    case 'R':
        return node_doc(r, f, n);
    case 'E':
        return evidence(r, f, n);
    case 'Z':
        if (n != 2)
            return bad(r, "a Z line has 2 fields");
        r->trailers++;
        return (rc = number(r, f[1], &a)) ? rc : add(r, &r->claimed, a);
    default:
        return bad(r, "unknown record (lines start with H, D, C, N, O, P, E, Q, R or Z)");
    }
}

/* At the end of the file: its evidence had pairs, its Z lines add up. */
static int check_whole(reader_t *r)
{
    for (size_t i = 0; i < r->npending; i++) {
        eg_pair_t *p = eg_cooc_pair(r->c, r->pending[i].a, r->pending[i].b);
        if (!p)
            return eg_error_set(r->err, EG_ERR_RUNTIME, r->path, 0, "out of memory");
        if (p->last_doc != 2 * r->mark)
            return eg_error_set(r->err, EG_ERR_DATA, r->path, r->pending[i].line,
                                "evidence for a pair that has no P line in this file");
    }
    if (!r->trailers)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, 0,
                            "no Z line: the counts file is cut short (or not a whole "
                            "shard)");
    if (r->claimed != r->records)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, 0,
                            "holds %" PRIu64 " records where its Z lines count %" PRIu64
                            ": cut short, or lines lost or added",
                            r->records, r->claimed);
    return 0;
}

/* The error of a failed eg_line_read. */
static int read_error(reader_t *r, gzFile gz, int got)
{
    if (got == EG_LINE_NUL)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, r->line + 1,
                            "NUL byte in the line: not an entgraph counts file");
    if (got == EG_LINE_LONG)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, r->line + 1,
                            "line longer than %u MiB: not an entgraph counts file",
                            EG_SHARD_MAX_LINE >> 20);
    if (got == EG_LINE_CUT)
        return eg_error_set(r->err, EG_ERR_DATA, r->path, 0,
                            "cannot read counts: truncated gzip stream (the file ends "
                            "inside compressed data)");
    int zerr;
    const char *msg = gzerror(gz, &zerr);
    /* zlib says "<fd:5>: incorrect data check": the path is ours */
    const char *colon = msg && msg[0] == '<' ? strstr(msg, ">: ") : NULL;
    return eg_error_set(r->err, zerr == Z_DATA_ERROR ? EG_ERR_DATA : EG_ERR_RUNTIME, r->path,
                        0, "cannot read counts: %s%s",
                        zerr == Z_ERRNO ? strerror(errno)
                        : zerr == Z_OK  ? "out of memory"
                        : colon         ? colon + 3
                                        : msg,
                        zerr == Z_DATA_ERROR ? " (corrupt gzip data)" : "");
}

int eg_shard_read(const char *path, const eg_dict_t *dict, eg_registry_t *found,
                  eg_cooc_t *c, eg_shard_info_t *info, eg_error_t *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? dup(0) : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot read counts: %s",
                            strerror(errno));
    gzFile gz = gzdopen(fd, "rb");
    if (!gz) {
        close(fd);
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
    }
    gzbuffer(gz, EG_READ_CHUNK);
    reader_t r = {.path = path, .dict = dict, .found = found, .c = c, .info = info,
                  .err = err, .mark = ++info->files};
    eg_line_reader_t lr = {.gz = gz, .max = EG_SHARD_MAX_LINE};
    char *line;
    size_t len;
    int rc = 0, got;
    while ((got = eg_line_read(&lr, &line, &len)) > 0) {
        r.line++;
        if (len && (rc = record(&r, line)) != 0)
            break;
    }
    if (rc == 0 && got < 0)
        rc = read_error(&r, gz, got);
    if (rc == 0)
        rc = check_whole(&r);
    free(r.pending);
    eg_buf_free(&lr.buf);
    gzclose(gz);
    return rc;
}
