/// Writes the text of one synthetic posting: title, French sections, bullets and the noise real
/// postings carry (inclusive writing, apostrophes, non-breaking spaces, stray HTML).
struct PostingWriter {
    var r: SplitMix64

    struct Context {
        let profile: Profile
        let month: Int
        let city: City
        let sector: Sector
        let company: String
        let contract: String
    }

    // MARK: Title

    mutating func title(_ c: Context) -> String {
        let form: TitleForm = r.pick([.masculine, .masculine, .masculine, .feminine, .middleDot, .middleDot, .dot, .parentheses, .slash])
        var t = form.render(r.pick(c.profile.titles))
        if c.contract == "Alternance", r.chance(0.6) { t += r.pick([" en alternance", " - Alternance", " (alternance)"]) }
        if c.contract == "Stage", r.chance(0.6) { t += r.pick([" - Stage", " - Stage 6 mois", " (stage de fin d'études)"]) }
        if r.chance(0.08) { t += " - " + c.city.name }
        if r.chance(0.05) { t += r.pick([" junior", " senior", " confirmé·e", " expérimenté(e)"]) }
        let hasGenderMark = t.contains("H/F") || t.contains("F/H")
        if !hasGenderMark, r.chance(form.isInclusive ? 0.25 : 0.75) {
            t += r.pick([" H/F", " (H/F)", " F/H", " (F/H)", " - H/F", " H/F/X", " (F/H/X)", " h/f", " (H/F) ", " H / F"])
        }
        if r.chance(0.03) { t = t.uppercased() }
        if r.chance(0.3) { t = t.replacingAll("'", with: "’") }
        return t
    }

    // MARK: Description

    mutating func description(_ c: Context, title: String) -> String {
        let p = c.profile
        let bullet = r.pick(["- ", "- ", "• ", "* ", "– ", "✓ ", "→ ", "·  ", ""])
        var blocks: [String] = []

        if r.chance(0.25) {
            blocks.append(r.pick(["Poste : \(title)", "Référence : \(c.company.prefix(3).uppercased())-\(r.int(1000...9999))",
                                  "\(c.company) recrute un(e) \(TitleForm.masculine.render(p.titles[0])) en \(c.contract) à \(c.city.name).",
                                  "Description du poste"]))
        }

        // Company presentation, with an unrelated mention of AI now and then (a trap).
        var about = c.sector.about(&r, name: c.company, city: c.city)
        if p.domain != "ia", r.chance(0.12) { about.append(r.pick(Snippets.aiBoilerplate)) }
        if r.chance(0.25) { about.append(r.pick(Snippets.values)) }
        let companyHeading = c.sector.isPublic ? r.pick(Snippets.publicHeadings) : r.pick(Snippets.companyHeadings)
        let companyBlock = companyHeading + "\n" + about.joined(separator: " ")

        // Missions.
        var missions = r.sample(p.missions, r.int(4...6))
        missions += injectedMissions(c)
        let missionsBlock = r.pick(Snippets.missionHeadings) + "\n"
            + (r.chance(0.5) ? r.pick(Snippets.missionLeads) + "\n" : "")
            + missions.map { bullet + $0 }.joined(separator: "\n")

        // Profile, with trend-coupled terms and, sometimes, a negation (a trap).
        var reqs = r.sample(p.requirements, r.int(3...5))
        reqs += injectedRequirements(c)
        if r.chance(0.5) { reqs.append(r.pick(Snippets.softSkills)) }
        if p.domain == nil || p.domain == "mediation", r.chance(0.14) { reqs.append(r.pick(Snippets.negations)) }
        if p.key == "autre.insertion", r.chance(0.5) { reqs.append("Connaissance du secteur de l'IAE (SIAE, chantiers d'insertion)") }
        if p.key == "autre.logistique" || p.key == "autre.maintenance", r.chance(0.15) { reqs.append("Une expérience en IAA (industries agroalimentaires) est un plus") }
        let profileBlock = r.pick(Snippets.profileHeadings) + "\n" + reqs.map { bullet + $0 }.joined(separator: "\n")

        // Benefits and recruitment process.
        var benefits = r.sample(c.sector.isPublic ? Snippets.publicBenefits : Snippets.benefits, r.int(2...4))
        if p.remote, r.chance(0.6) { benefits.append(r.pick(Snippets.remoteWork)) }
        benefits.append(salary(c))
        let benefitsBlock = r.pick(Snippets.benefitHeadings) + "\n" + benefits.map { bullet + $0 }.joined(separator: "\n")

        if r.chance(0.7) { blocks.append(companyBlock); blocks.append(missionsBlock) } else { blocks.append(missionsBlock) }
        blocks.append(profileBlock)
        if r.chance(0.85) { blocks.append(benefitsBlock) }
        if !blocks.contains(companyBlock) { blocks.append(companyBlock) }
        if r.chance(0.6) { blocks.append(details(c)) }
        if r.chance(0.55) {
            let steps = r.pick(c.sector.isPublic ? Snippets.publicProcesses : Snippets.processes)
            blocks.append(r.pick(Snippets.processHeadings) + "\n" + steps.map { bullet + $0 }.joined(separator: "\n"))
        }
        if ["autre.logistique", "autre.restauration", "autre.commercial"].contains(p.key), r.chance(0.12) {
            blocks.append("Une période d'immersion professionnelle (PMSMP) peut être proposée avant l'embauche.")
        }
        blocks.append(r.pick(Snippets.closings(isPublic: c.sector.isPublic)))
        return noise(blocks.joined(separator: r.chance(0.85) ? "\n\n" : "\n"))
    }

    /// Terms whose frequency follows a trend, added to the missions of in-domain postings.
    private mutating func injectedMissions(_ c: Context) -> [String] {
        let gen = Trend.generative.value(at: c.month) / 2.8, emerging = Trend.emerging.value(at: c.month) / 1.4
        var out: [String] = []
        switch c.profile.domain {
        case "ia" where c.profile.key != "ia.generative":
            if r.chance(0.45 * gen) { out.append(r.pick(Snippets.genAIMissions)) }
            if r.chance(0.35 * emerging) { out.append(r.pick(Snippets.emergingIAMissions)) }
        case "donnees":
            if r.chance(0.25 * gen) { out.append(r.pick(Snippets.genAIMissions)) }
            if r.chance(0.25 * emerging) { out.append(r.pick(Snippets.emergingDataMissions)) }
        case "cybersecurite":
            if r.chance(0.3 * emerging) { out.append(r.pick(Snippets.emergingCyberMissions)) }
        case "mediation" where c.profile.key != "mediation.ia":
            if r.chance(0.35 * emerging) { out.append(r.pick(Snippets.emergingMediationMissions)) }
        case "immersif":
            if r.chance(0.35 * emerging) { out.append(r.pick(Snippets.emergingImmersiveMissions)) }
        default:
            if c.profile.key == "autre.dev-web", r.chance(0.2 * gen) { out.append("Intégrer des fonctionnalités s'appuyant sur l'API d'un LLM") }
        }
        return out
    }

    private mutating func injectedRequirements(_ c: Context) -> [String] {
        let gen = Trend.generative.value(at: c.month) / 2.8
        guard c.profile.domain == "ia" || c.profile.domain == "donnees" || c.profile.key == "autre.dev-web" else { return [] }
        return r.chance(0.3 * gen) ? [r.pick(Snippets.genAIRequirements)] : []
    }

    private mutating func salary(_ c: Context) -> String {
        if c.sector.isPublic, c.contract != "Stage", c.contract != "Alternance" {
            return r.pick(["Rémunération statutaire + régime indemnitaire (RIFSEEP)", "Rémunération selon grille de la fonction publique territoriale, catégorie \(r.pick(["B", "C", "A"]))",
                           "Salaire : selon grille et expérience"])
        }
        switch c.contract {
        case "Stage": return "Gratification : \(r.int(5...9) * 100 + r.pick([0, 50])) € par mois"
        case "Alternance": return "Rémunération selon la grille légale de l'alternance"
        case "Freelance": return "TJM : \(r.int(35...80) * 10) € selon expérience"
        default:
            let tech = ["ia", "donnees", "cybersecurite"].contains(c.profile.domain ?? "") || c.profile.key == "autre.dev-web"
            let low = tech ? r.int(36...60) : r.int(21...32)
            return r.pick(["Salaire : \(low) 000 - \(low + r.int(4...12)) 000 € brut annuel", "Rémunération : \(low)-\(low + r.int(3...10)) k€ brut/an selon profil",
                           "Salaire attractif selon expérience", "\(low) K€ à \(low + r.int(3...10)) K€ + variable"])
        }
    }

    /// "Informations complémentaires": place, contract details, working time, start date.
    private mutating func details(_ c: Context) -> String {
        var lines = [r.pick(["Informations complémentaires", "Informations pratiques", "En bref", "Détails du poste"])]
        lines.append(r.pick(["Lieu de travail : ", "Localisation : ", "Poste basé à "]) + "\(c.city.name) (\(c.city.department))")
        var contract = "Type de contrat : " + c.contract
        switch c.contract {
        case "CDD": contract += r.pick([" de \(r.pick([6, 12, 18, 24])) mois", " (remplacement)", " de 12 mois renouvelable", ""])
        case "Stage": contract += " de \(r.int(4...6)) mois"
        case "Alternance": contract += r.pick([" (contrat d'apprentissage)", " (contrat de professionnalisation)", ", rythme 3 semaines / 1 semaine"])
        case "Intérim": contract += " (mission de \(r.int(2...18)) semaines, possibilité d'embauche)"
        default: break
        }
        lines.append(contract)
        lines.append(r.pick(["Temps plein, 35 h hebdomadaires", "Temps plein (39 h avec RTT)", "Temps partiel (28 h)", "Durée du travail : 35H/semaine",
                             "Horaires de journée du lundi au vendredi", "Travail ponctuel en soirée et le samedi"]))
        let start = c.month + 1 + r.below(2)
        lines.append("Prise de poste : " + r.pick(["dès que possible", Self.monthNames[start % 12] + " " + String(2023 + start / 12)]))
        lines.append(r.pick(["Expérience : débutant(e) accepté(e)", "Expérience : 2 ans minimum", "Expérience souhaitée de 3 à 5 ans", "Niveau d'études : Bac+2 à Bac+5"]))
        return lines.joined(separator: "\n")
    }

    static let monthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    // MARK: Noise

    /// Apostrophes (straight, typographic or mixed), French non-breaking spaces and the odd HTML
    /// residue, decided once per posting.
    private mutating func noise(_ text: String) -> String {
        var s = text
        let apostrophes = r.below(5) // 0-1 straight, 2-3 typographic, 4 mixed
        if apostrophes >= 2 {
            var out = ""
            out.reserveCapacity(s.utf8.count)
            for ch in s {
                if ch == "'", apostrophes < 4 || r.chance(0.5) { out.append("’") } else { out.append(ch) }
            }
            s = out
        }
        if r.chance(0.3) { s = s.replacingAll(" :", with: "\u{00A0}:").replacingAll(" ?", with: "\u{00A0}?") }
        else if r.chance(0.1) { s = s.replacingAll(" :", with: "\u{202F}:") }
        if r.chance(0.05) {
            switch r.below(4) {
            case 0: s = s.replacingAll("\n- ", with: "\n<li>").replacingAll("\n• ", with: "\n<li>")
            case 1: s = s.replacingAll(" & ", with: " &amp; ").replacingAll("\n\n", with: "<br />\n")
            case 2: s = s.replacingAll("\u{00A0}:", with: "&nbsp;:").replacingAll("’", with: "&#39;")
            default: s = "<p>" + s.replacingAll("\n\n", with: "</p>\n<p>") + "</p>"
            }
        }
        if r.chance(0.04) { s = s.replacingAll(". ", with: ".  ") }
        return s
    }
}

extension String {
    /// Plain substring replacement without Foundation, so results cannot vary by platform.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
