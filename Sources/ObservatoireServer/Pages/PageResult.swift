/// What a page handler produces: the template and its view, and the tables the page shows, which
/// the export routes of the same page serve as CSV or JSON with the same filters.
struct PageResult {
    var template: String
    var title: String
    var view: [String: Any]
    var tables: [DataTable]
    /// Path prefix of this page's exports (`/domaines/ia/export`).
    var exportBase: String
}
