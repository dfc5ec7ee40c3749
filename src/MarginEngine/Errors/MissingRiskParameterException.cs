namespace MarginEngine.Errors;

/// <summary>
/// Thrown when the risk profile lacks a parameter the calculation needs: the leverage brackets of an
/// instrument or the haircut schedule of an asset. Missing parameters never count as zero.
/// </summary>
public sealed class MissingRiskParameterException : KeyNotFoundException
{
    /// <summary>Creates the exception for a missing <paramref name="kind"/> of <paramref name="id"/> in profile <paramref name="profile"/>.</summary>
    public MissingRiskParameterException(string profile, string kind, string id)
        : base($"risk profile '{profile}' has no {kind} for '{id}'")
    {
        Profile = profile;
        Kind = kind;
        Id = id;
    }

    /// <summary>The profile's name.</summary>
    public string Profile { get; }

    /// <summary>What is missing: "leverage brackets" or "haircut schedule".</summary>
    public string Kind { get; }

    /// <summary>The instrument or asset id.</summary>
    public string Id { get; }
}
