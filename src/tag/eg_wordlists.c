/* eg_wordlists.c — which file is which word list: by name only, so a
 * user adds a list to a dictionary folder by dropping a file in it. */
#include "eg_wordlists.h"

#include <string.h>

static const char *const PREFIX[EG_LIST_COUNT] = {
    [EG_LIST_STOP] = "stop",
    [EG_LIST_WORDS] = "words",
    [EG_LIST_GIVEN] = "given-names",
    [EG_LIST_TITLES] = "titles",
    [EG_LIST_ORG_HEADS] = "org-heads",
    [EG_LIST_ORG_SUFFIXES] = "org-suffixes",
    [EG_LIST_NON_NAMES] = "non-names",
    [EG_LIST_GENERICS] = "generics",
    [EG_LIST_PARTICLES] = "particles",
    [EG_LIST_PLACE_HEADS] = "place-heads",
    [EG_LIST_MISC_HEADS] = "misc-heads",
};

int eg_wordlist_of_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *b = slash ? slash + 1 : path;
    size_t n = strlen(b);
    if (n < 4 || strcmp(b + n - 4, ".txt") != 0)
        return -1;
    for (int k = 0; k < EG_LIST_COUNT; k++)
        if (strncmp(b, PREFIX[k], strlen(PREFIX[k])) == 0)
            return k;
    return -1;
}

const char *eg_wordlist_name(int k)
{
    return k >= 0 && k < EG_LIST_COUNT ? PREFIX[k] : "?";
}
