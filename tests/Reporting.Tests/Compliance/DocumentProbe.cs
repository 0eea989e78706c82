using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Reporting.Compliance;
using Platform.Reporting.Data;
using Platform.Reporting.Documents;
using Platform.Scoring;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Reporting.Tests.Compliance;

/// <summary>
/// Builds an export's <see cref="ReportDocument"/> inside the running service, as its endpoint does before rendering, and
/// reads its streamed rows: the content of the file whatever the format.
/// </summary>
internal static class DocumentProbe
{
    public static ComplianceServices Services(ServiceHost<Program, ReportingDbContext> host, IServiceScope scope, TestUser user) => new()
    {
        Db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>(),
        Options = scope.ServiceProvider.GetRequiredService<IOptions<ReportingOptions>>(),
        Versions = scope.ServiceProvider.GetRequiredService<FrameworkVersions>(),
        User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(KeycloakClaims.OrgUnit, user.OrgUnit!)], "test")),
        Time = host.Time,
    };

    public static async Task<List<IReadOnlyList<object?>>> RowsAsync(ReportTable table)
    {
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var row in table.Rows) rows.Add(row);
        return rows;
    }
}
