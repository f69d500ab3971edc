using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Agenda;

/// <summary>
/// Writes agenda items as an iCalendar document (RFC 5545): deadlines and tasks as all-day events on their date (or at
/// their time, Amsterdam), meetings at their time with their length. Event ids stay the same between fetches, so a
/// calendar updates an item instead of adding it twice.
/// </summary>
public static class CalendarFeedWriter
{
    private const string AmsterdamZone = "Europe/Amsterdam";

    public static string Write(IEnumerable<AgendaItem> items, bool titlesHidden, string publicUrl, IStringLocalizer l)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//LegalCrm//Agenda//NL" };
        calendar.AddTimeZone(AmsterdamZone);
        calendar.AddProperty("X-WR-CALNAME", l["LegalCrm agenda"].Value);
        foreach (var item in items)
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{item.Kind.ToString().ToLowerInvariant()}-{item.Id}@legalcrm",
                Summary = Summary(item, titlesHidden, l),
                Description = publicUrl + item.Link,
                Url = new Uri(publicUrl + item.Link),
            };
            if (item.Time is { } time)
            {
                calendarEvent.DtStart = new CalDateTime(item.Date, time, AmsterdamZone);
                calendarEvent.DtEnd = calendarEvent.DtStart.AddMinutes(item.Minutes is > 0 ? item.Minutes.Value : 30);
            }
            else
            {
                calendarEvent.DtStart = new CalDateTime(item.Date);
                calendarEvent.DtEnd = new CalDateTime(item.Date.AddDays(1));
                // An all-day deadline does not make the lawyer look busy to colleagues planning a meeting.
                calendarEvent.Transparency = "TRANSPARENT";
            }

            if (!titlesHidden && item.Location is not null)
            {
                calendarEvent.Location = item.Location;
            }

            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Summary(AgendaItem item, bool titlesHidden, IStringLocalizer l)
    {
        var kind = item.Fatal ? l["agenda:FatalDeadline"].Value : l["agenda:" + item.Kind].Value;
        if (titlesHidden)
        {
            return item.DossierNumber is null ? kind : item.DossierNumber + " · " + kind;
        }

        var title = item.Fatal ? kind.ToUpperInvariant() + ": " + item.Title : item.Title;
        return item.DossierNumber is null ? title : title + " (" + item.DossierNumber + ")";
    }
}
