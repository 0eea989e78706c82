using Platform.Web.Api;

namespace Platform.Web.Components.Reporting;

/// <summary>Names of the units a reporter reports for, where intake lets the caller see them.</summary>
public static class UnitNames
{
    /// <summary>
    /// The unit's name, or null when intake does not show it to the caller: a unit reporting for its province under an
    /// assignment (Sở KHCN for the province) sees only its own subtree, so the province is shown by its code.
    /// </summary>
    public static async Task<string?> NameAsync(PlatformApi api, CurrentUser currentUser, Me me, string code, CancellationToken cancellationToken = default)
    {
        if (code == me.OrgUnit) return await currentUser.UnitNameAsync(cancellationToken);
        var unit = await api.GetAsync<UnitDetail>($"/api/intake/units/{Uri.EscapeDataString(code)}", cancellationToken);
        return unit.Value?.Current.Name;
    }
}
