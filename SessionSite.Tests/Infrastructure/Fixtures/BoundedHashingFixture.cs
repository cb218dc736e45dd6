namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>Hashing at a real cost, one hash at a time and one waiting: a burst of sign-ins must overflow it.</summary>
public sealed class BoundedHashingFixture : SiteFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PasswordHashing:IterationCount"] = "100000",
        ["PasswordHashing:MaxConcurrent"] = "1",
        ["PasswordHashing:QueueLimit"] = "1",
    };
}
