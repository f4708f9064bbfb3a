import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache

/// The observatory's web server: HTML pages in French, CSV and JSON exports of every table,
/// static files from `web/static`.
///
/// Routes (all GET, filters in the query string, see `FilterParser`):
/// - `/` overview · `/domaines/:id` · `/competences/:id` · `/offres/:id` · `/recherche`
/// - `/formations` · `/formations/:id` (training offers) · `/ecarts` (demand against supply)
/// - `<page>/export/<table>.csv` (add `variante=excel` for the French Excel variant) and
///   `<page>/export/<table>.json`, with the page's query string
public enum WebServer {
    /// Builds the router over `site` with the templates and static files of `webDirectory`.
    /// - Parameter cacheCapacity: rendered responses kept by URL until the trend tables are
    ///   rebuilt (0 disables the cache).
    /// - Parameter precompute: keep the default emerging analysis computed in the background
    ///   (`Site.keepEmergingWarm`), as `serve` does.
    public static func router(site: Site, webDirectory: String, cacheCapacity: Int = 0,
                              precompute: Bool = false) async throws -> Router<BasicRequestContext> {
        let library = try await MustacheLibrary(directory: webDirectory + "/templates")
        let renderer = PageRenderer(library: library)
        let router = Router()
        router.middlewares.add(SecurityHeadersMiddleware())
        router.middlewares.add(ErrorPageMiddleware(renderer: renderer))
        let trends = site.trends
        router.middlewares.add(ResponseCacheMiddleware(cache: ResponseCache(capacity: cacheCapacity) { try await trends.buildStamp() }))
        router.middlewares.add(FileMiddleware(webDirectory + "/static", urlBasePath: "/static",
                                              cacheControl: .init([(MediaType(type: .text, subType: "css"), [.maxAge(3600)])]),
                                              logger: Logger(label: "observatoire.static")))

        typealias Build = @Sendable (Request, BasicRequestContext, QueryParameters) async throws -> PageResult
        func page(_ path: String, _ build: @escaping Build) {
            router.get(RouterPath(path)) { request, context in
                let q = QueryParameters(request.uri.query)
                return renderer.page(try await build(request, context, q), query: q)
            }
            router.get(RouterPath(path == "/" ? "/export/:file" : path + "/export/:file")) { request, context in
                let q = QueryParameters(request.uri.query)
                return try export(try await build(request, context, q), file: context.parameters.require("file"), query: q)
            }
        }
        page("/") { _, _, q in try await site.overview(q) }
        page("/domaines/:id") { _, c, q in try await site.domain(c.parameters.require("id"), q) }
        page("/competences/:id") { _, c, q in try await site.competency(c.parameters.require("id"), q) }
        page("/offres/:id") { _, c, q in try await site.posting(c.parameters.require("id"), q) }
        page("/recherche") { _, _, q in try await site.search(q) }
        page("/ecarts") { _, _, q in try await site.gaps(q) }
        page("/formations") { _, _, q in try await site.trainings(q) }
        page("/formations/:id") { _, c, q in try await site.training(c.parameters.require("id"), q) }
        let emerging = site.registerEmergingPages(page, webDirectory: webDirectory)
        if precompute { Task.detached { await site.keepEmergingWarm(emerging) } }
        return router
    }

    /// The table `file` (`competences.csv`, `regions.json`) of a built page.
    static func export(_ result: PageResult, file: String, query: QueryParameters) throws -> Response {
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let table = result.tables.first(where: { $0.name == parts[0] }) else { throw NotFound(file) }
        let stem = "observatoire-" + result.exportBase.split(separator: "/").filter { $0 != "export" }.joined(separator: "-")
        let name = (stem == "observatoire-" ? "observatoire-apercu" : stem) + "-" + table.name
        switch parts[1] {
        case "csv":
            let variant = try FilterParser.choice(query, "variante", ["standard", "excel"], default: "standard")
            let body = TableExport.csv(table, variant: variant == "excel" ? .frenchExcel : .standard)
            let suffix = variant == "excel" ? "-excel" : ""
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8; header=present",
                .contentDisposition: "attachment; filename=\"\(safeFileName(name))\(suffix).csv\"",
            ], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        case "json":
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try TableExport.json(table))))
        default:
            throw NotFound(file)
        }
    }

    static func safeFileName(_ s: String) -> String {
        String(s.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" ? Character($0) : "_" })
    }

    /// Builds the application listening on `host:port`.
    public static func application(site: Site, webDirectory: String, host: String, port: Int, cacheCapacity: Int = 512,
                                   precompute: Bool = true,
                                   logger: Logger = Logger(label: "observatoire.serve")) async throws -> some ApplicationProtocol {
        let router = try await router(site: site, webDirectory: webDirectory, cacheCapacity: cacheCapacity, precompute: precompute)
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "observatoire"),
                           logger: logger)
    }

    /// The `web/` directory: `explicit` when given, else `./web`, else the parents of the working
    /// directory (so `swift run` works from a subfolder).
    public static func findWebDirectory(_ explicit: String?) -> String? {
        let fm = FileManager.default
        func ok(_ p: String) -> Bool { fm.fileExists(atPath: p + "/templates/overview.mustache") }
        if let explicit { return ok(explicit) ? explicit : nil }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("web").path
            if ok(candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
