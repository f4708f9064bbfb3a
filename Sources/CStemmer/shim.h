// Snowball stemmers (Debian libstemmer-dev).
#include <libstemmer.h>
