using SessionSite.Sessions;

namespace SessionSite.Tests.Unit;

public sealed class SessionGateRuleTests
{
    private static readonly PresentedSession HalfWay = new(true, SignInStage.PasswordOnly);
    private static readonly PresentedSession Ended = new(true, null);

    [Theory]
    [InlineData(SignInStage.Complete)]
    [InlineData(SignInStage.CompleteWithSecondStep)]
    public void ACompleteSessionPassesEveryAccess(SignInStage stage)
    {
        foreach (var access in Enum.GetValues<PageAccess>())
        foreach (var isPost in new[] { false, true })
            Assert.Equal(GateVerdict.Pass, SessionGate.Decide(access, new PresentedSession(true, stage), isPost));
    }

    [Fact]
    public void AHalfWaySessionFinishesItsSecondStepBeforeSignedInPagesAndPublicForms()
    {
        Assert.Equal(GateVerdict.FinishSecondStep, SessionGate.Decide(PageAccess.SignedIn, HalfWay, isPost: false));
        Assert.Equal(GateVerdict.FinishSecondStep, SessionGate.Decide(PageAccess.SignedIn, HalfWay, isPost: true));
        Assert.Equal(GateVerdict.FinishSecondStep, SessionGate.Decide(PageAccess.Public, HalfWay, isPost: true));
        Assert.Equal(GateVerdict.Pass, SessionGate.Decide(PageAccess.Public, HalfWay, isPost: false));
        Assert.Equal(GateVerdict.Pass, SessionGate.Decide(PageAccess.HalfWayAllowed, HalfWay, isPost: true));
    }

    [Fact]
    public void NoSessionSignsInForSignedInPagesAndAFormOfAnEndedSessionToo()
    {
        Assert.Equal(GateVerdict.SignIn, SessionGate.Decide(PageAccess.SignedIn, PresentedSession.None, isPost: false));
        Assert.Equal(GateVerdict.Pass, SessionGate.Decide(PageAccess.Public, PresentedSession.None, isPost: true));
        Assert.Equal(GateVerdict.SignIn, SessionGate.Decide(PageAccess.Public, Ended, isPost: true));
        Assert.Equal(GateVerdict.SignIn, SessionGate.Decide(PageAccess.HalfWayAllowed, Ended, isPost: true));
        Assert.Equal(GateVerdict.Pass, SessionGate.Decide(PageAccess.Public, Ended, isPost: false));
    }

    [Fact]
    public void OnlyPagesThatNeedASignInOrFormsWithACookieCostARead()
    {
        Assert.True(SessionGate.NeedsSession(PageAccess.SignedIn, hasCookie: false, isPost: false));
        Assert.True(SessionGate.NeedsSession(PageAccess.Public, hasCookie: true, isPost: true));
        Assert.False(SessionGate.NeedsSession(PageAccess.Public, hasCookie: true, isPost: false));
        Assert.False(SessionGate.NeedsSession(PageAccess.HalfWayAllowed, hasCookie: false, isPost: true));
    }

    [Fact]
    public void AHalfWaySessionIsNobodyToTheFramework()
    {
        var record = new SessionRecord("u1", "a@example.com", "A", DateTimeOffset.UnixEpoch, IsAuthenticated: false,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, false, null, "d");

        Assert.False(SessionPrincipal.For(record).Identity!.IsAuthenticated);
        Assert.True(SessionPrincipal.For(record with { IsAuthenticated = true }).Identity!.IsAuthenticated);
    }
}
