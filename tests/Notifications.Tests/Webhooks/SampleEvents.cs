using System.Text.Json;
using Platform.Contracts;

namespace Platform.Notifications.Tests.Webhooks;

internal static class SampleEvents
{
    public static ScoresPublished Scores(DateTimeOffset at) => new(NotificationsHost.Tenant, "monthly-4585", "4585/QĐ-BKHCN (30/12/2025)", "2026-11",
        "provinces", 1, null, null, null,
        [new PublishedUnitScore("lao-cai", 87.5m, 87.4567m, "A", 1,
            new Dictionary<string, decimal> { ["A"] = 18.1m, ["B"] = 20m },
            new Dictionary<string, PublishedIndicatorScore> { ["A1"] = new(9.5m, 10m, []) }, 0m)],
        at);

    public static SubmissionApproved Approval(string unit, DateTimeOffset at) => new(Guid.NewGuid(), NotificationsHost.Tenant, "monthly-4585",
        "4585/QĐ-BKHCN (30/12/2025)", "2026-11", unit, unit,
        new Dictionary<string, JsonElement> { ["A.due"] = JsonSerializer.SerializeToElement(12) }, false, "reviewer-sub", 2, at);
}
