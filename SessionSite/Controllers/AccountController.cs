using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SessionSite.Accounts;
using SessionSite.Configuration;
using SessionSite.Models;
using SessionSite.Security;
using SessionSite.Sessions;
using SessionSite.Throttling;

namespace SessionSite.Controllers;

public sealed class AccountController(
    UserStore users,
    PasswordAuthenticator authenticator,
    IPasswordHasher<Account> hasher,
    SessionSignIn sessions,
    SignInThrottle throttle,
    SecurityLog log) : Controller
{
    [HttpGet("/signup")]
    public IActionResult SignUp() => View(new SignUpForm());

    [HttpPost("/signup")]
    [EnableRateLimiting(ThrottlingServiceCollectionExtensions.SignUpPolicy)]
    public async Task<IActionResult> SignUp(SignUpForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var account = await users.CreateAsync(form.Email, form.DisplayName, draft => hasher.HashPassword(draft, form.Password));
        if (account is null)
        {
            ModelState.AddModelError(nameof(form.Email), "An account with this email already exists. Sign in instead?");
            return View(form);
        }
        log.SignedUp(HttpContext, account.Id);
        await sessions.SignInAsync(HttpContext, account, persistent: false);
        TempData.Flash($"Welcome, {account.DisplayName}!");
        return Redirect("/profile");
    }

    [HttpGet("/signin")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("/signin")]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var ip = ClientAddress.Of(HttpContext);
        if (await throttle.WaitBeforeAttemptAsync(ip, form.Email) is { } wait)
            return TooManyAttempts(wait);

        var account = await authenticator.AuthenticateAsync(form.Email, form.Password);
        if (account is null)
        {
            await throttle.RecordFailureAsync(ip, form.Email);
            log.SignInFailed(HttpContext);
            ModelState.AddModelError("", "The email or password is incorrect.");
            return View(form);
        }
        await throttle.ResetAccountAsync(form.Email);
        log.SignInSucceeded(HttpContext, account.Id);
        await sessions.SignInAsync(HttpContext, account, form.RememberMe);
        TempData.Flash($"Welcome, {account.DisplayName}!");
        return Redirect(IsSafeReturnUrl(form.ReturnUrl) ? form.ReturnUrl! : "/profile");
    }

    [HttpPost("/signout")]
    public async Task<IActionResult> SignOutOfSite()
    {
        await sessions.SignOutAsync(HttpContext);
        TempData.Flash("You have been signed out.");
        return Redirect("/");
    }

    // IsLocalUrl rejects "//host" and "/\host"; control characters would break the Location header.
    private bool IsSafeReturnUrl(string? url) => Url.IsLocalUrl(url) && !url.Any(char.IsControl);

    private ViewResult TooManyAttempts(TimeSpan wait)
    {
        log.SignInThrottled(HttpContext, wait);
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString();
        return View("TooManyAttempts", seconds);
    }
}
