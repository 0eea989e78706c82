using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Evidence;

public static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/intake").WithTags("Evidence").RequireAuthorization();

        // The request may be the file plus its framing; the multipart body the same, so the request limit is the one
        // that answers (413), and a file between 20 MB and that limit is refused by the handler with the same 413.
        group.MapPost("/submissions/{id:guid}/evidence", UploadEvidence.Handle)
            .RequireAuthorization(PlatformPolicies.Reporter)
            .WithMetadata(new RequestSizeLimitAttribute(UploadEvidence.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: UploadEvidence.MaxRequestBytes)
            .DisableAntiforgery()
            .WithName("UploadEvidence");
        group.MapGet("/submissions/{id:guid}/evidence", ListEvidence.Handle).WithName("ListEvidence");
        group.MapGet("/evidence/{fileId:guid}", DownloadEvidence.Handle).WithName("DownloadEvidence");
        group.MapDelete("/evidence/{fileId:guid}", RemoveEvidence.Handle)
            .RequireAuthorization(PlatformPolicies.Reporter).WithName("RemoveEvidence");
        return app;
    }
}
