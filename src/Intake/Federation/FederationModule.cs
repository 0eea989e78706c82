using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Intake.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Federation;

/// <summary>The centre's side of province ↔ centre federation (deploy/README.md "Federation"): the gate's endpoints and the admin's list.</summary>
public static class FederationModule
{
    public static IHostApplicationBuilder AddFederation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FederationOptions>()
            .Bind(builder.Configuration.GetSection(FederationOptions.Section))
            .Validate(o => !FederationOptions.Validate(o).Any(), "Intake:Federation:Provinces must hold unit codes (a-z, 0-9, '-'). Fix: correct Intake__Federation__Provinces__N.")
            .ValidateOnStart();
        builder.Services.AddHostedService<FederationEndpoints>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFederationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/intake/federation/messages", ListAsync).WithTags("Federation").WithName("ListFederatedMessages")
            .RequireAuthorization(policy => policy.RequireRole(PlatformRoles.PlatformAdmin))
            .WithSummary("Messages the self-hosted provinces forwarded, newest first, accepted or refused with the reason");
        return app;
    }

    /// <summary><c>GET /api/intake/federation/messages?province=&amp;accepted=</c>: the latest 500.</summary>
    private static async Task<Ok<List<FederatedMessageView>>> ListAsync(IntakeDbContext db, string? province, bool? accepted, CancellationToken ct)
    {
        var query = db.FederatedMessages.AsNoTracking();
        if (!string.IsNullOrEmpty(province)) query = query.Where(m => m.Province == province);
        if (accepted is { } a) query = query.Where(m => m.Accepted == a);
        var rows = await query.OrderByDescending(m => m.ReceivedAt).Take(500)
            .Select(m => new FederatedMessageView(m.Province, m.MessageId, m.SubmissionId, m.Revision, m.ClaimedTenant, m.FrameworkId, m.Period,
                m.ReportingUnit, m.TargetUnit, m.Accepted, m.Reason, m.AfterClose, m.ReceivedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}

/// <summary>One message a province forwarded and what the gate decided (<see cref="FederatedMessage"/>); <c>Reason</c> is Vietnamese.</summary>
public sealed record FederatedMessageView(string Province, Guid MessageId, Guid SubmissionId, int Revision, string ClaimedTenant, string FrameworkId,
    string Period, string ReportingUnit, string TargetUnit, bool Accepted, string? Reason, bool AfterClose, DateTimeOffset ReceivedAt);

/// <summary>
/// Connects one receive endpoint per configured province on <c>federation.from.&lt;province&gt;</c>. The queue is not bound
/// to the contract exchange (<c>Platform.Contracts:SubmissionApproved</c>): it receives only what the province's shovel
/// delivers to the exchange of the same name, so the centre's own approvals never pass the gate.
/// </summary>
internal sealed partial class FederationEndpoints(IReceiveEndpointConnector connector, IOptions<FederationOptions> options,
    ILogger<FederationEndpoints> logger) : IHostedService
{
    /// <remarks>Does not wait for the broker: a centre whose broker is down starts, and the endpoints start with the bus.</remarks>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var province in options.Value.Provinces.Distinct())
        {
            var queue = FederationOptions.QueueName(province);
            var handle = connector.ConnectReceiveEndpoint(queue, (context, endpoint) =>
            {
                endpoint.ConfigureConsumeTopology = false;
                endpoint.ConfigureConsumer<FederationGate>(context);
            });
            _ = handle.Ready.ContinueWith(_ => LogConnected(logger, province, queue), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Federation: receiving {Province}'s approvals on {Queue}")]
    private static partial void LogConnected(ILogger logger, string province, string queue);
}
