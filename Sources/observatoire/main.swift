import FrenchText
import Foundation
let data = try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
let t0 = Date()
let n = ICUProbe.wordCount(data)
let dt = Date().timeIntervalSince(t0)
print(n, dt, Double(data.utf8.count)/dt/1e6, "MB/s")
