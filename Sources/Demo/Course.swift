/// A kind of training offer: wording, codes and prerequisites (which name skills the course
/// does NOT teach, so that a classifier must leave the prerequisites section aside).
struct Course: Sendable {
    let domain: String
    let titles: [String]
    let objectives: [String]
    let results: [String]
    let modules: [String]
    let prerequisites: [String]
    /// Formacode codes, the first one principal.
    let formacodes: [String]
    let nsf: String
    let rome: [String]
    /// `rncp`, `rs` or `none`.
    let certification: String
    let hours: ClosedRange<Int>
    /// LHEO `code-niveau-sortie`.
    let exitLevel: Int
    /// Later sessions are more frequent for rising topics.
    let rising: Bool
}

extension Course {
    static let all: [Course] = [
        // Intelligence artificielle
        Course(domain: "ia", titles: ["IA générative : concevoir des assistants avec les LLM", "Développer des applications RAG avec les grands modèles de langage",
                                      "Prompt engineering et IA générative pour les développeurs"],
               objectives: ["Comprendre le fonctionnement des grands modèles de langage (LLM) et leurs limites.",
                            "Concevoir une architecture RAG : découpage, embeddings, base vectorielle, génération.",
                            "Maîtriser les techniques de prompt engineering et d'évaluation des réponses."],
               results: ["Le stagiaire est capable de développer un assistant conversationnel fondé sur un LLM et une recherche vectorielle.",
                         "Réaliser un prototype d'IA générative sécurisé et documenté."],
               modules: ["Panorama de l'IA générative et des modèles de fondation", "API OpenAI, Mistral AI et modèles open source (Llama)",
                         "Embeddings et bases vectorielles (Qdrant, pgvector)", "Chaînes RAG avec LangChain et LlamaIndex", "Évaluation, hallucinations et garde-fous",
                         "Agents IA et appels d'outils", "Cadre réglementaire : AI Act et RGPD", "Projet fil rouge"],
               prerequisites: ["Maîtrise de Python et des bases de SQL indispensable.", "Connaissances en machine learning et en statistiques recommandées.",
                               "Pratique de Git et de Docker souhaitée."],
               formacodes: ["31028", "31054"], nsf: "326", rome: ["M1889", "M1805"], certification: "rs", hours: 35...140, exitLevel: 6, rising: true),
        Course(domain: "ia", titles: ["Data scientist", "Concepteur développeur en science des données", "Machine learning engineer"],
               objectives: ["Former des professionnels capables de concevoir et déployer des modèles de machine learning.",
                            "Collecter, préparer et modéliser des données pour répondre à un besoin métier."],
               results: ["Titre professionnel visé : concepteur développeur en science des données (niveau 7).",
                         "Mettre en production un modèle d'apprentissage automatique et en suivre les performances."],
               modules: ["Apprentissage supervisé et non supervisé", "scikit-learn, XGBoost et validation croisée", "Deep learning avec PyTorch",
                         "Traitement automatique du langage", "Vision par ordinateur", "MLOps : MLflow, Docker, déploiement", "Éthique et explicabilité des modèles"],
               prerequisites: ["Bac+3 scientifique ; bonnes bases en algèbre linéaire et probabilités.", "Maîtrise de SQL et d'un tableur exigée.",
                               "Une première pratique de Python est demandée (test d'entrée)."],
               formacodes: ["31028", "11016", "31054"], nsf: "326", rome: ["M1405", "M1889"], certification: "rncp", hours: 400...900, exitLevel: 7, rising: false),
        Course(domain: "ia", titles: ["Acculturation à l'intelligence artificielle pour les managers", "Piloter un projet d'IA en entreprise",
                                      "Gouvernance de l'IA et conformité AI Act"],
               objectives: ["Identifier les cas d'usage de l'IA dans son organisation et en évaluer la valeur.",
                            "Comprendre les obligations du règlement européen sur l'IA."],
               results: ["Élaborer une feuille de route IA réaliste.", "Mettre en place une gouvernance de l'IA responsable."],
               modules: ["Notions clés : IA, machine learning, IA générative", "Cas d'usage par métier", "Cartographie des risques et AI Act",
                         "Éthique de l'IA et biais", "Conduite du changement"],
               prerequisites: ["Expérience du management de projet.", "Aucune compétence en programmation n'est nécessaire ; une culture des données (tableaux de bord, indicateurs) est un atout."],
               formacodes: ["31028", "32035"], nsf: "310", rome: ["M1402"], certification: "none", hours: 7...21, exitLevel: 0, rising: true),
        Course(domain: "ia", titles: ["MLOps : industrialiser les modèles d'IA", "Déployer des modèles de deep learning en production"],
               objectives: ["Automatiser le cycle de vie des modèles, de l'entraînement au monitoring."],
               results: ["Mettre en place une chaîne MLOps complète sur un cloud public."],
               modules: ["MLflow et registre de modèles", "Kubeflow et Vertex AI", "Monitoring et dérive des modèles", "Optimisation de l'inférence sur GPU"],
               prerequisites: ["Maîtrise de Kubernetes, Docker et de l'administration Linux.", "Pratique du CI/CD avec GitLab."],
               formacodes: ["31028", "31054"], nsf: "326", rome: ["M1889", "M1827"], certification: "rs", hours: 21...70, exitLevel: 6, rising: true),

        // Données
        Course(domain: "donnees", titles: ["Data analyst", "Analyste de données", "Formation Power BI : de la donnée au tableau de bord", "Analyser des données avec SQL et Python"],
               objectives: ["Collecter, nettoyer et analyser des données pour éclairer la décision.", "Concevoir des tableaux de bord interactifs et des indicateurs pertinents."],
               results: ["Réaliser une analyse de données complète, du requêtage SQL à la data visualisation.", "Titre professionnel de niveau 6 visé."],
               modules: ["SQL : requêtes, jointures, agrégations", "Python pour l'analyse (pandas, matplotlib)", "Statistiques descriptives",
                         "Power BI : Power Query, modélisation, DAX", "Data visualisation et storytelling", "Qualité des données"],
               prerequisites: ["Bonne maîtrise d'Excel (tableaux croisés dynamiques).", "Notions de programmation appréciées, quel que soit le langage.",
                               "Anglais technique lu."],
               formacodes: ["11016", "31052", "31054"], nsf: "326", rome: ["M1419", "M1403"], certification: "rncp", hours: 35...600, exitLevel: 6, rising: false),
        Course(domain: "donnees", titles: ["Data engineer", "Concepteur de pipelines de données big data", "Data engineering sur le cloud"],
               objectives: ["Concevoir, construire et maintenir des pipelines de données fiables à grande échelle."],
               results: ["Déployer une plateforme de données (data lake, entrepôt, orchestration) sur le cloud."],
               modules: ["Modélisation et entrepôts de données", "Spark et traitements distribués", "Airflow et dbt", "Kafka et streaming",
                         "Snowflake, BigQuery, Databricks", "DataOps et qualité des données"],
               prerequisites: ["Maîtrise de Python et de Linux.", "Expérience du développement logiciel (Git, tests)."],
               formacodes: ["31052", "31042", "31054"], nsf: "326", rome: ["M1811"], certification: "rncp", hours: 300...800, exitLevel: 7, rising: false),
        Course(domain: "donnees", titles: ["Administrer des bases de données PostgreSQL", "Bases de données relationnelles et SQL"],
               objectives: ["Installer, configurer et optimiser un serveur de bases de données."],
               results: ["Administrer une base PostgreSQL en production."],
               modules: ["Modélisation relationnelle", "SQL avancé", "Sauvegarde et réplication", "Performance et indexation"],
               prerequisites: ["Pratique de la ligne de commande Linux."],
               formacodes: ["31042"], nsf: "326", rome: ["M1894"], certification: "rs", hours: 21...70, exitLevel: 5, rising: false),
        Course(domain: "donnees", titles: ["Gouvernance des données et RGPD", "Data management et qualité des données", "Devenir délégué à la protection des données"],
               objectives: ["Mettre en œuvre une politique de gouvernance des données.", "Piloter la conformité au RGPD."],
               results: ["Tenir un registre des traitements et conduire une analyse d'impact.", "Déployer un catalogue de données et des indicateurs de qualité."],
               modules: ["Rôles : data owner, data steward, DPO", "Catalogue et métadonnées", "Qualité des données", "RGPD et AIPD", "Open data"],
               prerequisites: ["Connaissance du fonctionnement des systèmes d'information.", "Une première expérience en cybersécurité ou en droit est un plus."],
               formacodes: ["31054", "13253"], nsf: "326", rome: ["K1906", "M1419"], certification: "rs", hours: 14...120, exitLevel: 6, rising: true),

        // Cybersécurité
        Course(domain: "cybersecurite", titles: ["Analyste SOC", "Analyste en cybersécurité", "Opérateur de centre de sécurité (SOC)"],
               objectives: ["Détecter, qualifier et traiter les incidents de sécurité au sein d'un SOC."],
               results: ["Exploiter un SIEM et un EDR pour investiguer des incidents.", "Titre de niveau 6 analyste en cybersécurité visé."],
               modules: ["Menaces et MITRE ATT&CK", "SIEM (Splunk, Elastic, Sentinel)", "EDR et réponse à incident", "Threat intelligence",
                         "Analyse forensique de base", "Gestion de crise cyber"],
               prerequisites: ["Bonne connaissance des réseaux TCP/IP et de l'administration Windows et Linux.", "Notions de scripting (Python ou PowerShell) souhaitées."],
               formacodes: ["31006", "24231"], nsf: "326", rome: ["M1883", "M1844"], certification: "rncp", hours: 350...800, exitLevel: 6, rising: true),
        Course(domain: "cybersecurite", titles: ["Pentest et tests d'intrusion", "Hacking éthique : auditer la sécurité d'un SI"],
               objectives: ["Conduire un test d'intrusion selon une méthodologie reconnue."],
               results: ["Rédiger un rapport d'audit et des recommandations."],
               modules: ["Reconnaissance et OSINT", "Exploitation web (OWASP Top 10)", "Active Directory", "Metasploit, Burp Suite", "Rapport d'audit"],
               prerequisites: ["Maîtrise des réseaux et des systèmes Linux exigée.", "Connaissances en développement web (HTML, JavaScript, PHP)."],
               formacodes: ["31006"], nsf: "326", rome: ["M1866"], certification: "rs", hours: 35...210, exitLevel: 6, rising: true),
        Course(domain: "cybersecurite", titles: ["Gouvernance de la cybersécurité : ISO 27001 et NIS 2", "Responsable de la sécurité des systèmes d'information", "EBIOS Risk Manager"],
               objectives: ["Piloter la sécurité des systèmes d'information et la gestion des risques."],
               results: ["Conduire une analyse de risques EBIOS RM.", "Préparer l'organisation à NIS 2 et à la certification ISO 27001."],
               modules: ["PSSI et SMSI", "ISO 27001 et 27005", "EBIOS Risk Manager", "NIS 2, DORA", "Plan de continuité d'activité", "Sensibilisation des utilisateurs"],
               prerequisites: ["Expérience de la gestion de projet informatique.", "Une connaissance de l'architecture cloud est un atout."],
               formacodes: ["31006", "32035"], nsf: "326", rome: ["M1812"], certification: "rncp", hours: 21...450, exitLevel: 7, rising: true),
        Course(domain: "cybersecurite", titles: ["Sécuriser les infrastructures et le cloud", "Administrateur systèmes et réseaux option cybersécurité"],
               objectives: ["Durcir et sécuriser les infrastructures systèmes, réseaux et cloud."],
               results: ["Déployer pare-feu, VPN, IAM et supervision de sécurité."],
               modules: ["Pare-feu et segmentation", "VPN et authentification forte", "IAM et PAM", "Sécurité Azure et AWS", "Gestion des vulnérabilités"],
               prerequisites: ["Bac+2 en informatique ou expérience équivalente.", "Bases en programmation Python."],
               formacodes: ["31006", "24220"], nsf: "326", rome: ["M1819", "M1817"], certification: "rncp", hours: 400...1200, exitLevel: 6, rising: false),

        // Médiation numérique
        Course(domain: "mediation", titles: ["Responsable d'espace de médiation numérique (REMN)", "Titre professionnel REMN", "Médiateur numérique"],
               objectives: ["Accompagner des publics variés vers l'autonomie dans les usages numériques.", "Concevoir et animer des ateliers numériques."],
               results: ["Titre professionnel Responsable d'espace de médiation numérique (niveau 5).", "Réaliser un diagnostic des compétences numériques d'un usager."],
               modules: ["Accueil et accompagnement des usagers", "Démarches en ligne et accès aux droits", "Animation d'ateliers collectifs",
                         "Inclusion numérique et publics éloignés du numérique", "Gestion d'un espace public numérique", "Partenariats territoriaux"],
               prerequisites: ["Niveau bac ou expérience professionnelle ; aisance à l'oral.", "Pratique courante d'un ordinateur et d'un smartphone.",
                               "Une connaissance des logiciels de gestion de projet est appréciée."],
               formacodes: ["44035", "15061"], nsf: "335", rome: ["G1238", "K1204"], certification: "rncp", hours: 300...800, exitLevel: 5, rising: false),
        Course(domain: "mediation", titles: ["Formation des conseillers numériques", "Accompagner les démarches administratives en ligne", "Aidants Connect : habilitation des aidants"],
               objectives: ["Sécuriser l'accompagnement des usagers dans leurs démarches en ligne."],
               results: ["Utiliser Aidants Connect et orienter les usagers vers les bons interlocuteurs."],
               modules: ["Services publics en ligne", "FranceConnect et identité numérique", "Aidants Connect", "Posture d'accompagnement", "Sécurité en ligne des usagers"],
               prerequisites: ["Être en poste dans une structure d'accueil du public.", "Maîtrise des outils bureautiques."],
               formacodes: ["44035"], nsf: "330", rome: ["K1204", "K1205"], certification: "none", hours: 7...105, exitLevel: 0, rising: false),
        Course(domain: "mediation", titles: ["Animer des ateliers autour de l'IA pour le grand public", "Médiation numérique et intelligence artificielle"],
               objectives: ["Expliquer simplement l'IA générative et ses enjeux.", "Animer des ateliers de découverte critique des outils d'IA."],
               results: ["Concevoir un atelier IA adapté à des publics débutants."],
               modules: ["Comprendre l'IA sans technique", "Désinformation et deepfakes", "Ateliers pratiques avec les chatbots", "Éthique et citoyenneté numérique"],
               prerequisites: ["Expérience de la médiation numérique ou de l'animation.", "Aucune compétence en programmation n'est requise."],
               formacodes: ["44035", "31028"], nsf: "335", rome: ["G1238", "K2111"], certification: "none", hours: 7...35, exitLevel: 0, rising: true),
        Course(domain: "mediation", titles: ["Certificat CléA numérique", "Compétences numériques de base et certification Pix", "Initiation à l'informatique et à internet"],
               objectives: ["Acquérir les compétences numériques du quotidien et professionnelles."],
               results: ["Certification CléA numérique ou Pix."],
               modules: ["Prise en main de l'ordinateur", "Internet et messagerie", "Bureautique débutants", "Sécurité en ligne", "Démarches en ligne"],
               prerequisites: ["Savoir lire et écrire le français.", "Aucun prérequis technique."],
               formacodes: ["35066", "44035"], nsf: "326", rome: ["K2111"], certification: "rs", hours: 20...150, exitLevel: 0, rising: false),
        Course(domain: "mediation", titles: ["Médiation culturelle numérique", "Animer un fablab et un tiers-lieu"],
               objectives: ["Concevoir des dispositifs de médiation culturelle et de fabrication numérique."],
               results: ["Animer un atelier de création numérique avec des publics jeunes."],
               modules: ["Musées et ressources numériques", "Micro-Folie", "Fabrication numérique : impression 3D, découpe laser", "Programmation créative (Scratch)"],
               prerequisites: ["Formation en médiation culturelle ou expérience d'animation.", "Notions de graphisme (Photoshop, Illustrator) appréciées."],
               formacodes: ["44035", "46262"], nsf: "133", rome: ["K1213", "G1238"], certification: "none", hours: 14...70, exitLevel: 0, rising: false),

        // Immersif
        Course(domain: "immersif", titles: ["Développeur réalité virtuelle et augmentée", "Développer des expériences XR avec Unity", "Unreal Engine pour la réalité virtuelle"],
               objectives: ["Concevoir et développer des applications de réalité virtuelle et de réalité augmentée."],
               results: ["Publier une application XR sur casque autonome."],
               modules: ["Unity et C#", "Interactions VR (XR Interaction Toolkit)", "Réalité augmentée (ARKit, ARCore)", "Optimisation 3D temps réel", "UX immersive", "Projet de fin de formation"],
               prerequisites: ["Maîtrise d'un logiciel de modélisation 3D (Blender ou Maya).", "Notions d'algorithmique."],
               formacodes: ["46262", "46251"], nsf: "326", rome: ["M1837", "M1850"], certification: "rncp", hours: 70...700, exitLevel: 6, rising: true),
        Course(domain: "immersif", titles: ["Infographiste 3D temps réel", "Modélisation 3D et texturing avec Blender", "Artiste 3D pour le jeu vidéo"],
               objectives: ["Produire des assets 3D optimisés pour le temps réel."],
               results: ["Constituer un portfolio d'assets 3D."],
               modules: ["Modélisation 3D", "Sculpture numérique (ZBrush)", "Texturing (Substance Painter)", "Rigging et animation", "Intégration dans un moteur"],
               prerequisites: ["Bonnes bases en dessin.", "Maîtrise de Photoshop."],
               formacodes: ["46258", "46251"], nsf: "322", rome: ["E1205", "L1510"], certification: "rncp", hours: 140...900, exitLevel: 5, rising: false),
        Course(domain: "immersif", titles: ["Concevoir une exposition immersive", "Scénographie numérique et mapping vidéo", "Production d'expériences immersives pour le patrimoine"],
               objectives: ["Concevoir et produire une expérience immersive pour un lieu culturel."],
               results: ["Réaliser le dossier de production d'une expérience immersive."],
               modules: ["Écriture et narration immersive", "Scénographie immersive", "Mapping vidéo", "Audio spatialisé", "Vidéo 360", "Production et budget"],
               prerequisites: ["Expérience dans le spectacle vivant, la muséographie ou l'événementiel.", "Connaissance de la gestion de projet culturel."],
               formacodes: ["46262"], nsf: "323", rome: ["L1513", "L1509"], certification: "none", hours: 35...210, exitLevel: 0, rising: true),
        Course(domain: "immersif", titles: ["Jumeau numérique et simulation 3D pour l'industrie", "Formations immersives en réalité virtuelle pour l'industrie"],
               objectives: ["Concevoir un jumeau numérique 3D connecté aux données de production."],
               results: ["Prototyper un jumeau numérique dans un moteur temps réel."],
               modules: ["Numérisation 3D et photogrammétrie", "Moteurs temps réel", "Intégration de données IoT", "Simulation et formation en réalité virtuelle"],
               prerequisites: ["Connaissances en CAO et en programmation Python.", "Connaissance des bases de données SQL."],
               formacodes: ["46262", "24451"], nsf: "326", rome: ["M1850", "H1206"], certification: "none", hours: 21...105, exitLevel: 6, rising: true),
    ]

    /// Regional supply per domain, deliberately uneven so that the demand-vs-supply gap view
    /// shows something (strong cyber supply in Bretagne, immersive in Hauts-de-France, little
    /// AI supply outside the big metropolitan areas, few courses overseas).
    static func supplyBoost(domain: String, region r: Region) -> Double {
        switch (domain, r.code) {
        case ("ia", "11"): 1.6
        case ("ia", "76"): 1.5
        case ("ia", "84"), ("ia", "93"): 1.1
        case ("ia", "94"): 0
        case ("ia", _) where r.isOverseas: 0.05
        case ("ia", _): 0.35
        case ("donnees", _) where r.isOverseas: 0.3
        case ("donnees", "11"): 1.2
        case ("cybersecurite", "53"): 4
        case ("cybersecurite", "11"): 0.6
        case ("cybersecurite", "94"): 0
        case ("cybersecurite", _) where r.isOverseas: 0.15
        case ("cybersecurite", _): 0.6
        case ("mediation", "11"): 0.5
        case ("mediation", "32"): 0.3
        case ("mediation", _) where r.isOverseas: 2
        case ("mediation", "94"): 2
        case ("mediation", _): 1.2
        case ("immersif", "32"): 4
        case ("immersif", "84"), ("immersif", "11"), ("immersif", "76"): 1.2
        case ("immersif", "04"): 0.6
        case ("immersif", _) where r.isOverseas: 0
        case ("immersif", _): 0.3
        default: 1
        }
    }
}
