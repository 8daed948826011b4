/* eg_charclass.c — the ASCII class table, written out at compile time so
 * that no tokenizer has to initialise it (or ask whether it has) before
 * its first byte. */
#include "eg_charclass.h"

/* The class of ASCII byte c (an integer constant expression). */
#define CLASS_OF(c)                                                                          \
    ((c) >= 'a' && (c) <= 'z'   ? EG_K_WORD | EG_K_LOWER                                     \
     : (c) >= 'A' && (c) <= 'Z' ? EG_K_WORD | EG_K_UPPER                                     \
     : (c) >= '0' && (c) <= '9' ? EG_K_WORD | EG_K_DIGIT                                     \
     : (c) == '\n'              ? EG_K_SPACE | EG_K_NEWLINE                                  \
     : (c) <= ' ' || (c) == 0x7F ? EG_K_SPACE                                                \
                                 : 0)
#define C4(c) CLASS_OF(c), CLASS_OF((c) + 1), CLASS_OF((c) + 2), CLASS_OF((c) + 3)
#define C16(c) C4(c), C4((c) + 4), C4((c) + 8), C4((c) + 12)
#define C64(c) C16(c), C16((c) + 16), C16((c) + 32), C16((c) + 48)

/* bytes 0x80..0xFF: 0 (the remaining entries of the initialiser) */
const uint8_t eg_ascii_class[256] = {C64(0), C64(64)};
