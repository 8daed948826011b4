/* eg_tokscan.c — token bitmaps, 64 bytes at a time.
 *
 * Each 64-byte block is classified into masks (bit i = byte i): word
 * characters, letters, ASCII digits, white space, apostrophes, '.' and
 * ','... With SSE2 the ASCII bytes take sixteen at a time; a block with
 * a byte >= 0x80 then visits its non-ASCII characters alone (a curly
 * quote costs one decode and one utf8proc lookup, not a slow path for
 * the whole block). A multi-byte character's class covers all its bytes,
 * so that "the character before" is always the byte before a lead byte
 * and "the character after" the byte after a character's last one; the
 * token bits go on lead bytes only.
 *
 * Then the rules of eg_segment.h become bit logic over whole blocks:
 *
 *   joined   = apostrophe & word before & letter after
 *            | ('.' or ',') & digit before & digit after
 *   in_word  = word | joined
 *   word_start = word & ~(in_word before)
 *   tok_start  = word_start | (lead & ~in_word & ~space)
 *   tok_end    = lead & ~(space before) & (tok_start | space)
 *
 * "Before" shifts a mask up one bit and brings in the last bit of the
 * block before (struct carry); "after" shifts down and brings in the
 * first character of the next block, read directly (only when the last
 * byte is a joiner). A character straddling two blocks lends its class
 * to the continuation bytes that start the next one. The last block is
 * copied into a buffer padded with spaces, so that the end of the text
 * reads like white space (ending the last token at len) and no load
 * passes the end.
 */
#include "eg_tokscan.h"

#include "../base/eg_error.h"
#include "eg_charclass.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && !defined(EG_TOKSCAN_PORTABLE)
#include <emmintrin.h>
#define TOKSCAN_SSE2 1
#endif

#define BIT(i) (UINT64_C(1) << (i))

/* The classes of one block's bytes. ASCII classes are set on ASCII bytes
 * only (space too: bytes >= 0x80 are not white space until proved). */
typedef struct masks {
    uint64_t word, letter, digit, space, upper, newline, apostrophe, dot_comma, mark;
    uint64_t nonascii, cont; /* bytes >= 0x80; continuation bytes (cont: only with nonascii) */
} masks_t;

/* The class of the character that ends the block before (0 or 1 each),
 * and a line-break bit that U+2029 pushed into this block. */
typedef struct carry {
    uint64_t word, letter, digit, space, joined, in_word, newline;
} carry_t;

#if TOKSCAN_SSE2
/* Bits of a byte compare, 16 at a time. */
#define MOVEMASK(x) ((uint64_t)(unsigned)_mm_movemask_epi8(x))

static inline __m128i in_range(__m128i v, char lo, char hi)
{
    /* signed compares: bytes >= 0x80 are negative, so never in a range */
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)(lo - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8((char)(hi + 1))));
}

static inline __m128i eq(__m128i v, char c)
{
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

static inline void ascii_masks(const unsigned char *p, masks_t *m)
{
    memset(m, 0, sizeof *m);
    for (int q = 0; q < 4; q++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * q));
        int sh = 16 * q;
        __m128i dot = eq(v, '.');
        __m128i letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
        __m128i digit = in_range(v, '0', '9');
        __m128i space = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(' ' + 1)), eq(v, 0x7F));
        m->nonascii |= MOVEMASK(v) << sh;
        m->letter |= MOVEMASK(letter) << sh;
        m->digit |= MOVEMASK(digit) << sh;
        m->space |= MOVEMASK(space) << sh; /* with bytes >= 0x80: cleared below */
        m->upper |= MOVEMASK(in_range(v, 'A', 'Z')) << sh;
        m->newline |= MOVEMASK(eq(v, '\n')) << sh;
        m->apostrophe |= MOVEMASK(eq(v, '\'')) << sh;
        m->dot_comma |= MOVEMASK(_mm_or_si128(dot, eq(v, ','))) << sh;
        m->mark |= MOVEMASK(_mm_or_si128(dot, _mm_or_si128(eq(v, '!'), eq(v, '?')))) << sh;
    }
    m->word = m->letter | m->digit;
    m->space &= ~m->nonascii;
    if (m->nonascii)
        for (int q = 0; q < 4; q++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * q));
            /* 0x80..0xBF, as signed bytes: below (char)0xC0 */
            m->cont |= MOVEMASK(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0))) << (16 * q);
        }
}
#else
/* The portable masks: one table lookup a byte. */
static inline void ascii_masks(const unsigned char *p, masks_t *m)
{
    memset(m, 0, sizeof *m);
    for (int i = 0; i < 64; i++) {
        unsigned char c = p[i];
        uint8_t k = eg_ascii_class[c];
        uint64_t b = BIT(i);
        m->word |= (k & EG_K_WORD) ? b : 0;
        m->letter |= (k & (EG_K_UPPER | EG_K_LOWER)) ? b : 0;
        m->digit |= (k & EG_K_DIGIT) ? b : 0;
        m->space |= (k & EG_K_SPACE) ? b : 0;
        m->upper |= (k & EG_K_UPPER) ? b : 0;
        m->newline |= (k & EG_K_NEWLINE) ? b : 0;
        m->apostrophe |= c == '\'' ? b : 0;
        m->dot_comma |= (c == '.' || c == ',') ? b : 0;
        m->mark |= (c == '.' || c == '!' || c == '?') ? b : 0;
        m->nonascii |= c >= 0x80 ? b : 0;
        m->cont |= (c & 0xC0) == 0x80 ? b : 0;
    }
}
#endif

/* Set the classes of the block's non-ASCII characters (at absolute
 * offset base of text) in m, from utf8proc; joined gets the non-ASCII
 * apostrophes that join a word (their bytes). The continuation bytes
 * that open the block belong to the character that ended the block
 * before and take its class from c. */
static void unicode_masks(const char *text, size_t len, size_t base, const carry_t *c,
                          masks_t *m, uint64_t *joined, uint64_t *newline_out)
{
    uint64_t lead = ~m->cont;
    uint64_t prefix = m->cont & (lead ? (lead & (0 - lead)) - 1 : ~UINT64_C(0));
    m->word |= c->word ? prefix : 0;
    m->letter |= c->letter ? prefix : 0;
    m->space |= c->space ? prefix : 0;
    *joined |= c->joined ? prefix : 0;
    for (uint64_t todo = m->nonascii & lead; todo; todo &= todo - 1) {
        unsigned i = (unsigned)__builtin_ctzll(todo);
        size_t n;
        uint32_t cp = eg_decode_at(text, len, base + i, &n);
        uint64_t bytes = (BIT(n) - 1) << i; /* bytes past the block: dropped */
        int up, low;
        switch (eg_classify(cp, &up, &low)) {
        case EG_CLS_WORD:
            m->word |= bytes;
            m->letter |= bytes; /* no non-ASCII character is an ASCII digit */
            m->upper |= up ? BIT(i) : 0;
            break;
        case EG_CLS_NEWLINE: /* white space that counts as a line break */
            m->space |= bytes;
            m->newline |= BIT(i);
            if (eg_newline_weight(cp) == 2) {
                if (i < 63)
                    m->newline |= BIT(i + 1);
                else
                    *newline_out = 1;
            }
            break;
        case EG_CLS_SPACE:
            m->space |= bytes;
            break;
        case EG_CLS_PUNCT: {
            m->mark |= eg_is_terminal(cp) ? BIT(i) : 0;
            uint64_t word_before = i ? (m->word >> (i - 1)) & 1 : c->word;
            if (eg_is_apostrophe(cp) && word_before && eg_letter_at(text, len, base + i + n))
                *joined |= bytes;
            break;
        }
        }
    }
}

/* The token bits of one block; p: its 64 bytes (padded past len). */
static void scan_block(const unsigned char *p, const char *text, size_t len, size_t base,
                       carry_t *c, eg_tokscan_t *ts, size_t b)
{
    masks_t m;
    ascii_masks(p, &m);
    uint64_t joined = 0, newline_in = c->newline;
    c->newline = 0;
    if (m.nonascii)
        unicode_masks(text, len, base, c, &m, &joined, &c->newline);
    /* the character after the last byte, for a joiner there */
    uint64_t next_letter = 0, next_digit = 0;
    if ((m.apostrophe | m.dot_comma) >> 63) {
        next_letter = (uint64_t)eg_letter_at(text, len, base + 64);
        next_digit = base + 64 < len && eg_is_ascii_digit((unsigned char)text[base + 64]);
    }
    uint64_t word_before = m.word << 1 | c->word, digit_before = m.digit << 1 | c->digit;
    uint64_t letter_after = m.letter >> 1 | next_letter << 63;
    uint64_t digit_after = m.digit >> 1 | next_digit << 63;
    joined |= (m.apostrophe & word_before & letter_after) |
              (m.dot_comma & digit_before & digit_after);
    uint64_t in_word = m.word | joined;
    uint64_t lead = ~m.cont;
    uint64_t word_start = m.word & ~(in_word << 1 | c->in_word);
    uint64_t tok_start = word_start | (lead & ~in_word & ~m.space);
    uint64_t tok_end = lead & ~(m.space << 1 | c->space) & (tok_start | m.space);

    ts->tok_start[b] = tok_start;
    ts->word_start[b] = word_start;
    ts->tok_end[b] = tok_end;
    ts->upper[b] = m.upper;
    ts->newline[b] = m.newline | newline_in;
    ts->mark[b] = m.mark;

    c->word = m.word >> 63;
    c->letter = m.letter >> 63;
    c->digit = m.digit >> 63;
    c->space = m.space >> 63;
    c->joined = joined >> 63;
    c->in_word = in_word >> 63;
}

/* Room for nblocks words per bitmap. */
static int reserve(eg_tokscan_t *ts, size_t nblocks)
{
    if (nblocks <= ts->cap)
        return 0;
    size_t cap = ts->cap * 2 > nblocks ? ts->cap * 2 : nblocks;
    uint64_t *bits = malloc(6 * cap * sizeof *bits);
    uint32_t *dir = malloc(2 * (cap + 1) * sizeof *dir);
    if (!bits || !dir) {
        free(bits);
        free(dir);
        return EG_ERR_RUNTIME;
    }
    free(ts->tok_start);
    free(ts->rank);
    ts->tok_start = bits;
    ts->word_start = bits + cap;
    ts->tok_end = bits + 2 * cap;
    ts->upper = bits + 3 * cap;
    ts->newline = bits + 4 * cap;
    ts->mark = bits + 5 * cap;
    ts->rank = dir;
    ts->sample = dir + cap + 1;
    ts->cap = cap;
    return 0;
}

int eg_tokscan(const char *text, size_t len, eg_tokscan_t *ts)
{
    ts->len = ts->ntokens = ts->nwords = ts->nblocks = 0;
    if (len > EG_SEGMENT_MAX_BYTES)
        return EG_ERR_DATA;
    size_t nblocks = len / 64 + 1;
    if (reserve(ts, nblocks))
        return EG_ERR_RUNTIME;
    carry_t c = {.space = 1}; /* the text starts as after white space */
    const unsigned char *s = (const unsigned char *)text;
    size_t ntokens = 0, nwords = 0;
    for (size_t b = 0; b < nblocks; b++) {
        size_t base = 64 * b;
        unsigned char tail[64];
        const unsigned char *p = s + base;
        if (b == nblocks - 1) { /* len % 64 bytes, then spaces */
            memset(tail, ' ', sizeof tail);
            if (len > base)
                memcpy(tail, s + base, len - base);
            p = tail;
        }
        scan_block(p, text, len, base, &c, ts, b);
        /* the sampled select directory: the last block to write entry j
         * is the one holding token 64 j (see eg_tokscan_select) */
        ts->sample[(ntokens + 63) / 64] = (uint32_t)b;
        ts->rank[b] = (uint32_t)ntokens;
        ntokens += (size_t)__builtin_popcountll(ts->tok_start[b]);
        nwords += (size_t)__builtin_popcountll(ts->word_start[b]);
    }
    ts->rank[nblocks] = (uint32_t)ntokens;
    ts->len = len;
    ts->nblocks = nblocks;
    ts->ntokens = ntokens;
    ts->nwords = nwords;
    return 0;
}

/* The position of the r-th set bit (from 0) of x, which has more. */
static inline unsigned select64(uint64_t x, size_t r)
{
    while (r--)
        x &= x - 1;
    return (unsigned)__builtin_ctzll(x);
}

size_t eg_tokscan_select(const eg_tokscan_t *ts, size_t k)
{
    /* Token k lies in the last word w with rank[w] <= k, between the
     * words of tokens 64 j and 64 (j + 1) */
    size_t j = k / 64;
    size_t lo = ts->sample[j];
    size_t hi = 64 * (j + 1) < ts->ntokens ? ts->sample[j + 1] : ts->nblocks - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (ts->rank[mid] <= k)
            lo = mid;
        else
            hi = mid - 1;
    }
    return 64 * lo + select64(ts->tok_start[lo], k - ts->rank[lo]);
}

size_t eg_tokscan_next_bit(const eg_tokscan_t *ts, const uint64_t *bitmap, size_t pos)
{
    size_t w = pos / 64;
    uint64_t x = bitmap[w] & (~UINT64_C(0) << (pos % 64));
    while (!x) {
        if (++w == ts->nblocks)
            return ts->len + 1;
        x = bitmap[w];
    }
    return 64 * w + (size_t)__builtin_ctzll(x);
}

size_t eg_tokscan_next_start(const eg_tokscan_t *ts, size_t pos)
{
    size_t i = eg_tokscan_next_bit(ts, ts->tok_start, pos);
    return i < ts->len ? i : ts->len;
}

static inline int bit_at(const uint64_t *bitmap, size_t pos)
{
    return (int)((bitmap[pos / 64] >> (pos % 64)) & 1);
}

/* The last set bit of bitmap before pos, or SIZE_MAX. */
static size_t prev_bit(const uint64_t *bitmap, size_t pos)
{
    if (pos == 0)
        return SIZE_MAX;
    size_t w = (pos - 1) / 64;
    uint64_t x = bitmap[w] & (~UINT64_C(0) >> (63 - (pos - 1) % 64));
    while (!x) {
        if (w-- == 0)
            return SIZE_MAX;
        x = bitmap[w];
    }
    return 64 * w + 63 - (size_t)__builtin_clzll(x);
}

/* Set bits of bitmap in [from, to). */
static size_t count_bits(const uint64_t *bitmap, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t w = from / 64; from < to; w++) {
        uint64_t x = bitmap[w] & (~UINT64_C(0) << (from % 64));
        size_t next = 64 * (w + 1);
        if (to < next)
            x &= BIT(to % 64) - 1;
        n += (size_t)__builtin_popcountll(x);
        from = next;
    }
    return n;
}

/* The case flags and EG_TOKF_ASCII of the word text[start..end), as
 * eg_tokenize's scan_word finds them. */
static uint8_t word_flags(const char *text, size_t start, size_t end)
{
    const unsigned char *s = (const unsigned char *)text;
    uint8_t flags = EG_TOKF_ASCII, seen = 0;
    int up, low;
    if (s[start] < 0x80)
        flags |= (eg_ascii_class[s[start]] & EG_K_LOWER) ? EG_TOKF_FIRST_LOWER : 0;
    else {
        size_t n;
        eg_classify(eg_decode_at(text, end, start, &n), &up, &low);
        flags |= low ? EG_TOKF_FIRST_LOWER : 0;
    }
    for (size_t i = start; i < end;) {
        if (s[i] < 0x80) {
            seen |= eg_ascii_class[s[i++]];
            continue;
        }
        size_t n;
        eg_classify(eg_decode_at(text, end, i, &n), &up, &low);
        flags &= (uint8_t)~EG_TOKF_ASCII;
        seen |= (uint8_t)((up ? EG_K_UPPER : 0) | (low ? EG_K_LOWER : 0));
        i += n;
    }
    flags |= (seen & EG_K_UPPER) ? EG_TOKF_HAS_UPPER : 0;
    flags |= (seen & EG_K_LOWER) ? EG_TOKF_HAS_LOWER : 0;
    return flags;
}

/* EG_TOKF_SPACE_BEFORE and EG_TOKF_PARA_START of the token at start. */
static uint8_t position_flags(const eg_tokscan_t *ts, size_t start)
{
    if (bit_at(ts->tok_end, start))
        return 0; /* the token before ends here: no space, no paragraph */
    size_t prev_end = prev_bit(ts->tok_end, start);
    if (prev_end == SIZE_MAX || count_bits(ts->newline, prev_end, start) >= 2)
        return EG_TOKF_SPACE_BEFORE | EG_TOKF_PARA_START;
    return EG_TOKF_SPACE_BEFORE;
}

void eg_tokscan_token_at(const eg_tokscan_t *ts, const char *text, size_t start,
                         eg_token_t *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t end = eg_tokscan_next_bit(ts, ts->tok_end, start + 1);
    out->start = (uint32_t)start;
    out->end = out->base_end = (uint32_t)end;
    out->sentence = 0;
    uint8_t flags = position_flags(ts, start);
    if (bit_at(ts->word_start, start)) {
        out->kind = EG_TOK_WORD;
        flags |= word_flags(text, start, end);
        flags |= eg_word_cap_flag(flags, s[start]);
        out->base_end = eg_possessive_base(text, out->start, out->end);
    } else {
        out->kind = EG_TOK_PUNCT;
        flags |= s[start] < 0x80 ? EG_TOKF_ASCII : 0;
    }
    out->flags = flags;
}

void eg_tokscan_token(const eg_tokscan_t *ts, const char *text, size_t k, eg_token_t *out)
{
    eg_tokscan_token_at(ts, text, eg_tokscan_select(ts, k), out);
}

void eg_tokscan_init(eg_tokscan_t *ts)
{
    memset(ts, 0, sizeof *ts);
}

void eg_tokscan_free(eg_tokscan_t *ts)
{
    free(ts->tok_start);
    free(ts->rank);
    memset(ts, 0, sizeof *ts);
}
