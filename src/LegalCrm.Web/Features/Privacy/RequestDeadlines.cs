namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The answer deadline of a data-subject request (AVG art. 12(3)): one month after receipt, extendable by at most two
/// further months when the request is complex or there are many, provided the person is told — with the reasons —
/// within the first month. Months as the calendar counts them: 31 January + 1 month is the last day of February.
/// </summary>
public static class RequestDeadlines
{
    public const int MaxExtensionMonths = 2;

    public static DateOnly Due(DateOnly received, int extensionMonths) => received.AddMonths(1 + Math.Clamp(extensionMonths, 0, MaxExtensionMonths));

    /// <summary>Days left until the deadline (negative when it has passed).</summary>
    public static int DaysLeft(DateOnly received, int extensionMonths, DateOnly today) => Due(received, extensionMonths).DayNumber - today.DayNumber;

    /// <summary>Why this extension cannot be recorded, or null (English resource key).</summary>
    public static string? ExtensionRefusal(DateOnly received, int months, string? reason, DateOnly? toldOn)
    {
        if (months == 0)
        {
            return null;
        }

        if (months is < 0 or > MaxExtensionMonths)
        {
            return "An answer can be extended by at most two months (art. 12(3)).";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Give the reason for the extension; the person must be told it (art. 12(3)).";
        }

        if (toldOn is not { } told)
        {
            return "Enter when the person was told of the extension.";
        }

        return told > Due(received, 0)
            ? "The person must be told of an extension within the first month (art. 12(3)); it is too late to extend."
            : null;
    }

    /// <summary>Why the request cannot be closed, or null: the answer sent is recorded (art. 12(4) when refused).</summary>
    public static string? ClosingRefusal(string? answer, DateOnly? closedOn, DateOnly received)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return "Record the answer sent to the person before closing the request.";
        }

        if (closedOn is not { } closed)
        {
            return "Enter the date the answer was sent.";
        }

        return closed < received ? "The answer cannot be sent before the request was received." : null;
    }
}
