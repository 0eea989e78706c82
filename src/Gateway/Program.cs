using Platform.Gateway;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints(GatewayModule.AuthenticateWhen);
app.MapGateway();

return await app.RunServiceAsync();

/// <summary>Entry point, visible to tests that host the gateway in-process.</summary>
public partial class Program;
