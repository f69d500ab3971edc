namespace LegalCrm.Web.Features.Access;

public static class CrmClaims
{
    public const string TenantId = "legalcrm:tenant";
    public const string AuthTime = "legalcrm:auth_time";
    public const string SessionId = "legalcrm:sid";
    public const string SecurityStamp = "AspNet.Identity.SecurityStamp";
}
