/// Kinds of employers, each with its NAF codes, invented names and presentation sentences.
enum Sector: Sendable, CaseIterable {
    case esn, softwareVendor, bank, industry, energy, consulting, localAuthority, education, hospital
    case trainingCentre, socialAssociation, library, museum, performingArts, gameStudio, logistics
    case retail, accounting, pestControl, tempAgency, restaurant, hosting, incubator, research

    var naf: [String] {
        switch self {
        case .esn: ["62.02A", "62.01Z", "62.02A"]
        case .softwareVendor: ["58.29C", "62.01Z"]
        case .bank: ["64.19Z", "65.12Z", "66.22Z"]
        case .industry: ["30.30Z", "29.10Z", "25.62B", "20.14Z", "27.12Z"]
        case .energy: ["35.11Z", "35.13Z", "36.00Z"]
        case .consulting: ["70.22Z", "73.20Z"]
        case .localAuthority: ["84.11Z"]
        case .education: ["84.12Z", "85.42Z"]
        case .hospital: ["86.10Z"]
        case .trainingCentre: ["85.59A", "85.59B"]
        case .socialAssociation: ["88.99B", "94.99Z"]
        case .library: ["91.01Z", "84.11Z"]
        case .museum: ["91.02Z", "91.03Z"]
        case .performingArts: ["90.04Z", "90.01Z", "82.30Z"]
        case .gameStudio: ["58.21Z", "59.11B", "62.01Z"]
        case .logistics: ["52.10B", "52.29A", "49.41A"]
        case .retail: ["47.11F", "47.42Z", "47.19B"]
        case .accounting: ["69.20Z"]
        case .pestControl: ["81.29A"]
        case .tempAgency: ["78.20Z"]
        case .restaurant: ["56.10A", "56.29A"]
        case .hosting: ["63.11Z"]
        case .incubator: ["70.22Z", "82.11Z"]
        case .research: ["72.19Z", "72.11Z"]
        }
    }

    /// Public and non-profit employers speak of "la structure" rather than "l'entreprise".
    var isPublic: Bool {
        switch self {
        case .localAuthority, .education, .hospital, .library, .museum, .socialAssociation: true
        default: false
        }
    }

    func name(_ r: inout SplitMix64, city: City) -> String {
        let c = city.name
        switch self {
        case .esn:
            return r.pick(Names.tech) + r.pick(["", " Consulting", " Conseil", " Digital", " Services", " Group"])
        case .softwareVendor, .hosting:
            return r.pick(Names.tech) + r.pick(["", " SAS", " Software", " Cloud", ".io", " Labs"])
        case .bank:
            return r.pick(["Banque ", "Mutuelle ", "Crédit ", "Assurances "]) + r.pick(Names.soft)
        case .industry:
            return r.pick(Names.soft) + r.pick([" Industries", " Aéro", " Mécanique", " Composites", " Systèmes"])
        case .energy:
            return r.pick(Names.soft) + r.pick([" Énergies", " Réseaux", " Hydro", " Solaire"])
        case .consulting:
            return r.pick(Names.soft) + r.pick([" & Associés", " Partners", " Stratégie", " Conseil"])
        case .localAuthority:
            return r.pick(["Ville de ", "Mairie de ", "Communauté d'agglomération de ", "CCAS de ", "Métropole de "]) + c
        case .education:
            return r.pick(["Rectorat de l'académie de ", "Université de ", "Lycée des métiers de ", "Services académiques de "]) + c
        case .hospital:
            return r.pick(["Centre hospitalier de ", "Clinique ", "EHPAD "]) + (r.chance(0.6) ? c : r.pick(Names.soft))
        case .trainingCentre:
            return r.pick(["Institut ", "Campus ", "École ", "Centre de formation "]) + r.pick(Names.soft)
        case .socialAssociation:
            return r.pick(["Association ", "Centre social ", "Maison de quartier ", "Fédération "]) + r.pick(Names.soft)
        case .library:
            return r.pick(["Médiathèque de ", "Réseau des médiathèques de ", "Bibliothèque municipale de "]) + c
        case .museum:
            return r.pick(["Musée d'art et d'histoire de ", "Muséum de ", "Centre d'interprétation du patrimoine de ", "Château-musée de "]) + c
        case .performingArts:
            return r.pick(["Festival ", "Scène nationale ", "Compagnie ", "Théâtre "]) + r.pick(Names.soft)
        case .gameStudio:
            return r.pick(Names.tech) + r.pick([" Games", " Studio", " Interactive", " XR", " Immersive"])
        case .logistics:
            return r.pick(Names.soft) + r.pick([" Logistique", " Transports", " Distribution"])
        case .retail:
            return r.pick(["Les Comptoirs ", "Maison ", "Boutique ", "Marché "]) + r.pick(Names.soft)
        case .accounting:
            return "Cabinet " + r.pick(Names.soft) + r.pick([" Expertise", " Audit", " & Associés"])
        case .pestControl:
            return r.pick(Names.soft) + r.pick([" Hygiène", " 3D Services", " Nuisibles", " Protection"])
        case .tempAgency:
            return r.pick(Names.soft) + r.pick([" Intérim", " Emploi", " Travail Temporaire"])
        case .restaurant:
            return r.pick(["Brasserie ", "Le Bistrot ", "Restaurant ", "Cuisine "]) + r.pick(Names.soft)
        case .incubator:
            return r.pick(["L'Atelier Numérique de \(c)", "Atelier Numérique \(r.pick(Names.soft))", "La Fabrique \(r.pick(Names.soft))", "Pépinière \(r.pick(Names.soft))"])
        case .research:
            return "Laboratoire " + r.pick(Names.tech) + r.pick(["", " (UMR)", " Recherche"])
        }
    }

    /// Two or three sentences presenting the employer.
    func about(_ r: inout SplitMix64, name: String, city: City) -> [String] {
        var s: [String] = []
        switch self {
        case .esn:
            s.append(r.pick(["\(name) est une ESN de \(frenchNumber(r.int(80...2_500))) collaborateurs", "Créée en \(r.int(1998...2019)), \(name) accompagne ses clients grands comptes", "Cabinet de conseil et d'ingénierie, \(name) compte \(r.int(40...900)) consultants"]) + r.pick([" dans leurs projets de transformation.", " dans la banque, l'énergie et le secteur public.", " partout en France."]))
            s.append(r.pick(["Nous privilégions la montée en compétences de chacun et la proximité managériale.", "Notre ADN : l'expertise technique, la bienveillance et l'engagement.", "Rejoindre \(name), c'est intégrer une communauté d'experts passionnés."]))
        case .softwareVendor, .hosting:
            s.append(r.pick(["\(name) édite une plateforme SaaS utilisée par plus de \(frenchNumber(r.int(200...9_000))) clients", "Start-up fondée en \(r.int(2012...2022)), \(name) développe des logiciels", "\(name) conçoit et héberge des solutions logicielles"]) + r.pick([" en France et en Europe.", " pour les PME et les collectivités.", " souveraines, hébergées en France."]))
            s.append(r.pick(["Notre équipe tech compte \(r.int(12...150)) personnes réparties entre \(city.name) et Paris.", "Nous avons levé \(r.int(3...40)) M€ pour accélérer notre croissance.", "Nous sommes certifiés ISO 27001 et HDS."]))
        case .bank:
            s.append("\(name) est un acteur " + r.pick(["mutualiste", "régional", "coopératif"]) + " de la banque et de l'assurance, au service de \(r.int(1...9)),\(r.int(1...9)) millions de clients.")
            s.append(r.pick(["Nos équipes du siège de \(city.name) conçoivent les services de demain.", "Nous plaçons l'utilité sociale au cœur de notre modèle."]))
        case .industry, .energy:
            s.append(r.pick(["Groupe industriel de \(frenchNumber(r.int(300...12_000))) salariés, \(name)", "PME familiale, \(name)", "Filiale d'un groupe international, \(name)"]) + r.pick([" conçoit et fabrique des équipements pour l'aéronautique et la défense.", " produit des composants pour l'industrie automobile.", " exploite des sites de production d'énergie renouvelable.", " est spécialisée dans les matériaux composites."]))
            s.append(r.pick(["Notre site de \(city.name) emploie \(frenchNumber(r.int(80...1_200))) personnes.", "Nous investissons dans l'usine du futur et la décarbonation.", "Sécurité, qualité et performance guident notre action au quotidien."]))
        case .consulting:
            s.append("\(name) est un cabinet de conseil " + r.pick(["en stratégie et en organisation", "indépendant", "spécialisé dans le secteur public"]) + " de \(r.int(15...400)) consultants.")
            s.append(r.pick(["Nous intervenons auprès de directions générales et métiers.", "Nos consultants interviennent sur des missions à fort impact."]))
        case .localAuthority:
            s.append(r.pick(["\(name) (\(r.int(8...450)) 000 habitants)", "Au cœur d'un territoire dynamique, \(name)", "\(name)"]) + r.pick([" met en œuvre une politique ambitieuse en faveur de l'accès aux droits.", " recrute pour renforcer ses services à la population.", " modernise ses services publics de proximité."]))
            s.append(r.pick(["La collectivité compte \(frenchNumber(r.int(120...4_500))) agents.", "Le poste est rattaché à la direction de la citoyenneté.", "Nous portons un projet de territoire solidaire et durable."]))
        case .education:
            s.append("\(name) " + r.pick(["accueille \(frenchNumber(r.int(800...45_000))) élèves et étudiants.", "pilote la politique éducative sur le territoire.", "assure la formation de milliers d'apprenants chaque année."]))
        case .hospital:
            s.append("\(name) " + r.pick(["est un établissement de \(frenchNumber(r.int(120...1_800))) lits", "est un établissement de santé de référence sur son territoire", "accompagne des personnes âgées dépendantes"]) + r.pick([" et emploie \(frenchNumber(r.int(200...4_000))) professionnels.", ", engagé dans la qualité des soins."]))
        case .trainingCentre:
            s.append("\(name) " + r.pick(["est un organisme de formation certifié Qualiopi", "forme chaque année \(frenchNumber(r.int(300...6_000))) stagiaires", "est une école du numérique labellisée"]) + r.pick([" en présentiel et à distance.", " en région.", " pour les demandeurs d'emploi et les salariés."]))
        case .socialAssociation:
            s.append("\(name) " + r.pick(["est une association d'éducation populaire", "agit pour l'insertion sociale et professionnelle", "anime un centre social au cœur du quartier"]) + r.pick([" depuis \(r.int(1975...2015)).", " avec \(r.int(8...120)) salariés et de nombreux bénévoles."]))
        case .library:
            s.append("\(name) " + r.pick(["regroupe \(r.int(2...14)) équipements de lecture publique", "est un lieu ouvert à tous, de la petite enfance aux seniors", "accueille \(r.int(30...600)) 000 visiteurs par an"]) + ".")
        case .museum:
            s.append("\(name) " + r.pick(["conserve une collection de \(r.int(5...90)) 000 œuvres et objets", "valorise le patrimoine historique du territoire", "accueille \(r.int(40...700)) 000 visiteurs par an"]) + r.pick([".", " et développe une politique de médiation ambitieuse."]))
        case .performingArts:
            s.append("\(name) " + r.pick(["programme chaque saison spectacles, installations et expositions", "est un festival des arts numériques", "crée et diffuse des spectacles en France et à l'international"]) + ".")
        case .gameStudio:
            s.append("\(name) " + r.pick(["est un studio indépendant de \(r.int(6...120)) personnes", "conçoit des expériences interactives et immersives", "développe des jeux et des simulations"]) + r.pick([" pour les marques, les musées et l'industrie.", " sur PC, consoles et casques.", "."]))
        case .logistics:
            s.append("\(name) " + r.pick(["exploite \(r.int(2...30)) plateformes logistiques", "est un transporteur régional", "assure la préparation et la livraison de commandes e-commerce"]) + r.pick([" dans tout le Grand Ouest.", " en France.", " pour des enseignes nationales."]))
        case .retail:
            s.append("\(name) " + r.pick(["est une enseigne de proximité", "compte \(r.int(5...180)) magasins", "est un commerce indépendant"]) + r.pick([" tournée vers le conseil client.", " en pleine croissance.", "."]))
        case .accounting:
            s.append("\(name) accompagne " + r.pick(["TPE, PME et professions libérales", "\(frenchNumber(r.int(300...3_000))) clients", "artisans et commerçants"]) + " en comptabilité, fiscalité et social.")
        case .pestControl:
            s.append("\(name) intervient en " + r.pick(["3D : dératisation, désinsectisation, désinfection", "hygiène 3D (dératisation, désinsectisation, désinfection)", "lutte contre les nuisibles et désinfection"]) + " auprès des professionnels et des particuliers.")
        case .tempAgency:
            s.append("\(name) est une agence d'emploi " + r.pick(["généraliste", "spécialisée dans la logistique et l'industrie", "de proximité"]) + ".")
        case .restaurant:
            s.append("\(name) " + r.pick(["propose une cuisine de saison faite maison", "accueille jusqu'à \(r.int(40...220)) couverts par service", "est une adresse reconnue du centre-ville"]) + ".")
        case .incubator:
            s.append("\(name) " + r.pick(["est un incubateur qui accompagne \(r.int(15...80)) start-up par an", "est un tiers-lieu d'entreprises et un espace de coworking", "est une pépinière d'entreprises innovantes"]) + r.pick([" à \(city.name).", " sur la métropole."]))
        case .research:
            s.append("\(name) " + r.pick(["est une unité mixte de recherche", "est un laboratoire public"]) + " de \(r.int(40...300)) chercheurs, ingénieurs et doctorants.")
        }
        return s
    }
}

/// `2500` → `2 500` (narrow no-break space, French thousands separator).
func frenchNumber(_ n: Int) -> String {
    n < 1000 ? String(n) : String(n / 1000) + "\u{202F}" + String(repeating: "0", count: 3 - String(n % 1000).count) + String(n % 1000)
}

/// Invented name parts (no real company intended).
enum Names {
    static let tech = ["Datalys", "Nexaro", "Orbitec", "Kalyptia", "Synaptis", "Veritek", "Numeris", "Altaïs",
                       "Quantelia", "Cybelis", "Hexaly", "Lumenia", "Prismatik", "Axonéo", "Codexia", "Stratyo",
                       "Infralis", "Maelys", "Novalgo", "Polaris IT", "Sirocco Data", "Tessera", "Zéphyr Tech", "Opaline"]
    static let soft = ["Aubépine", "Les Tilleuls", "Horizon", "Bel Air", "Sainte-Claire", "Mistral", "Trois Rivières",
                       "L'Estuaire", "Les Coteaux", "Grand Large", "Saint-Jacques", "Clairefontaine", "Beaulieu",
                       "La Vallée", "Les Cèdres", "Armor", "Méridienne", "Pierre Blanche", "Val Fleuri", "Les Glycines"]
}
