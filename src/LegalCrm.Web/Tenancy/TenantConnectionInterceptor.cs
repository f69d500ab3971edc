using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace LegalCrm.Web.Tenancy;

/// <summary>
/// Puts the scope's firm into the PostgreSQL setting <c>app.tenant_id</c> each time EF opens a connection.
/// The row-level security policies read it; with no firm the setting is empty and every policy sees no rows.
/// Npgsql resets session state when a pooled connection is reused, so the setting cannot leak to another scope
/// (see docs/decisions/0002-tenant-isolation.md).
/// </summary>
public sealed class TenantConnectionInterceptor(TenantContext tenant) : DbConnectionInterceptor
{
    public const string SettingName = "app.tenant_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand CreateCommand(DbConnection connection)
    {
        var command = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false)", (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("tenant", tenant.TenantId?.ToString() ?? string.Empty);
        return command;
    }
}
