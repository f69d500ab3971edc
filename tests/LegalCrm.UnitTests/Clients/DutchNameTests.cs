using LegalCrm.Web.Features.Clients;

namespace LegalCrm.UnitTests.Clients;

public sealed class DutchNameTests
{
    [Theory]
    [InlineData("J.", "Jan", "van den", "Berg", "J. van den Berg")]
    [InlineData(null, "Jan", "Van Den", "Berg", "Jan van den Berg")]
    [InlineData("jh", null, null, "Müller", "J.H. Müller")]
    [InlineData(null, null, "de", "Vries", "de Vries")]
    public void Display_writes_initials_then_the_particle_in_lower_case(string? initials, string? first, string? particle, string last, string expected) =>
        Assert.Equal(expected, DutchName.Display(initials, first, particle, last));

    [Theory]
    [InlineData("J.", "van den", "Berg", "Berg, J. van den")]
    [InlineData(null, null, "Jansen", "Jansen")]
    [InlineData("A.B.", "'t", "Hooft", "Hooft, A.B. 't")]
    public void The_sorted_form_puts_the_last_name_first_and_the_particle_after_the_initials(string? initials, string? particle, string last, string expected) =>
        Assert.Equal(expected, DutchName.Sorted(initials, null, particle, last));

    [Fact]
    public void Sorting_ignores_the_particle_case_and_accents()
    {
        var names = new[]
        {
            ("van den Berg", DutchName.SortKey("J.", null, "Berg")),
            ("de Ärens", DutchName.SortKey("P.", null, "Ärens")),
            ("Bakker", DutchName.SortKey("K.", null, "Bakker")),
        };

        Assert.Equal(["de Ärens", "Bakker", "van den Berg"], names.OrderBy(n => n.Item2, StringComparer.Ordinal).Select(n => n.Item1));
    }

    [Theory]
    [InlineData("j.h.", "J.H.")]
    [InlineData("J H", "J.H.")]
    [InlineData("...", "")]
    public void Initials_are_normalised(string input, string expected) => Assert.Equal(expected, DutchName.NormalizeInitials(input));

    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("Çelik-Öztürk", "celik-ozturk")]
    [InlineData("Straße", "strase")]
    public void Folding_removes_case_and_diacritics(string input, string expected) => Assert.Equal(expected, DutchName.Fold(input));
}
