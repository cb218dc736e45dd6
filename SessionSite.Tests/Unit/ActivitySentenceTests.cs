using SessionSite.Activity;

namespace SessionSite.Tests.Unit;

public sealed class ActivitySentenceTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ada@example.com", "a•••@example.com")]
    [InlineData("  Émile@example.org ", "É•••@example.org")]
    [InlineData("👩‍💻x@example.com", "👩‍💻•••@example.com")]
    [InlineData("not-an-address", "•••")]
    public void AnAddressIsMaskedToItsFirstCharacterAndDomain(string email, string masked) =>
        Assert.Equal(masked, MaskedAddress.Of(email));

    [Theory]
    [InlineData(ActivityEvent.SessionEndedElsewhere, "Firefox on Linux", "Signed out Firefox on Linux from Chrome on Windows.")]
    [InlineData(ActivityEvent.SessionEndedElsewhere, null, "Signed out another session from Chrome on Windows.")]
    [InlineData(ActivityEvent.EmailChanged, "a•••@example.com to b•••@example.com", "Changed the email address from a•••@example.com to b•••@example.com on Chrome on Windows.")]
    [InlineData(ActivityEvent.AccountCreated, null, "Created the account on Chrome on Windows.")]
    [InlineData(ActivityEvent.SignedIn, null, "Signed in on Chrome on Windows.")]
    [InlineData(ActivityEvent.SignInFailed, null, "Someone typed a wrong password for the account on Chrome on Windows.")]
    public void EachEventIsACompleteSentence(string name, string? detail, string sentence) =>
        Assert.Equal(sentence, ActivitySentence.Of(new ActivityEntry(name, At, "Chrome on Windows", "192.0.2.1", Detail: detail)));

    [Fact]
    public void EveryKnownEventHasItsOwnSentence()
    {
        var names = typeof(ActivityEvent).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(names, name => Assert.DoesNotContain(name, ActivitySentence.Of(new ActivityEntry(name, At, "Safari on iOS", null))));
    }

    [Fact]
    public void UpToThreeSignedOutDevicesAreNamedAndMoreAreCounted()
    {
        Assert.Equal("Firefox on Linux", DeviceList.Name(["Firefox on Linux"]));
        Assert.Equal("Firefox on Linux, Edge on Windows and Safari on iOS", DeviceList.Name(["Firefox on Linux", "Edge on Windows", "Safari on iOS"]));
        Assert.Null(DeviceList.Name(["a", "b", "c", "d"]));
        Assert.Null(DeviceList.Name([]));
    }

    [Fact]
    public void ASignInSaysHowItWasMade() =>
        Assert.Equal("Signed in on Chrome on Windows with password + passkey.",
            ActivitySentence.Of(new ActivityEntry(ActivityEvent.SignedIn, At, "Chrome on Windows", null, Method: SignInMethod.PasswordAndPasskey)));
}
