using Platform.MailCatcher;

var builder = WebApplication.CreateBuilder(args);
builder.AddMailCatcher();

var app = builder.Build();
app.MapMailCatcher();

app.Run();

/// <summary>Entry point, visible to the tests that host the catcher in-process.</summary>
public partial class Program;
