namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// When a data-subject request may be carried out (a package built, data erased): it must be of the right kind, be
/// about a known contact, and the person's identity must have been verified — handing data to, or erasing it for, an
/// impostor is itself a breach (art. 12(6) AVG allows asking for what is needed to confirm the identity).
/// </summary>
public static class RequestExecution
{
    public static readonly IReadOnlySet<RequestKind> PackageKinds = new HashSet<RequestKind> { RequestKind.Access, RequestKind.Portability };

    /// <summary>Why the request cannot be carried out as <paramref name="allowed"/>, or null (English resource key).</summary>
    public static string? Refusal(DataSubjectRequest request, IReadOnlySet<RequestKind> allowed)
    {
        if (!allowed.Contains(request.Kind))
        {
            return "This action does not belong to a request of this kind.";
        }

        if (request.ContactId is null)
        {
            return "Link the request to the contact it is about first: the firm's data is found through the contact.";
        }

        return request.IdentityVerifiedOn is null
            ? "Verify the person's identity first: nothing may be handed over or erased before it is (art. 12(6))."
            : null;
    }
}
