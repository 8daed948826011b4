/* eg_window.c — what a window is: the window specs (kind, line
 * paragraphs, N), the paragraph of a mention when every line is one, the
 * bytes of a window for its evidence, and the token windows.
 *
 * Token windows are counted per anchor (see eg_cooc.h): the mentions of a
 * document are in text order, so the partners of an anchor are the run of
 * mentions after it in its paragraph until the first one too far away;
 * distances come from the word number of each mention's first word and
 * of the word after its last, found in one walk over the tokens up to the
 * last mention. Everything per mention lives in the counter's marks
 * array, grown like its other scratch space, so counting allocates
 * nothing once warm. A link is a pair of mentions: an anchor with N
 * words after it has at most N partners, so N bounds the work per
 * mention as max_window_entities bounds a set window's. */
#include "eg_cooc_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const KIND_NAMES[] = {"sentence", "paragraph", "document", "tokens"};
#define LINES_SUFFIX ",paragraphs=line"

int eg_window_parse(const char *s, eg_window_t *out)
{
    size_t n = strlen(s), suffix = strlen(LINES_SUFFIX);
    eg_window_t lines = 0;
    if (n > suffix && strcmp(s + n - suffix, LINES_SUFFIX) == 0) {
        lines = EG_WINDOW_LINES;
        n -= suffix;
    }
    for (unsigned k = EG_WINDOW_SENTENCE; k <= EG_WINDOW_DOCUMENT; k++)
        if (strlen(KIND_NAMES[k]) == n && memcmp(s, KIND_NAMES[k], n) == 0) {
            if (lines && k == EG_WINDOW_DOCUMENT)
                return -1; /* counts as document: one spec per way of counting */
            *out = k | lines;
            return 0;
        }
    if (n < 8 || memcmp(s, "tokens:", 7) != 0 || n - 7 > 6)
        return -1;
    unsigned v = 0;
    for (size_t i = 7; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    if (v < 1 || v > EG_WINDOW_MAX_TOKENS)
        return -1;
    *out = eg_window_tokens(v) | lines;
    return 0;
}

const char *eg_window_name(eg_window_t w, char *buf, size_t size)
{
    unsigned kind = eg_window_kind(w);
    const char *lines = (w & EG_WINDOW_LINES) ? LINES_SUFFIX : "";
    if (kind == EG_WINDOW_TOKENS)
        snprintf(buf, size, "tokens:%u%s", eg_window_span(w), lines);
    else
        snprintf(buf, size, "%s%s", kind < 3 ? KIND_NAMES[kind] : "?", lines);
    return buf;
}

/* ---- lines ---- */

/* The line around byte x: [*start, *end) without its line feed. */
static void line_span(const eg_doc_info_t *doc, size_t x, size_t *start, size_t *end)
{
    const char *t = doc->text;
    const char *before = x ? memrchr(t, '\n', x) : NULL;
    const char *after = x < doc->len ? memchr(t + x, '\n', doc->len - x) : NULL;
    *start = before ? (size_t)(before - t) + 1 : 0;
    *end = after ? (size_t)(after - t) : doc->len;
}

int cooc_paragraph_keys(eg_cooc_t *c, const eg_doc_info_t *doc, const eg_mention_t *ms,
                        size_t n, const eg_segments_t *seg, eg_window_t window)
{
    if (cooc_grow_u32(&c->marks, &c->marks_cap, n))
        return -1;
    if (!(window & EG_WINDOW_LINES)) {
        for (size_t i = 0; i < n; i++)
            c->marks[i] = seg->sentences[ms[i].sentence].paragraph;
        return 0;
    }
    size_t at = 0;     /* line feeds before byte at were counted */
    uint32_t line = 0;
    for (size_t i = 0; i < n; i++) {
        size_t to = ms[i].start;
        if (to < at) /* not in text order: count again from the start */
            at = 0, line = 0;
        const char *p = doc->text + at, *stop = doc->text + to;
        while ((p = memchr(p, '\n', (size_t)(stop - p))) != NULL) {
            line++;
            p++;
        }
        at = to;
        c->marks[i] = line;
    }
    return 0;
}

void cooc_window_span(const eg_mention_t *m, const eg_segments_t *seg,
                      const eg_doc_info_t *doc, eg_window_t w, size_t *start, size_t *end,
                      uint32_t *sentence)
{
    const eg_sentence_t *s = &seg->sentences[m->sentence];
    unsigned kind = eg_window_kind(w);
    *sentence = m->sentence;
    if (kind == EG_WINDOW_SENTENCE || kind == EG_WINDOW_TOKENS) {
        *start = s->start;
        *end = s->end;
    } else if (kind == EG_WINDOW_PARAGRAPH) {
        size_t first = m->sentence, last = m->sentence;
        while (first > 0 && seg->sentences[first - 1].paragraph == s->paragraph)
            first--;
        while (last + 1 < seg->nsentences && seg->sentences[last + 1].paragraph == s->paragraph)
            last++;
        *start = seg->sentences[first].start;
        *end = seg->sentences[last].end;
        *sentence = (uint32_t)first;
    } else {
        *start = 0;
        *end = doc->len;
        *sentence = 0;
        return;
    }
    if (w & EG_WINDOW_LINES) {
        size_t ls, le;
        line_span(doc, m->start, &ls, &le);
        *start = *start > ls && kind != EG_WINDOW_PARAGRAPH ? *start : ls;
        *end = *end < le && kind != EG_WINDOW_PARAGRAPH ? *end : le;
        *sentence = m->sentence; /* a line may start inside an earlier one */
        while (*sentence > 0 && seg->sentences[*sentence - 1].end > *start)
            --*sentence;
    }
}

/* ---- token windows ---- */

/* Word numbers: marks[n + i] = words before mention i, marks[2n + i] =
 * words before the token after it. */
static void word_numbers(uint32_t *marks, const eg_mention_t *ms, size_t n,
                         const eg_segments_t *seg)
{
    uint32_t t = 0, words = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t first = ms[i].first_token, end = first + ms[i].ntokens;
        if (first < t) /* not in text order: count again from the start */
            t = 0, words = 0;
        for (; t < first; t++)
            words += seg->tokens[t].kind == EG_TOK_WORD;
        uint32_t inside = 0;
        for (uint32_t k = first; k < end && k < seg->ntokens; k++)
            inside += seg->tokens[k].kind == EG_TOK_WORD;
        marks[n + i] = words;
        marks[2 * n + i] = words + inside;
    }
}

/* One anchor k: one link of its entity with the entity of each partner
 * mention in (k, last] that is another entity. */
static int link_anchor(eg_cooc_t *c, cooc_window_t *w, const eg_mention_t *ms, size_t k,
                       size_t last)
{
    uint32_t a = ms[k].entity;
    w->index = (uint32_t)k;
    w->text = NULL;
    if (c->opt.evidence) {
        size_t s0, e0, s1, e1;
        uint32_t unused;
        cooc_window_span(&ms[k], w->seg, w->doc, w->kind, &s0, &e0, &w->sentence);
        cooc_window_span(&ms[last], w->seg, w->doc, w->kind, &s1, &e1, &unused);
        w->start = s0;
        w->end = e1 > e0 ? e1 : e0;
    }
    for (size_t l = k + 1; l <= last; l++) {
        uint32_t b = ms[l].entity;
        if (b == a)
            continue;
        c->windows[a]++;
        c->windows[b]++;
        c->windows_with_entities++;
        if (cooc_count_pair(c, w, a < b ? a : b, a < b ? b : a))
            return -1;
    }
    return 0;
}

int cooc_add_token_windows(eg_cooc_t *c, const eg_doc_info_t *doc, const eg_mention_t *ms,
                           size_t n, const eg_segments_t *seg, eg_window_t window,
                           char **doc_id)
{
    if (n < 2)
        return 0;
    if (cooc_grow_u32(&c->marks, &c->marks_cap, 3 * n) ||
        cooc_paragraph_keys(c, doc, ms, n, seg, window))
        return EG_ERR_RUNTIME;
    uint32_t *para = c->marks, *first_word = c->marks + n, *after_word = c->marks + 2 * n;
    word_numbers(c->marks, ms, n, seg);
    uint64_t span = eg_window_span(window);
    cooc_window_t w = {.doc = doc, .seg = seg, .kind = window, .doc_id = doc_id};
    for (size_t k = 0; k + 1 < n; k++) {
        /* distance = first_word[l] - (after_word[k] - 1) <= span */
        size_t last = k;
        while (last + 1 < n && para[last + 1] == para[k] &&
               (uint64_t)first_word[last + 1] + 1 <= (uint64_t)after_word[k] + span)
            last++;
        if (last > k && link_anchor(c, &w, ms, k, last))
            return EG_ERR_RUNTIME;
    }
    return 0;
}
