using Platform.ServiceDefaults.Security;

namespace Platform.Web.Api;

/// <summary>The signed-in person as the gateway describes them (<c>GET /api/me</c>), read once per request.</summary>
public sealed class CurrentUser(PlatformApi api)
{
    private Task<Me?>? _me;
    private Task<UnitRevision?>? _unit;

    public Task<Me?> GetAsync(CancellationToken cancellationToken = default) => _me ??= LoadAsync(cancellationToken);

    /// <summary>The person's organisation unit as intake has it now (name, parent), null when unknown.</summary>
    public Task<UnitRevision?> UnitAsync(CancellationToken cancellationToken = default) => _unit ??= LoadUnitAsync(cancellationToken);

    /// <summary>The name of the person's organisation unit (from intake), null when unknown.</summary>
    public async Task<string?> UnitNameAsync(CancellationToken cancellationToken = default) => (await UnitAsync(cancellationToken))?.Name;

    /// <summary>Whether the person's unit is the national root (no parent, e.g. <c>vn</c>); false when unknown.</summary>
    public async Task<bool> IsNationalAsync(CancellationToken cancellationToken = default) =>
        await UnitAsync(cancellationToken) is { Parent: null };

    private async Task<UnitRevision?> LoadUnitAsync(CancellationToken cancellationToken)
    {
        if (await GetAsync(cancellationToken) is not { OrgUnit: { Length: > 0 } code }) return null;
        var unit = await api.GetAsync<UnitDetail>($"/api/intake/units/{Uri.EscapeDataString(code)}", cancellationToken);
        return unit.Value?.Current;
    }

    private async Task<Me?> LoadAsync(CancellationToken cancellationToken)
    {
        var me = await api.GetAsync<Me>("/api/me", cancellationToken);
        return me.Ok ? me.Value : null;
    }
}

public sealed record Me(string? Name, string? Username, string? OrgUnit, IReadOnlyList<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsReporter => Has(PlatformRoles.Reporter);
    public bool IsReviewer => Has(PlatformRoles.Reviewer);
    public bool IsPublisher => Has(PlatformRoles.Publisher);
    public bool IsBonusApprover => Has(PlatformRoles.BonusApprover);
    public bool IsLeader => Has(PlatformRoles.Leader);
    public bool IsFrameworkAdmin => Has(PlatformRoles.FrameworkAdmin);
    public bool IsAdministrator => Has(PlatformRoles.PlatformAdmin) || Has(PlatformRoles.FrameworkAdmin);

    /// <summary>Monthly scoring's reader roles (docs/monthly-scoring.md): reviewer, leader, publisher, platform administrator.</summary>
    public bool CanReadScores => IsReviewer || IsLeader || IsPublisher || Has(PlatformRoles.PlatformAdmin);

    /// <summary>The roles in Vietnamese, as the header shows them.</summary>
    public IEnumerable<string> RoleNames => Roles.Select(RoleName).OfType<string>();

    public static string? RoleName(string role) => role switch
    {
        PlatformRoles.PlatformAdmin => "Quản trị nền tảng",
        PlatformRoles.FrameworkAdmin => "Quản trị bộ chỉ số",
        PlatformRoles.Reviewer => "Thẩm định",
        PlatformRoles.Reporter => "Báo cáo số liệu",
        PlatformRoles.Publisher => "Công bố kết quả",
        PlatformRoles.BonusApprover => "Ban chỉ đạo (điểm thưởng)",
        PlatformRoles.Leader => "Lãnh đạo",
        _ => null,
    };
}
