#include "csqlite_setup.h"
#include <sqlite3.h>

static int threading_mode = 1;

#include <stdlib.h>
int csqlite_configure_for_serialized_connections(void) {
    if (getenv("OBS_SERIALIZED")) return 1;
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc == SQLITE_OK) threading_mode = 2;
    int rc2 = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return rc == SQLITE_OK && rc2 == SQLITE_OK ? 0 : 1;
}

int csqlite_threading_mode(void) {
    if (sqlite3_threadsafe() == 0) return 0;
    return threading_mode;
}
