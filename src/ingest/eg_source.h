/* eg_source.h — documents, one at a time, from the inputs.
 *
 * A source walks the expanded input list (see eg_input.h) and yields
 * documents in a fixed order, never holding more than one document (and
 * one read buffer) in memory, so memory does not grow with the corpus.
 * Files ending in .gz are decompressed on the fly (zlib); any other file
 * is read as it is.
 *
 * Modes:
 *   text   a file is a document; its id is the path.
 *   lines  a non-empty line is a document; its id is "path:LINE".
 *   jsonl  a non-empty line is a JSON object; the document text is the
 *          string field text_field (default "text"), the id the field
 *          id_field (string or integer; default "path:LINE"), the date the
 *          field date_field (a string eg_date_parse reads: YYYY, YYYY-MM,
 *          YYYY-MM-DD, a timestamp; or an integer year; absent or null =
 *          no date of its own).
 *
 * Dates: a document without a date of its own takes its file's: the one
 * date_from_name finds in the file name (eg_namedate.h), else
 * default_date (EG_NO_DATE: undated). A date field or file name that
 * gives no date is a warning and the documents are undated that way (a
 * warning per file name; per line for the first 3 dates of a file, then
 * one count when the file closes); with strict_dates a bad date field is
 * a bad record (below) and a file name without a date an EG_ERR_DATA
 * error naming the file.
 *
 * Bad input: a NUL byte marks a binary file (error when named on the
 * command line, skipped with a warning inside a folder; a file opening
 * with a UTF-16 byte order mark gets its own message, with the iconv
 * command that converts it); invalid UTF-8 is
 * replaced by U+FFFD with one warning per file; a malformed JSONL line
 * (bad JSON, not an object, text field missing or not a string, a bad
 * date with strict_dates) is an error "FILE:LINE: ..." (EG_ERR_DATA), or, with skip_bad,
 * skipped and counted (eg_source_skipped) with a warning per line.
 * Not thread-safe: one reader.
 */
#ifndef EG_SOURCE_H
#define EG_SOURCE_H

#include "../base/eg_buf.h"
#include "../base/eg_date.h"
#include "../base/eg_error.h"
#include "eg_input.h"

#include <stdint.h>

typedef enum eg_input_mode {
    EG_INPUT_TEXT = 0,
    EG_INPUT_LINES = 1,
    EG_INPUT_JSONL = 2,
} eg_input_mode_t;

/* "text", "lines" or "jsonl"; -1 when unknown. */
int eg_input_mode_parse(const char *s, eg_input_mode_t *out);

typedef struct eg_source_options {
    eg_input_mode_t mode;
    const char *text_field; /* jsonl; NULL = "text" */
    const char *id_field;   /* jsonl; NULL = "id" */
    const char *date_field; /* jsonl; NULL = "date" */
    int skip_bad;           /* skip malformed records instead of failing */
    eg_date_t default_date; /* for documents without a date */
    const struct eg_namedate *date_from_name; /* NULL, or dates from file names */
    int strict_dates;       /* a bad date is a bad record, not a warning */
} eg_source_options_t;

/* One document; the buffers are the document's and reused by the next
 * eg_source_next into the same structure. */
typedef struct eg_document {
    uint64_t index;   /* 0, 1, 2... in source order */
    eg_buf_t id;      /* NUL-terminated */
    eg_buf_t text;    /* valid UTF-8, NUL-terminated */
    eg_date_t date;   /* EG_NO_DATE when undated */
} eg_document_t;

void eg_document_free(eg_document_t *d);

typedef struct eg_source eg_source_t;

/* The source takes no ownership of inputs (keep it alive); opts is
 * copied (its strings must stay alive). Returns 0 or EG_ERR_RUNTIME. */
int eg_source_open(eg_source_t **out, const eg_input_list_t *inputs,
                   const eg_source_options_t *opts, const eg_warner_t *warn,
                   eg_error_t *err);
void eg_source_close(eg_source_t *s);

/* Read the next document into doc: returns 1, 0 at the end, or a
 * negative status with err filled. */
int eg_source_next(eg_source_t *s, eg_document_t *doc, eg_error_t *err);

/* Progress: input bytes consumed so far (compressed bytes for .gz) and
 * the total size of all inputs (0 when unknown, e.g. stdin). */
uint64_t eg_source_bytes_done(const eg_source_t *s);
uint64_t eg_source_bytes_total(const eg_source_t *s);
/* Text bytes of the documents produced so far. */
uint64_t eg_source_text_bytes(const eg_source_t *s);
/* Records skipped as malformed (with skip_bad). */
uint64_t eg_source_skipped(const eg_source_t *s);

#endif
