using LegalCrm.Web.Features.Clients;

namespace LegalCrm.UnitTests.Clients;

public sealed class ContactMergeTests
{
    [Fact]
    public void Chosen_fields_come_from_the_duplicate_empty_ones_are_filled_and_details_are_united()
    {
        var keep = Person("Jansen", "J.", email: "j@a.nl", phone: "+31612345678");
        keep.FirstName = null;
        keep.Tags = ["huur"];
        var other = Person("Janssen", "J.P.", email: "J@a.nl".ToLowerInvariant(), phone: "+31201234567");
        other.FirstName = "Jan";
        other.Tags = ["vip", "huur"];
        other.ClientNumber = 12;

        ContactMerge.Apply(keep, other, new HashSet<string> { nameof(Contact.Initials) });

        Assert.Equal("Jansen", keep.LastName);
        Assert.Equal("J.P.", keep.Initials);
        Assert.Equal("Jan", keep.FirstName);
        Assert.Equal(["huur", "vip"], keep.Tags);
        Assert.Single(keep.Emails);
        Assert.Equal(["+31612345678", "+31201234567"], keep.Phones.Select(p => p.Number));
        Assert.Equal(12, keep.ClientNumber);
        Assert.Equal("J.P. Jansen", keep.DisplayName);
    }

    [Fact]
    public void Only_fields_that_differ_are_offered()
    {
        var a = Person("Jansen", "J.", null, null);
        var b = Person("Jansen", "K.", null, null);

        Assert.Equal([nameof(Contact.Initials)], ContactMerge.Differences(a, b));
    }

    [Fact]
    public void A_person_and_an_organisation_are_never_merged() =>
        Assert.Throws<InvalidOperationException>(() => ContactMerge.Apply(Person("A", null, null, null), new Contact { Kind = ContactKind.Organisation, OrganisationName = "B" }, new HashSet<string>()));

    private static Contact Person(string last, string? initials, string? email, string? phone)
    {
        var c = new Contact { Kind = ContactKind.Person, LastName = last, Initials = initials };
        if (email is not null)
        {
            c.Emails.Add(new ContactEmail { Address = email, NormalizedAddress = email.ToLowerInvariant() });
        }

        if (phone is not null)
        {
            c.Phones.Add(new ContactPhone { Number = phone });
        }

        c.RecomputeNames();
        return c;
    }
}
