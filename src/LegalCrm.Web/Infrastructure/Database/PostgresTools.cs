using System.Diagnostics;
using Npgsql;

namespace LegalCrm.Web.Infrastructure.Database;

/// <summary>Runs PostgreSQL's client programs (pg_dump, pg_restore) against a connection string, password via the environment.</summary>
public static class PostgresTools
{
    /// <summary>
    /// Runs the program to completion; its standard output goes to <paramref name="output"/> when given, and
    /// <paramref name="input"/> writes its standard input when given.
    /// </summary>
    public static async Task RunAsync(
        string program, string connectionString, IEnumerable<string> arguments, string? binDirectory, CancellationToken ct,
        Stream? output = null, Func<Stream, Task>? input = null)
    {
        var bin = PostgresBinaries.Find(binDirectory) ?? throw new InvalidOperationException(PostgresBinaries.InstallHelp);
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, program))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = input is not null,
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
        var reading = output is null ? process.StandardOutput.ReadToEndAsync(ct) : process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        if (input is not null)
        {
            try
            {
                await input(process.StandardInput.BaseStream);
            }
            finally
            {
                process.StandardInput.Close();
            }
        }

        await reading;
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
        }
    }
}
