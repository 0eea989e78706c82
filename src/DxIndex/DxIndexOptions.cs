using System.ComponentModel.DataAnnotations;

namespace Platform.DxIndex;

/// <summary>Settings under <c>DxIndex</c>; each feature adds its own section below it (<c>DxIndex:Dti</c>, …).</summary>
public sealed class DxIndexOptions
{
    public const string Section = "DxIndex";

    /// <summary>
    /// <c>DxIndex:Tenant</c>: whose units this deployment serves — <c>national</c> for the central instance, or a
    /// province's code when the province hosts its own.
    /// </summary>
    [Required(ErrorMessage = "DxIndex:Tenant must not be empty. Fix: set DxIndex__Tenant (e.g. national) or remove it to use the default.")]
    [RegularExpression("^[a-z0-9.-]+$", ErrorMessage = "DxIndex:Tenant may contain only a-z, 0-9, '.' and '-'. Fix: correct DxIndex__Tenant.")]
    public string Tenant { get; set; } = "national";
}
