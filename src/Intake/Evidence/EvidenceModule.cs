namespace Platform.Intake.Evidence;

public static class EvidenceModule
{
    /// <summary>Evidence content lives in intake's database (<see cref="PostgresEvidenceStore"/>), one row per SHA-256.</summary>
    public static IServiceCollection AddEvidenceStore(this IServiceCollection services) =>
        services.AddScoped<IEvidenceStore, PostgresEvidenceStore>();
}
