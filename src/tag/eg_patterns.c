/* eg_patterns.c — PCRE2 rules over whole documents. A pattern sees the
 * raw text (so it can use punctuation and spacing), but what it finds
 * must fall on the segmenter's token and sentence boundaries, so that a
 * pattern mention counts exactly like a dictionary one. Limits on every
 * match keep a bad pattern from stalling a corpus run. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "eg_patterns.h"

#include "../base/eg_lines.h"
#include "../text/eg_fold.h"

#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

struct eg_pattern {
    pcre2_code *code;
    char *type, *name;
    int use_group;
};

void eg_patterns_init(eg_patterns_t *p)
{
    memset(p, 0, sizeof *p);
}

void eg_patterns_free(eg_patterns_t *p)
{
    for (size_t i = 0; i < p->n; i++) {
        pcre2_code_free(p->items[i].code);
        free(p->items[i].type);
        free(p->items[i].name);
    }
    free(p->items);
    memset(p, 0, sizeof *p);
}

void eg_pattern_scratch_free(eg_pattern_scratch_t *s)
{
    pcre2_match_data_free(s->match_data);
    pcre2_match_context_free(s->context);
    eg_mentions_free(&s->found);
    eg_buf_free(&s->label);
    memset(s, 0, sizeof *s);
}

int eg_patterns_is_patterns_file(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    return strncmp(b, "patterns", 8) == 0 && n > 4 && strcmp(b + n - 4, ".tsv") == 0;
}

enum { C_PATTERN, C_TYPE, C_NAME, C_NCOLS };

static int parse_header(const char *line, size_t n, int *col, const char *path,
                        long lineno, eg_error_t *err)
{
    static const char *const NAMES[C_NCOLS] = {"pattern", "type", "name"};
    col[C_PATTERN] = col[C_TYPE] = col[C_NAME] = -1;
    int c = 0;
    for (size_t start = 0, i = 0; i <= n; i++) {
        if (i < n && line[i] != '\t')
            continue;
        for (int k = 0; k < C_NCOLS; k++)
            if (i - start == strlen(NAMES[k]) && strncasecmp(line + start, NAMES[k], i - start) == 0)
                col[k] = c;
        c++;
        start = i + 1;
    }
    if (col[C_PATTERN] < 0 || col[C_TYPE] < 0)
        return eg_error_set(err, EG_ERR_DATA, path, lineno,
                            "patterns header needs 'pattern' and 'type' columns");
    return 0;
}

static int add_pattern(eg_patterns_t *p, const char *line, size_t n, const int *col,
                       const char *path, long lineno, eg_error_t *err)
{
    const char *f[C_NCOLS] = {"", "", "$1"};
    size_t fl[C_NCOLS] = {0, 0, 2};
    int c = 0;
    for (size_t start = 0, i = 0; i <= n; i++) {
        if (i < n && line[i] != '\t')
            continue;
        for (int k = 0; k < C_NCOLS; k++)
            if (col[k] == c && (k != C_NAME || i > start))
                f[k] = line + start, fl[k] = i - start;
        c++;
        start = i + 1;
    }
    if (fl[C_PATTERN] == 0 || fl[C_TYPE] == 0)
        return eg_error_set(err, EG_ERR_DATA, path, lineno, "row needs a pattern and a type");
    int code;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)f[C_PATTERN], fl[C_PATTERN],
                                   PCRE2_UTF | PCRE2_UCP, &code, &at, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        return eg_error_set(err, EG_ERR_DATA, path, lineno, "pattern: %s at offset %zu",
                            (char *)msg, (size_t)at);
    }
    if (!RUNNING_ON_VALGRIND) /* JIT code trips memcheck; the interpreter gives the same */
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* optional: falls back to the interpreter */
    uint32_t groups = 0;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups);
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        eg_pattern_t *q = realloc(p->items, cap * sizeof *q);
        if (!q) {
            pcre2_code_free(re);
            return eg_error_set(err, EG_ERR_RUNTIME, path, lineno, "out of memory");
        }
        p->items = q;
        p->cap = cap;
    }
    eg_pattern_t *it = &p->items[p->n];
    it->code = re;
    it->use_group = groups >= 1;
    it->type = strndup(f[C_TYPE], fl[C_TYPE]);
    it->name = strndup(f[C_NAME], fl[C_NAME]);
    p->n++;
    if (!it->type || !it->name)
        return eg_error_set(err, EG_ERR_RUNTIME, path, lineno, "out of memory");
    return 0;
}

int eg_patterns_load_text(eg_patterns_t *p, const char *path, const char *text, size_t len,
                          eg_error_t *err)
{
    int col[C_NCOLS], have_header = 0;
    long lineno = 0;
    size_t pos = 0, n;
    const char *line;
    while (eg_next_line(text, len, &pos, &line, &n)) {
        lineno++;
        if (n && line[n - 1] == '\r')
            n--;
        if (n == 0 || line[0] == '#')
            continue;
        int rc = have_header ? add_pattern(p, line, n, col, path, lineno, err)
                             : parse_header(line, n, col, path, lineno, err);
        have_header = 1;
        if (rc)
            return rc;
    }
    return 0;
}

int eg_patterns_load_path(eg_patterns_t *p, const char *path, eg_error_t *err)
{
    char buf[4096];
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(buf, sizeof buf, "%s/patterns.tsv", path);
        if (stat(buf, &st) != 0 || !S_ISREG(st.st_mode))
            return 0; /* none, or a FIFO or device: passed over like any in a folder */
        path = buf;
    } else if (!eg_patterns_is_patterns_file(path)) {
        return 0;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot read patterns: %s",
                            strerror(errno));
    eg_buf_t text = EG_BUF_INIT;
    char chunk[65536];
    size_t n;
    int rc = 0;
    while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (memchr(chunk, '\0', n))
            rc = eg_error_set(err, EG_ERR_DATA, path, 0, "binary file (NUL byte), not patterns");
        else if (text.len + n > EG_PATTERNS_MAX_FILE)
            rc = eg_error_set(err, EG_ERR_DATA, path, 0, "patterns file larger than %u MiB",
                              EG_PATTERNS_MAX_FILE >> 20);
        else if (eg_buf_append(&text, chunk, n))
            rc = eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
    }
    if (rc == 0 && ferror(fp))
        rc = eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot read patterns");
    fclose(fp);
    if (rc == 0)
        rc = eg_patterns_load_text(p, path, text.data ? text.data : "", text.len, err);
    eg_buf_free(&text);
    return rc;
}

/* ---- scanning ---- */

/* Index of the token starting at byte b, or -1. */
static long token_starting(const eg_segments_t *seg, uint32_t b)
{
    size_t lo = 0, hi = seg->ntokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (seg->tokens[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < seg->ntokens && seg->tokens[lo].start == b ? (long)lo : -1;
}

/* Index of the last token of a span [first.., e), or -1 when e is not a
 * token end (a possessive's base end counts). */
static long token_ending(const eg_segments_t *seg, size_t first, uint32_t e)
{
    for (size_t k = first; k < seg->ntokens && seg->tokens[k].start < e; k++)
        if (seg->tokens[k].end == e || seg->tokens[k].base_end == e)
            return (long)k;
    return -1;
}

/* why of a pattern mention whose found entity is not made yet (alias is
 * then the pattern's index) */
#define PENDING EG_WHY_COUNT

static int find_in_doc(const eg_patterns_t *p, size_t k, const char *text, size_t len,
                       const eg_segments_t *seg, eg_pattern_scratch_t *s)
{
    const eg_pattern_t *pt = &p->items[k];
    PCRE2_SIZE off = 0;
    while (off <= len) {
        /* The text is valid UTF-8 (eg_input repairs it): checking it again
         * on every call would make a document quadratic. */
        int rc = pcre2_match(pt->code, (PCRE2_SPTR)text, len, off, PCRE2_NO_UTF_CHECK, s->match_data,
                             s->context);
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_HEAPLIMIT) {
            s->limit_hits++;
            return 0;
        }
        if (rc < 0)
            return 0;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->match_data);
        int g = pt->use_group && rc > 1 && ov[2] != PCRE2_UNSET ? 1 : 0;
        uint32_t b = (uint32_t)ov[2 * g], e = (uint32_t)ov[2 * g + 1];
        off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        /* After an empty match step a whole character: with
         * PCRE2_NO_UTF_CHECK an offset inside one is undefined behaviour
         * (the JIT reads out of bounds). */
        while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
            off++;
        long first = e > b ? token_starting(seg, b) : -1;
        long last = first >= 0 ? token_ending(seg, (size_t)first, e) : -1;
        if (last < 0 || seg->tokens[first].sentence != seg->tokens[last].sentence)
            continue;
        e = seg->tokens[last].base_end; /* "Merkel's" names Merkel, as in the matcher */
        eg_mention_t mn = {
            .start = b, .end = e, .entity = EG_ENTITY_FOUND, .alias = (uint32_t)k,
            .why = PENDING,
            .sentence = seg->tokens[first].sentence, .first_token = (uint32_t)first,
            .ntokens = (uint32_t)(last - first + 1),
        };
        if (eg_mentions_push(&s->found, &mn))
            return -1;
    }
    return 0;
}

static int by_start(const void *a, const void *b)
{
    const eg_mention_t *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* longer first */
    return x->alias < y->alias ? -1 : x->alias > y->alias;
}

/* First dictionary mention (sorted, disjoint) ending after b. */
static size_t first_ending_after(const eg_mentions_t *d, uint32_t b)
{
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->items[mid].end <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Keep a pattern mention when it overlaps no other kept pattern mention
 * and every dictionary mention it overlaps lies strictly inside it (the
 * longest match wins: "Florida State University" over "Florida"); then
 * the dictionary mentions inside kept ones go. Kept pattern mentions are
 * compacted to the front of s->found. */
static int merge(eg_pattern_scratch_t *s, eg_mentions_t *d)
{
    size_t nkeep = 0;
    uint32_t covered = 0;
    for (size_t i = 0; i < s->found.n; i++) {
        eg_mention_t p = s->found.items[i];
        if (p.start < covered)
            continue;
        int clash = 0;
        for (size_t j = first_ending_after(d, p.start); !clash && j < d->n &&
                                                          d->items[j].start < p.end; j++) {
            const eg_mention_t *x = &d->items[j];
            clash = !(x->start >= p.start && x->end <= p.end &&
                      x->end - x->start < p.end - p.start);
        }
        if (clash)
            continue;
        s->found.items[nkeep++] = p;
        covered = p.end;
    }
    s->found.n = nkeep;
    if (nkeep == 0)
        return 0;
    size_t ndict = d->n, w = 0, k = 0;
    for (size_t j = 0; j < ndict; j++) { /* drop dictionary mentions inside kept ones */
        while (k < nkeep && s->found.items[k].end <= d->items[j].start)
            k++;
        if (k < nkeep && s->found.items[k].start <= d->items[j].start)
            continue;
        d->items[w++] = d->items[j];
    }
    d->n = w;
    for (size_t i = 0; i < nkeep; i++)
        if (eg_mentions_push(d, &s->found.items[i]))
            return -1;
    qsort(d->items, d->n, sizeof *d->items, by_start);
    return 0;
}

/* The kept pattern mentions become mentions of found entities. */
static int make_found(const eg_patterns_t *p, const char *text, eg_pattern_scratch_t *s,
                      eg_found_t *found, eg_mentions_t *mentions)
{
    size_t w = 0;
    for (size_t i = 0; i < mentions->n; i++) {
        eg_mention_t mn = mentions->items[i];
        if (mn.entity == EG_ENTITY_FOUND && mn.why == PENDING) {
            eg_buf_clear(&s->label);
            if (eg_patterns_label(p, mn.alias, text + mn.start, mn.end - mn.start, &s->label))
                return -1;
            long idx = eg_found_add(found, s->label.data ? s->label.data : "", s->label.len,
                                    p->items[mn.alias].type, EG_WHY_PATTERN);
            if (idx == -1)
                return -1;
            if (idx == -2)
                continue; /* a label with no letter or digit names nothing */
            mn.alias = (uint32_t)idx;
            mn.why = EG_WHY_PATTERN;
        }
        mentions->items[w++] = mn;
    }
    mentions->n = w;
    return 0;
}

int eg_patterns_scan(const eg_patterns_t *p, const char *text, const eg_segments_t *seg,
                     eg_pattern_scratch_t *s, eg_found_t *found, eg_mentions_t *mentions)
{
    if (p->n == 0 || seg->ntokens == 0)
        return 0;
    if (!s->match_data) {
        s->match_data = pcre2_match_data_create(16, NULL);
        s->context = pcre2_match_context_create(NULL);
        if (!s->match_data || !s->context)
            return EG_ERR_RUNTIME;
        pcre2_set_match_limit(s->context, EG_PATTERN_MATCH_LIMIT);
        pcre2_set_depth_limit(s->context, EG_PATTERN_DEPTH_LIMIT);
    }
    s->found.n = 0;
    size_t len = seg->tokens[seg->ntokens - 1].end;
    for (size_t k = 0; k < p->n; k++)
        if (find_in_doc(p, k, text, len, seg, s))
            return EG_ERR_RUNTIME;
    if (s->found.n == 0)
        return 0;
    qsort(s->found.items, s->found.n, sizeof *s->found.items, by_start);
    if (merge(s, mentions) || make_found(p, text, s, found, mentions))
        return EG_ERR_RUNTIME;
    return 0;
}

const char *eg_patterns_type(const eg_patterns_t *p, size_t k)
{
    return p->items[k].type;
}

int eg_patterns_label(const eg_patterns_t *p, size_t k, const char *span, size_t n,
                      eg_buf_t *out)
{
    const char *t = p->items[k].name;
    for (; *t; t++) {
        if (t[0] == '$' && t[1] == '1') {
            if (eg_buf_append(out, span, n))
                return EG_ERR_RUNTIME;
            t++;
        } else if (eg_buf_append_byte(out, *t)) {
            return EG_ERR_RUNTIME;
        }
    }
    return 0;
}
