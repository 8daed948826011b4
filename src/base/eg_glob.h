/* eg_glob.h — shell-style patterns for choosing files by their paths.
 *
 * Syntax, over UTF-8 characters (a byte that is no valid UTF-8 stands
 * for itself):
 *   *        any run of characters without '/' (none included)
 *   ?        one character other than '/'
 *   [abc] [a-z] [!a-z] [^a-z]   one character (not '/') in, or not in,
 *            the set; a ']' first in the set is itself
 *   **       any run of characters, '/' included; "**" followed by '/'
 *            stands for any number of whole folders, none included
 *            ("**" "/x.txt" matches "x.txt" and "a/b/x.txt")
 *   \c       the character c itself
 * Matching is of the whole string, byte-exact otherwise (case matters).
 *
 * Matching simulates the pattern as an automaton, one step per
 * character: time is at most (pattern length) x (path length), whatever
 * the pattern, so no pattern can make a walk slow.
 *
 * A compiled pattern is read-only: match from any number of threads.
 */
#ifndef EG_GLOB_H
#define EG_GLOB_H

#include <stddef.h>

typedef struct eg_glob eg_glob_t;

/* Compile pattern; NULL when it is malformed (an unclosed '[', a '\'
 * at the end, an empty pattern) or memory runs out — *why says which. */
eg_glob_t *eg_glob_compile(const char *pattern, const char **why);
void eg_glob_free(eg_glob_t *g);

/* 1 when the whole of s matches, else 0 (also when memory runs out). */
int eg_glob_match(const eg_glob_t *g, const char *s);

/* 1 when the pattern holds a '/' (it is then meant for a path, not a
 * name). */
int eg_glob_has_slash(const eg_glob_t *g);

#endif
