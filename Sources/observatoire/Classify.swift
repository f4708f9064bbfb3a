import ArgumentParser

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Classe des offres (à venir).")
    func run() throws {}
}
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mesures (à venir).")
    func run() throws {}
}
