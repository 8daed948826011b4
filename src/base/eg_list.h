/* eg_list.h — a word in a comma-separated list ("person,organisation"),
 * as options such as --types give them. Exact, byte for byte. */
#ifndef EG_LIST_H
#define EG_LIST_H

#include <string.h>

/* 1 when word is one of the items of list (NULL list: every word). */
static inline int eg_list_has(const char *list, const char *word)
{
    if (!list)
        return 1;
    size_t n = strlen(word);
    for (const char *p = list;;) {
        size_t k = strcspn(p, ",");
        if (k == n && memcmp(p, word, n) == 0)
            return 1;
        if (!p[k])
            return 0;
        p += k + 1;
    }
}

/* 1 when list is well formed: items of at least one byte, separated by
 * single commas ("person,place"; not "", ",person" or "person,,place"). */
static inline int eg_list_valid(const char *list)
{
    for (const char *p = list;;) {
        size_t k = strcspn(p, ",");
        if (k == 0)
            return 0;
        if (!p[k])
            return 1;
        p += k + 1;
    }
}

#endif
