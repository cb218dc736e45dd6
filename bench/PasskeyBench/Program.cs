using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

// Passkey sign-ins, one after another on one keep-alive connection, each as a signed-out browser that keeps only its
// device cookie (a returning person, so no new-device mail): GET /signin (the antiforgery token), then the timed
// part, POST /signin/passkey/options and POST /signin/passkey with an assertion signed by an ES256 key (the test
// suite's SoftwareAuthenticator, in short). First it signs up an account and adds the passkey, then warms up.
//
//   dotnet PasskeyBench.dll SITE ORIGIN SECONDS WARMUP KEYFILE   (SITE http://127.0.0.1:PORT; ORIGIN its Site:PublicBaseUrl)
// KEYFILE keeps the passkey (key, credential id, user handle, counter) between runs: a run during a password storm
// cannot sign up (sign-up hashes a password and is answered busy), so the calm run makes it and the next reuses it.
// Prints "PASSKEY count=N p50=X p99=Y failed=F" (milliseconds).
var site = new Uri(args[0]);
var origin = args[1].TrimEnd('/');
var seconds = double.Parse(args[2], CultureInfo.InvariantCulture);
var warmup = double.Parse(args[3], CultureInfo.InvariantCulture);
var keyFile = args[4];
var rpId = new Uri(origin).Host;
using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var credentialId = RandomNumberGenerator.GetBytes(16);
uint signCount = 1;
string? userHandle = null;
if (File.Exists(keyFile))
{
    var saved = File.ReadAllLines(keyFile);
    key.ImportPkcs8PrivateKey(Convert.FromBase64String(saved[0]), out _);
    credentialId = Convert.FromBase64String(saved[1]);
    userHandle = saved[2];
    signCount = uint.Parse(saved[3], CultureInfo.InvariantCulture);
}
var idText = Base64Url.EncodeToString(credentialId);

(HttpClient Client, CookieContainer Jar) NewClient()
{
    var jar = new CookieContainer();
    return (new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = site }, jar);
}

static async Task<string> TokenAsync(HttpClient client, string path)
{
    var html = await client.GetStringAsync(path);
    return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}

static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
    client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

byte[] AuthenticatorData(int flags, uint count)
{
    var counter = new byte[4];
    BinaryPrimitives.WriteUInt32BigEndian(counter, count);
    return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), (byte)flags, .. counter];
}

byte[] ClientData(string type, string challenge) =>
    JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false });

string Credential(JsonObject response) => new JsonObject
{
    ["id"] = idText, ["rawId"] = idText, ["type"] = "public-key", ["authenticatorAttachment"] = "platform",
    ["response"] = response, ["clientExtensionResults"] = new JsonObject(),
}.ToJsonString();

static byte[] CborText(string text) => [(byte)(0x60 | text.Length), .. Encoding.ASCII.GetBytes(text)];

static byte[] CborBytes(byte[] bytes) =>
    bytes.Length < 256 ? [0x58, (byte)bytes.Length, .. bytes] : [0x59, (byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];

string Register(string optionsJson)
{
    var options = JsonNode.Parse(optionsJson)!;
    var q = key.ExportParameters(false).Q;
    byte[] cose = [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. q.X!, 0x22, 0x58, 0x20, .. q.Y!];
    byte[] authData = [.. AuthenticatorData(0x45, 0), .. new byte[16], 0, (byte)credentialId.Length, .. credentialId, .. cose];
    byte[] attestation = [0xA3, .. CborText("fmt"), .. CborText("none"), .. CborText("attStmt"), 0xA0, .. CborText("authData"), .. CborBytes(authData)];
    return Credential(new JsonObject
    {
        ["clientDataJSON"] = Base64Url.EncodeToString(ClientData("webauthn.create", options["challenge"]!.GetValue<string>())),
        ["attestationObject"] = Base64Url.EncodeToString(attestation),
        ["transports"] = new JsonArray("internal"),
    });
}

string Assert(string optionsJson, string userHandle)
{
    var options = JsonNode.Parse(optionsJson)!;
    var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
    var authData = AuthenticatorData(0x05, signCount++);
    var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    return Credential(new JsonObject
    {
        ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
        ["authenticatorData"] = Base64Url.EncodeToString(authData),
        ["signature"] = Base64Url.EncodeToString(signature),
        ["userHandle"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userHandle)),
    });
}

// Sign up and add the passkey (first run only).
if (userHandle is null)
    userHandle = await SignUpWithPasskeyAsync();

async Task<string> SignUpWithPasskeyAsync()
{
    var (owner, _) = NewClient();
    var password = $"a passkey bench passphrase {RandomNumberGenerator.GetHexString(8)}";
    var signUp = await PostAsync(owner, "/signup", ("Email", $"passkey-bench-{Guid.NewGuid():N}@example.com"), ("DisplayName", "Bench"),
        ("Password", password), ("ConfirmPassword", password), ("__RequestVerificationToken", await TokenAsync(owner, "/signup")));
    if (signUp.StatusCode != HttpStatusCode.Redirect)
        throw new InvalidOperationException($"sign-up answered {(int)signUp.StatusCode}");
    var addToken = await TokenAsync(owner, "/account/passkeys");
    var creation = await (await PostAsync(owner, "/account/passkeys/options", ("__RequestVerificationToken", addToken))).Content.ReadAsStringAsync();
    var handle = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(JsonNode.Parse(creation)!["user"]!["id"]!.GetValue<string>()));
    var added = await PostAsync(owner, "/account/passkeys/add", ("CredentialJson", Register(creation)), ("__RequestVerificationToken", addToken));
    if (added.StatusCode != HttpStatusCode.OK)
        throw new InvalidOperationException($"adding the passkey answered {(int)added.StatusCode}");
    return handle;
}

var (client, jar) = NewClient();
var latencies = new List<double>();
var failed = 0;
var clock = Stopwatch.StartNew();
while (clock.Elapsed.TotalSeconds < warmup + seconds)
{
    foreach (var cookie in jar.GetAllCookies().Where(c => !c.Name.EndsWith(".device", StringComparison.Ordinal)))
        cookie.Expired = true;
    var token = await TokenAsync(client, "/signin");
    var started = Stopwatch.GetTimestamp();
    var options = await (await PostAsync(client, "/signin/passkey/options", ("__RequestVerificationToken", token))).Content.ReadAsStringAsync();
    using var answer = await PostAsync(client, "/signin/passkey", ("CredentialJson", Assert(options, userHandle)), ("RememberMe", "false"),
        ("__RequestVerificationToken", token));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (clock.Elapsed.TotalSeconds < warmup)
        continue;
    if (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString == "/profile")
        latencies.Add(elapsed);
    else
        failed++;
}
File.WriteAllLines(keyFile,
    [Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(credentialId), userHandle, signCount.ToString(CultureInfo.InvariantCulture)]);
latencies.Sort();
double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PASSKEY count={latencies.Count} p50={At(0.50):F2} p99={At(0.99):F2} failed={failed}"));
