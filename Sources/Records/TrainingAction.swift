/// One LHEO `<action>`: where a training offer is given, when (its sessions), and for how long.
public struct TrainingAction: Sendable, Hashable, Codable {
    /// Where the action takes place (`lieu-de-formation`).
    public struct Place: Sendable, Hashable, Codable {
        /// INSEE region code as the source gives it (LHEO files may still carry pre-2016 codes).
        public var region: String?
        /// INSEE department code (`29`, `2A`, `971`).
        public var department: String?
        /// INSEE commune code (`29233`).
        public var communeCode: String?
        public var city: String?
        public var postalCode: String?

        public init(region: String? = nil, department: String? = nil, communeCode: String? = nil,
                    city: String? = nil, postalCode: String? = nil) {
            self.region = region; self.department = department; self.communeCode = communeCode
            self.city = city; self.postalCode = postalCode
        }

        enum CodingKeys: String, CodingKey {
            case region, department, communeCode = "commune_code", city, postalCode = "postal_code"
        }
    }

    /// One `<session>`: a period with a start and an end day (either may be unknown).
    public struct Session: Sendable, Hashable, Codable {
        public var id: String?
        public var start: Day?
        public var end: Day?
        public init(id: String? = nil, start: Day? = nil, end: Day? = nil) {
            self.id = id; self.start = start; self.end = end
        }
    }

    /// The LHEO `numero` of the action, when given.
    public var id: String?
    public var place: Place?
    public var sessions: [Session]
    /// `nombre-heures-total`, else centre + company hours, else a « N heures » `duree-indicative`.
    public var durationHours: Int?

    public init(id: String? = nil, place: Place? = nil, sessions: [Session] = [], durationHours: Int? = nil) {
        self.id = id; self.place = place; self.sessions = sessions; self.durationHours = durationHours
    }

    enum CodingKeys: String, CodingKey {
        case id, place, sessions, durationHours = "duration_hours"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        place = try c.decodeIfPresent(Place.self, forKey: .place)
        sessions = try c.decodeIfPresent([Session].self, forKey: .sessions) ?? []
        durationHours = try c.decodeIfPresent(Int.self, forKey: .durationHours)
    }
}
