using LegalCrm.Web.Infrastructure.Commands;

namespace LegalCrm.UnitTests.Infrastructure;

public sealed class CliCommandTests
{
    [Fact]
    public void No_command_means_the_web_server_with_all_arguments_for_the_host()
    {
        var (command, hostArgs) = CliCommand.Parse(["--urls", "http://localhost:5005"]);

        Assert.Null(command);
        Assert.Equal(["--urls", "http://localhost:5005"], hostArgs);
    }

    [Fact]
    public void Firm_create_takes_its_options_and_leaves_the_rest_to_the_host()
    {
        var (command, hostArgs) = CliCommand.Parse(["firm", "create", "--name", "Van Dijk", "--admin-email", "a@b.nl", "--environment", "Production"]);

        Assert.NotNull(command);
        Assert.Equal(["--environment", "Production"], hostArgs);
    }
}
