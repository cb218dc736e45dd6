using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;
using SessionSite.Web;

namespace SessionSite.Devices;

/// <summary>
/// ASVS 6.3.5: a complete sign-in from a browser the account has not used is mailed to its owner (device, IP
/// address, time, the sessions page and "this wasn't me"). Only sign-ins pay for it: ordinary signed-in requests
/// never read the device cookie.
/// </summary>
public sealed class NewDeviceNotice(DeviceCookie cookie, KnownDevices devices, CurrentSession current, AccountMail mail, TimeProvider clock, SecurityLog log)
{
    /// <summary>
    /// Before a sign-in replaces the browser's session: a browser already signed in to this account but without a
    /// device cookie (every browser on the day this shipped) is given one and known, silently.
    /// </summary>
    public async Task AdoptSignedInBrowserAsync(HttpContext http, Account account)
    {
        if (cookie.TryRead(http.Request, out _) || await current.GetAsync(http) is not { Record: { IsSignedIn: true } record } || record.UserId != account.Id)
            return;
        await devices.RememberAsync(account.Id, cookie.ReadOrIssue(http), announce: false);
    }

    /// <summary>The browser that signed up is known without a notice. Without an account (an address taken) it still gets its cookie, so the answer looks the same.</summary>
    public async Task SignedUpAsync(HttpContext http, Account? account)
    {
        var device = cookie.ReadOrIssue(http);
        if (account is not null)
            await devices.RememberAsync(account.Id, device, announce: false);
    }

    /// <summary>After a complete sign-in (the password without two-step, or the second step).</summary>
    public async Task SignedInAsync(HttpContext http, Account account)
    {
        var now = clock.GetUtcNow();
        if (!await devices.RememberAsync(account.Id, cookie.ReadOrIssue(http), announce: true))
            return;
        var client = ClientDescription.From(http);
        await mail.NoticeNewDeviceAsync(account.Email, client.Device, client.Ip, now, new RecoverableEvent(account.Id, RecoverableKind.NewDevice, now));
        log.NewDevice(http, account.Id);
    }
}
