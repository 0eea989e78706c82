using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.People;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.FocalPoints;

/// <summary>
/// <c>GET /focal-points/{framework}</c>: the caller's agency's focal points with the ETag; <c>PUT</c> (its reporter or
/// leader, <c>If-Match</c> required) replaces them all at once, audited ("before → after").
/// </summary>
public static class FocalPointEndpoints
{
    public const string AuditEntity = "focal-points";

    public static async Task<Results<Ok<FocalPointRegistration>, ValidationProblem, ProblemHttpResult>> Get(string framework,
        [AsParameters] FocalPointServices services, CancellationToken ct)
    {
        var (db, user, site, _, time, http, frameworks) = services;
        var tenant = site.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        if (!FocalPointScope.IsFrameworkId(framework)) return ApiProblems.Invalid("framework", $"Mã bộ chỉ số '{framework}' không hợp lệ.");
        http.Response.Headers.ETag = Versioning.ETag(await FocalPointScope.VersionAsync(db, tenant, framework, unit, ct));
        return TypedResults.Ok(await FocalPointScope.ViewAsync(db, frameworks, tenant, framework, unit, time.GetUtcNow(), ct));
    }

    public static async Task<Results<Ok<FocalPointRegistration>, ValidationProblem, ProblemHttpResult>> Put(string framework, FocalPointsUpdate? body,
        [AsParameters] FocalPointServices services, CancellationToken ct)
    {
        var (db, user, site, _, time, http, frameworks) = services;
        var tenant = site.Value.Tenant;
        await KnownPeople.RecordAsync(db, tenant, user, time, ct);
        if (user.OrgUnit() is not { } unit) return ApiProblems.NoUnit();
        if (!FocalPointScope.IsFrameworkId(framework)) return ApiProblems.Invalid("framework", $"Mã bộ chỉ số '{framework}' không hợp lệ.");
        var state = await db.Set<FocalPointRegistrationState>().SingleOrDefaultAsync(r => r.Tenant == tenant && r.Unit == unit && r.Framework == framework, ct);
        var version = state?.Version ?? 0;
        var precondition = Versioning.CheckIfMatch(http.Request, version, required: true);
        if (precondition != Precondition.Met) return Versioning.PreconditionProblem(precondition, http.Response, version, FocalPointScope.Record);
        var errors = FocalPointRules.Problems(body);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var now = time.GetUtcNow();
        var subject = user.Subject() ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Set<FocalPoint>().Where(f => f.Tenant == tenant && f.Unit == unit && f.Framework == framework)
            .OrderBy(f => f.Ordinal).ToListAsync(ct);
        var before = Describe(existing.Select(f => new FocalPerson(f.Name, f.Position, f.Email, f.Phone)));
        db.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        var people = body!.People!.Select(p => new FocalPerson(p.Name.Trim(), Blank(p.Position), p.Email.Trim().ToLowerInvariant(), Blank(p.Phone))).ToList();
        db.AddRange(people.Select((p, i) => new FocalPoint
        {
            Id = Guid.CreateVersion7(now), Tenant = tenant, Unit = unit, Framework = framework, Ordinal = i + 1, Name = p.Name, Position = p.Position,
            Email = p.Email, Phone = p.Phone, RegisteredBy = subject, RegisteredAt = now,
        }));
        if (state is null) db.Add(state = new FocalPointRegistrationState { Tenant = tenant, Unit = unit, Framework = framework });
        state.Version = version + 1;
        state.UpdatedAt = now;
        state.UpdatedBy = subject;
        state.UpdatedByName = user.FindFirst("name")?.Value ?? user.FindFirst(KeycloakClaims.PreferredUsername)?.Value;
        db.AuditEntries.Add(new AuditEntry(AuditEntity, $"{framework}/{unit}", "registered", subject, now, $"{before} → {Describe(people)}"));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same version between our read and our write (a concurrent first save collides on the key).
            return Versioning.PreconditionProblem(Precondition.Failed, http.Response, version + 1, FocalPointScope.Record);
        }
        http.Response.Headers.ETag = Versioning.ETag(state.Version);
        return TypedResults.Ok(await FocalPointScope.ViewAsync(db, frameworks, tenant, framework, unit, now, ct));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Describe(IEnumerable<FocalPerson> people)
    {
        var list = people.Select(p => $"{p.Name} <{p.Email}>").ToList();
        return list.Count == 0 ? "(chưa đăng ký)" : string.Join("; ", list);
    }
}
