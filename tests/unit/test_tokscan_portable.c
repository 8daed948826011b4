/* test_tokscan_portable.c — test_tokscan.c again on the portable masks
 * (one table lookup a byte), which targets without SSE2 build: the
 * scanner is compiled into this test with EG_TOKSCAN_PORTABLE, so the
 * library's SSE2 copy is not linked. */
#define EG_TOKSCAN_PORTABLE
#include "../../src/text/eg_tokscan.c"

#include "test_tokscan.c"
