/* eg_source.c — reading documents one at a time; see eg_source.h.
 *
 * Every file goes through zlib's gzread, which reads a file that is not
 * gzip-compressed as it is, so .gz support costs nothing on plain text.
 * Line modes use one growing read buffer and memchr for line ends. */
#include "eg_source.h"

#include "eg_namedate.h"

#include "../text/eg_segment.h"
#include "../text/eg_utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* Bad dates warned about line by line in one file; the rest are summed. */
#define BAD_DATE_WARNINGS 3

#ifndef READ_CHUNK /* the fuzz build makes it small: more chunk boundaries */
#define READ_CHUNK (1u << 20)
#endif

struct eg_source {
    const eg_input_list_t *inputs;
    size_t next_input;
    eg_source_options_t opt;
    const eg_warner_t *warn;
    /* the open file */
    gzFile gz;
    const char *path;
    int from_folder;
    long line;
    size_t invalid; /* invalid UTF-8 sequences replaced in this file */
    eg_buf_t buf;   /* line modes: bytes read, not yet consumed from pos */
    size_t pos;
    size_t scanned; /* line modes: bytes after pos known to hold no '\n' */
    int eof;
    int head_checked; /* line modes: the first block was looked at for NUL */
    eg_date_t file_date; /* for documents without a date of their own */
    long bad_dates;      /* dates read as undated in this file */
    /* working space */
    eg_buf_t raw;
    /* counters */
    uint64_t next_index;
    uint64_t done_files_bytes, total_bytes, text_bytes, skipped;
};

int eg_input_mode_parse(const char *s, eg_input_mode_t *out)
{
    if (strcmp(s, "text") == 0)
        *out = EG_INPUT_TEXT;
    else if (strcmp(s, "lines") == 0)
        *out = EG_INPUT_LINES;
    else if (strcmp(s, "jsonl") == 0)
        *out = EG_INPUT_JSONL;
    else
        return -1;
    return 0;
}

void eg_document_free(eg_document_t *d)
{
    eg_buf_free(&d->id);
    eg_buf_free(&d->text);
}

int eg_source_open(eg_source_t **out, const eg_input_list_t *inputs,
                   const eg_source_options_t *opts, const eg_warner_t *warn,
                   eg_error_t *err)
{
    eg_source_t *s = calloc(1, sizeof *s);
    if (!s)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    s->inputs = inputs;
    s->opt = *opts;
    if (!s->opt.text_field)
        s->opt.text_field = "text";
    if (!s->opt.id_field)
        s->opt.id_field = "id";
    if (!s->opt.date_field)
        s->opt.date_field = "date";
    s->warn = warn;
    for (size_t i = 0; i < inputs->n; i++) {
        struct stat st;
        if (strcmp(inputs->paths[i], "-") != 0 && stat(inputs->paths[i], &st) == 0)
            s->total_bytes += (uint64_t)st.st_size;
    }
    *out = s;
    return 0;
}

static void close_file(eg_source_t *s)
{
    if (!s->gz)
        return;
    z_off_t off = gzoffset(s->gz);
    s->done_files_bytes += off > 0 ? (uint64_t)off : 0;
    gzclose(s->gz);
    s->gz = NULL;
    if (s->invalid)
        eg_warn(s->warn, s->path, 0, "%zu invalid UTF-8 sequence(s) replaced by U+FFFD",
                s->invalid);
    if (s->bad_dates > BAD_DATE_WARNINGS)
        eg_warn(s->warn, s->path, 0, "%ld documents with a date that is not a date were "
                "kept undated (the first %d named above)", s->bad_dates, BAD_DATE_WARNINGS);
}

void eg_source_close(eg_source_t *s)
{
    if (!s)
        return;
    close_file(s);
    eg_buf_free(&s->buf);
    eg_buf_free(&s->raw);
    free(s);
}

/* The date of the file's documents that have none of their own: from the
 * file name with --date-from-name, else --date. 0 or an error. */
static int name_date(eg_source_t *s, eg_error_t *err)
{
    s->file_date = s->opt.default_date;
    if (!s->opt.date_from_name)
        return 0;
    char found[64];
    eg_date_t d;
    int r = eg_namedate_find(s->opt.date_from_name, s->path, &d, found, sizeof found);
    if (r == EG_NAMEDATE_FOUND) {
        s->file_date = d;
        return 0;
    }
    char why[160];
    if (r == EG_NAMEDATE_NO_MATCH)
        snprintf(why, sizeof why, "the file name does not match --date-from-name");
    else
        snprintf(why, sizeof why, "'%s' in the file name is not a date (YYYY, YYYY-MM or "
                 "YYYY-MM-DD)", found);
    if (s->opt.strict_dates)
        return eg_error_set(err, EG_ERR_DATA, s->path, 0, "%s", why);
    eg_warn(s->warn, s->path, 0, "%s; its documents are undated", why);
    return 0;
}

/* Open the next input; 1 when one is open, 0 at the end, <0 on error. */
static int open_next(eg_source_t *s, eg_error_t *err)
{
    close_file(s);
    if (s->next_input >= s->inputs->n)
        return 0;
    size_t i = s->next_input++;
    s->path = s->inputs->paths[i];
    s->from_folder = s->inputs->from_folder[i];
    s->line = 0;
    s->invalid = 0;
    s->eof = 0;
    s->pos = 0;
    s->scanned = 0;
    s->head_checked = 0;
    s->bad_dates = 0;
    eg_buf_clear(&s->buf);
    int is_stdin = strcmp(s->path, "-") == 0;
    int fd = is_stdin ? dup(0) : open(s->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return eg_error_set(err, EG_ERR_RUNTIME, s->path, 0, "cannot read input: %s",
                            strerror(errno));
    s->gz = gzdopen(fd, "rb");
    if (!s->gz) {
        close(fd);
        return eg_error_set(err, EG_ERR_RUNTIME, s->path, 0, "out of memory");
    }
    gzbuffer(s->gz, READ_CHUNK);
    return name_date(s, err) ? err->status : 1;
}

/* Append up to READ_CHUNK bytes to b; returns bytes read, 0 at EOF, -1 on error. */
static int read_chunk(eg_source_t *s, eg_buf_t *b, eg_error_t *err)
{
    if (eg_buf_reserve(b, READ_CHUNK))
        return eg_error_set(err, EG_ERR_RUNTIME, s->path, 0, "out of memory");
    int n = gzread(s->gz, b->data + b->len, READ_CHUNK);
    int zerr = Z_OK;
    const char *msg = n <= 0 ? gzerror(s->gz, &zerr) : NULL;
    if (n == 0 && zerr == Z_BUF_ERROR) /* zlib's "unexpected end of file" */
        return eg_error_set(err, EG_ERR_DATA, s->path, 0,
                            "cannot read input: truncated gzip stream (the file ends "
                            "inside compressed data)");
    if (n < 0) {
        /* zlib says "<fd:5>: incorrect data check": the path is ours */
        const char *colon = msg && msg[0] == '<' ? strstr(msg, ">: ") : NULL;
        return eg_error_set(err, zerr == Z_DATA_ERROR ? EG_ERR_DATA : EG_ERR_RUNTIME,
                            s->path, 0, "cannot read input: %s%s",
                            zerr == Z_ERRNO ? strerror(errno) : colon ? colon + 3 : msg,
                            zerr == Z_DATA_ERROR ? " (corrupt gzip data)" : "");
    }
    b->len += (size_t)n;
    b->data[b->len] = '\0';
    return n;
}

/* Repair invalid UTF-8 of bytes[0..n) into out (replacing its content). */
static int to_text(eg_source_t *s, const char *bytes, size_t n, eg_buf_t *out,
                   eg_error_t *err)
{
    eg_buf_clear(out);
    size_t bad = eg_utf8_count_invalid(bytes, n);
    if (bad == 0) {
        if (eg_buf_append(out, bytes, n))
            return eg_error_set(err, EG_ERR_RUNTIME, s->path, 0, "out of memory");
        return 0;
    }
    if (eg_utf8_repair(bytes, n, out) == (size_t)-1)
        return eg_error_set(err, EG_ERR_RUNTIME, s->path, 0, "out of memory");
    s->invalid += bad;
    return 0;
}

/* A NUL byte: a binary file, or UTF-16 text when the file (head: its
 * first bytes, or NULL when unknown) opens with a UTF-16 byte order mark.
 * UTF-16 is refused with the command that converts it rather than
 * transcoded: one encoding in, byte offsets that mean one thing. */
static int binary(eg_source_t *s, const char *head, size_t offset, eg_error_t *err)
{
    if (head && ((head[0] == '\xFF' && head[1] == '\xFE') ||
                 (head[0] == '\xFE' && head[1] == '\xFF'))) {
        const char *fix = "entgraph reads UTF-8; convert it with iconv -f UTF-16 -t UTF-8";
        if (!s->from_folder)
            return eg_error_set(err, EG_ERR_DATA, s->path, 0, "UTF-16 text, not UTF-8: %s",
                                fix);
        eg_warn(s->warn, s->path, 0, "UTF-16 text skipped: %s", fix);
        close_file(s);
        return 0;
    }
    if (s->from_folder) {
        eg_warn(s->warn, s->path, 0, "binary file (NUL byte at offset %zu) skipped",
                offset);
        close_file(s);
        return 0;
    }
    return eg_error_set(err, EG_ERR_DATA, s->path, s->line,
                        "binary file (NUL byte at offset %zu), not text", offset);
}

/* ---- text mode: a file is a document ---- */

static int next_text(eg_source_t *s, eg_document_t *doc, eg_error_t *err)
{
    for (;;) {
        int rc = open_next(s, err);
        if (rc <= 0)
            return rc;
        eg_buf_clear(&s->raw);
        /* Each block is looked at for a NUL as it comes: /dev/zero or a
         * disk image is judged binary on its first block, not read whole. */
        const char *nul = NULL;
        while (!nul && (rc = read_chunk(s, &s->raw, err)) > 0) {
            nul = memchr(s->raw.data + s->raw.len - (size_t)rc, '\0', (size_t)rc);
            if (!nul && s->raw.len > EG_SEGMENT_MAX_BYTES)
                return eg_error_set(err, EG_ERR_DATA, s->path, 0,
                                    "document is over the limit of %u bytes "
                                    "(use --input lines for a file of many documents)",
                                    EG_SEGMENT_MAX_BYTES);
        }
        if (rc < 0)
            return rc;
        const char *data = s->raw.data ? s->raw.data : "";
        if (nul) {
            if ((rc = binary(s, s->raw.len >= 2 ? data : NULL, (size_t)(nul - data), err)) != 0)
                return rc;
            continue;
        }
        if ((rc = to_text(s, data, s->raw.len, &doc->text, err)) != 0)
            return rc;
        eg_buf_clear(&doc->id);
        if (eg_buf_append_str(&doc->id, s->path))
            return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        doc->date = s->file_date;
        close_file(s);
        return 1;
    }
}

/* ---- line modes ---- */

/* The next line of the open file (without its '\n' or "\r\n"): 1 with
 * *line and *len set, 0 at the end of the file, <0 on error. */
static int get_line(eg_source_t *s, const char **line, size_t *len, eg_error_t *err)
{
    for (;;) {
        const char *start = s->buf.data ? s->buf.data + s->pos : NULL;
        size_t avail = s->buf.len - s->pos;
        /* Only the bytes read since the last look: a long line is scanned
         * once, not once per block (which made a 1 GiB line quadratic). */
        const char *nl =
            avail > s->scanned ? memchr(start + s->scanned, '\n', avail - s->scanned) : NULL;
        if (nl || (s->eof && avail)) {
            size_t n = nl ? (size_t)(nl - start) : avail;
            s->pos += n + (nl != NULL);
            s->scanned = 0;
            if (n && start[n - 1] == '\r')
                n--;
            *line = start;
            *len = n;
            s->line++;
            return 1;
        }
        if (s->eof)
            return 0;
        s->scanned = avail;
        if (avail > EG_SEGMENT_MAX_BYTES)
            return eg_error_set(err, EG_ERR_DATA, s->path, s->line + 1,
                                "line is over the limit of %u bytes", EG_SEGMENT_MAX_BYTES);
        /* Move the partial line to the front, then read more. */
        if (s->pos) {
            memmove(s->buf.data, start, avail);
            s->buf.len = avail;
            s->pos = 0;
        }
        int rc = read_chunk(s, &s->buf, err);
        if (rc < 0)
            return rc;
        if (rc == 0)
            s->eof = 1;
        else if (!s->head_checked) {
            /* A NUL in the first block: binary, judged before any line
             * is cut (a file of zeros has no line end to wait for). From
             * a folder the file is closed and skipped: no more lines. */
            s->head_checked = 1;
            const char *nul = memchr(s->buf.data, '\0', s->buf.len);
            if (nul)
                return binary(s, s->buf.len >= 2 ? s->buf.data : NULL,
                              (size_t)(nul - s->buf.data), err);
        }
    }
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static int bad_record(eg_source_t *s, eg_error_t *err, const char *fmt, const char *detail)
{
    char text[600];
    snprintf(text, sizeof text, fmt, detail);
    if (s->opt.skip_bad) {
        s->skipped++;
        eg_warn(s->warn, s->path, s->line, "%s; skipped", text);
        return 0;
    }
    return eg_error_set(err, EG_ERR_DATA, s->path, s->line, "%s", text);
}

static int set_line_id(eg_source_t *s, eg_document_t *doc, eg_error_t *err)
{
    /* ":LINE" by hand: snprintf costs more than counting a short line. */
    char num[32];
    char *p = num + sizeof num;
    *--p = '\0';
    unsigned long v = (unsigned long)s->line;
    do
        *--p = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    *--p = ':';
    eg_buf_clear(&doc->id);
    if (eg_buf_append_str(&doc->id, s->path) || eg_buf_append_str(&doc->id, p))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    return 0;
}

static int json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* jansson refuses an integer beyond 64 bits ("too big integer"). When
 * that integer is the value of the id field, it is kept as its decimal
 * text: the line is parsed again with the number quoted. Returns the
 * parsed line, or NULL when the error is another one (jerr then still
 * describes the first). */
static json_t *load_with_big_id(const eg_source_t *s, const json_error_t *jerr)
{
    const char *d = s->raw.data;
    size_t end = (size_t)jerr->position, len = s->raw.len;
    if (strncmp(jerr->text, "too big", 7) != 0 || end > len)
        return NULL;
    size_t start = end;
    while (start > 0 && ((d[start - 1] >= '0' && d[start - 1] <= '9') || d[start - 1] == '-'))
        start--;
    size_t k = start;
    while (k > 0 && json_space(d[k - 1]))
        k--;
    if (start == end || k == 0 || d[--k] != ':')
        return NULL;
    while (k > 0 && json_space(d[k - 1]))
        k--;
    size_t flen = strlen(s->opt.id_field);
    if (k < flen + 2 || d[k - 1] != '"' || d[k - flen - 2] != '"' ||
        memcmp(d + k - flen - 1, s->opt.id_field, flen) != 0)
        return NULL;
    eg_buf_t q = EG_BUF_INIT;
    json_t *root = NULL;
    json_error_t again;
    if (!eg_buf_append(&q, d, start) && !eg_buf_append(&q, "\"", 1) &&
        !eg_buf_append(&q, d + start, end - start) && !eg_buf_append(&q, "\"", 1) &&
        !eg_buf_append(&q, d + end, len - end))
        root = json_loadb(q.data, q.len, JSON_ALLOW_NUL, &again);
    eg_buf_free(&q);
    return root;
}

/* doc->date from the record's date field: 1 read (or undated), 0 record
 * skipped, <0 error. A date that is not one (a word, a 13th month, a
 * number that is no year) is a warning and the document is undated,
 * unless strict_dates makes it a bad record. */
static int json_date(eg_source_t *s, const json_t *date, eg_document_t *doc, eg_error_t *err)
{
    doc->date = s->file_date;
    if (!date || json_is_null(date))
        return 1;
    if (json_is_string(date) &&
        eg_date_parse(json_string_value(date), json_string_length(date), &doc->date) == 0)
        return 1;
    if (json_is_integer(date) && eg_date_from_year(json_integer_value(date), &doc->date) == 0)
        return 1;
    doc->date = s->file_date;
    if (s->opt.strict_dates)
        return bad_record(s, err, "field '%s' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or a "
                          "year as a number)", s->opt.date_field);
    if (++s->bad_dates <= BAD_DATE_WARNINGS)
        eg_warn(s->warn, s->path, s->line, "field '%s' is not a date (YYYY, YYYY-MM, "
                "YYYY-MM-DD or a year as a number); the document is kept undated",
                s->opt.date_field);
    return 1;
}

/* Fill doc from one JSON object line; 1 done, 0 skipped, <0 error. */
static int json_record(eg_source_t *s, eg_document_t *doc, eg_error_t *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(s->raw.data, s->raw.len, JSON_ALLOW_NUL, &jerr);
    if (!root)
        root = load_with_big_id(s, &jerr);
    if (!root) {
        char detail[300];
        snprintf(detail, sizeof detail, "%s (column %d)", jerr.text, jerr.column);
        return bad_record(s, err, "malformed JSON: %s", detail);
    }
    int rc = 1;
    const json_t *text = json_object_get(root, s->opt.text_field);
    const json_t *id = json_object_get(root, s->opt.id_field);
    const json_t *date = json_object_get(root, s->opt.date_field);
    if (!json_is_object(root)) {
        rc = bad_record(s, err, "%s", "a JSONL line must be a JSON object");
    } else if (!json_is_string(text)) {
        rc = bad_record(s, err, text ? "field '%s' is not a string" : "no field '%s'",
                        s->opt.text_field);
    } else if ((rc = json_date(s, date, doc, err)) == 1) {
        eg_buf_clear(&doc->text);
        if (eg_buf_append(&doc->text, json_string_value(text), json_string_length(text)))
            rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        eg_buf_clear(&doc->id);
        if (rc == 1 && json_is_string(id)) {
            if (eg_buf_append(&doc->id, json_string_value(id), json_string_length(id)))
                rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        } else if (rc == 1 && json_is_integer(id)) {
            char num[32];
            snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
            if (eg_buf_append_str(&doc->id, num))
                rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        } else if (rc == 1) {
            rc = set_line_id(s, doc, err) ? -1 : 1;
        }
        /* A NUL escaped as \u0000 would cut the text for C code. */
        if (rc == 1 && memchr(doc->text.data ? doc->text.data : "", '\0', doc->text.len))
            rc = bad_record(s, err, "field '%s' holds a NUL character", s->opt.text_field);
    }
    json_decref(root);
    return rc < 0 ? err->status : rc;
}

static int next_line_doc(eg_source_t *s, eg_document_t *doc, eg_error_t *err)
{
    for (;;) {
        if (!s->gz) {
            int rc = open_next(s, err);
            if (rc <= 0)
                return rc;
        }
        const char *line = NULL;
        size_t len = 0;
        int rc = get_line(s, &line, &len, err);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            close_file(s);
            continue;
        }
        if (is_blank(line, len))
            continue;
        const char *nul = memchr(line, '\0', len);
        if (nul) {
            const char *head = s->line == 1 && len >= 2 ? line : NULL;
            if ((rc = binary(s, head, (size_t)(nul - s->buf.data), err)) != 0)
                return rc;
            continue;
        }
        eg_buf_t *dest = s->opt.mode == EG_INPUT_JSONL ? &s->raw : &doc->text;
        if ((rc = to_text(s, line, len, dest, err)) != 0)
            return rc;
        if (s->opt.mode == EG_INPUT_LINES) {
            doc->date = s->file_date;
            return set_line_id(s, doc, err) ? err->status : 1;
        }
        rc = json_record(s, doc, err);
        if (rc != 0)
            return rc;
    }
}

int eg_source_next(eg_source_t *s, eg_document_t *doc, eg_error_t *err)
{
    int rc = s->opt.mode == EG_INPUT_TEXT ? next_text(s, doc, err) : next_line_doc(s, doc, err);
    if (rc == 1) {
        if (!doc->text.data && eg_buf_append(&doc->text, "", 0))
            return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
        doc->index = s->next_index++;
        s->text_bytes += doc->text.len;
    }
    return rc;
}

uint64_t eg_source_bytes_done(const eg_source_t *s)
{
    uint64_t cur = 0;
    if (s->gz) {
        z_off_t off = gzoffset(s->gz);
        cur = off > 0 ? (uint64_t)off : 0;
    }
    return s->done_files_bytes + cur;
}

uint64_t eg_source_bytes_total(const eg_source_t *s)
{
    return s->total_bytes;
}

uint64_t eg_source_text_bytes(const eg_source_t *s)
{
    return s->text_bytes;
}

uint64_t eg_source_skipped(const eg_source_t *s)
{
    return s->skipped;
}
