namespace Platform.MailCatcher;

public sealed record MessageView(int Id, IReadOnlyList<string> To, string Subject, string? Text, string? Html, string? MessageId,
    string? From, DateTimeOffset ReceivedAt);

public static class MailCatcherApp
{
    public static IHostApplicationBuilder AddMailCatcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaughtMail>();
        builder.Services.AddHostedService<SmtpListener>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMailCatcher(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok("Healthy"));
        app.MapGet("/", Pages.List);
        app.MapGet("/thu/{id:int}", Pages.One);
        app.MapGet("/api/messages", (CaughtMail mail) => TypedResults.Ok(mail.All().Select(View)));
        app.MapDelete("/api/messages", (CaughtMail mail) => { mail.Clear(); return TypedResults.NoContent(); });
        app.MapPost("/xoa", (CaughtMail mail) => { mail.Clear(); return TypedResults.Redirect("/"); });
        return app;
    }

    private static MessageView View(CaughtMessage m) => new(m.Id, m.To, m.Subject, m.Text, m.Html, m.MessageId, m.From, m.ReceivedAt);
}
