using LegalCrm.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

/// <summary>
/// The app on a real Kestrel port with a firm of users, and the machine's Chromium driven by Playwright (it cannot
/// download browsers here, so <c>/usr/bin/chromium</c> or <c>CHROMIUM_PATH</c>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly List<string> _cspViolations = [];
    private IPlaywright? _playwright;

    public CrmAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public TestFirm Firm { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        App.UseKestrel(0);
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        Firm = await App.CreateFirmAsync("Van Dijk & De Vries Advocaten");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // The pages run under a Content-Security-Policy: anything it blocks is a defect, even when the journey passes.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (_cspViolations)
                {
                    _cspViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }

    /// <summary>Signs in through the sign-in page and waits for the dashboard.</summary>
    /// <summary>Opens a section of administration the way a user does: "Beheer" in the main menu, then the section.</summary>
    public static async Task OpenAdministrationAsync(IPage page, string section)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Beheer" }).ClickAsync();
        await page.GetByTestId("admin-sections").GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
    }

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(CrmAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToBeVisibleAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        if (_cspViolations.Count > 0)
        {
            throw new InvalidOperationException("The Content-Security-Policy blocked something:\n" + string.Join("\n", _cspViolations));
        }
    }
}
