/* eg_tokscan.h — where the tokens of a document are, as bitmaps, without
 * making the tokens.
 *
 * eg_tokenize (eg_segment.h) writes a record for every token of the text;
 * most of them (lower-case words, commas) nothing later looks at. The
 * scanner instead marks, one bit per byte of text, where each token
 * starts and ends and which bytes are capitals, line breaks and sentence
 * marks; a consumer tests masks to find the few places it cares about
 * and makes those tokens alone (eg_tokscan_token), numbered exactly as
 * eg_tokenize numbers them: token k here is token k there, field for
 * field (but `sentence`, which is 0: sentences are not this module's).
 *
 * Bitmaps: uint64_t words, bit i % 64 of word i / 64 stands for byte i.
 * Each covers positions 0..len (len + 1 bits; tok_end may mark len); the
 * bits past len in the last word are 0. With ts->nblocks words each.
 *
 *   tok_start   the first byte of every token (words and punctuation).
 *   word_start  the first byte of every word token (a subset).
 *   tok_end     every token's end offset (exclusive): the byte after its
 *               last one, which is where the next character starts, or
 *               len. A token that starts where the one before it ends
 *               has both bits at one byte.
 *   upper       ASCII A-Z, and the first byte of every upper or title
 *               case letter (Lu, Lt): a token has a capital iff
 *               upper & [start, end) is not 0.
 *   newline     line breaks as eg_tokenize counts them for paragraphs:
 *               '\n', and the first byte of U+0085 and U+2028 count one;
 *               U+2029 counts two and marks its first two bytes. The
 *               line breaks between two positions are a popcount.
 *   mark        the characters that may end a sentence: '.', '!', '?' and
 *               the first byte of U+2026 U+203C U+2047 U+3002.
 *
 * Rank and select over tok_start: eg_tokscan_rank is O(1) (a count per
 * word plus a popcount); eg_tokscan_select is O(1) on text with tokens
 * spread out (a sampled directory, every 64th token, then a short search
 * in the words between samples); eg_tokscan_next_start walks in order.
 *
 * Text must be valid UTF-8 (as for eg_segment) and at most
 * EG_SEGMENT_MAX_BYTES long. The structure is reused from document to
 * document and allocates only when a document is longer than any before
 * it. Thread-safe per structure; the text is not kept (pass it again to
 * eg_tokscan_token).
 */
#ifndef EG_TOKSCAN_H
#define EG_TOKSCAN_H

#include "eg_segment.h"

#include <stddef.h>
#include <stdint.h>

typedef struct eg_tokscan {
    uint64_t *tok_start, *word_start, *tok_end, *upper, *newline, *mark;
    size_t nblocks;   /* words in each bitmap: len / 64 + 1 */
    size_t len;       /* bytes of the text scanned */
    size_t ntokens;   /* tokens, as eg_tokenize counts them */
    size_t nwords;    /* of which word tokens */
    uint32_t *rank;   /* rank[b]: tokens starting before byte 64 b; nblocks + 1 */
    uint32_t *sample; /* sample[j]: the word holding token 64 j's start */
    size_t cap;       /* words allocated per bitmap */
} eg_tokscan_t;

void eg_tokscan_init(eg_tokscan_t *ts);
void eg_tokscan_free(eg_tokscan_t *ts);

/* Scan text[0..len) into ts (previous contents are replaced). Returns 0,
 * EG_ERR_DATA when len exceeds EG_SEGMENT_MAX_BYTES, or EG_ERR_RUNTIME
 * when memory runs out (then ts holds no document). */
int eg_tokscan(const char *text, size_t len, eg_tokscan_t *ts);

/* Tokens starting before byte pos (pos <= len). */
static inline size_t eg_tokscan_rank(const eg_tokscan_t *ts, size_t pos)
{
    uint64_t below = ts->tok_start[pos / 64] & ((UINT64_C(1) << (pos % 64)) - 1);
    return ts->rank[pos / 64] + (size_t)__builtin_popcountll(below);
}

/* The first byte of token k (k < ntokens). */
size_t eg_tokscan_select(const eg_tokscan_t *ts, size_t k);

/* The first byte of the first token starting at or after pos (pos <=
 * len); len when there is none. For walking the tokens in order:
 * start = next_start(0), then next_start(start + 1)... */
size_t eg_tokscan_next_start(const eg_tokscan_t *ts, size_t pos);

/* The first set bit of bitmap (of ts's size) at or after pos (pos <=
 * len); len + 1 when there is none. */
size_t eg_tokscan_next_bit(const eg_tokscan_t *ts, const uint64_t *bitmap, size_t pos);

/* Token k (k < ntokens) of the text ts scanned, as eg_tokenize makes it:
 * start, end, base_end, kind and flags equal, sentence 0. Costs O(the
 * token's length + the white space before it), not O(k). */
void eg_tokscan_token(const eg_tokscan_t *ts, const char *text, size_t k, eg_token_t *out);

/* The same for the token starting at byte start (a tok_start bit). */
void eg_tokscan_token_at(const eg_tokscan_t *ts, const char *text, size_t start,
                         eg_token_t *out);

#endif
