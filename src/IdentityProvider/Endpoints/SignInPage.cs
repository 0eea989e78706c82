using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.IdentityProvider.Realm;

namespace Platform.IdentityProvider.Endpoints;

/// <summary>The Vietnamese sign-in form (Keycloak's login page stand-in): no script, labelled fields.</summary>
public static class SignInPage
{
    public const string ReturnParameter = "return_url";
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public static void Map(RouteGroupBuilder realm)
    {
        realm.MapGet("/login", Show);
        realm.MapPost("/login", Submit);
    }

    private static ContentHttpResult Show(HttpContext http, IAntiforgery antiforgery, RealmDirectory realm, [FromQuery(Name = ReturnParameter)] string? returnUrl) =>
        Form(http, antiforgery, realm, returnUrl, username: null, error: null);

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> Submit(HttpContext http, IAntiforgery antiforgery, RealmDirectory realm,
        [FromForm] string? username, [FromForm] string? password, [FromForm(Name = ReturnParameter)] string? returnUrl)
    {
        returnUrl = Local(http, realm, returnUrl);
        var user = realm.User(username);
        if (user is null || !RealmDirectory.PasswordMatches(user, password))
        {
            return Form(http, antiforgery, realm, returnUrl, username, WrongCredentials);
        }

        await BrowserSession.SignInAsync(http, realm, user);
        return TypedResults.Redirect(returnUrl ?? $"{http.Request.PathBase}/realms/{realm.Name}/account");
    }

    // Only back to this realm's authorization endpoint: never an open redirect.
    private static string? Local(HttpContext http, RealmDirectory realm, string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith($"{http.Request.PathBase}/realms/{realm.Name}/protocol/openid-connect/auth?", StringComparison.Ordinal)
            ? returnUrl
            : null;

    private static ContentHttpResult Form(HttpContext http, IAntiforgery antiforgery, RealmDirectory realm, string? returnUrl, string? username, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var e = HtmlEncoder.Create(UnicodeRanges.All);
        var body = $"""
            <h1>Đăng nhập</h1>
            {(error is null ? "" : $"<p role=\"alert\" id=\"error\">{e.Encode(error)}</p>")}
            <form method="post" action="{e.Encode($"{http.Request.PathBase}/realms/{realm.Name}/login")}">
              <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? "")}">
              <input type="hidden" name="{ReturnParameter}" value="{e.Encode(Local(http, realm, returnUrl) ?? "")}">
              <p><label for="username">Tên đăng nhập</label><br><input id="username" name="username" autocomplete="username" required autofocus value="{e.Encode(username ?? "")}"></p>
              <p><label for="password">Mật khẩu</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
              <p><button type="submit">Đăng nhập</button></p>
            </form>
            <p><small>Máy chủ định danh dùng cho phát triển, không dùng cho môi trường thật.</small></p>
            """;
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(Page("Đăng nhập", body), "text/html; charset=utf-8");
    }

    public static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="vi">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
        <style>body{"{"}font-family:sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem{"}"} #error{"{"}color:#b00020{"}"}</style></head>
        <body>{body}</body>
        </html>
        """;
}
