using System.Diagnostics;
using System.Globalization;

namespace LegalCrm.Web.Infrastructure.Diagnostics;

/// <summary>
/// Counts the SQL commands a request sends to PostgreSQL — round trips, so an EF batch of several statements counts once;
/// the tenant setting on each connection open counts too — and tells the count in the <see cref="Header"/> response
/// header. Off unless <c>Diagnostics:SqlCommandHeader</c> is true (the load benchmark turns it on to find N+1 pages);
/// the count is taken from Npgsql's own tracing source, so commands that bypass EF are counted as well.
/// </summary>
public sealed class SqlCommandCount(RequestDelegate next)
{
    public const string Header = "X-Sql-Commands";
    public const string Setting = "Diagnostics:SqlCommandHeader";

    private static readonly AsyncLocal<Counter?> Current = new();
    private static readonly Lazy<ActivityListener> Listener = new(() =>
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            // Counted when Npgsql asks whether to trace a command; no activity is created, so tracing costs nothing more.
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            {
                if (Current.Value is { } counter && !options.Name.StartsWith("CONNECT", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref counter.Commands);
                }

                return ActivitySamplingResult.None;
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    });

    public static void Use(WebApplication app)
    {
        if (app.Configuration.GetValue(Setting, false))
        {
            _ = Listener.Value;
            app.UseMiddleware<SqlCommandCount>();
        }
    }

    public Task InvokeAsync(HttpContext context)
    {
        var counter = new Counter();
        Current.Value = counter;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = Volatile.Read(ref counter.Commands).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private sealed class Counter
    {
        public int Commands;
    }
}
