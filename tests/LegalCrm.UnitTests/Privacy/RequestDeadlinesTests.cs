using LegalCrm.Web.Features.Privacy;

namespace LegalCrm.UnitTests.Privacy;

public sealed class RequestDeadlinesTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2026, 3, 15, 0, 2026, 4, 15)]
    [InlineData(2026, 1, 31, 0, 2026, 2, 28)] // no 31 February: the last day of the month
    [InlineData(2028, 1, 31, 0, 2028, 2, 29)] // leap year
    [InlineData(2026, 3, 15, 2, 2026, 6, 15)] // extended by two months: three in all
    [InlineData(2026, 11, 30, 1, 2027, 1, 30)]
    public void The_answer_is_due_a_month_after_receipt_plus_the_extension(int y, int m, int d, int extension, int dy, int dm, int dd) =>
        Assert.Equal(D(dy, dm, dd), RequestDeadlines.Due(D(y, m, d), extension));

    [Fact]
    public void Days_left_count_down_to_the_deadline_and_below_zero_after_it()
    {
        Assert.Equal(31, RequestDeadlines.DaysLeft(D(2026, 3, 15), 0, D(2026, 3, 15)));
        Assert.Equal(0, RequestDeadlines.DaysLeft(D(2026, 3, 15), 0, D(2026, 4, 15)));
        Assert.Equal(-2, RequestDeadlines.DaysLeft(D(2026, 3, 15), 0, D(2026, 4, 17)));
    }

    [Fact]
    public void An_extension_needs_a_reason_and_the_person_told_within_the_first_month_and_is_at_most_two_months()
    {
        var received = D(2026, 3, 15);
        Assert.Null(RequestDeadlines.ExtensionRefusal(received, 0, null, null));
        Assert.Equal("An answer can be extended by at most two months (art. 12(3)).", RequestDeadlines.ExtensionRefusal(received, 3, "Veel stukken", D(2026, 4, 1)));
        Assert.Equal("Give the reason for the extension; the person must be told it (art. 12(3)).", RequestDeadlines.ExtensionRefusal(received, 1, " ", D(2026, 4, 1)));
        Assert.Equal("Enter when the person was told of the extension.", RequestDeadlines.ExtensionRefusal(received, 1, "Veel stukken", null));
        Assert.Null(RequestDeadlines.ExtensionRefusal(received, 2, "Veel stukken", D(2026, 4, 15)));
        Assert.Equal("The person must be told of an extension within the first month (art. 12(3)); it is too late to extend.",
            RequestDeadlines.ExtensionRefusal(received, 2, "Veel stukken", D(2026, 4, 16)));
    }

    [Fact]
    public void A_request_is_closed_with_the_answer_and_its_date()
    {
        var received = D(2026, 3, 15);
        Assert.Equal("Record the answer sent to the person before closing the request.", RequestDeadlines.ClosingRefusal(null, D(2026, 4, 1), received));
        Assert.Equal("Enter the date the answer was sent.", RequestDeadlines.ClosingRefusal("Kopie verstrekt", null, received));
        Assert.Equal("The answer cannot be sent before the request was received.", RequestDeadlines.ClosingRefusal("Kopie verstrekt", D(2026, 3, 1), received));
        Assert.Null(RequestDeadlines.ClosingRefusal("Kopie verstrekt", D(2026, 4, 1), received));
    }
}
