/// A town where demo postings and training sessions are located (real names and codes).
struct City: Sendable {
    let name: String
    /// INSEE department code (`75`, `2A`, `971`).
    let department: String
    let postalCode: String
    /// INSEE commune code.
    let insee: String
}

/// A French region (2016 INSEE codes) with its towns and its share of demo postings.
struct Region: Sendable {
    let code: String
    let name: String
    /// Relative weight of the region in the demo postings.
    let weight: Double
    let cities: [City]

    var isOverseas: Bool { cities.first.map { $0.department.hasPrefix("97") } ?? false }
}

enum Geography {
    /// All 13 metropolitan regions and the five DROM.
    static let regions: [Region] = [
        Region(code: "11", name: "Île-de-France", weight: 30, cities: [
            City(name: "Paris", department: "75", postalCode: "75010", insee: "75056"),
            City(name: "Paris", department: "75", postalCode: "75013", insee: "75056"),
            City(name: "Paris", department: "75", postalCode: "75008", insee: "75056"),
            City(name: "Boulogne-Billancourt", department: "92", postalCode: "92100", insee: "92012"),
            City(name: "Nanterre", department: "92", postalCode: "92000", insee: "92050"),
            City(name: "Saint-Denis", department: "93", postalCode: "93200", insee: "93066"),
            City(name: "Montreuil", department: "93", postalCode: "93100", insee: "93048"),
            City(name: "Créteil", department: "94", postalCode: "94000", insee: "94028"),
            City(name: "Massy", department: "91", postalCode: "91300", insee: "91377"),
            City(name: "Versailles", department: "78", postalCode: "78000", insee: "78646"),
            City(name: "Cergy", department: "95", postalCode: "95000", insee: "95127"),
            City(name: "Meaux", department: "77", postalCode: "77100", insee: "77284"),
        ]),
        Region(code: "84", name: "Auvergne-Rhône-Alpes", weight: 12, cities: [
            City(name: "Lyon", department: "69", postalCode: "69003", insee: "69123"),
            City(name: "Lyon", department: "69", postalCode: "69007", insee: "69123"),
            City(name: "Villeurbanne", department: "69", postalCode: "69100", insee: "69266"),
            City(name: "Grenoble", department: "38", postalCode: "38000", insee: "38185"),
            City(name: "Saint-Étienne", department: "42", postalCode: "42000", insee: "42218"),
            City(name: "Clermont-Ferrand", department: "63", postalCode: "63000", insee: "63113"),
            City(name: "Annecy", department: "74", postalCode: "74000", insee: "74010"),
            City(name: "Chambéry", department: "73", postalCode: "73000", insee: "73065"),
            City(name: "Valence", department: "26", postalCode: "26000", insee: "26362"),
            City(name: "Aurillac", department: "15", postalCode: "15000", insee: "15014"),
        ]),
        Region(code: "76", name: "Occitanie", weight: 8, cities: [
            City(name: "Toulouse", department: "31", postalCode: "31000", insee: "31555"),
            City(name: "Toulouse", department: "31", postalCode: "31400", insee: "31555"),
            City(name: "Montpellier", department: "34", postalCode: "34000", insee: "34172"),
            City(name: "Nîmes", department: "30", postalCode: "30000", insee: "30189"),
            City(name: "Perpignan", department: "66", postalCode: "66000", insee: "66136"),
            City(name: "Albi", department: "81", postalCode: "81000", insee: "81004"),
            City(name: "Montauban", department: "82", postalCode: "82000", insee: "82121"),
            City(name: "Rodez", department: "12", postalCode: "12000", insee: "12202"),
        ]),
        Region(code: "93", name: "Provence-Alpes-Côte d’Azur", weight: 7, cities: [
            City(name: "Marseille", department: "13", postalCode: "13002", insee: "13055"),
            City(name: "Marseille", department: "13", postalCode: "13008", insee: "13055"),
            City(name: "Aix-en-Provence", department: "13", postalCode: "13100", insee: "13001"),
            City(name: "Nice", department: "06", postalCode: "06000", insee: "06088"),
            City(name: "Sophia Antipolis (Valbonne)", department: "06", postalCode: "06560", insee: "06152"),
            City(name: "Toulon", department: "83", postalCode: "83000", insee: "83137"),
            City(name: "Avignon", department: "84", postalCode: "84000", insee: "84007"),
            City(name: "Gap", department: "05", postalCode: "05000", insee: "05061"),
        ]),
        Region(code: "75", name: "Nouvelle-Aquitaine", weight: 7, cities: [
            City(name: "Bordeaux", department: "33", postalCode: "33000", insee: "33063"),
            City(name: "Mérignac", department: "33", postalCode: "33700", insee: "33281"),
            City(name: "Limoges", department: "87", postalCode: "87000", insee: "87085"),
            City(name: "Poitiers", department: "86", postalCode: "86000", insee: "86194"),
            City(name: "La Rochelle", department: "17", postalCode: "17000", insee: "17300"),
            City(name: "Pau", department: "64", postalCode: "64000", insee: "64445"),
            City(name: "Bayonne", department: "64", postalCode: "64100", insee: "64102"),
            City(name: "Angoulême", department: "16", postalCode: "16000", insee: "16015"),
            City(name: "Niort", department: "79", postalCode: "79000", insee: "79191"),
        ]),
        Region(code: "32", name: "Hauts-de-France", weight: 6.5, cities: [
            City(name: "Lille", department: "59", postalCode: "59000", insee: "59350"),
            City(name: "Roubaix", department: "59", postalCode: "59100", insee: "59512"),
            City(name: "Tourcoing", department: "59", postalCode: "59200", insee: "59599"),
            City(name: "Valenciennes", department: "59", postalCode: "59300", insee: "59606"),
            City(name: "Amiens", department: "80", postalCode: "80000", insee: "80021"),
            City(name: "Arras", department: "62", postalCode: "62000", insee: "62041"),
            City(name: "Beauvais", department: "60", postalCode: "60000", insee: "60057"),
            City(name: "Dunkerque", department: "59", postalCode: "59140", insee: "59183"),
        ]),
        Region(code: "52", name: "Pays de la Loire", weight: 5, cities: [
            City(name: "Nantes", department: "44", postalCode: "44000", insee: "44109"),
            City(name: "Saint-Nazaire", department: "44", postalCode: "44600", insee: "44184"),
            City(name: "Angers", department: "49", postalCode: "49000", insee: "49007"),
            City(name: "Le Mans", department: "72", postalCode: "72000", insee: "72181"),
            City(name: "Laval", department: "53", postalCode: "53000", insee: "53130"),
            City(name: "La Roche-sur-Yon", department: "85", postalCode: "85000", insee: "85191"),
        ]),
        Region(code: "53", name: "Bretagne", weight: 4.5, cities: [
            City(name: "Rennes", department: "35", postalCode: "35000", insee: "35238"),
            City(name: "Brest", department: "29", postalCode: "29200", insee: "29019"),
            City(name: "Quimper", department: "29", postalCode: "29000", insee: "29232"),
            City(name: "Lorient", department: "56", postalCode: "56100", insee: "56121"),
            City(name: "Vannes", department: "56", postalCode: "56000", insee: "56260"),
            City(name: "Saint-Brieuc", department: "22", postalCode: "22000", insee: "22278"),
            City(name: "Lannion", department: "22", postalCode: "22300", insee: "22113"),
        ]),
        Region(code: "44", name: "Grand Est", weight: 5, cities: [
            City(name: "Strasbourg", department: "67", postalCode: "67000", insee: "67482"),
            City(name: "Metz", department: "57", postalCode: "57000", insee: "57463"),
            City(name: "Nancy", department: "54", postalCode: "54000", insee: "54395"),
            City(name: "Reims", department: "51", postalCode: "51100", insee: "51454"),
            City(name: "Mulhouse", department: "68", postalCode: "68100", insee: "68224"),
            City(name: "Colmar", department: "68", postalCode: "68000", insee: "68066"),
            City(name: "Troyes", department: "10", postalCode: "10000", insee: "10387"),
        ]),
        Region(code: "28", name: "Normandie", weight: 3, cities: [
            City(name: "Rouen", department: "76", postalCode: "76000", insee: "76540"),
            City(name: "Le Havre", department: "76", postalCode: "76600", insee: "76351"),
            City(name: "Caen", department: "14", postalCode: "14000", insee: "14118"),
            City(name: "Cherbourg-en-Cotentin", department: "50", postalCode: "50100", insee: "50129"),
            City(name: "Évreux", department: "27", postalCode: "27000", insee: "27229"),
            City(name: "Alençon", department: "61", postalCode: "61000", insee: "61001"),
        ]),
        Region(code: "27", name: "Bourgogne-Franche-Comté", weight: 2.5, cities: [
            City(name: "Dijon", department: "21", postalCode: "21000", insee: "21231"),
            City(name: "Besançon", department: "25", postalCode: "25000", insee: "25056"),
            City(name: "Belfort", department: "90", postalCode: "90000", insee: "90010"),
            City(name: "Auxerre", department: "89", postalCode: "89000", insee: "89024"),
            City(name: "Chalon-sur-Saône", department: "71", postalCode: "71100", insee: "71076"),
        ]),
        Region(code: "24", name: "Centre-Val de Loire", weight: 2.5, cities: [
            City(name: "Orléans", department: "45", postalCode: "45000", insee: "45234"),
            City(name: "Tours", department: "37", postalCode: "37000", insee: "37261"),
            City(name: "Bourges", department: "18", postalCode: "18000", insee: "18033"),
            City(name: "Blois", department: "41", postalCode: "41000", insee: "41018"),
            City(name: "Chartres", department: "28", postalCode: "28000", insee: "28085"),
            City(name: "Châteauroux", department: "36", postalCode: "36000", insee: "36044"),
        ]),
        Region(code: "94", name: "Corse", weight: 0.5, cities: [
            City(name: "Ajaccio", department: "2A", postalCode: "20000", insee: "2A004"),
            City(name: "Bastia", department: "2B", postalCode: "20200", insee: "2B033"),
            City(name: "Corte", department: "2B", postalCode: "20250", insee: "2B096"),
        ]),
        Region(code: "01", name: "Guadeloupe", weight: 0.6, cities: [
            City(name: "Pointe-à-Pitre", department: "971", postalCode: "97110", insee: "97120"),
            City(name: "Baie-Mahault", department: "971", postalCode: "97122", insee: "97103"),
            City(name: "Basse-Terre", department: "971", postalCode: "97100", insee: "97105"),
        ]),
        Region(code: "02", name: "Martinique", weight: 0.5, cities: [
            City(name: "Fort-de-France", department: "972", postalCode: "97200", insee: "97209"),
            City(name: "Le Lamentin", department: "972", postalCode: "97232", insee: "97213"),
        ]),
        Region(code: "03", name: "Guyane", weight: 0.3, cities: [
            City(name: "Cayenne", department: "973", postalCode: "97300", insee: "97302"),
            City(name: "Kourou", department: "973", postalCode: "97310", insee: "97304"),
        ]),
        Region(code: "04", name: "La Réunion", weight: 0.9, cities: [
            City(name: "Saint-Denis", department: "974", postalCode: "97400", insee: "97411"),
            City(name: "Saint-Pierre", department: "974", postalCode: "97410", insee: "97416"),
            City(name: "Le Port", department: "974", postalCode: "97420", insee: "97407"),
        ]),
        Region(code: "06", name: "Mayotte", weight: 0.2, cities: [
            City(name: "Mamoudzou", department: "976", postalCode: "97600", insee: "97611"),
        ]),
    ]

    static let regionWeights: [Double] = regions.map(\.weight)
}
