/// Module Store: see ../shared/docs/ARCHITECTURE.md.
enum StoreModule {}
