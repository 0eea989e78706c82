namespace Platform.AppHost;

internal enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Exited,
    Failed,
    Stopping,
    Stopped,
}

internal enum Health
{
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>
/// Resource, state, health and URL of everything AppHost runs. Once everything is up the table is
/// printed whenever a state or health changes; before that (start-up) and after (shutdown) it is quiet.
/// </summary>
internal sealed class StatusTable
{
    private sealed class Row(string name)
    {
        public string Name { get; } = name;
        public ResourceState State { get; set; } = ResourceState.Waiting;
        public Health Health { get; set; } = Health.Unknown;
        public string Url { get; set; } = "";
        public int Restarts { get; set; }
    }

    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];
    private bool _live;

    public void Add(string name, string url = "")
    {
        lock (_gate) _rows.Add(new Row(name) { Url = url });
    }

    public void Update(string name, ResourceState? state = null, Health? health = null, string? url = null, bool restarted = false)
    {
        lock (_gate)
        {
            var row = _rows.Single(r => r.Name == name);
            var changed = (state is not null && state != row.State) || (health is not null && health != row.Health) || restarted;
            row.State = state ?? row.State;
            row.Health = health ?? row.Health;
            row.Url = url ?? row.Url;
            if (restarted) row.Restarts++;
            if (changed && _live) PrintLocked();
        }
    }

    public bool AllHealthy()
    {
        lock (_gate) return _rows.All(r => r.State == ResourceState.Running && r.Health == Health.Healthy);
    }

    /// <summary>Prints the table now and after every later change.</summary>
    public void GoLive()
    {
        lock (_gate)
        {
            _live = true;
            PrintLocked();
        }
    }

    /// <summary>No more tables (shutdown): the log lines say what is stopping.</summary>
    public void GoQuiet()
    {
        lock (_gate) _live = false;
    }

    public void Print()
    {
        lock (_gate) PrintLocked();
    }

    private void PrintLocked()
    {
        List<string> lines = [$"{"RESOURCE",-Output.NameWidth}  {"STATE",-10}  {"HEALTH",-9}  {"RESTARTS",-8}  URL"];
        lines.AddRange(_rows.Select(r => $"{r.Name,-Output.NameWidth}  {r.State,-10}  {r.Health,-9}  {r.Restarts,-8}  {r.Url}"));
        Output.AppHost(lines);
    }
}
