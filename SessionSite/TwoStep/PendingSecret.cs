namespace SessionSite.TwoStep;

/// <summary>An enrolment's secret as unsealed from its form, with the credential stamp it was made under.</summary>
public sealed record PendingSecret(string Base32, long CredentialStamp);
