namespace LegalCrm.Web.Features.Communications;

/// <summary>Rules of a logged communication that need no database: participants' roles and what a form may say.</summary>
public static class CommunicationRules
{
    /// <summary>How far ahead a communication may be dated: an agenda item is a deadline or task, not a communication.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>The role of a participant, from the kind and direction: who called whom, who wrote to whom.</summary>
    public static ParticipantRole RoleOf(CommunicationKind kind, CommunicationDirection direction, bool isColleague) => (kind, direction) switch
    {
        (CommunicationKind.Call, CommunicationDirection.Incoming) => isColleague ? ParticipantRole.Callee : ParticipantRole.Caller,
        (CommunicationKind.Call, _) => isColleague ? ParticipantRole.Caller : ParticipantRole.Callee,
        (CommunicationKind.Email or CommunicationKind.Letter, CommunicationDirection.Incoming) => isColleague ? ParticipantRole.To : ParticipantRole.From,
        (CommunicationKind.Email or CommunicationKind.Letter, CommunicationDirection.Outgoing) => isColleague ? ParticipantRole.From : ParticipantRole.To,
        _ => ParticipantRole.Attendee,
    };

    /// <summary>
    /// Who may correct or delete a logged communication: its author within the firm's window (a slip is put right at
    /// once), afterwards only someone with <c>communications.manage</c>, so the record of what was said stays reliable.
    /// </summary>
    public static bool MayChange(bool isAuthor, bool canManage, DateTimeOffset createdAt, DateTimeOffset now, int editHours) =>
        canManage || (isAuthor && editHours > 0 && now - createdAt <= TimeSpan.FromHours(editHours));

    /// <summary>English message keys for what is wrong with the details (the page translates them), keyed by field.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(CommunicationKind kind, CommunicationDirection direction, DateTimeOffset occurredAt, DateTimeOffset now, int? durationMinutes, string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            yield return ("Subject", "Give a subject.");
        }

        if (occurredAt > now + MaxAhead)
        {
            yield return ("OccurredAt", "A communication cannot be dated more than a day ahead. Plan future work as a deadline or task.");
        }

        if (durationMinutes is < 0 or > 24 * 60)
        {
            yield return ("DurationMinutes", "The duration is in minutes, between 0 and 1440.");
        }

        if (kind == CommunicationKind.Note && direction != CommunicationDirection.Internal)
        {
            yield return ("Direction", "A note is internal.");
        }
    }
}
