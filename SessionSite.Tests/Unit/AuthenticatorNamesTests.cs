using System.Formats.Cbor;
using SessionSite.Passkeys;

namespace SessionSite.Tests.Unit;

public sealed class AuthenticatorNamesTests
{
    private static byte[] AttestationObject(Guid aaguid, byte flags = 0x45)
    {
        byte[] authData = [.. new byte[32], flags, 0, 0, 0, 0, .. aaguid.ToByteArray(bigEndian: true), 0, 1, 7];
        var writer = new CborWriter();
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("none");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    [Fact]
    public void AKnownModelIsNamed() =>
        Assert.Equal("iCloud Keychain", AuthenticatorNames.Of(AttestationObject(Guid.Parse("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"))));

    [Fact]
    public void ZerosAnUnknownModelOrNoAttestedDataGiveNoName()
    {
        Assert.Null(AuthenticatorNames.Of(AttestationObject(Guid.Empty)));
        Assert.Null(AuthenticatorNames.Of(AttestationObject(Guid.NewGuid())));
        Assert.Null(AuthenticatorNames.Of(AttestationObject(Guid.Parse("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"), flags: 0x05)));
    }

    [Fact]
    public void GarbageGivesNoName()
    {
        Assert.Null(AuthenticatorNames.Of(null));
        Assert.Null(AuthenticatorNames.Of([0xFF, 0x00, 0x13]));
        Assert.Null(AuthenticatorNames.Of([]));
    }
}
