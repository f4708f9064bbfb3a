#include "cicu.h"
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>
#include <unicode/utf16.h>
#include <string.h>

void *cicu_word_breaker_open(const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "fr_FR", (const UChar *)text, length, &err);
    *status = (int32_t)err;
    return U_FAILURE(err) ? NULL : bi;
}
void cicu_word_breaker_close(void *breaker) { if (breaker) ubrk_close((UBreakIterator *)breaker); }
int32_t cicu_word_breaker_next(void *breaker) { return ubrk_next((UBreakIterator *)breaker); }
int32_t cicu_word_breaker_first(void *breaker) { return ubrk_first((UBreakIterator *)breaker); }
int32_t cicu_word_breaker_rule_status(void *breaker) { return ubrk_getRuleStatus((UBreakIterator *)breaker); }

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *err) {
    switch (form) {
    case 0: return unorm2_getNFCInstance(err);
    case 1: return unorm2_getNFKCInstance(err);
    case 2: return unorm2_getNFDInstance(err);
    case 3: return unorm2_getNFKDInstance(err);
    case 4: return unorm2_getNFKCCasefoldInstance(err);
    default: *err = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    if (U_FAILURE(err)) return -1;
    int32_t out = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) return out;
    return U_FAILURE(err) ? -1 : out;
}

int32_t cicu_fold_scalar(int32_t c, uint16_t *dest, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    UChar src[2];
    int32_t n = 0;
    UBool failed = 0;
    U16_APPEND(src, n, 2, c, failed);
    if (failed) return -1;
    const UNormalizer2 *folding = unorm2_getNFKCCasefoldInstance(&err);
    UChar folded[32];
    int32_t len = unorm2_normalize(folding, src, n, folded, 32, &err);
    if (U_FAILURE(err)) return -1;
    int32_t ascii = 1;
    for (int32_t i = 0; i < len; i++) if (folded[i] >= 0x80) ascii = 0;
    if (ascii) {
        for (int32_t i = 0; i < len && i < capacity; i++) dest[i] = folded[i];
        return len;
    }
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    UChar decomposed[64];
    int32_t dlen = unorm2_normalize(nfd, folded, len, decomposed, 64, &err);
    if (U_FAILURE(err)) return -1;
    int32_t out = 0;
    for (int32_t i = 0; i < dlen;) {
        UChar32 d;
        U16_NEXT(decomposed, i, dlen, d);
        if (u_charType(d) == U_NON_SPACING_MARK) continue;
        UBool overflow = 0;
        if (out + U16_LENGTH(d) > capacity) return out + U16_LENGTH(d);
        U16_APPEND(dest, out, capacity, d, overflow);
    }
    return out;
}

int32_t cicu_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t out = u_strFoldCase((UChar *)dest, capacity, (const UChar *)src, length, U_FOLD_CASE_DEFAULT, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) return out;
    return U_FAILURE(err) ? -1 : out;
}

int32_t cicu_transliterate(const char *transliterator_id, uint16_t *text, int32_t length, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    UChar id[64];
    int32_t idlen = (int32_t)strlen(transliterator_id);
    if (idlen >= 64) return -1;
    u_charsToUChars(transliterator_id, id, idlen);
    UTransliterator *t = utrans_openU(id, idlen, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err)) return -1;
    int32_t len = length, limit = length;
    utrans_transUChars(t, (UChar *)text, &len, capacity, 0, &limit, &err);
    utrans_close(t);
    return U_FAILURE(err) ? -1 : len;
}

int32_t cicu_char_type(int32_t c) { return u_charType(c); }
int32_t cicu_is_alphabetic(int32_t c) { return u_isUAlphabetic(c); }
int32_t cicu_is_alnum(int32_t c) { return u_isalnum(c); }
int32_t cicu_is_uppercase(int32_t c) { return u_isUUppercase(c); }
int32_t cicu_is_lowercase(int32_t c) { return u_isULowercase(c); }
int32_t cicu_is_whitespace(int32_t c) { return u_isUWhiteSpace(c); }
int32_t cicu_is_default_ignorable(int32_t c) { return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT); }
int32_t cicu_is_nonspacing_mark(int32_t c) { return u_charType(c) == U_NON_SPACING_MARK; }
int32_t cicu_is_dash(int32_t c) { return u_charType(c) == U_DASH_PUNCTUATION; }
int32_t cicu_is_quotation_mark(int32_t c) { return u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK); }

void cicu_version(char out[20]) {
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, out);
}
