namespace SessionSite.Accounts;

public sealed record Account(string Id, string Email, string DisplayName, string PasswordHash, DateTimeOffset CreatedAt);
