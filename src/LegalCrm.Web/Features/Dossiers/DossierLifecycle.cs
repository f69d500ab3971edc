namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// Intake → Open → Closed → Archived. Opening needs a cleared conflict check (Gedragsregels advocatuur 2018, regel 15:
/// no work where interests conflict); a closed dossier can be reopened with a reason; an archived one is final.
/// </summary>
public static class DossierLifecycle
{
    public static bool IsReadOnly(DossierStatus status) => status is DossierStatus.Closed or DossierStatus.Archived;

    public static IReadOnlyList<DossierStatus> NextSteps(DossierStatus status) => status switch
    {
        DossierStatus.Intake => [DossierStatus.Open, DossierStatus.Closed],
        DossierStatus.Open => [DossierStatus.Closed],
        DossierStatus.Closed => [DossierStatus.Open, DossierStatus.Archived],
        _ => [],
    };

    /// <summary>Whether the step needs a reason: reopening, and closing an intake that never opened (a declined matter).</summary>
    public static bool NeedsReason(DossierStatus from, DossierStatus to) =>
        (from == DossierStatus.Closed && to == DossierStatus.Open) || (from == DossierStatus.Intake && to == DossierStatus.Closed);

    /// <summary>Why the step cannot be taken (an English resource key), or null when it can.</summary>
    public static string? Refusal(DossierStatus from, DossierStatus to, string? reason, bool conflictCleared)
    {
        if (!NextSteps(from).Contains(to))
        {
            return "This step is not possible from the dossier's current status.";
        }

        if (from == DossierStatus.Intake && to == DossierStatus.Open && !conflictCleared)
        {
            return "A dossier can only be opened after a conflict check that found no conflict, or whose conflict was waived.";
        }

        if (NeedsReason(from, to) && string.IsNullOrWhiteSpace(reason))
        {
            return "Give the reason for this step.";
        }

        return reason is { Length: > 500 } ? "The reason can be at most 500 characters long." : null;
    }
}
