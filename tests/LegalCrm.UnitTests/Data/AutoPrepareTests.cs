using LegalCrm.Web.Data;
using Npgsql;

namespace LegalCrm.UnitTests.Data;

public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_the_apps_statement_cache()
    {
        var result = new NpgsqlConnectionStringBuilder(CrmDbContextOptions.WithAutoPrepare("Host=db;Database=crm;Username=app;Password=p"));

        Assert.Equal(CrmDbContextOptions.AutoPreparedStatements, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("p", result.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=20", 20)]
    [InlineData("Host=db;max auto prepare=7", 7)]
    public void A_connection_string_that_names_the_setting_keeps_its_own_value(string connectionString, int expected)
    {
        var result = new NpgsqlConnectionStringBuilder(CrmDbContextOptions.WithAutoPrepare(connectionString));

        Assert.Equal(expected, result.MaxAutoPrepare);
    }
}
