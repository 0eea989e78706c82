using System.Net;
using System.Text.Json;
using Platform.Intake.Data;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Intake.Tests.Frameworks;

/// <summary>
/// Framework versions as the web application reads them: every shipped version in full, by its name (which holds
/// slashes). The public results page names the version a revision was scored under; anyone may read the results, so
/// anyone may read that version (<c>/api/intake/public/frameworks/{id}/versions/{version}</c>). Nothing else opens up.
/// </summary>
public sealed class FrameworkVersionReadingTests(PlatformInfrastructure infrastructure)
{
    private const string Version = "4585/QĐ-BKHCN (30/12/2025)";
    private static readonly string Escaped = Uri.EscapeDataString(Version);

    private static readonly TestUser Reporter = new("lao-cai.reporter", [PlatformRoles.Reporter], OrgUnit: "lao-cai");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<ServiceHost<Program, IntakeDbContext>> ServiceAsync(string prefix) =>
        ServiceHost.StartAsync<Program, IntakeDbContext>(infrastructure, IntakeModule.DatabaseName, prefix);

    [Fact]
    public async Task Every_listed_version_is_served_in_full_by_its_name_including_indicators_that_score_with_a_variant()
    {
        await using var service = await ServiceAsync("frameworkversions");
        using var client = service.Client(Reporter);

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/intake/frameworks", Ct));
        var versions = list.RootElement.EnumerateArray().Select(v => (Id: v.GetProperty("id").GetString()!, Version: v.GetProperty("version").GetString()!)).ToList();

        Assert.Equal(["dti-province-405", "monthly-4585", "nq57-self-2026", "qd2244-annual"], versions.Select(v => v.Id));
        foreach (var (id, version) in versions)
        {
            var response = await client.GetAsync($"/api/intake/frameworks/{id}/versions/{Uri.EscapeDataString(version)}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{id} {version}: {(int)response.StatusCode}");
            using var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(version, view.RootElement.GetProperty("definition").GetProperty("version").GetString());
        }
    }

    [Fact]
    public async Task A_version_is_read_without_signing_in_on_the_public_route_while_the_other_framework_routes_need_a_token()
    {
        await using var service = await ServiceAsync("publicframework");
        using var anonymous = service.Client();
        using var signedIn = service.Client(Reporter);

        var published = await anonymous.GetAsync($"/api/intake/public/frameworks/monthly-4585/versions/{Escaped}", Ct);
        var unknown = await anonymous.GetAsync("/api/intake/public/frameworks/monthly-4585/versions/khong-co", Ct);
        var list = await anonymous.GetAsync("/api/intake/frameworks", Ct);
        var inForce = await anonymous.GetAsync("/api/intake/frameworks/monthly-4585/in-force/2026-01", Ct);
        var signedInView = await signedIn.GetStringAsync($"/api/intake/frameworks/monthly-4585/versions/{Escaped}", Ct);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var body = await published.Content.ReadAsStringAsync(Ct);
        using var view = JsonDocument.Parse(body);
        Assert.Equal(Version, view.RootElement.GetProperty("definition").GetProperty("version").GetString());
        Assert.Equal(["A1", "A2", "A3"], view.RootElement.GetProperty("inputUsers").GetProperty("A.due").EnumerateArray().Select(c => c.GetString()));
        // The same answer as the signed-in route gives.
        Assert.Equal(signedInView, body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không có khung", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, inForce.StatusCode);
    }
}
