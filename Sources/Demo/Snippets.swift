/// Shared wording: headings, leads, benefits, closings, traps and trend-coupled terms.
/// All written for this demo; none is copied from a real posting.
enum Snippets {
    static let companyHeadings = ["Qui sommes-nous ?", "Qui sommes-nous ?", "Qui sommes-nous?", "QUI SOMMES-NOUS ?", "À propos de nous",
                                  "L'entreprise", "LA SOCIÉTÉ", "Présentation de la société", "Notre histoire", "Qui sommes nous :"]
    static let publicHeadings = ["Présentation de la structure", "La collectivité", "Qui sommes-nous ?", "Contexte", "L'établissement", "Votre futur environnement de travail"]
    static let missionHeadings = ["Vos missions", "Vos missions :", "Vos missions", "VOS MISSIONS", "Missions principales", "Descriptif du poste",
                                  "Ce que vous ferez", "Le poste", "Vos responsabilités", "Missions :"]
    static let missionLeads = ["Rattaché(e) à la direction, vous aurez pour missions :", "Au sein d'une équipe de \(6) personnes, vous serez chargé·e de :",
                               "Vos principales missions seront les suivantes :", "Concrètement, vous allez :", "À ce titre, vous êtes chargé(e) de :",
                               "En lien avec votre responsable, vous :"]
    static let profileHeadings = ["Profil recherché", "Profil recherché", "Votre profil", "Profil :", "Compétences attendues", "Ce que nous recherchons",
                                  "PROFIL RECHERCHÉ", "Vous êtes…", "Savoir-faire et savoir-être"]
    static let benefitHeadings = ["Nos avantages", "Ce que nous offrons", "Avantages", "Pourquoi nous rejoindre ?", "Conditions et avantages", "Ce que l'on vous propose"]
    static let processHeadings = ["Processus de recrutement", "Déroulement du recrutement", "Les étapes du recrutement", "Modalités de candidature"]

    static let values = ["Nous sommes attachés à la diversité et à l'égalité professionnelle.",
                         "Tous nos postes sont ouverts aux personnes en situation de handicap.",
                         "Notre entreprise est engagée dans une démarche RSE exigeante.",
                         "Ici, on se dit tout, on s'entraide et on célèbre les réussites."]

    /// Unrelated mentions of AI in a company presentation: must not count as demand.
    static let aiBoilerplate = ["Entreprise innovante, nous utilisons l'intelligence artificielle pour optimiser nos tournées.",
                                "Nous venons de déployer un assistant IA interne pour simplifier le quotidien de nos équipes.",
                                "Notre groupe investit massivement dans la data et l'IA.",
                                "Nos clients bénéficient d'outils de planification dopés à l'intelligence artificielle.",
                                "Pionniers de l'IA générative dans notre secteur, nous restons avant tout une équipe de terrain."]

    /// Negations: the skill is explicitly not required.
    static let negations = ["Aucune connaissance en Python requise : nous vous formons !",
                            "Pas besoin de savoir coder : aucune compétence en programmation n'est exigée.",
                            "Aucune connaissance en SQL ni en intelligence artificielle n'est requise pour ce poste.",
                            "Le poste ne nécessite pas de compétences en cybersécurité.",
                            "Nul besoin d'être expert(e) en informatique ou en data."]

    static let softSkills = ["Autonomie, rigueur et sens du travail en équipe", "Curiosité et envie d'apprendre", "Bon relationnel et sens du service",
                             "Capacité d'adaptation et esprit d'initiative", "Vous êtes force de proposition", "Orthographe irréprochable"]

    static let benefits = ["Tickets restaurant (carte Swile)", "Mutuelle prise en charge à 70 %", "RTT", "Prime de participation et d'intéressement",
                           "CSE et chèques vacances", "Forfait mobilités durables", "Budget formation et conférences", "Locaux accessibles en transports en commun",
                           "Matériel au choix (Mac ou PC)", "Séminaire annuel & afterworks", "13e mois"]
    static let publicBenefits = ["Participation à la mutuelle et à la prévoyance", "CNAS / COS", "Titres restaurant", "Formation continue (CNFPT)",
                                 "Horaires réguliers, 37 h 30 avec RTT", "Prise en charge partielle des transports", "Télétravail possible 1 jour par semaine"]
    static let remoteWork = ["Télétravail jusqu'à 3 jours par semaine", "Full remote possible", "Télétravail hybride (2 jours/semaine)", "Remote partiel"]

    static let processes: [[String]] = [
        ["Un premier échange téléphonique avec notre chargée de recrutement", "Un entretien avec le manager", "Une rencontre avec l'équipe"],
        ["Entretien RH (30 min)", "Cas pratique", "Entretien final avec la direction"],
        ["Call de découverte", "Test technique à la maison", "Débrief avec l'équipe et la CTO"],
        ["Échange en visio avec notre talent acquisition", "Entretien technique", "Proposition sous une semaine"],
    ]
    static let publicProcesses: [[String]] = [
        ["Candidature (CV et lettre de motivation)", "Jury de recrutement", "Réponse sous 15 jours"],
        ["Présélection sur dossier", "Entretien avec la responsable de service et la DRH", "Prise de poste souhaitée sous un mois"],
    ]

    static func closings(isPublic: Bool) -> [String] {
        isPublic
            ? ["Merci d'adresser CV et lettre de motivation à l'attention de Madame la Maire.", "Poste à pourvoir dès que possible. Date limite de candidature : un mois après publication.",
               "Candidatures (lettre + CV) via notre plateforme de recrutement.", "Poste ouvert aux contractuels et aux fonctionnaires (mutation, détachement)."]
            : ["Poste à pourvoir dès que possible.", "Ce poste vous intéresse ? Postulez !", "Envoyez-nous votre candidature, on a hâte de vous rencontrer !",
               "Démarrage : ASAP.", "Rejoignez l'aventure !", "Type d'emploi : temps plein."]
    }

    // MARK: Trend-coupled terms

    static let genAIMissions = ["Participer aux premiers cas d'usage d'IA générative (RAG sur la base documentaire interne)",
                                "Évaluer l'apport des LLM pour automatiser l'analyse de textes",
                                "Prototyper un assistant conversationnel basé sur un grand modèle de langage",
                                "Contribuer à l'acculturation des équipes à l'IA générative"]
    static let genAIRequirements = ["Une première expérience avec les LLM ou l'IA générative est un plus",
                                    "Curiosité pour l'IA générative (prompt engineering, RAG)",
                                    "Vous utilisez déjà des assistants de code (GitHub Copilot)"]
    static let emergingIAMissions = ["Expérimenter des agents IA autonomes et l'orchestration multi-agents",
                                     "Contribuer à la conformité des systèmes d'IA avec l'AI Act",
                                     "Mettre en place l'évaluation continue des modèles en production (AI Ops)"]
    static let emergingDataMissions = ["Préparer des données de qualité pour les projets d'IA générative",
                                       "Participer à la démarche data mesh et à la création de data products",
                                       "Alimenter le catalogue de données pour les agents IA de l'entreprise"]
    static let emergingCyberMissions = ["Sécuriser les usages de l'IA générative (prompt injection, fuite de données)",
                                        "Préparer l'organisation aux exigences de NIS 2",
                                        "Évaluer la sécurité des agents IA déployés en interne"]
    static let emergingMediationMissions = ["Animer des ateliers de découverte de l'IA générative pour le grand public",
                                            "Sensibiliser les habitants aux deepfakes et aux usages de ChatGPT",
                                            "Accompagner les usagers face aux arnaques en ligne générées par IA"]
    static let emergingImmersiveMissions = ["Explorer le Gaussian splatting pour la numérisation de sites patrimoniaux",
                                            "Porter nos expériences sur Apple Vision Pro",
                                            "Intégrer des personnages pilotés par IA générative dans les expériences XR"]
}
