/// Module Dedup: see ../shared/docs/ARCHITECTURE.md.
enum DedupModule {}
