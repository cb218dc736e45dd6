using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Mail;

namespace SessionSite.TwoStep;

/// <summary>
/// What follows a recovery code used up, at the second step or to confirm it's you: the activity records it, the owner
/// is mailed how many are left, and the page says the same.
/// </summary>
public sealed class RecoveryCodeUse(TwoStepStorage twoStep, AccountMail mail, SecurityLog log)
{
    /// <summary>Records the use and mails the count; the sentence for the page's flash.</summary>
    public async Task<string> RecordAsync(HttpContext http, Account account)
    {
        log.TwoStep(http, account.Id, ActivityEvent.RecoveryCodeUsed);
        var left = await twoStep.RecoveryCodesLeftAsync(account.Id);
        await mail.NoticeRecoveryCodeUsedAsync(account.Email, left);
        return $"You used a recovery code: {left} {(left == 1 ? "is" : "are")} left. Make new ones on the two-step page if you are running out.";
    }
}
