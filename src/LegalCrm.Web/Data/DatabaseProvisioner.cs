using Npgsql;

namespace LegalCrm.Web.Data;

/// <summary>
/// Creates the database and the app's login role on a server where we hold a superuser: the embedded
/// development server, the test servers, and the docker compose database.
/// </summary>
public static class DatabaseProvisioner
{
    public static async Task EnsureAsync(string superuserConnectionString, string database, string appLogin, string appPassword, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);

        await Execute(connection, DatabaseSecurity.EnsureAppRoleSql, ct);
        var login = QuoteIdentifier(appLogin);
        var exists = await Scalar<bool>(connection, "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = @name)", ("name", appLogin), ct);
        var password = "'" + appPassword.Replace("'", "''", StringComparison.Ordinal) + "'";
        await Execute(connection, exists
            ? $"ALTER ROLE {login} WITH LOGIN PASSWORD {password}"
            : $"CREATE ROLE {login} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD {password}", ct);
        await Execute(connection, $"GRANT {DatabaseSecurity.AppRole} TO {login}", ct);

        if (!await Scalar<bool>(connection, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = @name)", ("name", database), ct))
        {
            await Execute(connection, $"CREATE DATABASE {QuoteIdentifier(database)} ENCODING 'UTF8'", ct);
        }
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, (string Name, object Value) parameter, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
