/* eg_namedate.h — a document's date taken from its file name.
 *
 * For corpora whose files carry the date in their name only (a speech
 * named "1790-Washington.txt"), `--date-from-name REGEX` names the part
 * of the file's base name (the path after its last '/') that is the
 * date: the first capturing group of REGEX, or the whole match when it
 * has none. The text found must be a date eg_date_parse reads (YYYY,
 * YYYY-MM, YYYY-MM-DD, a timestamp). REGEX is PCRE2 with UTF and UCP.
 *
 * Compiled once; eg_namedate_find may be called from any thread (it makes
 * its own match data), once per file, not per document.
 */
#ifndef EG_NAMEDATE_H
#define EG_NAMEDATE_H

#include "../base/eg_date.h"
#include "../base/eg_error.h"

typedef struct eg_namedate eg_namedate_t;

/* Compile pattern into *out. Returns 0, EG_ERR_USAGE when the pattern
 * does not compile (err names the column and PCRE2's reason), or
 * EG_ERR_RUNTIME when memory runs out. */
int eg_namedate_compile(eg_namedate_t **out, const char *pattern, eg_error_t *err);
void eg_namedate_free(eg_namedate_t *nd);

/* What eg_namedate_find saw in a path. */
enum eg_namedate_result {
    EG_NAMEDATE_FOUND = 0,
    EG_NAMEDATE_NO_MATCH = 1, /* the name does not match the pattern */
    EG_NAMEDATE_NOT_A_DATE = 2, /* it matches, but the text is not a date */
};

/* Look for a date in path's base name; *out is set when FOUND. text, when
 * not NULL, receives the matched text for messages (cut to size bytes,
 * NUL-terminated). */
int eg_namedate_find(const eg_namedate_t *nd, const char *path, eg_date_t *out,
                     char *text, size_t size);

#endif
