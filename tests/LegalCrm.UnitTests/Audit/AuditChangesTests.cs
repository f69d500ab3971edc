using LegalCrm.Web.Features.Audit;

namespace LegalCrm.UnitTests.Audit;

public sealed class AuditChangesTests
{
    [Fact]
    public void Field_changes_are_read_with_their_old_and_new_values()
    {
        var fields = AuditChanges.Parse("""{"Name":{"old":"A","new":"B"},"TwoFactorRequired":{"old":false,"new":true},"DisabledAt":{"new":null}}""");

        Assert.Equal(
            [new("Name", "A", "B"), new("TwoFactorRequired", "false", "true"), new("DisabledAt", null, null)],
            fields);
    }

    [Fact]
    public void Event_details_are_shown_as_values() =>
        Assert.Equal([new AuditChanges.Field("method", null, "authenticator")], AuditChanges.Parse("""{"method":"authenticator"}"""));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[1,2]")]
    public void Nothing_or_an_unexpected_shape_shows_no_fields(string? json) => Assert.Empty(AuditChanges.Parse(json));
}
