using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace LegalCrm.Web.Infrastructure.DemoData;

/// <summary>
/// Development only: the demo firm "Van Dijk &amp; De Vries Advocaten" with one user per built-in role, all with the
/// password <see cref="Password"/> (listed in README). Runs once; a second start finds the firm and does nothing.
/// </summary>
public sealed class DemoFirmSeeder(IServiceScopeFactory scopes, ILookupNormalizer normalizer, DemoCaseload caseload, ILogger<DemoFirmSeeder> logger)
{
    public const string FirmName = "Van Dijk & De Vries Advocaten";
    public const string Password = "Demo-wachtwoord-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Users =
    [
        ("beheer@vandijkdevries.nl", "Bart Beheer", BuiltInRoles.Admin),
        ("advocaat@vandijkdevries.nl", "mr. Anne van Dijk", BuiltInRoles.Lawyer),
        ("secretariaat@vandijkdevries.nl", "Sanne de Vries", BuiltInRoles.Assistant),
        ("privacy@vandijkdevries.nl", "Pieter Privacy", BuiltInRoles.PrivacyOfficer),
        ("lezer@vandijkdevries.nl", "Lotte Lezer", BuiltInRoles.ReadOnly),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using (var probe = scopes.CreateAsyncScope())
        {
            var existing = await probe.ServiceProvider.GetRequiredService<TenantDirectory>()
                .FindTenantOfLoginAsync(normalizer.NormalizeEmail(Users[0].Email)!, ct);
            if (existing is not null)
            {
                return;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<FirmProvisioning>();
        var (admin, name, _) = Users[0];
        var firm = await provisioning.CreateAsync(FirmName, admin, name, Password, ct);
        var users = new Dictionary<string, Guid>();
        foreach (var (email, displayName, role) in Users.Skip(1))
        {
            users[role] = (await provisioning.CreateUserAsync(email, displayName, role, Password)).Id;
        }

        await caseload.SeedAsync(firm.FirmId, firm.Admin, users[BuiltInRoles.Lawyer], users[BuiltInRoles.Assistant], ct);

        logger.LogInformation("Seeded the demo firm {Firm}; sign in as {Email} with password {Password}", FirmName, admin, Password);
    }
}
