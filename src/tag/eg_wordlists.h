/* eg_wordlists.h — the word lists a dictionary folder may hold.
 *
 * Besides entity rows, a dictionary holds plain word lists (UTF-8, one
 * entry per line, '#' comments), recognised by the start of the file's
 * base name and the suffix .txt:
 *
 *   stop*.txt          surface forms never matched (the stop list)
 *   words*.txt         common lower-case words: a capitalised one at a
 *                      sentence start is no name (rule initial), a
 *                      single word on it is generic (rule generic)
 *   given-names*.txt   given names: "Madeleine Albright" is a person
 *   titles*.txt        titles and roles before a name: "President X"
 *   org-heads*.txt     head words of organisation names: "X University"
 *   org-suffixes*.txt  legal suffixes: "X Ltd", "X GmbH"
 *   non-names*.txt     capitalised words that are no names: months,
 *                      weekdays, holidays
 *   generics*.txt      geographic and compass generics that never match
 *                      alone: South, Gulf, Union
 *   particles*.txt     lower-case words inside a person's name: de, van
 *   place-heads*.txt   words that end or open a place's name: "Pike
 *                      County", "Crater Lake", "Mount Hood"
 *   misc-heads*.txt    words that end the name of a thing that is no
 *                      person, place or organisation: a law, a treaty, an
 *                      event, an award, a disease ("Copyright Act",
 *                      "Hostage Crisis", "Nobel Prize")
 *
 * Entries are stored folded (eg_fold), as the matcher folds tokens. The
 * tagger's rules read them through the token view (eg_tokview.h), as
 * one class bit per vocabulary word. */
#ifndef EG_WORDLISTS_H
#define EG_WORDLISTS_H

enum eg_wordlist {
    EG_LIST_STOP = 0,
    EG_LIST_WORDS,
    EG_LIST_GIVEN,
    EG_LIST_TITLES,
    EG_LIST_ORG_HEADS,
    EG_LIST_ORG_SUFFIXES,
    EG_LIST_NON_NAMES,
    EG_LIST_GENERICS,
    EG_LIST_PARTICLES,
    EG_LIST_PLACE_HEADS,
    EG_LIST_MISC_HEADS,
    EG_LIST_COUNT
};

/* The list a file holds by its base name (a path may be given), or -1
 * when the name is no word list's. */
int eg_wordlist_of_path(const char *path);

/* The file name prefix of list k ("given-names"), for messages. */
const char *eg_wordlist_name(int k);

#endif
