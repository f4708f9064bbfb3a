import ArgumentParser
import Demo
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Régénère les données de démonstration synthétiques de Data/.",
        discussion: """
        Écrit des offres d’emploi (JSON Lines) et des offres de formation (LHEO) entièrement \
        synthétiques, reproductibles à l’octet près pour une même graine. Aucun texte réel n’y est \
        copié ; voir Data/README.md pour les tendances et les pièges qu’elles contiennent.

        Exemples :
          observatoire demo
          observatoire demo --postings 20000 --seed 7 --output /tmp/demo
        """)

    @Option(help: "Dossier de sortie.")
    var output: String = "Data"
    @Option(help: "Graine du générateur.")
    var seed: UInt64 = DemoGenerator.defaultSeed
    @Option(help: "Nombre d’offres d’emploi.")
    var postings: Int = 4000
    @Option(help: "Nombre d’offres de formation.")
    var trainingOffers: Int = 300

    func validate() throws {
        guard (1...2_000_000).contains(postings) else { throw ValidationError("--postings doit être compris entre 1 et 2 000 000") }
        guard (0...100_000).contains(trainingOffers) else { throw ValidationError("--training-offers doit être compris entre 0 et 100 000") }
    }

    func run() throws {
        let generator = DemoGenerator(seed: seed, postings: postings, trainingOffers: trainingOffers)
        let dir = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let jsonl = dir.appendingPathComponent("demo-postings.jsonl"), lheo = dir.appendingPathComponent("demo-formations.lheo.xml")
        try generator.writePostingsJSONL(to: jsonl)
        try generator.writeTrainingLHEO(to: lheo)
        print("écrit : \(jsonl.path) (\(postings) offres), \(lheo.path) (\(trainingOffers) formations), graine \(seed)")
    }
}
