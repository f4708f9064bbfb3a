/// Module Demo: see ../shared/docs/ARCHITECTURE.md.
enum DemoModule {}
