using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Models;
using SessionSite.Sessions;

namespace SessionSite.Controllers;

public sealed class AccountController(
    UserStore users, PasswordAuthenticator authenticator, IPasswordHasher<Account> hasher, SessionSignIn sessions) : Controller
{
    [HttpGet("/signup")]
    public IActionResult SignUp() => View(new SignUpForm());

    [HttpPost("/signup")]
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
        var account = await authenticator.AuthenticateAsync(form.Email, form.Password);
        if (account is null)
        {
            ModelState.AddModelError("", "The email or password is incorrect.");
            return View(form);
        }
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
}
