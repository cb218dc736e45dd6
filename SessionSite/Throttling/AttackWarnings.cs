using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Recovery;

namespace SessionSite.Throttling;

/// <summary>Tells an account's owner that someone is guessing at it, within the <see cref="WarningAllowance"/>.</summary>
public sealed class AttackWarnings(WarningAllowance allowance, AccountMail mail, IOptions<ThrottlingOptions> options)
{
    private ThrottlingOptions Options => options.Value;

    /// <summary>The account's password throttle just filled: sign-in is paused until <paramref name="until"/>.</summary>
    public async Task SignInPausedAsync(Account account, DateTimeOffset until)
    {
        if (await allowance.TryTakeAsync(account.Id, "sign-in-paused", Options.AccountWindow))
            await mail.WarnSignInPausedAsync(account.Email, until);
    }

    /// <summary>Someone who holds the password keeps entering wrong second-step codes.</summary>
    public async Task SecondStepFailingAsync(Account account)
    {
        if (await allowance.TryTakeAsync(account.Id, "second-step-failing", Options.SecondStepWindow))
            await mail.WarnSecondStepFailingAsync(account.Email);
    }
}
