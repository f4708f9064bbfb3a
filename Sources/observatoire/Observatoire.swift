import ArgumentParser

@main
struct Observatoire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observatoire",
        abstract: "Observatoire des compétences et des métiers émergents.",
        discussion: """
        Lit des offres d’emploi françaises, les classe selon la taxonomie de compétences (Taxonomy/) \
        et garde pour chaque correspondance le passage exact, la formulation reconnue et la version \
        de la taxonomie.

        Exemples :
          observatoire classify --input Data/demo-postings.jsonl
          observatoire taxonomy lint
          observatoire taxonomy stats
        """,
        version: "0.1.0",
        subcommands: [Serve.self, IngestCommand.self, StatusCommand.self, Classify.self, Reclassify.self, Export.self, MatchCommand.self, DemoCommand.self,
                      TaxonomyCommand.self, RomeCommand.self, Bench.self]
    )
}

/// Where the taxonomy lives; every command that classifies takes it.
struct TaxonomyOptions: ParsableArguments {
    @Option(name: .customLong("taxonomy"), help: "Dossier de la taxonomie (fichiers .tax et VERSION).")
    var directory: String = "Taxonomy"
}
