using Microsoft.AspNetCore.Identity;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Passkeys;

/// <summary>
/// The "add a passkey" ceremony: its state (the challenge, 32 bytes, and the user it is for) waits in Redis under
/// the user's hash tag for <see cref="PasskeyRelyingParty.CeremonyLifetime"/>, one per user, and is read once
/// with GETDEL, so an attestation is refused when its state is missing, used, expired or another user's.
/// </summary>
public sealed class PasskeyRegistration(IPasskeyHandler<PasskeyUser> handler, IConnectionMultiplexer redis, SecurityLog log)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>The creation options (JSON for <c>PublicKeyCredential.parseCreationOptionsFromJSON</c>).</summary>
    public async Task<string> BeginAsync(Account account, HttpContext http)
    {
        var user = new PasskeyUserEntity { Id = account.Id, Name = account.Email, DisplayName = account.DisplayName };
        var options = await handler.MakeCreationOptionsAsync(user, http);
        await Db.StringSetAsync(RedisKeys.PasskeyRegistration(account.Id), options.AttestationState, PasskeyRelyingParty.CeremonyLifetime);
        return options.CreationOptionsJson;
    }

    /// <summary>The verified new passkey, or null (refused: no live state of this user's, or the attestation is wrong).</summary>
    public async Task<UserPasskeyInfo?> FinishAsync(Account account, string? credentialJson, HttpContext http)
    {
        var state = await Db.StringGetDeleteAsync(RedisKeys.PasskeyRegistration(account.Id));
        if (state.IsNullOrEmpty || string.IsNullOrEmpty(credentialJson))
        {
            log.PasskeyRefused(http, "registration-without-state");
            return null;
        }
        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext
        {
            HttpContext = http, CredentialJson = credentialJson, AttestationState = state.ToString(),
        });
        if (!result.Succeeded || result.UserEntity.Id != account.Id)
        {
            log.PasskeyRefused(http, "attestation-invalid");
            return null;
        }
        return result.Passkey;
    }
}
