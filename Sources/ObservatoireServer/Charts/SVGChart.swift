import Foundation

/// Server-rendered SVG charts (no JavaScript): a sparkline, a line chart and horizontal bars.
/// Each has a `<title>` and a `<desc>` read by screen readers, and the page shows the same
/// numbers in a table next to it. Every text that goes in is escaped here; the result is inserted
/// unescaped (`{{{svg}}}`), the only unescaped output of the templates.
enum SVGChart {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    private static func header(id: String, width: Int, height: Int, title: String, desc: String, cls: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="\(cls)" viewBox="0 0 \(width) \(height)" role="img" \
        aria-labelledby="\(id)-t \(id)-d"><title id="\(id)-t">\(escape(title))</title><desc id="\(id)-d">\(escape(desc))</desc>
        """
    }

    /// A small line of `values`, scaled to its maximum.
    static func sparkline(id: String, values: [Int], title: String, desc: String) -> String {
        let w = 160, h = 40
        var s = header(id: id, width: w, height: h, title: title, desc: desc, cls: "sparkline")
        let maxV = Double(max(values.max() ?? 0, 1))
        if values.count > 1 {
            let step = Double(w - 4) / Double(values.count - 1)
            let pts = values.enumerated().map { i, v in "\(f(2 + Double(i) * step)),\(f(Double(h - 3) - Double(v) / maxV * Double(h - 6)))" }
            s += "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"\(pts.joined(separator: " "))\"/>"
            if let last = pts.last { let xy = last.split(separator: ","); s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"#1f5fa8\"/>" }
        }
        return s + "</svg>"
    }

    /// A line chart of one series over labelled periods, with a y scale from 0.
    static func line(id: String, labels: [String], values: [Int], title: String, desc: String) -> String {
        let w = 640, h = 260, left = 48.0, right = 36.0, top = 12.0, bottom = 40.0
        var s = header(id: id, width: w, height: h, title: title, desc: desc, cls: "chart")
        let maxV = max(values.max() ?? 0, 1)
        let plotW = Double(w) - left - right, plotH = Double(h) - top - bottom
        // Horizontal grid with three labelled levels.
        for k in 0...2 {
            let v = Double(maxV) * Double(k) / 2
            let y = top + plotH - v / Double(maxV) * plotH
            s += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(Double(w) - right))\" y2=\"\(f(y))\" stroke=\"#d0d4da\" stroke-width=\"1\"/>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#444\">\(escape(FrenchFormat.int(Int(v.rounded()))))</text>"
        }
        if !values.isEmpty {
            let step = values.count > 1 ? plotW / Double(values.count - 1) : 0
            let pts = values.enumerated().map { i, v in
                "\(f(left + Double(i) * step)),\(f(top + plotH - Double(v) / Double(maxV) * plotH))"
            }
            s += "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2.5\" points=\"\(pts.joined(separator: " "))\"/>"
            for p in pts { let xy = p.split(separator: ","); s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"#1f5fa8\"/>" }
            // At most 8 x labels, evenly spaced.
            let every = max(1, Int((Double(labels.count) / 8).rounded(.up)))
            // Evenly spaced labels, always the last one, and none too close before it.
            var shown = Array(stride(from: 0, to: labels.count, by: every))
            if let l = shown.last, l != labels.count - 1 {
                if labels.count - 1 - l < max(1, every) { shown.removeLast() }
                shown.append(labels.count - 1)
            }
            for i in shown {
                let label = labels[i]
                s += "<text x=\"\(f(left + Double(i) * step))\" y=\"\(f(Double(h) - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#444\">\(escape(label))</text>"
            }
        }
        return s + "</svg>"
    }

    /// Horizontal bars, one per labelled value.
    static func bars(id: String, items: [(label: String, value: Int)], title: String, desc: String) -> String {
        let w = 640, rowH = 22, labelW = 250.0
        let h = max(1, items.count) * rowH + 8
        var s = header(id: id, width: w, height: h, title: title, desc: desc, cls: "chart bars")
        let maxV = Double(max(items.map(\.value).max() ?? 0, 1))
        for (i, item) in items.enumerated() {
            let y = Double(i * rowH + 4)
            let bw = Double(item.value) / maxV * (Double(w) - labelW - 70)
            let label = item.label.count > 34 ? String(item.label.prefix(33)) + "…" : item.label
            s += "<text x=\"\(f(labelW - 6))\" y=\"\(f(y + 14))\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">\(escape(label))</text>"
            s += "<rect x=\"\(f(labelW))\" y=\"\(f(y + 2))\" width=\"\(f(max(bw, 1)))\" height=\"16\" fill=\"#1f5fa8\"/>"
            s += "<text x=\"\(f(labelW + bw + 6))\" y=\"\(f(y + 14))\" font-size=\"12\" fill=\"#222\">\(escape(FrenchFormat.int(item.value)))</text>"
        }
        return s + "</svg>"
    }
}
