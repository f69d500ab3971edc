using Microsoft.AspNetCore.Authorization;

namespace LegalCrm.Web.Features.Access;

/// <summary>Something a page states about who may open it. A test fails for any page without one (or [AllowAnonymous]).</summary>
public interface IPageAccessDeclaration;

/// <summary>The page may be opened by users whose roles grant the named permission.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute, IPageAccessDeclaration
{
    public const string PolicyPrefix = "permission:";

    public RequirePermissionAttribute(string permission)
    {
        if (!Access.Permissions.IsKnown(permission))
        {
            throw new ArgumentException($"Unknown permission '{permission}'.", nameof(permission));
        }

        Permission = permission;
        Policy = PolicyPrefix + permission;
    }

    public string Permission { get; }
}

/// <summary>The page belongs to every signed-in user (their own dashboard, account and security settings).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AnySignedInUserAttribute : AuthorizeAttribute, IPageAccessDeclaration;
