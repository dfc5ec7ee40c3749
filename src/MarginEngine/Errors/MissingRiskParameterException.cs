namespace MarginEngine.Errors;

/// <summary>
/// Thrown when the risk profile lacks a parameter the calculation needs: the leverage brackets of an
/// instrument, the haircut schedule of an asset, option rates, risk-unit parameters. Missing
/// parameters never count as zero.
/// </summary>
public sealed class MissingRiskParameterException : KeyNotFoundException
{
    /// <summary>Creates the exception for a missing <paramref name="kind"/> of <paramref name="id"/> in profile <paramref name="profile"/>.</summary>
    public MissingRiskParameterException(string profile, string kind, string id)
        : this(profile, kind, id, null)
    {
    }

    /// <summary>Creates the exception with a <paramref name="detail"/> (keys tried, how to supply the figure) appended to the message.</summary>
    public MissingRiskParameterException(string profile, string kind, string id, string? detail)
        : base($"risk profile '{profile}' has no {kind} for '{id}'{(detail is null ? "" : $" ({detail})")}")
    {
        Profile = profile;
        Kind = kind;
        Id = id;
    }

    /// <summary>The profile's name.</summary>
    public string Profile { get; }

    /// <summary>What is missing, e.g. "leverage brackets" or "haircut schedule".</summary>
    public string Kind { get; }

    /// <summary>The instrument or asset id.</summary>
    public string Id { get; }
}
