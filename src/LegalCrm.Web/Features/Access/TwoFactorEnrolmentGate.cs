namespace LegalCrm.Web.Features.Access;

/// <summary>
/// When the firm requires two-factor sign-in, a user who has not enrolled can open nothing but the enrolment page
/// (and sign out, switch language, see error pages) until they have.
/// </summary>
public sealed class TwoFactorEnrolmentGate(RequestDelegate next)
{
    public const string EnrolmentPath = "/Account/Manage/TwoFactor";

    private static readonly string[] Allowed = [EnrolmentPath, "/Account/Logout", "/Account/Language", "/Error", "/health"];

    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        if (currentUser.MustEnrolTwoFactor && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(EnrolmentPath);
            return;
        }

        await next(context);
    }
}
