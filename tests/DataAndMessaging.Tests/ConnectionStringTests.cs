using Npgsql;
using Platform.DataAndMessaging.Database;

namespace Platform.DataAndMessaging.Tests;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var prepared = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithPreparedStatements("Host=db;Database=intakedb;Username=u;Password=p"));
        Assert.Equal((64, "db", "intakedb", "p"), (prepared.MaxAutoPrepare, prepared.Host, prepared.Database, prepared.Password));

        var own = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithPreparedStatements("Host=db;Database=x;Max Auto Prepare=0"));
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.Null(DatabaseExtensions.WithPreparedStatements(null));
    }
}
