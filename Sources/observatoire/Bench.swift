import ArgumentParser

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mesures (à venir).")
    func run() throws {}
}
