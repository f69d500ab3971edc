using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Roles;

/// <summary>What the role pages tell the admin when a change is refused.</summary>
public static class RoleMessages
{
    public static void AddTo(ModelStateDictionary modelState, RoleChangeOutcome outcome, IStringLocalizer l)
    {
        var (field, message) = outcome switch
        {
            RoleChangeOutcome.NameMissing => ("Name", l["Give the role a name (at most {0} characters).", RoleAdministration.NameMaxLength]),
            RoleChangeOutcome.NameTaken => ("Name", l["There is already a role with this name."]),
            RoleChangeOutcome.DescriptionTooLong => ("Description", l["{0} can be at most {1} characters long.", l["Description"], RoleAdministration.DescriptionMaxLength]),
            RoleChangeOutcome.UnknownPermission => (string.Empty, l["One of the chosen permissions does not exist. Reload the page and try again."]),
            RoleChangeOutcome.WouldLeaveNoAdministrator => (string.Empty, l["This would leave the firm without an administrator: at least one active user must keep the permissions to manage users and roles."]),
            RoleChangeOutcome.StillAssigned => ("ReassignTo", l["This role is still assigned. Choose the role its holders get instead."]),
            RoleChangeOutcome.UnknownRole => (string.Empty, l["That role does not exist (any more)."]),
            _ => (string.Empty, l["Something went wrong. Please try again."]),
        };
        modelState.AddModelError(field, message);
    }
}
