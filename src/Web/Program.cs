using Platform.ServiceDefaults;
using Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWeb();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWeb();

return await app.RunServiceAsync();

/// <summary>Entry point, visible to tests that host the web application in-process.</summary>
public partial class Program;
