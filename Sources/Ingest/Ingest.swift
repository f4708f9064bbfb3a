/// Module Ingest: see ../shared/docs/ARCHITECTURE.md.
enum IngestModule {}
