using System.Diagnostics;
using Npgsql;

namespace LegalCrm.Web.Infrastructure.Database;

/// <summary>Runs PostgreSQL's client programs (pg_dump, pg_restore) against a connection string, password via the environment.</summary>
public static class PostgresTools
{
    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, string? binDirectory, CancellationToken ct)
    {
        var bin = PostgresBinaries.Find(binDirectory) ?? throw new InvalidOperationException(PostgresBinaries.InstallHelp);
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, program))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGPASSWORD"] = connection.Password ?? string.Empty;
        start.Environment["PGCONNECT_TIMEOUT"] = "15";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        }
    }
}
