using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.IdentityProvider.Realm;

namespace Platform.IdentityProvider.Endpoints;

/// <summary>
/// The pages keycloak-js loads in hidden iframes: <c>3p-cookies/step1.html</c> → <c>step2.html</c> tell it whether
/// third-party cookies work (a message "supported" / "unsupported" to the parent; without an answer its init waits
/// and fails), and <c>login-status-iframe.html</c> answers "unchanged" / "changed" / "error" when asked whether the
/// session behind its <c>sid</c> is still the browser's (reading <see cref="BrowserSession.StatusCookie"/>).
/// Each page is framed by other origins, so it sets no frame-ancestors; its CSP allows only its own inline script,
/// by hash.
/// </summary>
public static class KeycloakIframes
{
    private static readonly Page Step1 = new("""
        const storageAccess = !("hasStorageAccess" in document) || await document.hasStorageAccess() || await requestStorageAccess();
        if (storageAccess) {
          // Set test cookies, then read them back on the next page.
          document.cookie = "KEYCLOAK_3P_COOKIE_SAMESITE=supported; Max-Age=60; SameSite=None; Secure";
          document.cookie = "KEYCLOAK_3P_COOKIE=supported; Max-Age=60";
          window.location.href = "step2.html";
        } else {
          window.parent.postMessage("unsupported", "*");
        }

        async function requestStorageAccess() {
          try {
            await document.requestStorageAccess();
            return true;
          } catch {
            return false;
          }
        }
        """, ConnectSelf: false);

    private static readonly Page Step2 = new("""
        const supported = document.cookie.includes("KEYCLOAK_3P_COOKIE");
        if (supported) {
          document.cookie = "KEYCLOAK_3P_COOKIE_SAMESITE=; Max-Age=0";
          document.cookie = "KEYCLOAK_3P_COOKIE=; Max-Age=0";
        }
        window.parent.postMessage(supported ? "supported" : "unsupported", "*");
        """, ConnectSelf: false);

    private static readonly Page LoginStatus = new("""
        let verified = null;
        let initRequested = false;

        window.addEventListener("message", async (event) => {
          if (typeof event.data !== "string") return;
          const parts = event.data.split(" ");
          if (parts.length !== 2) return;
          const [clientId, sessionState] = parts;
          event.source.postMessage(await sessionStatus(clientId, event.origin, sessionState), event.origin);
        });

        async function sessionStatus(clientId, origin, sessionState) {
          if ("hasStorageAccess" in document && !(await document.hasStorageAccess())) return "error";
          if (!verified) {
            // One question to the server per frame: is this client allowed to ask from this origin?
            if (initRequested) return "error";
            initRequested = true;
            const url = new URL(location.origin + location.pathname + "/init");
            url.searchParams.set("client_id", clientId);
            url.searchParams.set("origin", origin);
            const response = await fetch(url);
            if (!response.ok) return "error";
            verified = { clientId, origin };
          }
          if (clientId !== verified.clientId || origin !== verified.origin) return "error";
          const cookie = sessionCookie();
          if (cookie === null) return sessionState === "" ? "unchanged" : "changed";
          return cookie.split("/")[2] === sessionState ? "unchanged" : "changed";
        }

        function sessionCookie() {
          for (const pair of document.cookie.split(";")) {
            const [name, ...value] = pair.trim().split("=");
            if (name === "KEYCLOAK_SESSION") return value.join("=");
          }
          return null;
        }
        """, ConnectSelf: true);

    public static void Map(RouteGroupBuilder oidc)
    {
        oidc.MapGet("/3p-cookies/step1.html", (HttpContext http) => Step1.Write(http));
        oidc.MapGet("/3p-cookies/step2.html", (HttpContext http) => Step2.Write(http));
        oidc.MapGet("/login-status-iframe.html", (HttpContext http) => LoginStatus.Write(http));
        oidc.MapGet("/login-status-iframe.html/init", Init);
    }

    /// <summary>Keycloak's pre-check: 204 when the client exists and allows the origin (its web origins), else 403.</summary>
    private static Results<NoContent, StatusCodeHttpResult> Init(HttpContext http, RealmDirectory realm,
        [FromQuery(Name = "client_id")] string? clientId, [FromQuery] string? origin)
    {
        var client = realm.Client(clientId);
        var own = $"{http.Request.Scheme}://{http.Request.Host}";
        return client is not null && origin is not null && (origin == own || RedirectUris.OriginAllowed(client, origin))
            ? TypedResults.NoContent()
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    private sealed record Page(string Script, bool ConnectSelf)
    {
        public string Html { get; } = $"""
            <!DOCTYPE html>
            <html>
            <head><meta charset="utf-8"></head>
            <body><script type="module">{Script}</script></body>
            </html>
            """;

        /// <summary>Only this exact script may run (hash), nothing may load (the status frame may fetch its init).</summary>
        public string ContentSecurityPolicy { get; } =
            $"default-src 'none'; script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))}'; "
            + (ConnectSelf ? "connect-src 'self'; " : "") + "base-uri 'none'; form-action 'none'";

        public ContentHttpResult Write(HttpContext http)
        {
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Content(Html, "text/html; charset=utf-8");
        }
    }
}
