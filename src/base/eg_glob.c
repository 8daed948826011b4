/* eg_glob.c — shell-style patterns as small automata; see eg_glob.h.
 *
 * Why not fnmatch(3): it has no "**", so "every .txt below 2024/" could
 * not be said; and its backtracking can take exponential time on a
 * pattern of many stars. Here the pattern is compiled into a list of
 * steps (a character, any character, a set, a star) and matching keeps
 * the set of steps reached so far, one pass per character of the path:
 * the classic Thompson simulation, linear in the path. */
#include "eg_glob.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum step_kind {
    STEP_CHAR,     /* one given character */
    STEP_ANY,      /* '?' */
    STEP_SET,      /* [...] */
    STEP_STAR,     /* '*': stays on anything but '/' */
    STEP_GLOBSTAR, /* '**': stays on anything */
    STEP_DIRS,     /* '**' '/': stays on anything, moves on after a '/' */
};

typedef struct step {
    unsigned char kind, negate;
    uint32_t c;            /* STEP_CHAR */
    size_t first, nranges; /* STEP_SET: ranges[first .. first + nranges) */
} step_t;

struct eg_glob {
    step_t *steps;
    size_t n;
    uint32_t (*ranges)[2];
    size_t nranges;
    int slash;
};

/* The next character of *p (UTF-8), advancing *p; a byte that starts no
 * valid sequence stands for itself, above the Unicode range. */
static uint32_t next_char(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    int len = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3
              : (s[0] >> 3) == 30 ? 4 : 0;
    uint32_t c = len == 1 ? s[0] : len == 2 ? s[0] & 31u : len == 3 ? s[0] & 15u : s[0] & 7u;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            len = 0;
            break;
        }
        c = c << 6 | (s[i] & 63u);
    }
    if (len == 0) {
        *p += 1;
        return 0x110000u + s[0];
    }
    *p += len;
    return c;
}

static int add_step(eg_glob_t *g, step_t s)
{
    step_t *p = realloc(g->steps, (g->n + 1) * sizeof *p);
    if (!p)
        return -1;
    g->steps = p;
    g->steps[g->n++] = s;
    return 0;
}

static int add_range(eg_glob_t *g, uint32_t lo, uint32_t hi)
{
    uint32_t(*r)[2] = realloc(g->ranges, (g->nranges + 1) * sizeof *r);
    if (!r)
        return -1;
    g->ranges = r;
    r[g->nranges][0] = lo;
    r[g->nranges][1] = hi;
    g->nranges++;
    return 0;
}

/* A set from just after its '[': fills s, advances *p past the ']'. */
static const char *parse_set(eg_glob_t *g, const char **p, step_t *s)
{
    const char *q = *p;
    s->kind = STEP_SET;
    s->first = g->nranges;
    if (*q == '!' || *q == '^')
        s->negate = 1, q++;
    for (int first = 1; first || *q != ']'; first = 0) {
        if (!*q)
            return "a '[' is not closed";
        if (*q == '\\' && !*++q)
            return "the pattern ends with '\\'";
        uint32_t lo = next_char(&q), hi = lo;
        if (q[0] == '-' && q[1] && q[1] != ']') {
            q++;
            if (*q == '\\' && !*++q)
                return "the pattern ends with '\\'";
            hi = next_char(&q);
        }
        if (add_range(g, lo, hi))
            return "out of memory";
    }
    s->nranges = g->nranges - s->first;
    *p = q + 1;
    return NULL;
}

static const char *compile_into(eg_glob_t *g, const char *p)
{
    if (!*p)
        return "the pattern is empty";
    while (*p) {
        step_t s = {0};
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            s.kind = *p == '/' ? STEP_DIRS : STEP_GLOBSTAR;
            p += *p == '/';
            g->slash = 1;
        } else if (*p == '*' || *p == '?') {
            s.kind = *p++ == '*' ? STEP_STAR : STEP_ANY;
        } else if (*p == '[') {
            p++;
            const char *why = parse_set(g, &p, &s);
            if (why)
                return why;
        } else {
            if (*p == '\\' && !*++p)
                return "the pattern ends with '\\'";
            s.kind = STEP_CHAR;
            s.c = next_char(&p);
            g->slash |= s.c == '/';
        }
        if (add_step(g, s))
            return "out of memory";
    }
    return NULL;
}

eg_glob_t *eg_glob_compile(const char *pattern, const char **why)
{
    eg_glob_t *g = calloc(1, sizeof *g);
    const char *problem = g ? compile_into(g, pattern) : "out of memory";
    if (problem) {
        eg_glob_free(g);
        if (why)
            *why = problem;
        return NULL;
    }
    return g;
}

void eg_glob_free(eg_glob_t *g)
{
    if (!g)
        return;
    free(g->steps);
    free(g->ranges);
    free(g);
}

int eg_glob_has_slash(const eg_glob_t *g)
{
    return g->slash;
}

static int in_set(const eg_glob_t *g, const step_t *s, uint32_t c)
{
    int in = 0;
    for (size_t i = s->first; i < s->first + s->nranges && !in; i++)
        in = c >= g->ranges[i][0] && c <= g->ranges[i][1];
    return in != s->negate;
}

/* The steps that match the empty string are passed through. */
static void close_over(const eg_glob_t *g, char *on)
{
    for (size_t i = 0; i < g->n; i++)
        if (on[i] && g->steps[i].kind >= STEP_STAR)
            on[i + 1] = 1;
}

/* From the steps reached in on, those reached after character c. */
static int advance(const eg_glob_t *g, const char *on, char *next, uint32_t c)
{
    int any = 0;
    memset(next, 0, g->n + 1);
    for (size_t i = 0; i < g->n; i++) {
        if (!on[i])
            continue;
        const step_t *s = &g->steps[i];
        int slash = c == '/';
        int move = s->kind == STEP_CHAR ? c == s->c
                 : s->kind == STEP_ANY  ? !slash
                 : s->kind == STEP_SET  ? !slash && in_set(g, s, c)
                 : s->kind == STEP_DIRS ? slash
                                        : 0;
        int stay = s->kind == STEP_STAR ? !slash : s->kind >= STEP_GLOBSTAR;
        next[i + 1] |= (char)move;
        next[i] |= (char)stay;
        any |= move | stay;
    }
    close_over(g, next);
    return any;
}

int eg_glob_match(const eg_glob_t *g, const char *s)
{
    char *on = calloc(2 * (g->n + 1), 1);
    if (!on)
        return 0;
    char *next = on + g->n + 1;
    on[0] = 1;
    close_over(g, on);
    int alive = 1;
    while (*s && alive) {
        alive = advance(g, on, next, next_char(&s));
        char *t = on;
        on = next;
        next = t;
    }
    int matched = alive && on[g->n];
    free(on < next ? on : next);
    return matched;
}
