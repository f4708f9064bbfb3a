import Classifier
import Records
import Testing

struct EvidenceTests {
    @Test(arguments: [
        ("Ingénieur·e IA générative (H/F)", "Vos missions :\n- Concevoir des agents à base de LLM 🚀\n- Déployer en MLOps sur Kubernetes"),
        ("Data analyst", "<p>Maîtrise de <b>Power&nbsp;BI</b> et de SQL&#8217;s</p><ul><li>Machine learning</li></ul>"),
        ("Médiateur·rice numérique", "Accompagner les publics éloignés du numérique dans leurs démarches en ligne."),
    ])
    func evidenceTextIsTheInputAtItsOffsets(_ title: String, _ description: String) {
        let c = classify(title, description)
        let text = title + "\n" + description
        #expect(!c.competencies.isEmpty)
        for m in c.competencies {
            for e in m.evidence { #expect(slice(text, e.start, e.end) == e.text, "\(m.id)") }
        }
    }

    @Test func evidenceRecordsWordingSectionAndVersion() throws {
        let c = classify("Data scientist", "Profil recherché :\nVous maîtrisez l’apprentissage automatique.")
        let e = try #require(c.evidence("ia.apprentissage-automatique").first)
        #expect(e.text == "apprentissage automatique")
        #expect(e.section == .profile)
        #expect(e.wording != nil)
        #expect(c.taxonomyVersion == classifier.compiled.versionString)
    }
}

struct NormalizationMatchTests {
    @Test func elisionsAndAccentsDoNotBlockMatches() {
        #expect(classify("Chef de projet", "Vous piloterez l’intelligence artificielle du groupe.").competencyIDs.contains("ia.intelligence-artificielle"))
        #expect(classify("Chef de projet", "Vous piloterez l'INTELLIGENCE ARTIFICIELLE du groupe.").competencyIDs.contains("ia.intelligence-artificielle"))
        #expect(classify("Analyste", "Protection des donnees personnelles et RGPD").domains.contains("donnees") == false)
    }

    @Test func inclusiveTitlesMatchTheirCompetency() {
        for title in ["Data analyst H/F", "Data Analyste (F/H/X)", "data analystes"] {
            #expect(classify(title).domains == ["donnees"], "\(title)")
        }
    }
}

struct AcronymGuardTests {
    @Test func iaInsideWordsOrInEducationIsNotAI() {
        #expect(!classify("Conseiller en insertion", "Structure d’insertion (SIAE, IAE) : accompagnement des salariés.").competencyIDs.contains("ia.intelligence-artificielle"))
        #expect(!classify("Professeur de mathématiques", "Sous l’autorité de l’IA-IPR et de l’inspection académique.").competencyIDs.contains("ia.intelligence-artificielle"))
        #expect(classify("Chef de projet IA", "Déployer des solutions d’IA dans les services.").domains.contains("ia"))
    }

    @Test func socInsideSocieteIsNotASecurityCentre() {
        let c = classify("COMPTABLE", "LA SOCIÉTÉ RECHERCHE UN COMPTABLE. Notre SOCiété est familiale.")
        #expect(c.domains.isEmpty)
        #expect(!c.competencyIDs.contains { $0.hasPrefix("cybersecurite.") })
    }

    @Test func pestControlThreeDIsNotImmersive() {
        let c = classify("Technicien 3D (dératisation, désinsectisation, désinfection)",
                         "Interventions 3D chez les particuliers : traitement des nuisibles, hygiène.")
        #expect(!c.domains.contains("immersif"))
    }
}

struct SectionTests {
    @Test func headingsOpenSections() {
        let c = classify("Comptable", """
            Qui sommes-nous ?
            Leader européen de l’intelligence artificielle et du machine learning, nous révolutionnons la data science.
            Vos missions
            Tenir la comptabilité fournisseurs.
            Profil recherché
            Maîtrise d’Excel.
            Nos avantages
            Formation à l’IA générative offerte.
            """)
        let ai = c.evidence("ia.intelligence-artificielle")
        #expect(!ai.isEmpty && ai.allSatisfy { $0.section == .company })
        #expect(c.evidence("ia.ia-generative").allSatisfy { $0.section == .benefits })
        // Boilerplate alone does not make the posting an AI or data posting.
        #expect(c.domains.isEmpty)
    }

    @Test func gluedHeadingsFromScrapedBoards() {
        let c = classify("Data engineer", "Descriptif du posteVous construirez des pipelines de données.Profil recherchéVous maîtrisez Spark et Airflow.")
        #expect(c.evidence("donnees.traitement-distribue").first?.section == .profile)
        #expect(c.domains == ["donnees"])
    }
}

struct NegationTests {
    @Test func negatedMentionsDoNotCount() {
        let c = classify("Assistant administratif", "Aucune connaissance en machine learning requise. Pas de Python nécessaire, sans expérience en cybersécurité.")
        #expect(c.evidence("ia.apprentissage-automatique").allSatisfy { $0.negated })
        #expect(c.evidence("donnees.python").allSatisfy { $0.negated })
        #expect(c.domains.isEmpty)
    }

    @Test func postponedNegation() {
        let c = classify("Chargé d’accueil", "La maîtrise du deep learning n’est pas requise pour ce poste.")
        #expect(c.evidence("ia.apprentissage-profond").allSatisfy { $0.negated })
    }

    @Test func sansOublierIsNotANegation() {
        let c = classify("Data scientist", "Modélisation statistique, sans oublier le machine learning en production.")
        #expect(c.evidence("ia.apprentissage-automatique").contains { !$0.negated })
    }
}

struct DomainTrapTests {
    @Test func mediationAndItsTraps() {
        #expect(classify("Conseiller numérique France Services (H/F)", "Accompagner les usagers dans leurs démarches en ligne, animer des ateliers d’initiation au numérique, lutter contre l’illectronisme.").domains == ["mediation"])
        #expect(!classify("Chargé d’affaires", "Rejoignez l’Atelier Numérique, incubateur de start-ups, pour développer notre portefeuille de clients.").domains.contains("mediation"))
        #expect(!classify("Vendeur en téléphonie", "En boutique, vous serez le conseiller numérique de nos clients pour les forfaits mobiles.").domains.contains("mediation"))
    }

    @Test func immersiveAndItsTraps() {
        #expect(classify("Développeur·se Unity – réalité virtuelle", "Concevoir des expériences immersives en VR pour un musée : scénographie, Unity, casques Meta Quest.").domains.contains("immersif"))
        #expect(!classify("Aide-soignant", "Période d’immersion professionnelle (PMSMP) possible avant l’embauche.").domains.contains("immersif"))
    }

    @Test func cybersecurityNeedsRealSecurityWork() {
        #expect(classify("Analyste SOC N2 (H/F)", "Surveillance des alertes SIEM, réponse aux incidents, threat hunting.").domains == ["cybersecurite"])
        #expect(!classify("Agent de sécurité incendie", "Rondes, SSIAP 1, sécurité des biens et des personnes.").domains.contains("cybersecurite"))
    }
}

struct TitleTests {
    @Test(arguments: [
        ("Développeur·se Python (H/F)", "développeur python"),
        ("Développeuse Python - CDI - Lyon (69)", "développeur python"),
        ("Data Analyst F/H/X", "data analyst"),
        ("Cheffe de projet data (h/f/nb)", "chef de projet data"),
        ("Technicien·ne support", "technicien support"),
        ("Animatrice numérique", "animateur numérique"),
        ("Ingénieure cybersécurité | Full remote", "ingénieur cybersécurité"),
        ("Chargé(e) de médiation numérique", "chargé de médiation numérique"),
        ("Analyste d&#039;Exploitation Devops F/H", "analyste d'exploitation devops"),
        ("Infirmier D.E <b>H/F</b> de laboratoire d&apos;analyse", "infirmier d.e de laboratoire d'analyse"),
    ])
    func titlesNormalizeToOneForm(_ raw: String, _ expected: String) {
        #expect(TitleNormalizer.normalize(raw) == expected)
    }
}
