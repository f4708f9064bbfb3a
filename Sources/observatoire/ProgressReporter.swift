import Dispatch
import Foundation

/// Progress of `observatoire ingest` on standard error: a bar redrawn at most 10 times per
/// second on a terminal (records, records/s, ETA when the file size is known), or one line per
/// file otherwise (logs, pipes, tests).
final class ProgressReporter {
    let interactive: Bool
    private let quiet: Bool
    private var file = ""
    private var fileStart = DispatchTime.now()
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// - Parameter quiet: nothing at all (never used with a terminal bar, kept for tests).
    init(interactive: Bool = isatty(STDERR_FILENO) == 1, quiet: Bool = false) {
        self.interactive = interactive
        self.quiet = quiet
    }

    func startFile(_ path: String) {
        file = path
        fileStart = DispatchTime.now()
        lastDraw = 0
    }

    /// Redraws the bar when 100 ms have passed since the last draw (terminal only).
    func update(records: Int, bytesRead: Int, fileSize: Int?) {
        guard interactive, !quiet else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        let elapsed = Double(now - fileStart.uptimeNanoseconds) / 1e9
        let rate = elapsed > 0 ? Double(records) / elapsed : 0
        typealias F = FrenchFormat
        var line = ""
        let name = (file as NSString).lastPathComponent
        if let size = fileSize, size > 0 {
            let fraction = min(1, Double(bytesRead) / Double(size))
            let width = 24
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] "
            line += String(Int(fraction * 100)) + "\(F.nbsp)% "
            if fraction > 0.01, fraction < 1 {
                let remaining = elapsed * (1 - fraction) / fraction
                line += "· reste \(F.duration(remaining)) "
            }
        }
        line += "· \(F.integer(records))\(F.nbsp)enr. · \(F.integer(Int(rate)))\(F.nbsp)enr./s · \(name)"
        write("\r\u{1B}[2K" + line)
        drawn = true
    }

    /// Clears the bar and prints the file's one-line report.
    func finishFile(read: Int, stored: Int, rejected: Int) {
        guard !quiet else { return }
        clear()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - fileStart.uptimeNanoseconds) / 1e9
        typealias F = FrenchFormat
        let rate = seconds > 0 ? Int((Double(read) / seconds).rounded()) : 0
        write("\(file)\(F.nbsp): \(F.count(read, "enregistrement lu", "enregistrements lus")), "
              + "\(F.count(stored, "nouveau", "nouveaux")), \(F.count(rejected, "rejeté", "rejetés")), "
              + "\(F.duration(seconds)) (\(F.integer(rate))\(F.nbsp)enr./s)\n")
    }

    /// A message on its own line (errors, rejects), clearing the bar first.
    func message(_ text: String) {
        clear()
        write(text + "\n")
    }

    private func clear() {
        if drawn { write("\r\u{1B}[2K"); drawn = false }
    }

    private func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
