/// Module Classifier: see ../shared/docs/ARCHITECTURE.md.
enum ClassifierModule {}
