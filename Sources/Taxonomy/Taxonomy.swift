/// Module Taxonomy: see ../shared/docs/ARCHITECTURE.md.
enum TaxonomyModule {}
