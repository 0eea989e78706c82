using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Publication;
using Platform.MonthlyScoring.PublicResults;
using Platform.MonthlyScoring.Runs;
using Platform.MonthlyScoring.Simulations;
using Platform.MonthlyScoring.Inputs;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Messaging;
using Platform.ServiceDefaults;

namespace Platform.MonthlyScoring;

/// <summary>Chấm điểm hằng tháng.</summary>
public static class MonthlyScoringModule
{
    public const string ServiceName = "monthly-scoring";
    public const string DatabaseName = "monthlyscoringdb";

    public static IHostApplicationBuilder AddMonthlyScoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonthlyScoringOptions>()
            .Bind(builder.Configuration.GetSection(MonthlyScoringOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPlatformDatabase<MonthlyScoringDbContext>(DatabaseName);
        // Its copy of intake's framework versions (FrameworkVersionPublished), over the shipped ones.
        builder.AddFrameworkStore<MonthlyScoringDbContext>();
        builder.AddPlatformBus(ServiceName, typeof(MonthlyScoringModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapMonthlyScoringApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Chấm điểm hằng tháng").WithTags("MonthlyScoring");
        app.MapRunsApi();
        app.MapPublicationApi();
        app.MapPublicResultsApi();
        app.MapInputsApi();
        app.MapBonusApi();
        app.MapSimulationsApi();
        return app;
    }
}
