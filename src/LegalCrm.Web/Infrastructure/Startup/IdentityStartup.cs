using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace LegalCrm.Web.Infrastructure.Startup;

public static class IdentityStartup
{
    public static IServiceCollection AddCrmIdentity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<SessionLifetimeOptions>()
            .Bind(configuration.GetSection(SessionLifetimeOptions.Section))
            .Configure(o => o.SecureCookies = configuration.GetValue($"{SessionLifetimeOptions.Section}:SecureCookies", !environment.IsDevelopment()));
        var session = configuration.GetSection(SessionLifetimeOptions.Section).Get<SessionLifetimeOptions>() ?? new SessionLifetimeOptions();

        services.AddIdentity<CrmUser, CrmRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                // Length over composition rules (NIST SP 800-63B); guessable passwords are refused by GuessablePasswordValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Tokens.AuthenticatorIssuer = "LegalCrm";
                o.Stores.MaxLengthForKeys = 128;
            })
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddUserStore<CrmUserStore>()
            .AddSignInManager<CrmSignInManager>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName);

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "legalcrm.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = session.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = session.SlidingSession;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            // A forbidden page answers 403 with the friendly error page, rather than redirecting.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "legalcrm.antiforgery";
            o.Cookie.SecurePolicy = session.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = session.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();

        services.AddCrmRateLimits(configuration);
        services.AddScoped<CurrentUser>();
        services.AddScoped<SecurityEvents>();
        services.AddScoped<Features.Audit.AuditEvents>();
        services.AddScoped<FirmProvisioning>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<Offboarding>();
        services.AddScoped<Features.Access.Roles.RoleAdministration>();
        services.AddScoped<Features.Account.SignInFlow>();
        return services;
    }
}
