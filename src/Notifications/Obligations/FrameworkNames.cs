using Platform.Scoring;

namespace Platform.Notifications.Obligations;

/// <summary>A framework's name as people know it (the catalogue's version for the period), or its id when unknown.</summary>
public static class FrameworkNames
{
    public static string Name(FrameworkCatalog catalog, string framework, string? version = null, string? period = null) =>
        (period is null ? null : catalog.Find(framework, version, period)?.Definition.Name)
        ?? catalog.All.LastOrDefault(f => f.Id == framework)?.Definition.Name
        ?? framework;
}
