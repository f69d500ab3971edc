using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LegalCrm.IntegrationTests.Tenancy;

public sealed class TenantIsolationTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _a = null!;
    private TestFirm _b = null!;

    public async Task InitializeAsync()
    {
        _a = await app.CreateFirmAsync("Firm A");
        _b = await app.CreateFirmAsync("Firm B");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_user_asking_for_another_firms_record_by_id_gets_404()
    {
        using var client = await app.SignedInAsync(_a.Admin);

        var own = await client.GetAsync($"/Access/Users/{_a.Lawyer.Id}");
        var foreign = await client.GetAsync($"/Access/Users/{_b.Lawyer.Id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Lists_show_only_the_own_firms_rows()
    {
        using var client = await app.SignedInAsync(_a.Admin);

        var html = await (await client.GetAsync("/Access/Users")).Content.ReadAsStringAsync();

        Assert.Contains(_a.Lawyer.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain(_b.Lawyer.Email, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_sql_under_one_firms_setting_sees_none_of_another_firms_rows_in_any_tenant_table()
    {
        await using var connection = await OpenAsAppAsync(_a.Id);
        foreach (var table in await TenantTablesAsync(connection))
        {
            var foreign = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table} WHERE tenant_id = '{_b.Id}'");
            Assert.True(foreign == 0, $"{table} shows {foreign} rows of another firm");
        }

        Assert.Equal(_a.Users.Count, await ScalarAsync<long>(connection, "SELECT count(*) FROM users"));
        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT count(*) FROM firms"));
    }

    [Fact]
    public async Task Without_a_firm_setting_the_app_role_sees_no_rows_at_all()
    {
        await using var connection = await OpenAsAppAsync(tenant: null);

        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM users"));
        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM firms"));
        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM audit_entries"));
    }

    [Fact]
    public async Task The_name_search_function_sees_only_the_firm_of_the_setting_and_nothing_without_one()
    {
        await using (var scope = app.FirmScope(_b.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var contact = new LegalCrm.Web.Features.Clients.Contact { Kind = LegalCrm.Web.Features.Clients.ContactKind.Person, LastName = "Verborgen", UpdatedBy = "test" };
            contact.RecomputeNames();
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        }

        const string search = "SELECT count(*) FROM legalcrm_contact_name_matches(ARRAY['%verborgen%'], 'verborgen', true, 50, true)";
        await using var asA = await OpenAsAppAsync(_a.Id);
        await using var asB = await OpenAsAppAsync(_b.Id);
        await using var asNobody = await OpenAsAppAsync(tenant: null);

        Assert.Equal(0, await ScalarAsync<long>(asA, search));
        Assert.Equal(1, await ScalarAsync<long>(asB, search));
        Assert.Equal(0, await ScalarAsync<long>(asNobody, search));
    }

    [Fact]
    public async Task A_statement_prepared_under_one_firm_sees_only_the_next_firm_on_the_same_pooled_connection()
    {
        // One physical connection, handed out again and again, with the app's statement cache: the statement is
        // prepared (and planned) under firm A, then runs for nobody and for firm B on the same server session.
        var pooled = new NpgsqlConnectionStringBuilder(CrmDbContextOptions.WithAutoPrepare(app.Database.AppConnectionString))
        {
            MaxPoolSize = 1,
            ApplicationName = "legalcrm-auto-prepare-test",
        }.ConnectionString;
        const string firmsOfUsers = "SELECT coalesce(string_agg(DISTINCT tenant_id::text, ','), 'none') FROM users";

        int backend;
        await using (var asA = new NpgsqlConnection(pooled))
        {
            await asA.OpenAsync();
            backend = asA.ProcessID;
            await ScalarAsync<string>(asA, $"SELECT set_config('app.tenant_id', '{_a.Id}', false)");
            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(_a.Id.ToString(), await ScalarAsync<string>(asA, firmsOfUsers));
            }

            Assert.Equal(1, await ScalarAsync<long>(asA, $"SELECT count(*) FROM pg_prepared_statements WHERE statement = $q${firmsOfUsers}$q$"));
        }

        await using (var asNobody = new NpgsqlConnection(pooled))
        {
            await asNobody.OpenAsync();
            Assert.Equal(backend, asNobody.ProcessID);
            Assert.Equal(1, await ScalarAsync<long>(asNobody, $"SELECT count(*) FROM pg_prepared_statements WHERE statement = $q${firmsOfUsers}$q$"));
            Assert.Equal(string.Empty, await ScalarAsync<string>(asNobody, $"SELECT coalesce(current_setting('{Web.Tenancy.TenantConnectionInterceptor.SettingName}', true), '')"));
            Assert.Equal("none", await ScalarAsync<string>(asNobody, firmsOfUsers));
        }

        await using var asB = new NpgsqlConnection(pooled);
        await asB.OpenAsync();
        Assert.Equal(backend, asB.ProcessID);
        await ScalarAsync<string>(asB, $"SELECT set_config('app.tenant_id', '{_b.Id}', false)");
        Assert.Equal(_b.Id.ToString(), await ScalarAsync<string>(asB, firmsOfUsers));
    }

    [Fact]
    public async Task The_app_role_cannot_write_a_row_for_another_firm()
    {
        await using var connection = await OpenAsAppAsync(_a.Id);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>(connection,
            $"INSERT INTO role_permissions (tenant_id, role_id, permission) SELECT '{_b.Id}', id, 'x' FROM roles LIMIT 1 RETURNING 1"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Row_level_security_protects_even_a_query_that_ignores_the_ef_filters()
    {
        await using var scope = app.FirmScope(_a.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        var visible = await db.Users.IgnoreQueryFilters().Select(u => u.TenantId).Distinct().ToListAsync();

        Assert.Equal([_a.Id], visible);
    }

    [Fact]
    public async Task Every_table_with_a_tenant_id_has_row_level_security_and_the_app_role_cannot_bypass_it()
    {
        await using var connection = new NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        var unprotected = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
              AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') OR c.relname = 'firms')
              AND (NOT c.relrowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                unprotected.Add(reader.GetString(0));
            }
        }

        Assert.Empty(unprotected);
        Assert.False(await ScalarAsync<bool>(connection, $"SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = '{TestPostgres.AppLogin}'"));
    }

    private async Task<NpgsqlConnection> OpenAsAppAsync(Guid? tenant)
    {
        var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        if (tenant is not null)
        {
            await ScalarAsync<string>(connection, $"SELECT set_config('app.tenant_id', '{tenant}', false)");
        }

        return connection;
    }

    private static async Task<List<string>> TenantTablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        Assert.Contains("users", tables);
        Assert.Contains("audit_entries", tables);
        return tables;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
