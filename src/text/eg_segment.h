/* eg_segment.h — paragraphs, sentences and tokens of one document.
 *
 * Tokens: a word is a maximal run of letters, marks and digits, kept
 * whole across an apostrophe between letters ("O'Brien", "Russia’s") and
 * a '.' or ',' between digits ("2.9", "1,100"); every other character
 * that is not white space (ASCII or Unicode: no-break space, thin space,
 * BOM...) is a one-character punctuation token, so "Kremlin-backed" is
 * Kremlin, -, backed. A word ending in 's ('s ’s) is possessive: base_end
 * marks where the base name ends.
 *
 * Paragraphs are separated by blank lines (two or more line breaks with
 * only white space between them). A sentence ends at a paragraph break,
 * or after . ! ? … (plus any closing quotes or brackets) unless the '.'
 * belongs to an abbreviation (Mr. Dr. U.S. Jan. — a known abbreviation
 * or a single letter) or the next word starts in lower case.
 *
 * Offsets are byte offsets into the text given; documents are limited to
 * EG_SEGMENT_MAX_BYTES. Text must be valid UTF-8 (see eg_utf8_repair).
 * The segments structure is reused across documents so that segmenting
 * does not allocate once it has grown. Thread-safe per structure.
 */
#ifndef EG_SEGMENT_H
#define EG_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#define EG_SEGMENT_MAX_BYTES 0xFFFFFFF0u

enum eg_token_kind { EG_TOK_WORD = 1, EG_TOK_PUNCT = 2 };

enum eg_token_flags {
    EG_TOKF_HAS_UPPER = 1 << 0,   /* some letter is upper or title case */
    EG_TOKF_HAS_LOWER = 1 << 1,   /* some letter is lower case */
    EG_TOKF_FIRST_LOWER = 1 << 2, /* the first character is lower case */
    EG_TOKF_SPACE_BEFORE = 1 << 3, /* white space precedes the token */
    EG_TOKF_PARA_START = 1 << 4,  /* first token of a paragraph */
    EG_TOKF_ASCII = 1 << 5,       /* all bytes are ASCII */
    EG_TOKF_CAP = 1 << 6,         /* a capitalised word: some letter upper case, the
                                     first character neither lower case nor a digit */
};

typedef struct eg_token {
    uint32_t start, end; /* byte span [start, end) */
    uint32_t base_end;   /* end of the possessive's base; == end if none */
    uint32_t sentence;   /* index into sentences */
    uint8_t kind;        /* enum eg_token_kind */
    uint8_t flags;       /* enum eg_token_flags */
} eg_token_t;

typedef struct eg_sentence {
    uint32_t start, end;            /* bytes of its first..last token */
    uint32_t first_token, end_token; /* tokens [first_token, end_token) */
    uint32_t paragraph;             /* paragraph index */
} eg_sentence_t;

typedef struct eg_segments {
    eg_token_t *tokens;
    size_t ntokens, tokens_cap;
    eg_sentence_t *sentences;
    size_t nsentences, sentences_cap;
    size_t nparagraphs;
    size_t text_len; /* bytes of the text segmented */
    uint32_t *capwords; /* the capitalised words (EG_TOKF_CAP), in order: where
                           the tagging rules look, without a pass over all tokens */
    size_t ncapwords;
    uint32_t *marks; /* internal: tokens the sentence pass must look at */
    size_t nmarks, marks_cap;
} eg_segments_t;

void eg_segments_init(eg_segments_t *seg);
void eg_segments_free(eg_segments_t *seg);

/* Segment text[0..len) into seg (previous contents are replaced).
 * Returns 0, EG_ERR_DATA when len exceeds EG_SEGMENT_MAX_BYTES, or
 * EG_ERR_RUNTIME when memory runs out. */
int eg_segment(const char *text, size_t len, eg_segments_t *seg);

/* Tokens only, no sentence rules (all in sentence 0): for dictionary
 * aliases, which must be cut into tokens exactly as text is. */
int eg_tokenize(const char *text, size_t len, eg_segments_t *seg);

#endif
