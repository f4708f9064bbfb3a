import Records
import Testing

struct GeographyTests {
    @Test func tablesAreComplete() {
        #expect(Geography.departments.count == 101)
        #expect(Geography.regions.count == 18)
        #expect(Set(Geography.departments.map(\.code)).count == 101)
        for d in Geography.departments {
            #expect(Geography.region(code: d.regionCode) != nil, "\(d.code)")
        }
        // Every region has at least one département.
        let used = Set(Geography.departments.map(\.regionCode))
        #expect(used == Set(Geography.regions.map(\.code)))
    }

    @Test(arguments: [
        ("75", "11", "Île-de-France"), ("69", "84", "Auvergne-Rhône-Alpes"),
        ("13", "93", "Provence-Alpes-Côte d'Azur"), ("2A", "94", "Corse"), ("2B", "94", "Corse"),
        ("974", "04", "La Réunion"), ("976", "06", "Mayotte"), ("44", "52", "Pays de la Loire"),
        ("67", "44", "Grand Est"), ("21", "27", "Bourgogne-Franche-Comté"), ("33", "75", "Nouvelle-Aquitaine"),
        ("31", "76", "Occitanie"), ("59", "32", "Hauts-de-France"), ("14", "28", "Normandie"),
        ("35", "53", "Bretagne"), ("45", "24", "Centre-Val de Loire"),
    ])
    func departmentToRegion(department: String, region: String, name: String) {
        let r = Geography.region(ofDepartment: department)
        #expect(r?.code == region)
        #expect(r?.name == name)
    }

    @Test(arguments: [
        ("69003", "69"), ("75015", "75"), ("20000", "2A"), ("20167", "2A"), ("20200", "2B"),
        ("20600", "2B"), ("97100", "971"), ("97400", "974"), ("97600", "976"), ("01000", "01"),
    ])
    func postalCodes(code: String, department: String) {
        #expect(Geography.department(fromPostalCode: code) == department)
    }

    @Test(arguments: ["98000", "97500", "00123", "6900", "690031", "69OO3", ""])
    func invalidPostalCodes(code: String) {
        #expect(Geography.department(fromPostalCode: code) == nil)
    }

    @Test(arguments: [
        ("75 - Paris 15e", "75"), ("Lyon (69)", "69"), ("69003 Lyon", "69"), ("75", "75"),
        ("6", "06"), ("2A - Ajaccio", "2A"), ("971 - Pointe-à-Pitre", "971"),
        ("72 - LE MANS", "72"), ("LYON 03", "69"), ("MARSEILLE 15", "13"), ("Paris", "75"),
        ("Saint-Étienne", "42"), ("Gironde", "33"), ("Bouches-du-Rhône", "13"),
        ("Montpellier, 34000", "34"), ("  Nantes  ", "44"), ("Aix-en-Provence", "13"),
    ])
    func locations(location: String, department: String) {
        #expect(Geography.department(fromLocation: location) == department)
    }

    @Test(arguments: ["", "Télétravail", "France", "Aix", "Ville inconnue"])
    func unknownLocations(location: String) {
        #expect(Geography.department(fromLocation: location) == nil)
    }

    @Test(arguments: [
        ("62.01Z", "J"), ("6201Z", "J"), ("01.11Z", "A"), ("35.11Z", "D"), ("47.11F", "G"),
        ("84.11Z", "O"), ("99.00Z", "U"), ("71.12B", "M"), ("78.20Z", "N"),
    ])
    func nafSections(code: String, section: String) {
        #expect(NAF.section(ofCode: code) == section)
    }

    @Test(arguments: ["", "04.00Z", "X1.00", "5"])
    func invalidNAF(code: String) {
        #expect(NAF.section(ofCode: code) == nil)
    }
}
