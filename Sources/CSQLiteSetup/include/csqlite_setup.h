// SQLite's process-wide configuration, which Swift cannot reach: `sqlite3_config` is variadic.
#ifndef CSQLITE_SETUP_H
#define CSQLITE_SETUP_H

/// Puts SQLite in multi-thread mode (no mutex around each call on a connection: GRDB already
/// gives each connection to one thread at a time) and turns off its allocation statistics (a
/// global mutex around every allocation). Must run before SQLite initializes, i.e. before the
/// first connection opens; later calls change nothing. Returns 0 when both settings took effect.
int csqlite_configure_multithread(void);

#endif
