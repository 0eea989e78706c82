namespace Platform.Scoring;

/// <summary>
/// The framework versions a service knows right now. A service starts with the shipped versions and replaces the
/// catalogue when it loads its own store or learns of a new version; readers take <see cref="Catalog"/> once per
/// request, so one request never sees two catalogues.
/// </summary>
public sealed class FrameworkVersions(FrameworkCatalog initial)
{
    private volatile FrameworkCatalog _catalog = initial;

    public FrameworkCatalog Catalog => _catalog;

    public void Replace(FrameworkCatalog catalog) => _catalog = catalog;
}
