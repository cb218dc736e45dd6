namespace SessionSite.Accounts;

/// <summary>Account ids are random (not a counter), so they reveal neither how many accounts exist nor which came first.</summary>
public static class AccountId
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? value) =>
        value is { Length: 32 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
