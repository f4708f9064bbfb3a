import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders pages with the Mustache templates of `web/templates`: every page goes through
/// `layout`-style partials (`header`, `footer`), tables through the `table` partial.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    func page(_ result: PageResult, query: QueryParameters) -> Response {
        var view = result.view
        let exportQuery = query.encoded(setting: ["page": nil, "variante": nil])
        var tables: [String: Any] = [:]
        for t in result.tables { tables[t.name] = t.view(exportBase: result.exportBase, query: exportQuery) }
        view["tables"] = tables
        view["pageTitle"] = result.title
        return html(library.render(view, withTemplate: result.template) ?? "")
    }

    func error(status: HTTPResponse.Status, title: String, message: String) -> Response {
        let view: [String: Any] = ["pageTitle": title, "title": title, "message": message, "status": status.code]
        return html(library.render(view, withTemplate: "error") ?? title, status: status)
    }

    func notFound() -> Response {
        error(status: .notFound, title: "Page introuvable",
              message: "Cette page n’existe pas, ou le domaine, la compétence ou l’offre demandés ne sont pas dans la base.")
    }
}
