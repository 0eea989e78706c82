using System.Text.Json.Nodes;

namespace Platform.Deploy.Tests.Keycloak;

/// <summary>
/// The production realm holds nothing a stranger could sign in with or that only makes sense on a developer's machine:
/// no person, no credential, no literal secret, no <c>dev-only</c> value, no loopback address; HTTPS for outside callers,
/// brute-force detection, a password policy, Vietnamese login. Each rule is shown to catch a bad copy, and the
/// development realm is shown to fail them.
/// </summary>
public sealed class ProductionRealmSafetyTests
{
    [Fact]
    public void Production_realm_holds_no_person_credential_literal_secret_development_value_or_loopback_address()
    {
        var problems = ProductionRealmRules.Problems(RealmFiles.Production());

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Production_realm_keeps_only_the_service_accounts_of_its_machine_clients()
    {
        var users = RealmFiles.Production()["users"].Objects().ToList();

        var account = Assert.Single(users);
        Assert.Equal("service-account-he-thong-57", account.Text("username"));
        Assert.Equal("he-thong-57", account.Text("serviceAccountClientId"));
        Assert.Null(account["credentials"]);
    }

    [Fact]
    public void Production_realm_takes_each_client_secret_from_its_own_environment_variable()
    {
        var realm = RealmFiles.Production();

        Assert.Equal("${PLATFORM_WEB_CLIENT_SECRET}", realm.Client("platform-web").Text("secret"));
        Assert.Equal("${HE_THONG_57_CLIENT_SECRET}", realm.Client("he-thong-57").Text("secret"));
        Assert.Null(realm.Client("platform-spa").Text("secret"));
        Assert.Null(realm.Client("platform-api").Text("secret"));
    }

    [Fact]
    public void Development_realm_is_unfit_for_production_by_these_rules()
    {
        var problems = ProductionRealmRules.Problems(RealmFiles.Development());

        Assert.Contains(problems, p => p.Contains("is a person", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("credentials", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("a secret must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("loopback", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("development notice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("brute-force", StringComparison.Ordinal));
    }

    /// <summary>
    /// Property names of Keycloak 26's <c>RealmRepresentation</c> (core/src/main/java/org/keycloak/representations/idm/
    /// RealmRepresentation.java) that a realm file of ours may set; a misspelt setting would be ignored silently.
    /// </summary>
    private static readonly HashSet<string> RealmRepresentation =
    [
        "id", "realm", "displayName", "displayNameHtml", "enabled", "sslRequired", "registrationAllowed",
        "registrationEmailAsUsername", "rememberMe", "verifyEmail", "loginWithEmailAllowed", "duplicateEmailsAllowed",
        "resetPasswordAllowed", "editUsernameAllowed", "internationalizationEnabled", "supportedLocales", "defaultLocale",
        "accessTokenLifespan", "accessTokenLifespanForImplicitFlow", "ssoSessionIdleTimeout", "ssoSessionMaxLifespan",
        "offlineSessionIdleTimeout", "offlineSessionMaxLifespanEnabled", "offlineSessionMaxLifespan", "clientSessionIdleTimeout",
        "clientSessionMaxLifespan", "accessCodeLifespan", "accessCodeLifespanUserAction", "accessCodeLifespanLogin",
        "revokeRefreshToken", "refreshTokenMaxReuse", "defaultSignatureAlgorithm",
        "bruteForceProtected", "permanentLockout", "maxTemporaryLockouts", "bruteForceStrategy", "maxFailureWaitSeconds",
        "minimumQuickLoginWaitSeconds", "waitIncrementSeconds", "quickLoginCheckMilliSeconds", "maxDeltaTimeSeconds", "failureFactor",
        "passwordPolicy", "otpPolicyType", "otpPolicyAlgorithm", "otpPolicyDigits", "otpPolicyPeriod",
        "eventsEnabled", "eventsExpiration", "eventsListeners", "enabledEventTypes", "adminEventsEnabled", "adminEventsDetailsEnabled",
        "roles", "groups", "defaultRole", "defaultGroups", "users", "clients", "clientScopes", "defaultDefaultClientScopes",
        "defaultOptionalClientScopes", "browserSecurityHeaders", "loginTheme", "accountTheme", "emailTheme", "attributes",
        "requiredActions", "components",
    ];

    [Fact]
    public void Production_realm_sets_only_settings_keycloak_reads()
    {
        var production = RealmFiles.Production();
        List<string> Unknown() => production.Select(p => p.Key).Where(k => !RealmRepresentation.Contains(k)).ToList();

        Assert.Empty(Unknown());

        production["bruteForceProtection"] = true;
        Assert.Equal(["bruteForceProtection"], Unknown());
    }

    public static TheoryData<string> Faults() => new(Fault.Keys);

    private static readonly Dictionary<string, Action<JsonObject>> Fault = new()
    {
        ["a demo user"] = r => r["users"]!.AsArray().Add(new JsonObject { ["username"] = "lao-cai.reporter", ["enabled"] = true }),
        ["a user with a password"] = r => r["users"]!.AsArray().Add(new JsonObject
        {
            ["username"] = "quan-tri",
            ["credentials"] = new JsonArray(new JsonObject { ["type"] = "password", ["value"] = "${ADMIN_PASSWORD}" }),
        }),
        ["a service account with credentials"] = r => r["users"].Objects().Single()["credentials"] = new JsonArray(new JsonObject { ["type"] = "password" }),
        ["a service account of a client that has none"] = r => r["users"]!.AsArray().Add(new JsonObject
        {
            ["username"] = "service-account-platform-web", ["serviceAccountClientId"] = "platform-web",
        }),
        ["a literal client secret"] = r => r.Client("he-thong-57")["secret"] = "3f9c2a7d",
        ["a secret placeholder with a default"] = r => r.Client("platform-web")["secret"] = "${PLATFORM_WEB_CLIENT_SECRET:changeme}",
        ["a secret inside a longer string"] = r => r.Client("platform-web")["secret"] = "prefix-${PLATFORM_WEB_CLIENT_SECRET}",
        ["a confidential client without secret"] = r => r.Client("he-thong-57").Remove("secret"),
        ["a dev-only value"] = r => r.Client("platform-web")["description"] = "dev-only",
        ["the development notice"] = r => r["attributes"] = new JsonObject { ["platform.notice"] = "DEVELOPMENT ONLY" },
        ["the development display name"] = r => r["displayName"] = "Nền tảng số liệu (môi trường phát triển)",
        ["a loopback redirect URI"] = r => r.Client("platform-web")["redirectUris"]!.AsArray().Add("http://localhost/signin-oidc"),
        ["a 127.0.0.1 web origin"] = r => r.Client("platform-spa")["webOrigins"]!.AsArray().Add("http://127.0.0.1:5173"),
        ["a redirect URI outside the public URL"] = r => r.Client("platform-spa")["redirectUris"]!.AsArray().Add("https://example.org/*"),
        ["a wildcard web origin"] = r => r.Client("platform-spa")["webOrigins"] = new JsonArray("*"),
        ["a loopback post-logout URI"] = r => r.Client("platform-web")["attributes"]!["post.logout.redirect.uris"] = "http://localhost/",
        ["the password grant"] = r => r.Client("platform-spa")["directAccessGrantsEnabled"] = true,
        ["the implicit flow"] = r => r.Client("platform-spa")["implicitFlowEnabled"] = true,
        ["HTTPS not required"] = r => r["sslRequired"] = "none",
        ["brute-force detection off"] = r => r["bruteForceProtected"] = false,
        ["a short password policy"] = r => r["passwordPolicy"] = "length(8) and notUsername(undefined)",
        ["no password policy"] = r => r.Remove("passwordPolicy"),
        ["self-registration"] = r => r["registrationAllowed"] = true,
        ["English login"] = r => r["defaultLocale"] = "en",
        ["a password in client attributes"] = r => r.Client("platform-web")["attributes"]!["client.password"] = "${PLATFORM_WEB_CLIENT_SECRET}",
        ["an SMTP password"] = r => r["smtpServer"] = new JsonObject { ["host"] = "smtp.example.org", ["password"] = "x" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_production_realm_with_a_development_leftover_or_a_weakness_is_caught(string fault)
    {
        var production = RealmFiles.Production();
        Fault[fault](production);

        var problems = ProductionRealmRules.Problems(production);

        Assert.NotEmpty(problems);
    }
}
