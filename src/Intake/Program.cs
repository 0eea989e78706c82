using Platform.Intake;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIntake();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIntakeApi();

return await app.RunServiceAsync();

/// <summary>Entry point, visible to tests that host the service in-process.</summary>
public partial class Program;
