using System.ComponentModel.DataAnnotations;

namespace SessionSite.Accounts;

/// <summary>Refuses a password found in the common-password list, and says why.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotCommonPasswordAttribute : ValidationAttribute
{
    public NotCommonPasswordAttribute()
        : base("This password is one of the most common ones, which attackers try first. Please choose another.")
    {
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string password && validationContext.GetRequiredService<CommonPasswords>().Contains(password)
            ? new ValidationResult(ErrorMessageString, [validationContext.MemberName!])
            : ValidationResult.Success;
}
