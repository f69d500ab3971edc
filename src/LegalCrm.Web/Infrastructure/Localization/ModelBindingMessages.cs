using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Infrastructure.Localization;

/// <summary>The model binder's own messages ("the value is invalid") in the user's language.</summary>
public static class ModelBindingMessages
{
    public static void Localize(MvcOptions options, IStringLocalizerFactory factory)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => l["The value '{0}' is not valid for {1}.", value, field]);
        m.SetMissingBindRequiredValueAccessor(field => l["A value for {0} is required.", field]);
        m.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["A value is required."]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value is not valid."]);
        m.SetUnknownValueIsInvalidAccessor(field => l["The value is not valid for {0}.", field]);
        m.SetValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        m.SetValueMustBeANumberAccessor(field => l["{0} must be a number.", field]);
        m.SetValueMustNotBeNullAccessor(field => l["{0} is required.", field]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["The value must be a number."]);
    }
}
