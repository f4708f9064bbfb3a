import Foundation
import Records

extension DemoGenerator {
    /// The training offers as one LHEO 2.2 document (`lheo` → `offres` → `formation` → `action`
    /// → `session`). Prerequisites go to `conditions-specifiques`, the LHEO element for
    /// "conditions spécifiques et prérequis"; they name skills the course does not teach.
    public func trainingLHEO() -> String {
        var r = SplitMix64(seed: seed, stream: "training")
        let regions = Geography.regions
        // A few invented training organisations per region.
        var organisations: [[Organisation]] = []
        for region in regions {
            let n = region.isOverseas || region.code == "94" ? 2 : 3 + r.below(4)
            organisations.append((0..<n).map { _ in Organisation.make(&r, region: region) })
        }
        let courses = Course.all
        let domainWeights: [(String, Double)] = [("ia", 22), ("donnees", 25), ("cybersecurite", 20), ("mediation", 20), ("immersif", 13)]

        var x = XMLOut()
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.raw("<!-- Données SYNTHÉTIQUES de démonstration générées par « observatoire demo » (graine \(seed)) : aucune offre de formation réelle. -->\n")
        x.raw("<lheo xmlns=\"http://www.lheo.org/2.2\">\n<offres>\n")
        for i in 0..<trainingOfferCount {
            let domain = domainWeights[r.weighted(domainWeights.map(\.1))].0
            let candidates = courses.filter { $0.domain == domain }
            let course = r.pick(candidates)
            let ri = r.weighted(regions.map { $0.weight * Course.supplyBoost(domain: domain, region: $0) + 0.0001 })
            let org = r.pick(organisations[ri])
            let number = Self.pad(i + 1, 5)
            writeFormation(&x, &r, course: course, org: org, number: number)
        }
        x.raw("</offres>\n</lheo>\n")
        return x.text
    }

    /// Writes `trainingLHEO()` to a file (replacing it).
    public func writeTrainingLHEO(to url: URL) throws {
        try Data(trainingLHEO().utf8).write(to: url, options: .atomic)
    }

    private func writeFormation(_ x: inout XMLOut, _ r: inout SplitMix64, course c: Course, org: Organisation, number: String) {
        let hours = r.int(c.hours)
        let title = r.pick(c.titles)
        let html = r.chance(0.5)
        x.open("formation", ["numero": "DEMO-F\(number)"])
        x.open("domaine-formation")
        for (k, code) in c.formacodes.enumerated() {
            x.leaf("code-FORMACODE", code, k == 0 ? [("ref", "V13"), ("tag", "principal")] : [("ref", "V13")])
        }
        x.leaf("code-NSF", c.nsf)
        for rome in c.rome { x.leaf("code-ROME", rome) }
        x.close("domaine-formation")
        x.leaf("intitule-formation", title)
        let objectives = r.sample(c.objectives, 2)
        let results = r.sample(c.results, 2)
        let modules = r.sample(c.modules, r.int(min(4, c.modules.count)...c.modules.count))
        if html {
            x.leaf("objectif-formation", "<p>" + objectives.joined(separator: " ") + "</p>")
            x.leaf("resultats-attendus", "<p><b>À l'issue de la formation :</b></p><p>" + results.joined(separator: "</p><p>") + "</p>")
            x.leaf("contenu-formation", "<p>Programme :</p><ul>" + modules.map { "<li>\($0)</li>" }.joined() + "</ul>"
                   + "<p>Durée : \(hours) heures" + (hours >= 300 ? " dont stage en entreprise" : "") + ".</p>")
        } else {
            x.leaf("objectif-formation", objectives.joined(separator: " "))
            x.leaf("resultats-attendus", results.joined(separator: "\n"))
            x.leaf("contenu-formation", "Programme :\n" + modules.map { "- " + $0 }.joined(separator: "\n"))
        }
        x.leaf("certifiante", c.certification == "none" ? "0" : "1")
        x.open("contact-formation"); x.open("coordonnees")
        x.leaf("courriel", "formation@\(org.slug).demo.invalid")
        x.close("coordonnees"); x.close("contact-formation")
        x.leaf("parcours-de-formation", String(r.pick([1, 1, 2, 3])))
        x.leaf("code-niveau-entree", String(max(0, c.exitLevel - r.int(1...2))))
        var rsCode: String?
        switch c.certification {
        case "rncp":
            x.open("certification")
            x.leaf("code-RNCP", String(r.int(34_000...41_999)))
            x.leaf("code-CERTIFINFO", String(r.int(100_000...125_000)))
            x.close("certification")
        case "rs":
            rsCode = "RS" + String(r.int(5_000...7_199))
            x.open("certification")
            x.leaf("code-CERTIFINFO", String(r.int(100_000...125_000)))
            x.close("certification")
        default: break
        }
        if c.exitLevel > 0 { x.leaf("code-niveau-sortie", String(c.exitLevel)) }

        x.open("action", ["numero": "DEMO-A\(number)"])
        x.leaf("rythme-formation", r.pick(["Temps plein", "Temps plein", "Temps partiel", "En soirée", "Alternance"]))
        x.leaf("niveau-entree-obligatoire", r.chance(0.3) ? "1" : "0")
        x.leaf("modalites-alternance", hours >= 300 ? "Stage pratique de \(r.int(4...12)) semaines en entreprise" : "-")
        x.leaf("modalites-enseignement", String(r.pick([0, 0, 1, 2])))
        x.leaf("conditions-specifiques", "Prérequis : " + r.sample(c.prerequisites, r.int(1...2)).joined(separator: " "))
        x.leaf("prise-en-charge-frais-possible", r.chance(0.8) ? "1" : "0")
        x.open("lieu-de-formation"); x.open("coordonnees")
        x.leaf("ligne", org.name)
        org.writeAddress(&x)
        x.close("coordonnees"); x.close("lieu-de-formation")
        x.leaf("modalites-entrees-sorties", r.chance(0.2) ? "1" : "0")
        x.leaf("url-action", "https://demo.observatoire.invalid/formations/DEMO-F\(number)", wrap: "urlweb")
        // Sessions from 2024 to 2026; rising topics more often in the later years.
        let sessions = 1 + r.weighted([5, 3, 1])
        var start = startMonth(&r, rising: c.rising)
        for s in 0..<sessions {
            let year = 2024 + start / 12, month = start % 12 + 1
            let begin = Day(year: year, month: month, day: r.int(1...28))!
            let end = begin.adding(days: hours <= 70 ? max(1, hours / 7) + r.int(0...10) : hours * 7 / 20 + r.int(15...60))
            x.open("session", ["numero": "DEMO-S\(number)-\(s + 1)"])
            x.open("periode")
            x.leaf("debut", Self.compact(begin))
            x.leaf("fin", Self.compact(end))
            x.close("periode")
            x.open("adresse-inscription")
            org.writeAddress(&x)
            x.close("adresse-inscription")
            x.close("session")
            start += r.int(3...7)
            if start > 35 { break }
        }
        x.leaf("duree-indicative", "\(hours) heures")
        x.leaf("nombre-heures-centre", String(hours >= 300 ? hours * 3 / 4 : hours))
        x.leaf("nombre-heures-entreprise", String(hours >= 300 ? hours - hours * 3 / 4 : 0))
        x.close("action")

        x.open("organisme-formation-responsable")
        x.leaf("numero-activite", org.activityNumber)
        x.open("SIRET-organisme-formation"); x.leaf("SIRET", org.siret); x.close("SIRET-organisme-formation")
        x.leaf("nom-organisme", org.name)
        x.leaf("raison-sociale", org.legalName)
        x.open("coordonnees-organisme"); x.open("coordonnees")
        org.writeAddress(&x)
        x.leaf("courriel", "contact@\(org.slug).demo.invalid")
        x.close("coordonnees"); x.close("coordonnees-organisme")
        x.open("contact-organisme"); x.open("coordonnees")
        x.leaf("courriel", "inscriptions@\(org.slug).demo.invalid")
        x.close("coordonnees"); x.close("contact-organisme")
        x.close("organisme-formation-responsable")

        x.open("extras", ["info": "demo"])
        x.leaf("extra", "1", [("info", "synthetique")])
        if let rsCode { x.leaf("extra", rsCode, [("info", "code-RS")]) }
        x.close("extras")
        x.close("formation")
    }

    private func startMonth(_ r: inout SplitMix64, rising: Bool) -> Int {
        // 0 = January 2024 … 32 = September 2026.
        let weights = (0...32).map { rising ? 1 + Double($0) / 8 : 1 }
        return r.weighted(weights)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// LHEO dates: `YYYYMMDD`.
    static func compact(_ d: Day) -> String { pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2) }
}

/// An invented training organisation with SIRET-shaped (Luhn-valid) identifiers.
struct Organisation {
    let name: String
    let legalName: String
    let slug: String
    let siret: String
    let activityNumber: String
    let city: City
    let regionCode: String
    let street: String

    static func make(_ r: inout SplitMix64, region: Region) -> Organisation {
        let city = r.pick(region.cities)
        let name: String
        switch r.below(6) {
        case 0: name = "Campus Numérique " + r.pick(Names.soft)
        case 1: name = "Institut " + r.pick(Names.tech) + " Formation"
        case 2: name = "École " + r.pick(Names.tech) + " de " + city.name
        case 3: name = "Université de " + city.name + " - Formation continue"
        case 4: name = "Association " + r.pick(Names.soft) + " Numérique Solidaire"
        default: name = "Centre de formation " + r.pick(Names.soft)
        }
        let legal = name.hasPrefix("Université") || name.hasPrefix("Association") ? "-" : name + r.pick([" SAS", " SARL", " SCOP"])
        var slug = ""
        let folded = name.lowercased().replacingAll("é", with: "e").replacingAll("è", with: "e").replacingAll("ê", with: "e")
            .replacingAll("à", with: "a").replacingAll("ï", with: "i").replacingAll("ô", with: "o").replacingAll("ç", with: "c")
        for u in folded.unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) { slug.unicodeScalars.append(u) }
            else if let last = slug.unicodeScalars.last, last != "-" { slug += "-" }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let siren = luhnComplete((0..<8).map { _ in r.below(10) })
        let siret = luhnComplete(siren + [0, 0, 0, 1 + r.below(9)])
        let activity = String(region.code.prefix(2)) + (0..<9).map { _ in String(r.below(10)) }.joined()
        let street = String(r.int(1...140)) + " " + r.pick(["rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "rue Pasteur",
                                                             "place de la Gare", "rue du Moulin", "allée des Sciences", "rue des Écoles",
                                                             "chemin des Vignes", "avenue de l'Europe", "rue Émile Zola", "quai de la Loire"])
        return Organisation(name: name, legalName: legal, slug: slug, siret: siret.map(String.init).joined(),
                            activityNumber: activity, city: city, regionCode: region.code, street: street)
    }

    /// Appends the Luhn check digit (the key of SIREN and SIRET numbers).
    static func luhnComplete(_ digits: [Int]) -> [Int] {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            // The check digit will sit at the right, so the doubled positions start at the last digit here.
            let v = i % 2 == 0 ? d * 2 : d
            sum += v > 9 ? v - 9 : v
        }
        return digits + [(10 - sum % 10) % 10]
    }

    func writeAddress(_ x: inout XMLOut) {
        x.open("adresse")
        x.leaf("ligne", street)
        x.leaf("codepostal", city.postalCode)
        x.leaf("ville", city.name)
        x.leaf("departement", city.department)
        x.leaf("code-INSEE-commune", city.insee)
        x.leaf("region", regionCode)
        x.leaf("pays", "FR")
        x.close("adresse")
    }
}

/// A tiny XML writer: escaped text and attributes, one element per line, attribute order as given.
struct XMLOut {
    private(set) var text = ""

    mutating func raw(_ s: String) { text += s }

    mutating func open(_ name: String, _ attrs: KeyValuePairs<String, String> = [:]) {
        text += "<" + name
        for (k, v) in attrs { text += " \(k)=\"\(Self.escape(v))\"" }
        text += ">\n"
    }

    mutating func close(_ name: String) { text += "</\(name)>\n" }

    mutating func leaf(_ name: String, _ value: String, _ attrs: [(String, String)] = [], wrap: String? = nil) {
        text += "<" + name
        for (k, v) in attrs { text += " \(k)=\"\(Self.escape(v))\"" }
        text += ">"
        if let wrap { text += "<\(wrap)>\(Self.escape(value))</\(wrap)>" } else { text += Self.escape(value) }
        text += "</\(name)>\n"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
