using System.ComponentModel.DataAnnotations;

namespace Platform.Intake;

/// <summary>Settings under <c>Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>
    /// <c>Intake:Tenant</c>: whose unit directory this deployment holds — <c>national</c> for the central
    /// instance, or e.g. a province's code when the province hosts its own.
    /// </summary>
    [Required(ErrorMessage = "Intake:Tenant must not be empty. Fix: set Intake__Tenant (e.g. national) or remove it to use the default.")]
    [RegularExpression("^[a-z0-9.-]+$", ErrorMessage = "Intake:Tenant may contain only a-z, 0-9, '.' and '-'. Fix: correct Intake__Tenant.")]
    public string Tenant { get; set; } = "national";
}
