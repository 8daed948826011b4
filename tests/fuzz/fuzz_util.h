/* fuzz_util.h — what the harnesses share: a scratch file for the entry
 * points that read paths, and the small dictionary the tagger harnesses
 * match against.
 *
 * Every harness defines LLVMFuzzerTestOneInput; it is built either with
 * libFuzzer (make fuzz) or with replay.c's main (make check-fuzz), which
 * feeds it every file of its seed corpus. A harness must not leak, must
 * not keep state that changes what later inputs do, and treats a parser
 * error as a normal outcome: only crashes, sanitizer reports and broken
 * invariants (abort) are findings.
 */
#ifndef FUZZ_UTIL_H
#define FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write data to a file named name in this process's scratch folder and
 * return its path (static storage; valid until the next call with the
 * same name). Aborts when the file cannot be written. */
const char *fuzz_scratch_file(const char *name, const uint8_t *data, size_t size);

/* The test dictionary (TSV): people, places, organisations with
 * aliases, a case-exact acronym and a stop word. */
extern const char fuzz_small_dict[];

/* A few words on each word list (given names, titles, organisation heads
 * and suffixes, non-names, generics, particles, common words), as a
 * dictionary folder's *.txt files would give, so that discovery and
 * resolution have something to work with. */
struct eg_dict;
void fuzz_add_word_lists(struct eg_dict *d);

#endif
