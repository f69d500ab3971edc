using System.Diagnostics;

namespace LegalCrm.TestSupport;

/// <summary>Runs the real program (an operator's command) as its own process, configured like the test app.</summary>
public static class ProgramRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(CrmAppFactory app, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Crm"] = app.Database.AppConnectionString;
        start.Environment["ConnectionStrings__CrmAdmin"] = app.Database.AdminConnectionString;
        start.Environment["Security__KeyEncryptionKey"] = app.KeyEncryptionKey;
        start.Environment["Documents__StoragePath"] = app.DocumentsPath;
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["App__PublicUrl"] = "http://localhost";
        start.Environment["Jobs__RunServer"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
