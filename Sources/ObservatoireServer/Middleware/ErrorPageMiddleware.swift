import Hummingbird
import Logging

/// Turns errors into French HTML pages: a bad query parameter into 400 naming the parameter,
/// an unknown page, domain, competency or posting into 404, anything else into 500 (logged).
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as BadParameter {
            return renderer.error(status: .badRequest, title: "Requête invalide", message: e.description)
        } catch is NotFound {
            return renderer.notFound()
        } catch let e as HTTPError where e.status == .notFound {
            return renderer.notFound()
        } catch let e as HTTPError where e.status.code < 500 {
            return renderer.error(status: e.status, title: "Requête refusée", message: e.body ?? "La requête n’a pas pu être traitée.")
        } catch {
            context.logger.error("page en erreur", metadata: ["http.path": .string(request.uri.path), "error": .string("\(error)")])
            return renderer.error(status: .internalServerError, title: "Erreur interne",
                                  message: "Une erreur est survenue ; elle a été enregistrée dans le journal du serveur.")
        }
    }
}
