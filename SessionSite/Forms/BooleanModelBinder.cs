using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SessionSite.Forms;

/// <summary>
/// Binds checkboxes. The framework's binder keeps a value such as <c>x</c> as the field's raw value, and the
/// checkbox tag helper then throws while re-rendering the form (a 500 instead of a validation message). This one
/// records a bad value as a validation error and keeps no raw value, so the box re-renders from the model.
/// </summary>
public sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var posted = bindingContext.ValueProvider.GetValue(name);
        if (posted == ValueProviderResult.None)
            return Task.CompletedTask;
        if (bool.TryParse(posted.FirstValue, out var value))
        {
            bindingContext.ModelState.SetModelValue(name, posted);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(name, rawValue: null, attemptedValue: posted.FirstValue);
        bindingContext.ModelState.TryAddModelError(name, $"Tick or clear “{bindingContext.ModelMetadata.GetDisplayName()}” and send the form again.");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="BooleanModelBinder"/> in front of the framework's binders for <c>bool</c> and <c>bool?</c>.</summary>
public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    private static readonly BooleanModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? Binder : null;
}
