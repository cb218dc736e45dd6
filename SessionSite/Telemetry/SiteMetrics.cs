using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SessionSite.Telemetry;

/// <summary>
/// The site's own meter (<c>SessionSite</c>) and activity source. Instruments are created once, from the host's
/// <see cref="IMeterFactory"/>, so tests can listen to exactly this host's. Tags carry kinds and outcomes only:
/// never a user id, email, address or token.
/// </summary>
public sealed class SiteMetrics
{
    public const string MeterName = "SessionSite";

    public static readonly ActivitySource Source = new(MeterName);

    private readonly Counter<long> signInAttempts;
    private readonly Counter<long> sessionsStarted;
    private readonly Counter<long> sessionsEnded;
    private readonly Histogram<double> hashingWait;
    private readonly Counter<long> busyAnswers;
    private readonly Counter<long> mailSent;
    private readonly Counter<long> linkRequests;
    private readonly Counter<long> redisFailures;

    public SiteMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        signInAttempts = meter.CreateCounter<long>("sessionsite.sign_in.attempts", "{attempt}", "Sign-in attempts by method and result");
        sessionsStarted = meter.CreateCounter<long>("sessionsite.sessions.started", "{session}", "Sessions started, by sign-in method");
        sessionsEnded = meter.CreateCounter<long>("sessionsite.sessions.ended", "{session}", "Sessions ended, by reason (expired: only those the site observed)");
        hashingWait = meter.CreateHistogram<double>("sessionsite.password_hashing.wait", "s", "Time a password check waited for its hashing turn");
        busyAnswers = meter.CreateCounter<long>("sessionsite.busy_answers", "{answer}", "Requests answered 'busy' because the hashing queue was full");
        mailSent = meter.CreateCounter<long>("sessionsite.mail.sent", "{mail}", "Mails handed to SMTP, failed or given up, by kind");
        linkRequests = meter.CreateCounter<long>("sessionsite.link_requests", "{request}", "Mailed links asked for, by kind");
        redisFailures = meter.CreateCounter<long>("sessionsite.redis.failures", "{failure}", "Requests that failed because Redis was unreachable or slow");
        Meter = meter;
    }

    /// <summary>For the gauges other parts observe (the hashing queue, the mail outbox).</summary>
    public Meter Meter { get; }

    public void SignInAttempt(string method, string result) =>
        signInAttempts.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("result", result));

    public void SessionStarted(string method) => sessionsStarted.Add(1, new KeyValuePair<string, object?>("method", method));

    public void SessionsEnded(string reason, long count = 1)
    {
        if (count > 0)
            sessionsEnded.Add(count, new KeyValuePair<string, object?>("reason", reason));
    }

    public void HashingWaited(TimeSpan wait) => hashingWait.Record(wait.TotalSeconds);

    public void BusyAnswer() => busyAnswers.Add(1);

    public void MailSent(string kind, string result) =>
        mailSent.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("result", result));

    public void LinkRequested(string kind) => linkRequests.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RedisFailure() => redisFailures.Add(1);
}

/// <summary>The values of the tags above, spelled once.</summary>
public static class MetricTags
{
    public const string Password = "password";
    public const string Totp = "totp";
    public const string RecoveryCode = "recovery_code";
    public const string Passkey = "passkey";

    public const string Success = "success";
    public const string WrongPassword = "wrong_password";
    public const string Throttled = "throttled";
    public const string Busy = "busy";
    public const string SecondStepRequired = "second_step_required";
    public const string SecondStepFailed = "second_step_failed";
    public const string PasskeyRefused = "passkey_refused";

    /// <summary>A session started by signing up (no sign-in method was used).</summary>
    public const string SignUp = "sign_up";

    // Why sessions ended.
    public const string SignedOut = "signed_out";
    public const string Revoked = "revoked";
    public const string RevokedOthers = "revoked_others";
    public const string RevokedAll = "revoked_all";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string CapEvicted = "cap_evicted";
    public const string SecondStepLocked = "second_step_locked";
    /// <summary>Too many wrong answers on "confirm it's you" (not in the list; the nearest operators would ask for).</summary>
    public const string ConfirmLocked = "confirm_locked";
    public const string AccountRecovered = "account_recovered";
    public const string Deleted = "deleted";
    public const string Expired = "expired";

    // Mailed links asked for.
    public const string ResetPasswordLink = "reset_password";
    public const string VerifyEmailLink = "verify_email";
    public const string ChangeEmailLink = "change_email";
}
