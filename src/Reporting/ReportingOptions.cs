using System.ComponentModel.DataAnnotations;

namespace Platform.Reporting;

/// <summary>Settings under <c>Reporting</c>.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>
    /// <c>Reporting:Tenant</c>: whose units this deployment serves — <c>national</c> for the central instance, or a
    /// province's code when the province hosts its own.
    /// </summary>
    [Required(ErrorMessage = "Reporting:Tenant must not be empty. Fix: set Reporting__Tenant (e.g. national) or remove it to use the default.")]
    [RegularExpression("^[a-z0-9.-]+$", ErrorMessage = "Reporting:Tenant may contain only a-z, 0-9, '.' and '-'. Fix: correct Reporting__Tenant.")]
    public string Tenant { get; set; } = "national";

    /// <summary><c>Reporting:Issuer</c>: the issuing body printed above official reports' titles.</summary>
    public string Issuer { get; set; } = "BỘ KHOA HỌC VÀ CÔNG NGHỆ";
}
