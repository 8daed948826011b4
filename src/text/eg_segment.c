/* eg_segment.c — one pass over the bytes makes tokens (with an ASCII
 * class table before any Unicode lookup), a second pass over the tokens
 * places sentence breaks. The rules are the ones news text needs; see
 * eg_segment.h for the contract. */
#include "eg_segment.h"

#include "../base/eg_error.h"
#include "eg_charclass.h"

#include <stdlib.h>
#include <string.h>
#include <pthread.h>

/* Double the capacity of an array (first: 64 items). Returns 0 or
 * EG_ERR_RUNTIME, leaving the array as it was. */
static int grow_array(void **items, size_t *cap, size_t size)
{
    size_t n = *cap ? *cap * 2 : 64;
    void *p = realloc(*items, n * size);
    if (!p)
        return EG_ERR_RUNTIME;
    *items = p;
    *cap = n;
    return 0;
}

/* Note token k for the sentence pass (eg_segment visits only these). */
static int add_mark(eg_segments_t *seg, size_t k)
{
    if (seg->nmarks == seg->marks_cap &&
        grow_array((void **)&seg->marks, &seg->marks_cap, sizeof *seg->marks))
        return EG_ERR_RUNTIME;
    seg->marks[seg->nmarks++] = (uint32_t)k;
    return 0;
}

/* capwords grows with tokens, so that noting a capitalised word needs no
 * check of its own (push_sentence: one store and one add, taken or not). */
static int grow_tokens(eg_segments_t *seg)
{
    size_t cap = seg->tokens_cap;
    if (grow_array((void **)&seg->tokens, &seg->tokens_cap, sizeof *seg->tokens))
        return -1;
    uint32_t *caps = realloc(seg->capwords, seg->tokens_cap * sizeof *caps);
    if (!caps) {
        seg->tokens_cap = cap;
        return -1;
    }
    seg->capwords = caps;
    return 0;
}

/* Scan a word starting at i; returns its end and fills case flags. An
 * apostrophe joins when a letter follows; '.' or ',' when digits are on
 * both sides. ASCII letters and digits take a table-driven fast loop. */
static size_t scan_word(const char *text, size_t len, size_t i, eg_token_t *t)
{
    const unsigned char *s = (const unsigned char *)text;
    uint8_t flags = t->flags;
    int first = 1;
    uint32_t prev = 0;
    for (;;) {
        /* The run of ASCII letters and digits: OR the classes together
         * and turn them into flags once per run, not once per byte. */
        size_t run = i;
        uint8_t seen = 0;
        const unsigned char *p = s + i, *end = s + len;
        while (p < end && (eg_ascii_class[*p] & EG_K_WORD))
            seen |= eg_ascii_class[*p++];
        i = (size_t)(p - s);
        if (i > run) {
            if (seen & EG_K_UPPER)
                flags |= EG_TOKF_HAS_UPPER;
            if (seen & EG_K_LOWER)
                flags |= EG_TOKF_HAS_LOWER;
            if (first && (eg_ascii_class[s[run]] & EG_K_LOWER))
                flags |= EG_TOKF_FIRST_LOWER;
            first = 0;
            prev = s[i - 1];
        }
        if (i >= len)
            break;
        size_t n;
        uint32_t cp = eg_decode_at(text, len, i, &n);
        int up = 0, low = 0;
        if (cp < 0x80 || eg_classify(cp, &up, &low) != EG_CLS_WORD) {
            int joins = 0;
            if (eg_is_apostrophe(cp))
                joins = eg_letter_at(text, len, i + n);
            else if (cp == '.' || cp == ',')
                joins = eg_is_ascii_digit(prev) && i + 1 < len && eg_is_ascii_digit(s[i + 1]);
            if (!joins)
                break;
        }
        if (up)
            flags |= EG_TOKF_HAS_UPPER;
        if (low)
            flags |= first ? EG_TOKF_HAS_LOWER | EG_TOKF_FIRST_LOWER : EG_TOKF_HAS_LOWER;
        if (cp >= 0x80)
            flags &= (uint8_t)~EG_TOKF_ASCII;
        first = 0;
        prev = cp;
        i += n;
    }
    t->flags = flags;
    return i;
}

#if defined(__SSE2__)
#include <emmintrin.h>
#define PLAIN_WORD_READ 32 /* bytes plain_ascii_word may read from i */

/* The common word in one step: ASCII letters and digits only, ended by
 * a byte that cannot join it (not an apostrophe, not '.' or ',' between
 * digits, not a non-ASCII character, which may be a letter). Returns its
 * length and sets its case flags, or returns 0 when scan_word must
 * decide (also for words of 16 bytes or more). Sixteen bytes are
 * classified at once instead of one table lookup per byte. */
static inline size_t plain_ascii_word(const unsigned char *s, size_t i, uint8_t *flags)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
    __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    /* signed compares: bytes >= 0x80 are negative, so never in a range */
    __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                   _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    __m128i bit20 = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x20));
    unsigned letters = (unsigned)_mm_movemask_epi8(letter);
    unsigned digits = (unsigned)_mm_movemask_epi8(digit);
    unsigned small = (unsigned)_mm_movemask_epi8(bit20); /* lower case, for letters */
    unsigned n = (unsigned)__builtin_ctz(~(letters | digits)); /* bit 16 up: always set */
    if (n == 0 || n >= 16)
        return 0;
    unsigned c = s[i + n];
    if (c >= 0x80 || c == '\'')
        return 0;
    if ((c == '.' || c == ',') && ((digits >> (n - 1)) & 1) && s[i + n + 1] >= '0' &&
        s[i + n + 1] <= '9')
        return 0;
    unsigned in_word = (1u << n) - 1;
    unsigned lower = letters & small & in_word, upper = letters & ~small & in_word;
    uint8_t f = 0;
    if (upper)
        f |= EG_TOKF_HAS_UPPER;
    if (lower)
        f |= EG_TOKF_HAS_LOWER;
    if (lower & 1)
        f |= EG_TOKF_FIRST_LOWER;
    f |= (uint8_t)((upper & 1) * EG_TOKF_CAP); /* letters and digits only: A-Z first */
    *flags = f;
    return n;
}
#endif

/* The next token, at start, with flags (case, ASCII) plus the position
 * flags: white space before it, a paragraph start. terminal: it may end a
 * sentence (a paragraph start or a terminal mark is noted for the
 * sentence pass). Filled in place: building a token on the stack and
 * copying it cost a store-forwarding stall per token (perf annotate).
 * The caller sets kind, end and base_end, then counts it; NULL when
 * memory runs out. */
static inline eg_token_t *open_token(eg_segments_t *seg, size_t start, uint8_t flags, int space,
                                     int newlines, int terminal)
{
    if (seg->ntokens == seg->tokens_cap && grow_tokens(seg))
        return NULL;
    if (space)
        flags |= EG_TOKF_SPACE_BEFORE;
    int para = newlines >= 2 || seg->ntokens == 0;
    if (para)
        flags |= EG_TOKF_PARA_START;
    if ((para || terminal) && add_mark(seg, seg->ntokens))
        return NULL;
    eg_token_t *t = &seg->tokens[seg->ntokens];
    t->start = (uint32_t)start;
    t->sentence = 0;
    t->flags = flags;
    return t;
}

int eg_tokenize(const char *text, size_t len, eg_segments_t *seg)
{
    seg->ntokens = seg->nsentences = seg->nparagraphs = seg->nmarks = seg->ncapwords = 0;
    seg->text_len = 0;
    if (len > EG_SEGMENT_MAX_BYTES)
        return EG_ERR_DATA;
    seg->text_len = len;
    const unsigned char *bytes = (const unsigned char *)text;
    size_t i = 0;
    int newlines = 0, space = 1;
    while (i < len) {
        size_t n;
        uint32_t cp;
        int up, low;
        enum eg_cls c;
        if (bytes[i] < 0x80) {
            uint8_t k = eg_ascii_class[bytes[i]];
            if (k & EG_K_SPACE) {
                newlines += (k & EG_K_NEWLINE) != 0;
                space = 1;
                i++;
                continue;
            }
#if defined(__SSE2__)
            uint8_t case_flags;
            size_t wn;
            if ((k & EG_K_WORD) && len - i >= PLAIN_WORD_READ &&
                (wn = plain_ascii_word(bytes, i, &case_flags)) != 0) {
                eg_token_t *t = open_token(seg, i, (uint8_t)(EG_TOKF_ASCII | case_flags), space,
                                           newlines, 0);
                if (!t)
                    return EG_ERR_RUNTIME;
                t->kind = EG_TOK_WORD;
                t->end = t->base_end = (uint32_t)(i + wn);
                seg->ntokens++;
                i += wn;
                newlines = 0;
                space = 0;
                continue;
            }
#endif
            cp = bytes[i];
            n = 1;
            c = (k & EG_K_WORD) ? EG_CLS_WORD : EG_CLS_PUNCT;
        } else {
            cp = eg_decode_at(text, len, i, &n);
            c = eg_classify(cp, &up, &low);
        }
        if (c == EG_CLS_NEWLINE || c == EG_CLS_SPACE) {
            if (c == EG_CLS_NEWLINE)
                newlines += eg_newline_weight(cp);
            space = 1;
            i += n;
            continue;
        }
        int punct = c == EG_CLS_PUNCT;
        eg_token_t *t = open_token(seg, i, punct && cp >= 0x80 ? 0 : EG_TOKF_ASCII, space,
                                   newlines, punct && eg_is_terminal(cp));
        if (!t)
            return EG_ERR_RUNTIME;
        if (!punct) {
            t->kind = EG_TOK_WORD;
            i = scan_word(text, len, i, t); /* adds case flags, drops ASCII if due */
            t->end = (uint32_t)i;
            t->base_end = eg_possessive_base(text, t->start, t->end);
            t->flags |= eg_word_cap_flag(t->flags, bytes[t->start]);
        } else {
            t->kind = EG_TOK_PUNCT;
            i += n;
            t->end = t->base_end = (uint32_t)i;
        }
        seg->ntokens++;
        newlines = 0;
        space = 0;
    }
    return 0;
}

/* ---- sentence breaks ---- */

/* Words after which a '.' does not end a sentence (compared without case). */
#define ABBR(w) {w, sizeof w - 1}
static const struct {
    const char *word;
    size_t len;
} ABBREVIATIONS[] = {
    ABBR("mr"), ABBR("mrs"), ABBR("ms"), ABBR("dr"), ABBR("prof"), ABBR("st"), ABBR("jr"),
    ABBR("sr"), ABBR("gen"), ABBR("col"), ABBR("lt"), ABBR("sgt"), ABBR("capt"), ABBR("cmdr"),
    ABBR("adm"), ABBR("maj"), ABBR("gov"), ABBR("sen"), ABBR("rep"), ABBR("pres"), ABBR("rev"),
    ABBR("fr"), ABBR("hon"), ABBR("messrs"), ABBR("mme"), ABBR("mlle"), ABBR("jan"), ABBR("feb"),
    ABBR("mar"), ABBR("apr"), ABBR("jun"), ABBR("jul"), ABBR("aug"), ABBR("sep"), ABBR("sept"),
    ABBR("oct"), ABBR("nov"), ABBR("dec"), ABBR("inc"), ABBR("ltd"), ABBR("corp"), ABBR("co"),
    ABBR("vs"), ABBR("no"), ABBR("nos"), ABBR("approx"), ABBR("dept"), ABBR("est"), ABBR("fig"),
    ABBR("vol"), ABBR("ed"), ABBR("eds"), ABBR("op"), ABBR("cf"), ABBR("al"), ABBR("ft"),
    ABBR("mt"), ABBR("ave"), ABBR("blvd"), ABBR("rd"), ABBR("univ"), ABBR("gov't"),
};
#undef ABBR

#define NABBREVIATIONS (sizeof ABBREVIATIONS / sizeof *ABBREVIATIONS)

/* A word of up to 8 ASCII bytes, lower-cased, as one integer (byte i in
 * bits 8i..8i+7): comparing two words is then one compare, not a call.
 * 0 when a byte is not ASCII (no abbreviation has one). */
static uint64_t packed_lower(const char *w, size_t n)
{
    uint64_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80)
            return 0;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        k |= (uint64_t)c << (8 * i);
    }
    return k;
}

static uint64_t ABBREVIATION_KEYS[NABBREVIATIONS];

static void init_abbreviation_keys(void)
{
    for (size_t k = 0; k < NABBREVIATIONS; k++)
        ABBREVIATION_KEYS[k] = packed_lower(ABBREVIATIONS[k].word, ABBREVIATIONS[k].len);
}

static pthread_once_t g_abbreviations_once = PTHREAD_ONCE_INIT;

/* Is w[0..n) a known abbreviation, in any case? (Called for every word
 * before a '.', so it compares integers.) */
static int is_abbreviation(const char *w, size_t n)
{
    if (n > 6 || n < 2)
        return 0; /* no abbreviation is longer ("approx", "messrs", "gov't") */
    uint64_t key = packed_lower(w, n);
    for (size_t k = 0; key && k < NABBREVIATIONS; k++)
        if (ABBREVIATION_KEYS[k] == key)
            return 1;
    return 0;
}

static uint32_t token_cp(const char *text, const eg_token_t *t)
{
    size_t n;
    return eg_decode_at(text, t->end, t->start, &n);
}

static int is_closer(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
           cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A;
}

/* Does the '.' at token k belong to the word before it? */
static int period_is_abbreviation(const char *text, const eg_segments_t *seg,
                                  size_t k)
{
    if (k == 0)
        return 0;
    const eg_token_t *w = &seg->tokens[k - 1];
    if (w->kind != EG_TOK_WORD || w->end != seg->tokens[k].start)
        return 0;
    size_t n;
    eg_decode_at(text, w->end, w->start, &n);
    int single_letter = w->start + n == w->end &&
                        (w->flags & (EG_TOKF_HAS_UPPER | EG_TOKF_HAS_LOWER));
    return single_letter || is_abbreviation(text + w->start, w->end - w->start);
}

static int push_sentence(eg_segments_t *seg, const char *text, size_t first,
                         size_t end, uint32_t paragraph)
{
    (void)text;
    if (first >= end)
        return 0;
    if (seg->nsentences == seg->sentences_cap &&
        grow_array((void **)&seg->sentences, &seg->sentences_cap, sizeof *seg->sentences))
        return EG_ERR_RUNTIME;
    eg_sentence_t *s = &seg->sentences[seg->nsentences];
    s->first_token = (uint32_t)first;
    s->end_token = (uint32_t)end;
    s->start = seg->tokens[first].start;
    s->end = seg->tokens[end - 1].end;
    s->paragraph = paragraph;
    /* the pass that numbers the tokens also lists the capitalised words */
    uint32_t *caps = seg->capwords, sentence = (uint32_t)seg->nsentences;
    size_t ncaps = seg->ncapwords;
    for (size_t k = first; k < end; k++) {
        seg->tokens[k].sentence = sentence;
        caps[ncaps] = (uint32_t)k;
        ncaps += (seg->tokens[k].flags & EG_TOKF_CAP) != 0;
    }
    seg->ncapwords = ncaps;
    seg->nsentences++;
    return 0;
}

/* Index of the first token after the sentence-ending punctuation at k
 * (more terminal marks and closing quotes/brackets stay with it). */
static size_t end_of_terminal_run(const char *text, const eg_segments_t *seg,
                                  size_t k)
{
    size_t j = k + 1;
    while (j < seg->ntokens && seg->tokens[j].kind == EG_TOK_PUNCT &&
           !(seg->tokens[j].flags & EG_TOKF_PARA_START)) {
        uint32_t cp = token_cp(text, &seg->tokens[j]);
        if (!eg_is_terminal(cp) && !is_closer(cp))
            break;
        /* A quote after white space opens the next sentence: 2011. "Berlin */
        if (seg->tokens[j].flags & EG_TOKF_SPACE_BEFORE)
            break;
        j++;
    }
    return j;
}

static int breaks_after(const char *text, const eg_segments_t *seg, size_t k,
                        size_t next)
{
    uint32_t cp = token_cp(text, &seg->tokens[k]);
    if (cp == '.' && period_is_abbreviation(text, seg, k))
        return 0;
    if (next >= seg->ntokens)
        return 1;
    const eg_token_t *n = &seg->tokens[next];
    if (n->flags & EG_TOKF_PARA_START)
        return 1;
    if (n->kind == EG_TOK_WORD && (n->flags & EG_TOKF_FIRST_LOWER))
        return 0; /* "approx. five", "... said Mr. lee" */
    const eg_token_t *after = &seg->tokens[k + 1];
    if (cp == '.' && next == k + 1 && !(after->flags & EG_TOKF_SPACE_BEFORE) &&
        after->kind == EG_TOK_WORD)
        return 0; /* "e.g", "example.com" */
    return 1;
}

int eg_segment(const char *text, size_t len, eg_segments_t *seg)
{
    pthread_once(&g_abbreviations_once, init_abbreviation_keys);
    int rc = eg_tokenize(text, len, seg);
    if (rc)
        return rc;
    size_t first = 0, done = 0; /* tokens before done are decided */
    uint32_t paragraph = 0;
    /* Only marked tokens (paragraph starts, terminal punctuation) can
     * end a sentence; the others are skipped without a look. */
    for (size_t mi = 0; mi < seg->nmarks; mi++) {
        size_t k = seg->marks[mi];
        if (k < done)
            continue; /* taken into the terminal run before it */
        if (k > first && (seg->tokens[k].flags & EG_TOKF_PARA_START)) {
            if (push_sentence(seg, text, first, k, paragraph))
                return EG_ERR_RUNTIME;
            first = k;
            paragraph++;
        } else if (k == first && k > 0 &&
                   (seg->tokens[k].flags & EG_TOKF_PARA_START)) {
            paragraph++;
        }
        const eg_token_t *t = &seg->tokens[k];
        done = k + 1;
        if (t->kind == EG_TOK_PUNCT && eg_is_terminal(token_cp(text, t))) {
            size_t next = end_of_terminal_run(text, seg, k);
            if (breaks_after(text, seg, k, next)) {
                if (push_sentence(seg, text, first, next, paragraph))
                    return EG_ERR_RUNTIME;
                first = next;
            }
            done = next;
        }
    }
    if (push_sentence(seg, text, first, seg->ntokens, paragraph))
        return EG_ERR_RUNTIME;
    seg->nparagraphs = seg->ntokens ? paragraph + 1 : 0;
    return 0;
}

void eg_segments_init(eg_segments_t *seg)
{
    memset(seg, 0, sizeof *seg);
}

void eg_segments_free(eg_segments_t *seg)
{
    free(seg->tokens);
    free(seg->capwords);
    free(seg->sentences);
    free(seg->marks);
    memset(seg, 0, sizeof *seg);
}
