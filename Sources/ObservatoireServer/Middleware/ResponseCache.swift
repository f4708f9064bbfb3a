import Foundation
import Hummingbird

/// Rendered pages and exports by URL (path and query), valid while the trend tables stay the
/// same build: pages only read derived tables, which change only on `TrendStore.refresh`, so a
/// repeated view costs a dictionary look-up instead of queries and rendering. Bounded, oldest
/// entries evicted first; the build stamp is re-read at most once per second.
actor ResponseCache {
    struct Entry { var status: HTTPResponse.Status; var headers: HTTPFields; var body: ByteBuffer }

    let capacity: Int
    let currentBuild: @Sendable () async throws -> String
    private var build = ""
    private var checked = Date.distantPast
    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    init(capacity: Int, currentBuild: @escaping @Sendable () async throws -> String) {
        self.capacity = capacity; self.currentBuild = currentBuild
    }

    func get(_ key: String) async -> Entry? {
        guard capacity > 0 else { return nil }
        if Date().timeIntervalSince(checked) > 1 {
            checked = Date()
            let now = (try? await currentBuild()) ?? ""
            if now != build { build = now; entries.removeAll(); order.removeAll() }
        }
        return entries[key]
    }

    func put(_ key: String, _ entry: Entry) {
        guard capacity > 0, entries[key] == nil else { return }
        entries[key] = entry
        order.append(key)
        if order.count > capacity { entries.removeValue(forKey: order.removeFirst()) }
    }
}

/// Serves successful GET responses from a `ResponseCache`, filling it on a miss.
struct ResponseCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: ResponseCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let key = request.uri.path + "?" + (request.uri.query ?? "")
        if let e = await cache.get(key) {
            return Response(status: e.status, headers: e.headers, body: ResponseBody(byteBuffer: e.body))
        }
        var response = try await next(request, context)
        guard response.status == .ok, !request.uri.path.hasPrefix("/static/") else { return response }
        var collected = ByteBuffer()
        var body = response.body
        let writer = CollectingWriter()
        try await body.write(writer)
        collected = await writer.buffer
        body = ResponseBody(byteBuffer: collected)
        response.body = body
        await cache.put(key, .init(status: response.status, headers: response.headers, body: collected))
        return response
    }
}

/// Gathers a response body into one buffer.
actor CollectingWriter: ResponseBodyWriter {
    var buffer = ByteBuffer()
    func write(_ b: ByteBuffer) async throws { var b = b; buffer.writeBuffer(&b) }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
