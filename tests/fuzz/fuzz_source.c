/* fuzz_source.c — the document reader (text, lines, JSONL) on arbitrary
 * bytes, written to a scratch file. The first byte picks the mode, the
 * file suffix (.gz: the bytes are taken as a gzip stream), --skip-bad,
 * --strict-dates (bit 5) and other field names (bit 4). Every document produced must be valid UTF-8 with its
 * length matching its NUL terminator's place. */
#include "fuzz_util.h"

#include "../../src/ingest/eg_source.h"
#include "../../src/text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = data[0];
    eg_source_options_t opt = {0};
    opt.mode = (eg_input_mode_t)((flags & 3) % 3);
    opt.skip_bad = (flags >> 2) & 1;
    opt.strict_dates = (flags >> 5) & 1;
    opt.default_date = EG_NO_DATE;
    if ((flags >> 4) & 1) {
        opt.text_field = "body";
        opt.id_field = "n";
        opt.date_field = "when";
    }
    const char *path = fuzz_scratch_file((flags >> 3) & 1 ? "in.jsonl.gz" : "in.jsonl",
                                         data + 1, size - 1);
    eg_input_list_t inputs = {0};
    eg_error_t err;
    char *args[] = {(char *)path};
    eg_warner_t quiet = {NULL, NULL};
    eg_source_t *src = NULL;
    if (eg_input_expand(&inputs, args, 1, &quiet, &err) == 0 &&
        eg_source_open(&src, &inputs, &opt, &quiet, &err) == 0) {
        eg_document_t doc;
        memset(&doc, 0, sizeof doc);
        int rc;
        while ((rc = eg_source_next(src, &doc, &err)) == 1) {
            if (strlen(doc.text.data ? doc.text.data : "") != doc.text.len ||
                (doc.text.len && eg_utf8_count_invalid(doc.text.data, doc.text.len)))
                abort();
            if (!doc.id.data)
                abort();
        }
        eg_document_free(&doc);
        eg_source_close(src);
    }
    eg_input_list_free(&inputs);
    return 0;
}
