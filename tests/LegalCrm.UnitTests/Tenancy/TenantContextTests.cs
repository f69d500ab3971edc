using LegalCrm.Web.Tenancy;

namespace LegalCrm.UnitTests.Tenancy;

public sealed class TenantContextTests
{
    [Fact]
    public void A_scope_without_a_firm_has_none_and_refuses_to_pretend()
    {
        var context = new TenantContext();

        Assert.False(context.HasTenant);
        Assert.Throws<InvalidOperationException>(() => context.RequiredTenantId);
    }

    [Fact]
    public void A_scope_can_enter_its_firm_again_but_never_switch_to_another()
    {
        var context = new TenantContext();
        var firm = Guid.NewGuid();

        context.Enter(firm);
        context.Enter(firm);

        Assert.Equal(firm, context.RequiredTenantId);
        Assert.Throws<InvalidOperationException>(() => context.Enter(Guid.NewGuid()));
        Assert.Throws<ArgumentException>(() => new TenantContext().Enter(Guid.Empty));
    }
}
