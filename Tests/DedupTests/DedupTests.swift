import Dedup
import Records
import Testing

/// Invented postings: a company template (presentation, benefits, process) around a job part.
enum Fixtures {
    static let company = """
    Qui sommes-nous ? Nivéa Conseil est une entreprise de services numériques lyonnaise de 450 \
    collaborateurs, qui accompagne depuis 2009 les acteurs de la banque, de l'assurance et de la \
    santé dans leur transformation. Nous croyons à la montée en compétences de chacun, au travail \
    en équipe et à la transparence.
    """
    static let benefits = """
    Ce que nous offrons : télétravail deux jours par semaine, tickets restaurant, mutuelle prise en \
    charge à 100 %, plan de formation individuel, séminaire annuel et locaux au cœur de la ville.
    Processus de recrutement : un premier échange téléphonique avec notre chargée de recrutement, \
    puis un entretien technique avec l'équipe, et enfin une rencontre avec la direction.
    """
    static let dataJob = """
    Vos missions : au sein de l'équipe Data, vous concevez et industrialisez les flux de données \
    de nos clients. Vous développez des pipelines d'ingestion en Python et Spark, modélisez les \
    entrepôts de données, optimisez les requêtes SQL, mettez en place la qualité et la \
    supervision des traitements, et participez aux choix d'architecture sur le cloud Azure.
    Profil recherché : diplômé d'un bac+5 en informatique, vous justifiez de trois ans \
    d'expérience en ingénierie des données, maîtrisez Python, SQL et Spark, et connaissez Airflow.
    """
    static let securityJob = """
    Vos missions : rattaché au responsable de la sécurité des systèmes d'information, vous pilotez \
    les audits de sécurité, suivez les plans de remédiation des vulnérabilités, animez la \
    sensibilisation des collaborateurs, rédigez les politiques de sécurité et accompagnez la mise \
    en conformité avec la norme ISO 27001 et la directive NIS 2.
    Profil recherché : issu d'une formation supérieure en cybersécurité, vous avez une première \
    expérience de la gestion des risques, de l'analyse EBIOS et de la gouvernance de la sécurité.
    """

    static func posting(id: String, source: String = "france-travail", title: String, job: String,
                        header: String = "Offre publiée le 6 janvier 2025. Salaire : 45 000 à 50 000 € brut annuel.",
                        company: String = "Nivéa Conseil") -> Posting {
        Posting(id: id, source: source, title: title,
                description: header + "\n" + Fixtures.company + "\n" + job + "\n" + Fixtures.benefits,
                company: company)
    }
}

struct DedupTests {
    let dedup = Deduplicator()
    let policy = DedupPolicy()

    @Test func tokensFoldCaseAndDiacritics() {
        #expect(Dedup.tokens("Ingénieur·e DATA (H/F) – Cœur d'équipe") ==
                ["ingenieur", "e", "data", "h", "f", "coeur", "d", "equipe"])
        #expect(Dedup.normalizedTitle(Dedup.tokens("Data Engineer (H/F)")) ==
                Dedup.normalizedTitle(Dedup.tokens("DATA ENGINEER - F/H")))
    }

    @Test func hashesAreStable() {
        // FNV-1a 64 reference values: they must never change (keys are stored).
        #expect(Dedup.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(Dedup.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Dedup.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
        let s = dedup.signature(for: Fixtures.posting(id: "1", title: "Data engineer H/F", job: Fixtures.dataJob))
        #expect(s == dedup.signature(for: Fixtures.posting(id: "2", title: "Data engineer H/F", job: Fixtures.dataJob)))
        #expect(s.minHash.count == 128)
        #expect(s.bands.count == 16)
        #expect(DedupSignature.minHash(fromBytes: s.minHashBytes) == s.minHash)
    }

    @Test func exactDuplicateIgnoresCaseAccentsAndSpacing() {
        let a = Fixtures.posting(id: "1", title: "Data engineer H/F", job: Fixtures.dataJob)
        var b = a
        b.id = "2"
        b.description = b.description.uppercased().replacingSpaces()
        let v = policy.judge(dedup.signature(for: b), source: b.source, against: dedup.signature(for: a), candidateSource: a.source)
        #expect(v?.kind == .exact)
        var c = a
        c.company = "Autre Société"
        #expect(dedup.signature(for: c).exactKey != dedup.signature(for: a).exactKey)
    }

    @Test func repostWithChangedDateAndSalaryIsNearDuplicate() {
        let a = Fixtures.posting(id: "1", title: "Data engineer H/F", job: Fixtures.dataJob)
        let b = Fixtures.posting(id: "2", title: "Data engineer H/F", job: Fixtures.dataJob,
                                 header: "Offre mise à jour le 3 mars 2025. Salaire : 48 000 à 55 000 € brut annuel selon profil.")
        let sa = dedup.signature(for: a), sb = dedup.signature(for: b)
        let v = policy.judge(sb, source: b.source, against: sa, candidateSource: a.source)
        #expect(v?.kind == .near)
        #expect((v?.similarity ?? 0) >= 0.8)
        // And LSH makes them candidates.
        #expect(zip(sa.bands, sb.bands).contains { $0 == $1 })
    }

    @Test func sameTemplateDifferentJobIsNotDuplicate() {
        let a = Fixtures.posting(id: "1", title: "Data engineer H/F", job: Fixtures.dataJob)
        let b = Fixtures.posting(id: "2", title: "Ingénieur cybersécurité H/F", job: Fixtures.securityJob)
        let sa = dedup.signature(for: a), sb = dedup.signature(for: b)
        let s = sb.similarity(to: sa)
        #expect(s < 0.6, "similarité \(s)")
        #expect(policy.judge(sb, source: b.source, against: sa, candidateSource: a.source) == nil)
        // Even on another board with the same title: the job text differs.
        var c = b
        c.source = "wttj"; c.title = a.title
        #expect(policy.judge(dedup.signature(for: c), source: c.source, against: sa, candidateSource: a.source) == nil)
    }

    @Test func sameOfferOnAnotherBoardIsCrossSource() {
        let a = Fixtures.posting(id: "ft-1", title: "Data Engineer (H/F)", job: Fixtures.dataJob)
        // The board keeps the job part, drops the benefits and rewrites the header.
        let b = Posting(id: "wttj-1", source: "wttj", title: "DATA ENGINEER - F/H",
                        description: "Descriptif du poste\n" + Fixtures.company + "\n" + Fixtures.dataJob,
                        company: "Nivéa Conseil")
        let sa = dedup.signature(for: a), sb = dedup.signature(for: b)
        let v = policy.judge(sb, source: b.source, against: sa, candidateSource: a.source)
        #expect(v?.kind == .crossSource, "similarité \(sb.similarity(to: sa))")
        // The same pair within one board is not a near-duplicate: the texts differ too much.
        #expect(policy.judge(sb, source: a.source, against: sa, candidateSource: a.source) == nil)
    }

    @Test func indexClustersOnTheFirstPosting() {
        var index = DuplicateIndex()
        let a = Fixtures.posting(id: "1", title: "Data engineer H/F", job: Fixtures.dataJob)
        let b = Fixtures.posting(id: "2", title: "Data engineer H/F", job: Fixtures.dataJob,
                                 header: "Offre mise à jour le 3 mars 2025. Salaire : 48 000 à 55 000 € brut annuel selon profil.")
        let c = Fixtures.posting(id: "3", title: "Ingénieur cybersécurité H/F", job: Fixtures.securityJob)
        var d = b
        d.id = "4"
        #expect(index.add(id: a.id, source: a.source, signature: dedup.signature(for: a)) == nil)
        #expect(index.add(id: b.id, source: b.source, signature: dedup.signature(for: b))?.kind == .near)
        #expect(index.add(id: c.id, source: c.source, signature: dedup.signature(for: c)) == nil)
        let m = index.add(id: d.id, source: d.source, signature: dedup.signature(for: d))
        #expect(m?.kind == .exact)
        #expect(m?.canonical == "1")
        #expect(m?.matched == "2")
    }

    @Test func emptyTextIsOnlyExactDuplicate() {
        let a = Posting(id: "1", title: "", description: "")
        let b = Posting(id: "2", title: "", description: "", company: "X")
        let sa = dedup.signature(for: a), sb = dedup.signature(for: b)
        #expect(sa.minHash.isEmpty)
        #expect(policy.judge(sb, source: "", against: sa, candidateSource: "") == nil)
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(unicodeScalars.map { $0 == " " ? "  " : String($0) }.joined())
    }
}

/// The signature computed in one pass over scalars must equal the reference computed from
/// `Dedup.tokens` strings: stored keys and sketches depend on it.
struct SignatureEquivalenceTests {
    static let texts = [
        "Développeur·se Full-Stack (H/F) — Œuvre d’art & IA générative ; ﬁnance, Straße, ÆSIR",
        "Chargé(e) de médiation numérique à l'Hôtel-Dieu : ateliers « bien débuter » 2025/2026",
        "ΑΘΗΝΑ καλημέρα — Ελληνικά, Кириллица, 日本語のテキスト, emoji 🚀 et ordinaux 1ᵉʳ nº 3",
        "Ingénieur\u{00A0}sécurité\u{202F}SOC N2 · ISO/IEC 27001 · C++ · .NET · Node.js",
        "",
        "   ",
        "İstanbul DŽungla ǅ ĳ ŉ ſ",
    ]

    @Test(arguments: texts)
    func fastSignatureEqualsTheReference(_ text: String) {
        let dedup = Deduplicator()
        let p = Posting(id: "1", source: "essai", title: "Data engineer (H/F) – Lyon", description: text, company: "Nivéa Conseil")
        let reference = dedup.signature(for: p, tokens: Dedup.tokens(p.title + "\n" + p.description))
        #expect(dedup.signature(for: p) == reference)
    }

    /// The sketch is computed 8 functions at a time when their number is a multiple of 8, one at
    /// a time otherwise; function i does not depend on how many there are, so both must agree.
    @Test(arguments: [Fixtures.dataJob, Fixtures.company + " " + Fixtures.benefits, "Chargé de médiation numérique"])
    func vectorSketchEqualsTheScalarOne(_ text: String) {
        let words = Dedup.tokens(text)
        let vector = Deduplicator(configuration: .init(permutations: 128)).minHash(words)
        let scalar = Deduplicator(configuration: .init(permutations: 129)).minHash(words)
        #expect(vector.count == 128)
        #expect(Array(scalar.prefix(128)) == vector)
    }
}
