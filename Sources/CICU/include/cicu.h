// ICU's C API as Swift calls it. The wrappers use plain C types only: Foundation on Linux ships
// its own copy of ICU headers, and importing the system ones next to it makes clashing modules.
// (Debian's ICU also renames entry points with a version suffix through macros Swift cannot
// import; the wrappers give stable names.)
#ifndef CICU_H
#define CICU_H
#include <stdint.h>

/// Opens a French word break iterator over UTF-16 text; NULL on failure.
void *cicu_word_breaker_open(const uint16_t *text, int32_t length, int32_t *status);
void cicu_word_breaker_close(void *breaker);
/// Next boundary, or -1 at the end.
int32_t cicu_word_breaker_next(void *breaker);
int32_t cicu_word_breaker_first(void *breaker);
/// Rule status of the segment before the current boundary: 0 none (spaces, punctuation),
/// 100 number, 200 letter, 300 kana, 400 ideo.
int32_t cicu_word_breaker_rule_status(void *breaker);

/// Normalization forms: 0 NFC, 1 NFKC, 2 NFD, 3 NFKD, 4 NFKC_Casefold.
/// Returns the output length (may exceed capacity), or -1 on error.
int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity);
/// The folded form of one code point as the tokenizer wants it: NFKC_Casefold, then, when
/// that leaves non-ASCII, NFD with nonspacing marks removed. UTF-16 into `dest`; returns the
/// length (may exceed capacity), or -1 on error. One call per code point, no string round trips.
int32_t cicu_fold_scalar(int32_t c, uint16_t *dest, int32_t capacity);
/// Full case folding. Returns the output length, or -1 on error.
int32_t cicu_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity);
/// Runs a transliterator by id ("Latin-ASCII") over text in place. Returns the new length or -1.
int32_t cicu_transliterate(const char *transliterator_id, uint16_t *text, int32_t length, int32_t capacity);

int32_t cicu_char_type(int32_t c);
int32_t cicu_is_alphabetic(int32_t c);
int32_t cicu_is_alnum(int32_t c);
int32_t cicu_is_uppercase(int32_t c);
int32_t cicu_is_lowercase(int32_t c);
int32_t cicu_is_whitespace(int32_t c);
/// Default_Ignorable_Code_Point (soft hyphen, zero-width characters, BOM…).
int32_t cicu_is_default_ignorable(int32_t c);
/// Nonspacing mark (general category Mn): accents after NFD.
int32_t cicu_is_nonspacing_mark(int32_t c);
/// Dash punctuation (general category Pd).
int32_t cicu_is_dash(int32_t c);
/// Quotation-mark-like or apostrophe-like characters per Unicode.
int32_t cicu_is_quotation_mark(int32_t c);

/// ICU version, e.g. "72.1".
void cicu_version(char out[20]);
#endif
