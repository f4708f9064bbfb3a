#include "csqlite_setup.h"
#include <sqlite3.h>

int csqlite_configure_multithread(void) {
    int threading = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    int statistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return threading == SQLITE_OK && statistics == SQLITE_OK ? 0 : 1;
}
